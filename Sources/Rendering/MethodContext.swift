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

    /// One method: its signature, request building and, for a paged list, its `…All` sequence.
    func method(_ method: Method) -> TemplateObject {
        let signature = arguments(of: method).map(\.declaration)
        let queryItems = method.parameters.filter { $0.kind == .query }
        let headerItems = method.parameters.filter { $0.kind == .header }
        var context: TemplateObject = [
            "name": .text(SwiftNaming.escaped(method.name)),
            "docLines": .texts(docLines(for: method)),
            "deprecated": .flag(method.deprecated),
            "signature": .text(signature.joined(separator: ", ")),
            "returnClause": .text(method.returnType.map { " -> " + $0.swiftSource } ?? ""),
            "requestBinding": .text(queryItems.isEmpty && headerItems.isEmpty && method.body == nil ? "let" : "var"),
            "httpMethod": .text("." + method.httpMethod.lowercased()),
            "pathExpression": .text(pathExpression(method.pathPieces)),
            "queryItems": .objects(queryItems.map(parameterContext)),
            "headerItems": .objects(headerItems.map(parameterContext)),
            "errorName": .text(sdk.errorName),
        ]
        if let body = method.body {
            context["body"] = .object(["required": .flag(body.required), "setBody": .text(setBodyStatement(body))])
        }
        context["returnType"] = method.returnType.map { .text($0.swiftSource) }
        if let pagination = method.pagination {
            // The same arguments without the cursor, which the sequence passes page by page.
            let arguments = arguments(of: method)
            let allSignature = arguments.filter { $0.label != pagination.cursorLabel }.map(\.declaration)
            let passed = arguments.map { $0.label == pagination.cursorLabel ? "\($0.name): cursor" : "\($0.name): \($0.name)" }
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

    /// A method's arguments in declaration order: required parameters, a required body, optional
    /// parameters (defaulted to `nil`), an optional body, then `options`.
    private func arguments(of method: Method) -> [(label: String, name: String, declaration: String)] {
        func argument(_ label: String, _ type: SwiftType, required: Bool) -> (label: String, name: String, declaration: String) {
            let name = SwiftNaming.escaped(label)
            return (label, name, required ? "\(name): \(type.swiftSource)" : "\(name): \(SwiftType.optional(type).swiftSource) = nil")
        }
        var result = method.parameters.filter(\.required).map { argument($0.label, $0.type, required: true) }
        if let body = method.body, body.required { result.append(argument("body", body.type, required: true)) }
        result += method.parameters.filter { !$0.required }.map { argument($0.label, $0.type, required: false) }
        if let body = method.body, !body.required { result.append(argument("body", body.type, required: false)) }
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
        case .multipart(let files):
            let entries = files.map { "\(SwiftText.stringLiteral($0.partName)): body.\(SwiftNaming.escaped($0.swiftName))" }
            let dictionary = entries.isEmpty ? "[:]" : "[" + entries.joined(separator: ", ") + "]"
            return "request.setBody(try core.encodeMultipart(body, files: \(dictionary), \(mapError)))"
        case .binary:
            return "request.setBody(EncodedBody(data: body, contentType: \(SwiftText.stringLiteral(body.contentType))))"
        }
    }

    private func parameterContext(_ parameter: MethodParameter) -> TemplateObject {
        ["wireName": .text(SwiftText.stringLiteral(parameter.wireName)), "label": .text(SwiftNaming.escaped(parameter.label))]
    }

    /// `"/v3/chats/" + PathEncoding.segment(chatID) + "/typing"`.
    func pathExpression(_ pieces: [PathPiece]) -> String {
        let parts = pieces.map { piece -> String in
            switch piece {
            case .literal(let text): return SwiftText.stringLiteral(text)
            case .parameter(let label): return "PathEncoding.segment(\(SwiftNaming.escaped(label)))"
            }
        }
        return parts.isEmpty ? "\"/\"" : parts.joined(separator: " + ")
    }

    /// Summary, description, the HTTP method and path, then parameters, returns and throws.
    private func docLines(for method: Method) -> [String] {
        var parameterLines: [String] = []
        for parameter in method.parameters {
            parameterLines += parameterDoc(
                label: parameter.label, text: parameter.description ?? "The `\(parameter.wireName)` \(parameter.kind.rawValue) parameter.")
        }
        if let body = method.body {
            parameterLines += parameterDoc(label: "body", text: body.description ?? "The request body.")
        }
        parameterLines += parameterDoc(
            label: "options", text: "Headers, query items, timeout and retries for this call only; they win over the client's.")
        var tail: [String] = []
        if !parameterLines.isEmpty { tail += ["/// - Parameters:"] + parameterLines }
        if let returnType = method.returnType { tail.append("/// - Returns: The decoded `\(returnType.swiftSource)`.") }
        tail.append("/// - Throws: `\(sdk.errorName)`; each documented error status has its own case.")
        return DocLines.paragraphs([
            SwiftText.docComment(method.summary), SwiftText.docComment(method.description),
            SwiftText.docComment("`\(method.httpMethod) \(method.pathTemplate)`"), tail,
        ])
    }

    /// `///   - label: text`, continuation lines indented under the text.
    private func parameterDoc(label: String, text: String) -> [String] {
        let lines = SwiftText.docComment(text).map { $0 == "///" ? "" : String($0.dropFirst(4)) }
        guard let first = lines.first else { return ["///   - \(label):"] }
        return ["///   - \(label): \(first)"] + lines.dropFirst().map { $0.isEmpty ? "///" : "///     \($0)" }
    }
}
