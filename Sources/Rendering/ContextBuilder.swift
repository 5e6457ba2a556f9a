import SDKModel
import Templating

/// Turns the SDK model into template values (text, flags, lists, objects).
/// Every Swift-source decision that is not a name is made here, so templates stay logic-less.
struct ContextBuilder {
    let sdk: SDK

    /// What every file's header needs.
    var headerContext: TemplateObject {
        [
            "specFileName": .text(SwiftText.singleLine(sdk.specFileName)),
            "apiTitle": .text(SwiftText.singleLine(sdk.title)),
            "apiVersion": .text(SwiftText.singleLine(sdk.apiVersion)),
            "clientName": .text(sdk.clientName),
            "errorName": .text(sdk.errorName),
        ]
    }

    func client() -> TemplateObject {
        var context = headerContext
        var doc = SwiftText.docComment(sdk.title)
        let description = SwiftText.docComment(sdk.description)
        if !description.isEmpty { doc += ["///"] + description }
        context["docLines"] = .texts(doc)
        context["defaultBaseURLLiteral"] = .text(SwiftText.stringLiteral(sdk.defaultBaseURL ?? ""))
        context["userAgentLiteral"] = .text(SwiftText.stringLiteral("\(sdk.moduleName)/\(sdk.version) (Swift; sdkgen)"))
        // The names are Swift identifiers (sdkgen.yaml checks); absent when not configured.
        context["apiKeyEnvironmentVariable"] = sdk.apiKeyEnvironmentVariable.map(TemplateValue.text)
        context["baseURLEnvironmentVariable"] = sdk.baseURLEnvironmentVariable.map(TemplateValue.text)
        context["apiKeyEnvironmentVariableLiteral"] = .text(sdk.apiKeyEnvironmentVariable == nil ? "nil" : "Self.apiKeyEnvironmentVariable")
        context["resources"] = .objects(sdk.resources.map { propertyContext($0, path: $0.propertyName) })
        context["hasMethods"] = .flag(!sdk.rootMethods.isEmpty)
        context["methods"] = methods(sdk.rootMethods)
        return context
    }

    private func propertyContext(_ resource: Resource, path: String) -> TemplateObject {
        [
            "propertyName": .text(SwiftNaming.escaped(resource.propertyName)),
            "typeName": .text(resource.typeName),
            "docLines": .texts(["/// Calls under `client.\(path)`."]),
        ]
    }

    func resource(_ resource: Resource, path: String) -> TemplateObject {
        var context = headerContext
        context["parentType"] = .text(([sdk.clientName] + resource.typePath.dropLast()).joined(separator: "."))
        context["qualifiedType"] = .text(([sdk.clientName] + resource.typePath).joined(separator: "."))
        context["typeName"] = .text(resource.typeName)
        context["docLines"] = .texts(["/// Calls under `client.\(path)`."])
        context["children"] = .objects(resource.children.map { propertyContext($0, path: path + "." + $0.propertyName) })
        context["hasMethods"] = .flag(!resource.methods.isEmpty)
        context["methods"] = methods(resource.methods)
        return context
    }

    private func methods(_ methods: [Method]) -> TemplateValue {
        .objects(methods.enumerated().map { index, method in
            var context = self.method(method)
            context["followedByAnother"] = .flag(index < methods.count - 1)
            return context
        })
    }

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
        if let returnType = method.returnType { tail.append("/// - Returns: The decoded `\(returnType.swiftSource)`.") }
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

    func error() -> TemplateObject {
        var context = headerContext
        context["apiKeyEnvironmentVariable"] = sdk.apiKeyEnvironmentVariable.map(TemplateValue.text)
        context["cases"] = .objects(sdk.errorCases.map { errorCase -> TemplateObject in
            let name = SwiftNaming.escaped(errorCase.name)
            let doc = SwiftText.docComment("HTTP \(errorCase.statusCode): " + (SwiftText.singleLine(errorCase.description ?? "")))
            if let bodyType = errorCase.bodyType {
                return [
                    "name": .text(name), "statusCode": .text(String(errorCase.statusCode)), "docLines": .texts(doc),
                    "associatedValues": .text("\(bodyType.swiftSource), HTTPResponse"),
                    "decodeExpression": .text("response.decodeJSON(\(bodyType.swiftSource).self).map { .\(name)($0, response) }"),
                    "responsePattern": "_, let response",
                ]
            }
            return [
                "name": .text(name), "statusCode": .text(String(errorCase.statusCode)), "docLines": .texts(doc),
                "associatedValues": "HTTPResponse",
                "decodeExpression": .text(".\(name)(response)"),
                "responsePattern": "let response",
            ]
        })
        return context
    }

    /// The `api.md` reference: every resource and method with its HTTP method and path.
    func apiReference() -> TemplateObject {
        var context = headerContext
        var sections: [TemplateObject] = []
        func add(_ methods: [Method], title: String, path: String) {
            guard !methods.isEmpty else { return }
            sections.append(["title": .text(title), "methods": .objects(methods.flatMap { method -> [TemplateObject] in
                var labels = method.parameters.filter(\.required).map { $0.label + ":" }
                if let body = method.body, body.required { labels.append("body:") }
                let template = SwiftText.singleLine(method.pathTemplate)
                let http = "\(method.httpMethod) \(template.contains("|") ? template.replacingOccurrences(of: "|", with: "\\|") : template)"
                var rows: [TemplateObject] = [
                    ["call": .text("\(path).\(method.name)(\(labels.joined()))"), "returns": .text(method.returnType?.swiftSource ?? "Void"), "http": .text(http)],
                ]
                if let pagination = method.pagination {
                    let pagedLabels = labels.filter { $0 != pagination.cursorLabel + ":" }
                    rows.append([
                        "call": .text("\(path).\(method.name)All(\(pagedLabels.joined()))"),
                        "returns": .text(SwiftType.generic("PagedSequence", arguments: [pagination.itemType, .named(sdk.errorName)]).swiftSource), "http": .text(http),
                    ])
                }
                return rows
            })])
        }
        add(sdk.rootMethods, title: sdk.clientName, path: "client")
        // Depth first, in spec order: a resource, then its children.
        var pending = sdk.resources.reversed().map { ($0, "client." + $0.propertyName) }
        while let (resource, path) = pending.popLast() {
            add(resource.methods, title: String(path.dropFirst("client.".count)), path: path)
            pending += resource.children.reversed().map { ($0, path + "." + $0.propertyName) }
        }
        context["sections"] = .objects(sections)
        context["hasModels"] = .flag(!sdk.models.isEmpty)
        context["models"] = .objects(sdk.models.map { model in
            ["typeName": .text(model.typeName), "kind": .text(model.kind.referenceName), "file": .text(ModelFiles.path(for: model.typeName))]
        })
        if let webhooks = sdk.webhooks {
            context["webhooks"] = .object([
                "typeName": .text(webhooks.typeName),
                "events": .objects(webhooks.events.map {
                    ["name": .text(SwiftText.singleLine($0.name)), "caseName": .text($0.caseName), "payloadType": .text($0.payloadType.swiftSource)]
                }),
            ])
        }
        return context
    }

    func webhooks(_ webhooks: Webhooks) -> TemplateObject {
        var context = headerContext
        context["typeName"] = .text(webhooks.typeName)
        context["firstNameLiteral"] = .text(webhooks.events.first.map { "`\(SwiftText.singleLine($0.name))`" } ?? "")
        let events = webhooks.events.map { event -> TemplateObject in
            var doc = SwiftText.docComment("`\(event.name)`" + (event.summary.map { ": " + $0 } ?? ""))
            let description = SwiftText.docComment(event.description)
            if !description.isEmpty { doc += ["///"] + description }
            return [
                "caseName": .text(SwiftNaming.escaped(event.caseName)), "payloadType": .text(event.payloadType.swiftSource),
                "nameLiteral": .text(SwiftText.stringLiteral(event.name)), "docLines": .texts(doc),
                "valuesLiteral": .text(event.discriminatorValues.map(SwiftText.stringLiteral).joined(separator: ", ")),
            ]
        }
        context["events"] = .objects(events)
        if !webhooks.discriminators.isEmpty, webhooks.events.allSatisfy({ !$0.discriminatorValues.isEmpty }) {
            context["matching"] = .object([
                "propertyList": .text(webhooks.discriminators.map { "`\(SwiftText.singleLine($0))`" }.joined(separator: " and ")),
                "keyExpressions": .text(webhooks.discriminators.map { "payload[\(SwiftText.stringLiteral($0))]?.stringValue" }.joined(separator: ", ")),
                "events": .objects(events),
            ])
        }
        return context
    }

    /// One file of `Models/`: its models in spec order.
    func modelFile(_ models: [Model]) -> TemplateObject {
        var context = headerContext
        context["models"] = .objects(models.map(model))
        return context
    }

    private func model(_ model: Model) -> TemplateObject {
        var context: TemplateObject = [:]
        var doc = SwiftText.docComment(model.description)
        if model.deprecated { doc += (doc.isEmpty ? [] : ["///"]) + ["/// - Warning: Deprecated in the API description."] }
        context["typeName"] = .text(model.typeName)
        switch model.kind {
        case .structure(let properties, _):
            let contexts = properties.map(propertyContext)
            let storage = zip(properties, contexts).filter { $0.0.isStoredPrivately }.map(\.1)
            context["structure"] = .object([
                "properties": .objects(contexts), "initParameters": .text(initParameters(properties)),
                "storage": .objects(storage), "hasStorage": .flag(!storage.isEmpty),
            ])
        case .stringEnum(let cases):
            doc += (doc.isEmpty ? [] : ["///"]) + ["/// Values this version of the SDK does not know decode as `.unknown` instead of failing."]
            context["stringEnum"] = .object(["cases": .objects(cases.map {
                ["name": .text(SwiftNaming.escaped($0.name)), "rawValueLiteral": .text(SwiftText.stringLiteral($0.rawValue))]
            })])
        case .integerEnum(let cases):
            doc += (doc.isEmpty ? [] : ["///"]) + ["/// Values this version of the SDK does not know decode as `.unknown` instead of failing."]
            context["integerEnum"] = .object(["cases": .objects(cases.map { ["name": .text(SwiftNaming.escaped($0.name)), "rawValue": .text(String($0.rawValue))] })])
        case .oneOf(let oneOf):
            doc += (doc.isEmpty ? [] : ["///"]) + [oneOf.discriminatorProperty.map {
                "/// The `\(SwiftText.singleLine($0))` property says which case a value is; other values decode as `.unknown`."
            } ?? "/// A value decodes as the first case whose type accepts it, else as `.unknown`."]
            let variants = oneOf.variants.map { variant -> TemplateObject in
                [
                    "name": .text(SwiftNaming.escaped(variant.name)), "type": .text(variant.type.swiftSource),
                    "valuePatterns": .text(variant.discriminatorValues.map(SwiftText.stringLiteral).joined(separator: ", ")),
                ]
            }
            var oneOfContext: TemplateObject = ["variants": .objects(variants)]
            if let property = oneOf.discriminatorProperty {
                oneOfContext["discriminator"] = .object([
                    "propertyLiteral": .text(SwiftText.stringLiteral(property)),
                    "taggedVariants": .objects(zip(oneOf.variants, variants).filter { !$0.0.discriminatorValues.isEmpty }.map(\.1)),
                ])
            }
            context["oneOf"] = .object(oneOfContext)
        case .alias(let type):
            context["alias"] = .object(["aliasedType": .text(type.swiftSource)])
        }
        context["docLines"] = .texts(doc)
        return context
    }

    private func propertyContext(_ property: Property) -> TemplateObject {
        var doc = SwiftText.docComment(property.description)
        if let defaultValue = property.defaultValue {
            doc += (doc.isEmpty ? [] : ["///"]) + ["/// Default: `\(SwiftText.singleLine(defaultValue))`."]
        }
        let name = SwiftNaming.escaped(property.swiftName)
        let declaredType = property.declaredType.swiftSource
        let storedType = property.storedType
        // `init(from:)` and `encode(to:)` are written out against `DynamicCodingKey` rather than
        // synthesized from a `CodingKeys` enum per model: the same JSON, in less time to compile.
        var context: TemplateObject = [
            "name": .text(name), "declaredType": .text(declaredType), "deprecated": .flag(property.deprecated),
            "jsonKeyLiteral": .text(SwiftText.stringLiteral(property.jsonKey)), "docLines": .texts(doc),
            "ifPresent": .text(property.required ? "" : "IfPresent"),
            "codingType": .text(storedType.swiftSource),
        ]
        guard property.isStoredPrivately else {
            context["stored"] = true
            context["codingKey"] = .text(name)
            context["initAssignment"] = .text("self.\(name) = \(name)")
            return context
        }
        // Stored privately behind a computed property: behind a reference when the type contains
        // this model, and so that a deprecated property can be set by `init` without a warning.
        let storageName = "_" + property.swiftName
        context["stored"] = false
        context["storageName"] = .text(storageName)
        context["codingKey"] = .text(storageName)
        if property.isIndirect {
            context["storageType"] = .text((property.required ? storedType : .optional(storedType)).swiftSource)
            context["getter"] = .text(property.required ? "\(storageName).value" : "\(storageName)?.value")
            context["setter"] = .text(property.required ? "\(storageName) = Indirect(newValue)" : "\(storageName) = newValue.map(Indirect.init)")
            context["initAssignment"] = .text(property.required ? "self.\(storageName) = Indirect(\(name))" : "self.\(storageName) = \(name).map(Indirect.init)")
        } else {
            context["storageType"] = .text(declaredType)
            context["getter"] = .text(storageName)
            context["setter"] = .text("\(storageName) = newValue")
            context["initAssignment"] = .text("self.\(storageName) = \(name)")
        }
        return context
    }

    private func initParameters(_ properties: [Property]) -> String {
        properties.map { property in
            let name = SwiftNaming.escaped(property.swiftName)
            return "\(name): \(property.declaredType.swiftSource)" + (property.required ? "" : " = nil")
        }.joined(separator: ", ")
    }
}

extension Model.Kind {
    /// What the Swift declaration is, for `api.md`.
    fileprivate var referenceName: String {
        switch self {
        case .structure: return "struct"
        case .stringEnum: return "enum (String)"
        case .integerEnum: return "enum (Int)"
        case .oneOf: return "enum (one of)"
        case .alias: return "typealias"
        }
    }
}

extension Property {
    /// Whether the property is a computed property over private storage: behind `Indirect` when
    /// its type contains the model, and when deprecated (so `init` can set it without a warning).
    fileprivate var isStoredPrivately: Bool { isIndirect || deprecated }

    /// The type of the property as declared: optional unless it is required.
    fileprivate var declaredType: SwiftType { required ? type : .optional(type) }

    /// The type its value is coded as: behind `Indirect` when the type contains the model.
    fileprivate var storedType: SwiftType { isIndirect ? .generic("Indirect", arguments: [type]) : type }
}
