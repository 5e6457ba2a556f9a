import SDKModel

/// Turns the SDK model into plain template contexts (strings, booleans, arrays, dictionaries).
/// Every Swift-source decision that is not a name is made here, so templates stay logic-less.
struct ContextBuilder {
    let sdk: SDK

    /// What every file's header needs.
    var headerContext: [String: Any] {
        [
            "specFileName": SwiftText.singleLine(sdk.specFileName),
            "apiTitle": SwiftText.singleLine(sdk.title),
            "apiVersion": SwiftText.singleLine(sdk.apiVersion),
            "clientName": sdk.clientName,
            "errorName": sdk.errorName,
        ]
    }

    func client() -> [String: Any] {
        var context = headerContext
        var doc = SwiftText.docComment(sdk.title)
        let description = SwiftText.docComment(sdk.description)
        if !description.isEmpty { doc += ["///"] + description }
        context["docLines"] = doc
        context["defaultBaseURLLiteral"] = SwiftText.stringLiteral(sdk.defaultBaseURL ?? "")
        context["userAgentLiteral"] = SwiftText.stringLiteral("\(sdk.moduleName)/\(sdk.version) (Swift; sdkgen)")
        // Absent keys, not nil values: Mustache would print a stored nil as "nil".
        // Absent keys for nil (Mustache would print "nil"); the names are Swift identifiers (sdkgen.yaml checks).
        if let name = sdk.apiKeyEnvironmentVariable { context["apiKeyEnvironmentVariable"] = name }
        if let name = sdk.baseURLEnvironmentVariable { context["baseURLEnvironmentVariable"] = name }
        context["apiKeyEnvironmentVariableLiteral"] = sdk.apiKeyEnvironmentVariable == nil ? "nil" : "Self.apiKeyEnvironmentVariable"
        context["resources"] = sdk.resources.map { propertyContext($0, path: $0.propertyName) }
        context["hasMethods"] = !sdk.rootMethods.isEmpty
        context["methods"] = methods(sdk.rootMethods)
        return context
    }

    private func propertyContext(_ resource: Resource, path: String) -> [String: Any] {
        [
            "propertyName": SwiftNaming.escaped(resource.propertyName),
            "typeName": resource.typeName,
            "docLines": ["/// Calls under `client.\(path)`."],
        ]
    }

    func resource(_ resource: Resource, path: String) -> [String: Any] {
        var context = headerContext
        context["parentType"] = ([sdk.clientName] + resource.typePath.dropLast()).joined(separator: ".")
        context["qualifiedType"] = ([sdk.clientName] + resource.typePath).joined(separator: ".")
        context["typeName"] = resource.typeName
        context["docLines"] = ["/// Calls under `client.\(path)`."]
        context["children"] = resource.children.map { propertyContext($0, path: path + "." + $0.propertyName) }
        context["hasMethods"] = !resource.methods.isEmpty
        context["methods"] = methods(resource.methods)
        return context
    }

    private func methods(_ methods: [Method]) -> [[String: Any]] {
        methods.enumerated().map { index, method in
            var context = self.method(method)
            context["followedByAnother"] = index < methods.count - 1
            return context
        }
    }

    func method(_ method: Method) -> [String: Any] {
        let signature = arguments(of: method).map(\.declaration)
        let queryItems = method.parameters.filter { $0.kind == .query }
        let headerItems = method.parameters.filter { $0.kind == .header }
        var context: [String: Any] = [
            "name": SwiftNaming.escaped(method.name),
            "docLines": docLines(for: method),
            "deprecated": method.deprecated,
            "signature": signature.joined(separator: ", "),
            "returnClause": method.returnType.map { " -> \($0)" } ?? "",
            "requestBinding": queryItems.isEmpty && headerItems.isEmpty && method.body == nil ? "let" : "var",
            "httpMethod": "." + method.httpMethod.lowercased(),
            "pathExpression": pathExpression(method.pathPieces),
            "queryItems": queryItems.map(parameterContext),
            "headerItems": headerItems.map(parameterContext),
            "errorName": sdk.errorName,
        ]
        if let body = method.body {
            context["body"] = ["required": body.required, "setBody": setBodyStatement(body)] as [String: Any]
        }
        if let returnType = method.returnType { context["returnType"] = returnType }
        if let pagination = method.pagination {
            // The same arguments without the cursor, which the sequence passes page by page.
            let arguments = arguments(of: method)
            let allSignature = arguments.filter { $0.label != pagination.cursorLabel }.map(\.declaration)
            let passed = arguments.map { $0.label == pagination.cursorLabel ? "\($0.name): cursor" : "\($0.name): \($0.name)" }
            context["pagination"] = [
                "allName": SwiftNaming.escaped(method.name + "All"),
                "signature": allSignature.joined(separator: ", "),
                "arguments": passed.joined(separator: ", "),
                "itemType": pagination.itemType,
                "itemsProperty": pagination.itemsProperty,
                "nextCursorProperty": pagination.nextCursorProperty,
                "docLines": [
                    "/// Every `\(pagination.itemType)` that `\(method.name)` lists, page after page.",
                    "///",
                    "/// Pages are requested lazily while the sequence is iterated, each with the previous",
                    "/// page's cursor; iteration ends after the last page.",
                ],
            ] as [String: Any]
        }
        return context
    }

    /// A method's arguments in declaration order: required parameters, a required body, optional
    /// parameters (defaulted to `nil`), an optional body, then `options`.
    private func arguments(of method: Method) -> [(label: String, name: String, declaration: String)] {
        func argument(_ label: String, _ type: String, required: Bool) -> (label: String, name: String, declaration: String) {
            let name = SwiftNaming.escaped(label)
            return (label, name, required ? "\(name): \(type)" : "\(name): \(type)? = nil")
        }
        var result = method.parameters.filter(\.required).map { argument($0.label, $0.type, required: true) }
        if let body = method.body, body.required { result.append(argument("body", body.type, required: true)) }
        result += method.parameters.filter { !$0.required }.map { argument($0.label, $0.type, required: false) }
        if let body = method.body, !body.required { result.append(argument("body", body.type, required: false)) }
        result.append(argument("options", "RequestOptions", required: false))
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

    private func parameterContext(_ parameter: MethodParameter) -> [String: Any] {
        ["wireName": SwiftText.stringLiteral(parameter.wireName), "label": SwiftNaming.escaped(parameter.label)]
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

    private func docLines(for method: Method) -> [String] {
        var sections: [[String]] = []
        let summary = SwiftText.docComment(method.summary)
        if !summary.isEmpty { sections.append(summary) }
        let description = SwiftText.docComment(method.description)
        if !description.isEmpty { sections.append(description) }
        sections.append(SwiftText.docComment("`\(method.httpMethod) \(method.pathTemplate)`"))
        var parameterLines: [String] = []
        for parameter in method.parameters {
            parameterLines += parameterDoc(label: parameter.label, text: parameter.description ?? "The `\(parameter.wireName)` \(parameter.kind.rawValue) parameter.")
        }
        if let body = method.body {
            parameterLines += parameterDoc(label: "body", text: body.description ?? "The request body.")
        }
        parameterLines += parameterDoc(label: "options", text: "Headers, query items, timeout and retries for this call only; they win over the client's.")
        var tail: [String] = []
        if !parameterLines.isEmpty { tail += ["/// - Parameters:"] + parameterLines }
        if let returnType = method.returnType { tail.append("/// - Returns: The decoded `\(returnType)`.") }
        tail.append("/// - Throws: `\(sdk.errorName)`; each documented error status has its own case.")
        sections.append(tail)
        return sections.enumerated().flatMap { index, lines in index == 0 ? lines : ["///"] + lines }
    }

    /// `///   - label: text`, continuation lines indented under the text.
    private func parameterDoc(label: String, text: String) -> [String] {
        let lines = SwiftText.docComment(text).map { $0 == "///" ? "" : String($0.dropFirst(4)) }
        guard let first = lines.first else { return ["///   - \(label):"] }
        return ["///   - \(label): \(first)"] + lines.dropFirst().map { $0.isEmpty ? "///" : "///     \($0)" }
    }

    func error() -> [String: Any] {
        var context = headerContext
        if let name = sdk.apiKeyEnvironmentVariable { context["apiKeyEnvironmentVariable"] = name }
        context["cases"] = sdk.errorCases.map { errorCase -> [String: Any] in
            let name = SwiftNaming.escaped(errorCase.name)
            let doc = SwiftText.docComment("HTTP \(errorCase.statusCode): " + (SwiftText.singleLine(errorCase.description ?? "")))
            if let bodyType = errorCase.bodyType {
                return [
                    "name": name, "statusCode": errorCase.statusCode, "docLines": doc,
                    "associatedValues": "\(bodyType), HTTPResponse",
                    "decodeExpression": "response.decodeJSON(\(bodyType).self).map { .\(name)($0, response) }",
                    "responsePattern": "_, let response",
                ]
            }
            return [
                "name": name, "statusCode": errorCase.statusCode, "docLines": doc,
                "associatedValues": "HTTPResponse",
                "decodeExpression": ".\(name)(response)",
                "responsePattern": "let response",
            ]
        }
        return context
    }

    /// The `api.md` reference: every resource and method with its HTTP method and path.
    func apiReference() -> [String: Any] {
        var context = headerContext
        var sections: [[String: Any]] = []
        func add(_ methods: [Method], title: String, path: String) {
            guard !methods.isEmpty else { return }
            sections.append(["title": title, "methods": methods.flatMap { method -> [[String: Any]] in
                var labels = method.parameters.filter(\.required).map { $0.label + ":" }
                if let body = method.body, body.required { labels.append("body:") }
                let template = SwiftText.singleLine(method.pathTemplate)
                let http = "\(method.httpMethod) \(template.contains("|") ? template.replacingOccurrences(of: "|", with: "\\|") : template)"
                var rows: [[String: Any]] = [
                    ["call": "\(path).\(method.name)(\(labels.joined()))", "returns": method.returnType ?? "Void", "http": http],
                ]
                if let pagination = method.pagination {
                    let pagedLabels = labels.filter { $0 != pagination.cursorLabel + ":" }
                    rows.append([
                        "call": "\(path).\(method.name)All(\(pagedLabels.joined()))",
                        "returns": "PagedSequence<\(pagination.itemType), \(sdk.errorName)>", "http": http,
                    ])
                }
                return rows
            }])
        }
        add(sdk.rootMethods, title: sdk.clientName, path: "client")
        // Depth first, in spec order: a resource, then its children.
        var pending = sdk.resources.reversed().map { ($0, "client." + $0.propertyName) }
        while let (resource, path) = pending.popLast() {
            add(resource.methods, title: String(path.dropFirst("client.".count)), path: path)
            pending += resource.children.reversed().map { ($0, path + "." + $0.propertyName) }
        }
        context["sections"] = sections
        if let webhooks = sdk.webhooks {
            context["webhooks"] = [
                "typeName": webhooks.typeName,
                "events": webhooks.events.map { ["name": SwiftText.singleLine($0.name), "caseName": $0.caseName, "payloadType": $0.payloadType] },
            ] as [String: Any]
        }
        return context
    }

    func webhooks(_ webhooks: Webhooks) -> [String: Any] {
        var context = headerContext
        context["typeName"] = webhooks.typeName
        context["firstNameLiteral"] = webhooks.events.first.map { "`\(SwiftText.singleLine($0.name))`" } ?? ""
        let events = webhooks.events.map { event -> [String: Any] in
            var doc = SwiftText.docComment("`\(event.name)`" + (event.summary.map { ": " + $0 } ?? ""))
            let description = SwiftText.docComment(event.description)
            if !description.isEmpty { doc += ["///"] + description }
            return [
                "caseName": SwiftNaming.escaped(event.caseName), "payloadType": event.payloadType,
                "nameLiteral": SwiftText.stringLiteral(event.name), "docLines": doc,
                "valuesLiteral": event.discriminatorValues.map(SwiftText.stringLiteral).joined(separator: ", "),
            ]
        }
        context["events"] = events
        if !webhooks.discriminators.isEmpty, webhooks.events.allSatisfy({ !$0.discriminatorValues.isEmpty }) {
            context["matching"] = [
                "propertyList": webhooks.discriminators.map { "`\(SwiftText.singleLine($0))`" }.joined(separator: " and "),
                "keyExpressions": webhooks.discriminators.map { "payload[\(SwiftText.stringLiteral($0))]?.stringValue" }.joined(separator: ", "),
                "events": events,
            ] as [String: Any]
        }
        return context
    }

    func model(_ model: Model) -> [String: Any] {
        var context = headerContext
        var doc = SwiftText.docComment(model.description)
        if model.deprecated { doc += (doc.isEmpty ? [] : ["///"]) + ["/// - Warning: Deprecated in the API description."] }
        context["typeName"] = model.typeName
        switch model.kind {
        case .structure(let properties, _):
            let contexts = properties.map(propertyContext)
            let storage = contexts.filter { $0["stored"] as? Bool == false }
            context["structure"] = [
                "properties": contexts, "initParameters": initParameters(properties),
                "storage": storage, "hasStorage": !storage.isEmpty,
            ] as [String: Any]
        case .stringEnum(let cases):
            doc += (doc.isEmpty ? [] : ["///"]) + ["/// Values this version of the SDK does not know decode as `.unknown` instead of failing."]
            context["stringEnum"] = ["cases": cases.map { ["name": SwiftNaming.escaped($0.name), "rawValueLiteral": SwiftText.stringLiteral($0.rawValue)] }]
        case .integerEnum(let cases):
            doc += (doc.isEmpty ? [] : ["///"]) + ["/// Values this version of the SDK does not know decode as `.unknown` instead of failing."]
            context["integerEnum"] = ["cases": cases.map { ["name": SwiftNaming.escaped($0.name), "rawValue": String($0.rawValue)] }]
        case .oneOf(let oneOf):
            doc += (doc.isEmpty ? [] : ["///"]) + [oneOf.discriminatorProperty.map {
                "/// The `\(SwiftText.singleLine($0))` property says which case a value is; other values decode as `.unknown`."
            } ?? "/// A value decodes as the first case whose type accepts it, else as `.unknown`."]
            let variants = oneOf.variants.map { variant -> [String: Any] in
                [
                    "name": SwiftNaming.escaped(variant.name), "type": variant.type,
                    "valuePatterns": variant.discriminatorValues.map(SwiftText.stringLiteral).joined(separator: ", "),
                ]
            }
            var oneOfContext: [String: Any] = ["variants": variants]
            if let property = oneOf.discriminatorProperty {
                oneOfContext["discriminator"] = [
                    "propertyLiteral": SwiftText.stringLiteral(property),
                    "taggedVariants": zip(oneOf.variants, variants).filter { !$0.0.discriminatorValues.isEmpty }.map(\.1),
                ] as [String: Any]
            }
            context["oneOf"] = oneOfContext
        case .alias(let type):
            context["alias"] = ["aliasedType": type]
        }
        context["docLines"] = doc
        return context
    }

    private func propertyContext(_ property: Property) -> [String: Any] {
        var doc = SwiftText.docComment(property.description)
        if let defaultValue = property.defaultValue {
            doc += (doc.isEmpty ? [] : ["///"]) + ["/// Default: `\(SwiftText.singleLine(defaultValue))`."]
        }
        let name = SwiftNaming.escaped(property.swiftName)
        let declaredType = property.required ? property.type : property.type + "?"
        // `init(from:)` and `encode(to:)` are written out against `DynamicCodingKey` rather than
        // synthesized from a `CodingKeys` enum per model: the same JSON, in less time to compile.
        var context: [String: Any] = [
            "name": name, "declaredType": declaredType, "deprecated": property.deprecated,
            "jsonKeyLiteral": SwiftText.stringLiteral(property.jsonKey), "docLines": doc,
            "ifPresent": property.required ? "" : "IfPresent",
            "codingType": property.isIndirect ? "Indirect<\(property.type)>" : property.type,
        ]
        guard property.isIndirect || property.deprecated else {
            context["stored"] = true
            context["codingKey"] = name
            context["initAssignment"] = "self.\(name) = \(name)"
            return context
        }
        // Stored privately behind a computed property: behind a reference when the type contains
        // this model, and so that a deprecated property can be set by `init` without a warning.
        let storageName = "_" + property.swiftName
        context["stored"] = false
        context["storageName"] = storageName
        context["codingKey"] = storageName
        if property.isIndirect {
            context["storageType"] = "Indirect<\(property.type)>" + (property.required ? "" : "?")
            context["getter"] = property.required ? "\(storageName).value" : "\(storageName)?.value"
            context["setter"] = property.required ? "\(storageName) = Indirect(newValue)" : "\(storageName) = newValue.map(Indirect.init)"
            context["initAssignment"] = property.required ? "self.\(storageName) = Indirect(\(name))" : "self.\(storageName) = \(name).map(Indirect.init)"
        } else {
            context["storageType"] = declaredType
            context["getter"] = storageName
            context["setter"] = "\(storageName) = newValue"
            context["initAssignment"] = "self.\(storageName) = \(name)"
        }
        return context
    }

    private func initParameters(_ properties: [Property]) -> String {
        properties.map { property in
            let name = SwiftNaming.escaped(property.swiftName)
            return property.required ? "\(name): \(property.type)" : "\(name): \(property.type)? = nil"
        }.joined(separator: ", ")
    }
}
