import SDKModel
import Templating

extension ContextBuilder {
    /// The methods of a resource (or of the client), each knowing whether another follows.
    func methods(_ methods: [Method]) -> TemplateValue {
        .objects(
            methods.enumerated().map { index, method in
                var context = self.method(method)
                context["followedByAnother"] = .flag(index < methods.count - 1)
                return context
            })
    }

    /// One method: its signature, request building, what it returns, its streaming variant and,
    /// for a paged list, its `…All` sequence.
    func method(_ method: Method) -> TemplateObject {
        let signature = arguments(of: method).map(\.declaration)
        let queryItems = method.parameters.filter { $0.kind == .query }
        let headerItems = method.parameters.filter { $0.kind == .header || $0.kind == .cookie }
        let code = mainCode(of: method)
        var context: TemplateObject = [
            "name": .text(SwiftNaming.escaped(method.name)),
            "docLines": .texts(docLines(for: method, returns: code.returnsDoc)),
            "deprecated": .flag(method.deprecated),
            "signature": .text(signature.joined(separator: ", ")),
            "returnClause": .text(code.returnType.map { " -> " + $0 } ?? ""),
            "requestBinding": .text(queryItems.isEmpty && headerItems.isEmpty && method.body == nil ? "let" : "var"),
            "requestArguments": .text(requestArguments(method)),
            "queryItems": .objects(queryItems.map(parameterContext)),
            "headerItems": .objects(headerItems.map(parameterContext)),
            "statements": .texts(code.statements),
            "errorName": .text(sdk.errorName),
            "discardable": .flag(method.discardableResult),
        ]
        if let body = method.body {
            let paths = method.idempotencyKeyPaths.map { "[" + $0.map(SwiftText.stringLiteral).joined(separator: ", ") + "]" }
            let fill = paths.isEmpty ? [] : ["request.fillIdempotencyKeys(at: [" + paths.joined(separator: ", ") + "])"]
            context["body"] = .object([
                "required": .flag(body.required), "setBody": .text(setBodyStatement(body)), "fillKeys": .texts(fill),
            ])
        }
        if let fields = method.bodyFields, let body = method.body {
            context["flattened"] = .object(flattened(method, body: body, fields: fields, returns: code.returnsDoc))
        }
        if case .byStatus(let responses) = method.response {
            context["statusEnum"] = .object(statusEnum(responses, of: method))
        }
        if let variant = method.streamVariant, let variantCode = variantCode(of: method) {
            var setter: [String] = []
            if let property = variant.streamProperty, let body = method.body {
                setter = ["var body = body", "body\(body.required ? "" : "?").\(SwiftNaming.escaped(property)) = true"]
            }
            context["streamVariant"] = .object([
                "name": .text(SwiftNaming.escaped(variant.name)),
                "docLines": .texts(streamDocLines(for: method, variant: variant, returns: variantCode.returnsDoc)),
                "returnClause": .text(variantCode.returnType.map { " -> " + $0 } ?? ""),
                "requestArguments": .text(requestArguments(method, accept: variant.accept)),
                "streamSetter": .texts(setter),
                "statements": .texts(variantCode.statements),
            ])
        }
        if let pagination = method.pagination {
            // The same arguments without the cursor, which the sequence passes page by page.
            let arguments = arguments(of: method)
            let allSignature = arguments.filter { $0.label != pagination.cursorLabel }.map(\.declaration)
            let passed = arguments.map {
                SwiftNaming.argumentLabel($0.label) + ": " + ($0.label == pagination.cursorLabel ? "cursor" : $0.name)
            }
            context["pagination"] = .object([
                "allName": .text(SwiftNaming.escaped(method.name + "All")),
                "signature": .text(allSignature.joined(separator: ", ")),
                "arguments": .text(passed.joined(separator: ", ")),
                "itemType": .text(pagination.itemType.swiftSource),
                "itemsProperty": .text(pagination.itemsProperty),
                "nextCursorProperty": .text(pagination.nextCursorProperty),
                "docLines": .texts([
                    "/// Every `\(pagination.itemType.swiftSource)` that `\(method.name)` lists, page after page.",
                    "///",
                    "/// Pages are requested lazily while the sequence is iterated, each with the previous",
                    "/// page's cursor; iteration ends after the last page.",
                ]),
            ])
        }
        return context
    }

    /// The arguments of `APIRequest(…)`: method, path, operationId, and `accept` and `security`
    /// when they are not the defaults.
    private func requestArguments(_ method: Method, accept: String? = nil) -> String {
        var parts = [
            "method: .\(method.httpMethod.lowercased())", "path: \(pathExpression(method.pathPieces, parameters: method.parameters))",
            "operationID: \(SwiftText.stringLiteral(method.operationID ?? method.name))",
        ]
        let accept = accept ?? method.accept
        if accept != "application/json" {
            parts.append("accept: \(SwiftText.stringLiteral(accept))")
        }
        if let security = method.security {
            parts.append("security: \(Self.securityLiteral(security))")
        }
        return parts.joined(separator: ", ")
    }

    /// `[["a", "b"], []]`.
    static func securityLiteral(_ security: [[String]]) -> String {
        "[" + security.map { "[" + $0.map(SwiftText.stringLiteral).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
    }

    /// The code of the method's response.
    func mainCode(of method: Method) -> ResponseCode {
        switch method.response {
        case .single(let body): ResponseCode.single(body, errors: errorMapping(of: method))
        case .byStatus(let responses): ResponseCode.byStatus(responses, errors: errorMapping(of: method))
        }
    }

    /// How the method's failures become the SDK's error: through `init(_:operation:)` when an
    /// error status of the method documents another body than the status's first.
    func errorMapping(of method: Method) -> ErrorMapping {
        let key = method.errorKey
        let function =
            bodyChoosingMethods.contains(key) ? "{ \(sdk.errorName)($0, operation: \(SwiftText.stringLiteral(key))) }" : "\(sdk.errorName).init"
        return ErrorMapping(typeName: sdk.errorName, function: function)
    }

    /// The code of the method's streaming variant, when it has one.
    func variantCode(of method: Method) -> ResponseCode? {
        guard let variant = method.streamVariant else { return nil }
        if case .bytes = variant.body {
            return ResponseCode.byteStream(errors: errorMapping(of: method))
        }
        return ResponseCode.single(variant.body, errors: errorMapping(of: method))
    }

    /// The enum a method returns when its 2xx statuses carry different bodies.
    private func statusEnum(_ responses: StatusResponses, of method: Method) -> TemplateObject {
        var cases: [TemplateObject] = responses.cases.map { item in
            let status = item.statusCode.map { "HTTP \($0)" } ?? "Any other 2xx status"
            let doc = SwiftText.docComment(status + (item.description.map { ": " + SwiftText.singleLine($0) } ?? "."))
            let associated = ResponseCode.associatedType(of: item.body).map { "(\($0))" } ?? ""
            return ["docLines": .texts(doc), "declaration": .text(SwiftNaming.escaped(item.name) + associated)]
        }
        if !responses.cases.contains(where: { $0.statusCode == nil }) {
            cases.append([
                "docLines": .texts(["/// A 2xx status the API does not document, with the whole response."]),
                "declaration": "other(APIResponse)",
            ])
        }
        return [
            "typeName": .text(responses.typeName),
            "docLines": .texts(["/// What `\(method.name)` returns: which documented success status came back, with its body."]),
            "cases": .objects(cases),
        ]
    }

    /// The overload taking the body's properties as parameters: its signature, docs, and the
    /// call to the method taking the body value.
    private func flattened(_ method: Method, body: MethodBody, fields: [BodyField], returns: String?) -> TemplateObject {
        var declarations = method.parameters.filter(\.required).map { argument($0.label, $0.type, required: true).declaration }
        declarations += fields.filter(\.mustBeGiven).map { argument($0.label, $0.type, required: true).declaration }
        declarations += method.parameters.filter { !$0.required }.map { argument($0.label, $0.type, required: false).declaration }
        for field in fields where !field.mustBeGiven {
            let name = SwiftNaming.escaped(field.label)
            let declaredType = field.required ? field.type : .optional(field.type)
            declarations.append(
                field.singleCase.map { "\(name): \(field.type.swiftSource) = .\(SwiftNaming.escaped($0))" }
                    ?? field.defaultLiteral.map { "\(name): \(declaredType.swiftSource) = \($0)" }
                    ?? argument(field.label, field.type, required: false).declaration)
        }
        declarations.append(argument("options", .named("RequestOptions"), required: false).declaration)
        // In the order the body-value overload declares them.
        let value =
            body.type.swiftSource + "("
            + fields.map { "\(SwiftNaming.argumentLabel($0.label)): \(SwiftNaming.escaped($0.label))" }.joined(separator: ", ")
            + ")"
        let passed = arguments(of: method).map { $0.label == "body" ? "body: " + value : "\(SwiftNaming.argumentLabel($0.label)): \($0.name)" }
        let call = "try await \(SwiftNaming.escaped(method.name))(" + passed.joined(separator: ", ") + ")"
        return [
            "docLines": .texts(docLines(for: method, returns: returns, bodyFields: fields)),
            "signature": .text(declarations.joined(separator: ", ")),
            "call": .text(call),
        ]
    }

    /// One argument's declaration: `label: Type`, or `label: Type? = nil` when it is optional.
    private func argument(_ label: String, _ type: SwiftType, required: Bool) -> (label: String, name: String, declaration: String) {
        let name = SwiftNaming.escaped(label)
        return (label, name, required ? "\(name): \(type.swiftSource)" : "\(name): \(SwiftType.optional(type).swiftSource) = nil")
    }

    /// A method's arguments in declaration order: required parameters, a required body, optional
    /// parameters (defaulted to `nil`), an optional body, then `options`. An optional body has no
    /// default when the method also takes its properties (the overload a call without one picks).
    private func arguments(of method: Method) -> [(label: String, name: String, declaration: String)] {
        var result = method.parameters.filter(\.required).map { argument($0.label, $0.type, required: true) }
        if let body = method.body, body.required { result.append(argument("body", body.type, required: true)) }
        result += method.parameters.filter { !$0.required }.map { argument($0.label, $0.type, required: false) }
        if let body = method.body, !body.required {
            result.append(
                method.bodyFields == nil ? argument("body", body.type, required: false) : ("body", "body", "body: \(body.type.swiftSource)?"))
        }
        result.append(argument("options", .named("RequestOptions"), required: false))
        return result
    }

    /// `request.setBody(…)` for the body's encoding.
    private func setBodyStatement(_ body: MethodBody) -> String {
        let mapError = "mapError: \(sdk.errorName).init"
        switch body.encoding {
        case .json:
            let contentType = body.contentType == "application/json" ? "" : "contentType: \(SwiftText.stringLiteral(body.contentType)), "
            return "request.setBody(try core.encodeJSON(body, \(contentType)\(mapError)))"
        case .form:
            return "request.setBody(try core.encodeForm(body, \(mapError)))"
        case .multipart(let files, let parts):
            let fields = files.map { file in
                let encoding = file.encoding.map { ", encoding: " + Self.partEncoding($0) } ?? ""
                return "MultipartFileField(\(SwiftText.stringLiteral(file.partName)), body.\(SwiftNaming.escaped(file.swiftName))\(encoding))"
            }
            let entries = parts.map { "\(SwiftText.stringLiteral($0.partName)): \(Self.partEncoding($0))" }
            let partsArgument = entries.isEmpty ? "" : "parts: [" + entries.joined(separator: ", ") + "], "
            return "request.setBody(try core.encodeMultipart(body, files: [\(fields.joined(separator: ", "))], \(partsArgument)\(mapError)))"
        case .binary:
            return "request.setBody(EncodedBody(data: body, contentType: \(SwiftText.stringLiteral(body.contentType))))"
        }
    }

    /// `MultipartPartEncoding(contentType: …, headers: […])` for what the spec's `encoding` says about a part.
    private static func partEncoding(_ part: MultipartPart) -> String {
        var arguments: [String] = []
        if let contentType = part.contentType { arguments.append("contentType: " + SwiftText.stringLiteral(contentType)) }
        if !part.headers.isEmpty {
            let headers = part.headers.map { SwiftText.stringLiteral($0.name) + ": " + SwiftText.stringLiteral($0.value) }
            arguments.append("headers: [" + headers.joined(separator: ", ") + "]")
        }
        return "MultipartPartEncoding(" + arguments.joined(separator: ", ") + ")"
    }

    /// A query, header or cookie parameter: `statement` is the one runtime call that sends it.
    private func parameterContext(_ parameter: MethodParameter) -> TemplateObject {
        let function =
            switch parameter.kind {
            // Path parameters are written into the path expression and never come here.
            case .query, .path: "appendQuery"
            case .header: "setHeader"
            case .cookie: "appendCookie"
            }
        let arguments = [SwiftText.stringLiteral(parameter.wireName), valueArgument(parameter)] + styleArguments(parameter)
        return [
            "wireName": .text(SwiftText.stringLiteral(parameter.wireName)), "label": .text(SwiftNaming.escaped(parameter.label)),
            "statement": .text("request.\(function)(\(arguments.joined(separator: ", ")))"),
        ]
    }

    /// The value argument: `label`, `object: label`, or the JSON text of it; an idempotency key
    /// the caller left out is a new one.
    private func valueArgument(_ parameter: MethodParameter) -> String {
        let name = SwiftNaming.escaped(parameter.label)
        if parameter.fillsIdempotencyKey {
            return name + (parameter.type == .named("UUID") ? " ?? UUID()" : " ?? IdempotencyKey.make()")
        }
        switch parameter.encoding {
        case .text: return name
        case .object: return "object: " + name
        case .json: return "try core.jsonText(\(name), mapError: \(sdk.errorName).init)"
        }
    }

    /// `style:`, `explode:` and `allowReserved:` where they differ from the runtime's defaults
    /// for the location (form exploded for query and cookie, simple for path and header).
    private func styleArguments(_ parameter: MethodParameter) -> [String] {
        var result: [String] = []
        let defaultStyle = parameter.kind == .query || parameter.kind == .cookie ? "form" : "simple"
        let defaultExplode = defaultStyle == "form"
        if parameter.kind != .header && parameter.kind != .cookie && parameter.style != defaultStyle {
            result.append("style: .\(parameter.style)")
        }
        if parameter.explode != defaultExplode { result.append("explode: \(parameter.explode)") }
        if parameter.kind == .query && parameter.allowReserved { result.append("allowReserved: true") }
        return result
    }

    /// `"/v3/chats/" + PathEncoding.segment(chatID) + "/typing"`; a list, object, JSON or
    /// non-`simple` parameter is `PathEncoding.parameter(…)` in its style.
    func pathExpression(_ pieces: [PathPiece], parameters: [MethodParameter] = []) -> String {
        let parts = pieces.map { piece -> String in
            switch piece {
            case .literal(let text): return SwiftText.stringLiteral(text)
            case .parameter(let label):
                let name = SwiftNaming.escaped(label)
                guard let parameter = parameters.first(where: { $0.kind == .path && $0.label == label }),
                    parameter.encoding != .text || parameter.style != "simple" || parameter.explode || parameter.isList
                else { return "PathEncoding.segment(\(name))" }
                let value =
                    switch parameter.encoding {
                    case .text: name
                    case .object: "object: " + name
                    case .json: "try core.jsonText(\(name), mapError: \(sdk.errorName).init) ?? \"\""
                    }
                let arguments = [SwiftText.stringLiteral(parameter.wireName), value] + styleArguments(parameter)
                return "PathEncoding.parameter(\(arguments.joined(separator: ", ")))"
            }
        }
        return parts.isEmpty ? "\"/\"" : parts.joined(separator: " + ")
    }

    /// Summary, description, the HTTP method and path, then parameters (the body's properties
    /// for the overload taking them), returns and throws.
    private func docLines(for method: Method, returns: String?, bodyFields: [BodyField]? = nil) -> [String] {
        var parameterLines: [String] = []
        func document(_ parameters: [MethodParameter]) {
            for parameter in parameters {
                parameterLines += parameterDoc(
                    label: parameter.label, text: parameter.description ?? "The `\(parameter.wireName)` \(parameter.kind.rawValue) parameter.")
            }
        }
        func document(_ fields: [BodyField]) {
            for field in fields {
                parameterLines += parameterDoc(label: field.label, text: field.description ?? "The body's `\(field.label)`.")
            }
        }
        guard let bodyFields else {
            document(method.parameters)
            if let body = method.body {
                parameterLines += parameterDoc(label: "body", text: body.description ?? "The request body.")
            }
            return docLines(for: method, returns: returns, parameterLines: parameterLines)
        }
        // In the order of the signature: required parameters and fields, then the others.
        document(method.parameters.filter(\.required))
        document(bodyFields.filter(\.mustBeGiven))
        document(method.parameters.filter { !$0.required })
        document(bodyFields.filter { !$0.mustBeGiven })
        return docLines(for: method, returns: returns, parameterLines: parameterLines)
    }

    /// The documentation lines around the parameter list `parameterLines`.
    private func docLines(for method: Method, returns: String?, parameterLines: [String]) -> [String] {
        var parameterLines = parameterLines
        parameterLines += parameterDoc(
            label: "options", text: "Headers, query items, timeout and retries for this call only; they win over the client's.")
        var tail: [String] = []
        if !parameterLines.isEmpty { tail += ["/// - Parameters:"] + parameterLines }
        if let returns { tail.append("/// - Returns: \(returns)") }
        tail.append("/// - Throws: `\(sdk.errorName)`; each documented error status has its own case.")
        return DocLines.paragraphs([
            SwiftText.docComment(method.summary), SwiftText.docComment(method.description),
            SwiftText.docComment("`\(method.httpMethod) \(method.pathTemplate)`"), tail,
        ])
    }

    /// The documentation of a method's streaming variant: what it streams, then the same parameters.
    private func streamDocLines(for method: Method, variant: StreamVariant, returns: String?) -> [String] {
        let what: String
        switch variant.body {
        case .bytes: what = "`\(method.name)`, with the response body streamed chunk by chunk instead of read whole."
        default:
            what =
                "`\(method.name)`, streaming: the response arrives as `\(variant.accept)`, read as it arrives."
                + (variant.streamProperty.map { " Sets the body's `\($0)` to `true`." } ?? "")
        }
        var lines = docLines(for: method, returns: returns)
        lines.insert(contentsOf: ["/// " + what, "///"], at: 0)
        return lines
    }

    /// `///   - label: text`, continuation lines indented under the text.
    private func parameterDoc(label: String, text: String) -> [String] {
        let lines = SwiftText.docComment(text).map { $0 == "///" ? "" : String($0.dropFirst(4)) }
        guard let first = lines.first else { return ["///   - \(label):"] }
        return ["///   - \(label): \(first)"] + lines.dropFirst().map { $0.isEmpty ? "///" : "///     \($0)" }
    }
}
