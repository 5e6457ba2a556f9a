import SDKModel

/// How a method's failures become its SDK's error: the error type's name, and the function
/// the runtime calls with a `RequestFailure` (`LinqError.init`, or a closure that names the
/// operation when its error bodies differ from other operations').
struct ErrorMapping {
    /// The error type, e.g. `LinqError`.
    var typeName: String
    /// The function expression, e.g. `LinqError.init`.
    var function: String
}

/// How a method turns its response into what it returns: the return type, and the statements
/// that send the request and produce the value (one per response shape).
struct ResponseCode {
    /// The Swift return type; `nil` for `Void`.
    var returnType: String?
    /// The statements after the request is built, without indentation.
    var statements: [String]
    /// What the `- Returns:` line says.
    var returnsDoc: String?

    /// The code for a method returning `body`.
    static func single(_ body: ResponseBody, errors: ErrorMapping) -> ResponseCode {
        let send = "try await core.send(request, options: options, mapError: \(errors.function))"
        let mapError = "mapError: \(errors.function)"
        switch body {
        case .empty:
            return ResponseCode(returnType: nil, statements: ["_ = \(send)"], returnsDoc: nil)
        case .json(let type):
            return ResponseCode(
                returnType: type.swiftSource,
                statements: ["let response = \(send)", "return try core.decode(\(type.swiftSource).self, from: response, \(mapError))"],
                returnsDoc: "The decoded `\(type.swiftSource)`.")
        case .text:
            return ResponseCode(
                returnType: "String", statements: ["let response = \(send)", "return try core.text(from: response, \(mapError))"],
                returnsDoc: "The response body as text.")
        case .bytes:
            return ResponseCode(returnType: "Data", statements: ["return \(send).body"], returnsDoc: "The response body's bytes.")
        case .eventStream(let type):
            let element = type.map { "ServerSentEventWithJSONData<\($0.swiftSource)>" } ?? "ServerSentEvent"
            let call =
                type.map { "core.serverSentEvents(of: \($0.swiftSource).self, request, options: options, \(mapError))" }
                ?? "core.serverSentEvents(request, options: options, \(mapError))"
            return ResponseCode(
                returnType: "ResponseStream<\(element), \(errors.typeName)>", statements: ["return try await \(call)"],
                returnsDoc: "The Server-Sent Events as they arrive"
                    + (type.map { ", each event's `data` decoded as `\($0.swiftSource)`." } ?? "."))
        case .jsonLines(let type):
            return ResponseCode(
                returnType: "ResponseStream<\(type.swiftSource), \(errors.typeName)>",
                statements: ["return try await core.jsonLines(of: \(type.swiftSource).self, request, options: options, \(mapError))"],
                returnsDoc: "The JSON Lines records as they arrive.")
        case .jsonSequence(let type):
            return ResponseCode(
                returnType: "ResponseStream<\(type.swiftSource), \(errors.typeName)>",
                statements: ["return try await core.jsonSequence(of: \(type.swiftSource).self, request, options: options, \(mapError))"],
                returnsDoc: "The JSON Sequence records as they arrive.")
        }
    }

    /// The code of a raw byte stream, for large downloads.
    static func byteStream(errors: ErrorMapping) -> ResponseCode {
        ResponseCode(
            returnType: "ResponseStream<ArraySlice<UInt8>, \(errors.typeName)>",
            statements: ["return try await core.byteStream(request, options: options, mapError: \(errors.function))"],
            returnsDoc: "The response body's bytes, chunk by chunk as they arrive.")
    }

    /// The code for a method whose 2xx statuses carry different bodies: it returns `responses`' enum.
    static func byStatus(_ responses: StatusResponses, errors: ErrorMapping) -> ResponseCode {
        var statements = [
            "let response = try await core.send(request, options: options, mapError: \(errors.function))", "switch response.statusCode {",
        ]
        var fallback: String?
        for item in responses.cases {
            let value: String
            switch item.body {
            case .empty: value = "." + SwiftNaming.escaped(item.name)
            case .json(let type):
                value = ".\(SwiftNaming.escaped(item.name))(try core.decode(\(type.swiftSource).self, from: response, mapError: \(errors.function)))"
            case .text: value = ".\(SwiftNaming.escaped(item.name))(try core.text(from: response, mapError: \(errors.function)))"
            case .bytes, .eventStream, .jsonLines, .jsonSequence: value = ".\(SwiftNaming.escaped(item.name))(response.body)"
            }
            if let code = item.statusCode {
                statements += ["case \(code):", "    return \(value)"]
            } else if fallback == nil {
                fallback = value
            }
        }
        statements += ["default:", "    return \(fallback ?? ".other(response)")", "}"]
        return ResponseCode(returnType: responses.typeName, statements: statements, returnsDoc: "Which documented response came back, with its body.")
    }

    /// The associated value of a status case, `nil` for none.
    static func associatedType(of body: ResponseBody) -> String? {
        switch body {
        case .empty: return nil
        case .json(let type): return type.swiftSource
        case .text: return "String"
        case .bytes, .eventStream, .jsonLines, .jsonSequence: return "Data"
        }
    }
}
