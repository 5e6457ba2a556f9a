import SDKModel
import Templating

extension ContextBuilder {
    /// The `api.md` reference: every resource and method with its HTTP method and path.
    func apiReference() -> TemplateObject {
        var context = headerContext
        var sections: [TemplateObject] = []
        func add(_ methods: [Method], title: String, path: String) {
            guard !methods.isEmpty else { return }
            sections.append([
                "title": .text(title),
                "methods": .objects(
                    methods.flatMap { method -> [TemplateObject] in
                        var labels = method.parameters.filter(\.required).map { $0.label + ":" }
                        if let body = method.body, body.required { labels.append("body:") }
                        let template = SwiftText.singleLine(method.pathTemplate)
                        let http =
                            "\(method.httpMethod) \(template.contains("|") ? template.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") : template)"
                        var rows: [TemplateObject] = [
                            [
                                "call": .text("\(path).\(method.name)(\(labels.joined()))"),
                                "returns": .text(mainCode(of: method).returnType ?? "Void"), "http": .text(http),
                            ]
                        ]
                        if let variant = method.streamVariant, let code = variantCode(of: method) {
                            rows.append([
                                "call": .text("\(path).\(variant.name)(\(labels.joined()))"), "returns": .text(code.returnType ?? "Void"),
                                "http": .text(http),
                            ])
                        }
                        if let pagination = method.pagination {
                            let pagedLabels = labels.filter { $0 != pagination.cursorLabel + ":" }
                            rows.append([
                                "call": .text("\(path).\(method.name)All(\(pagedLabels.joined()))"),
                                "returns": .text(
                                    SwiftType.generic("PagedSequence", arguments: [pagination.itemType, .named(sdk.errorName)]).swiftSource),
                                "http": .text(http),
                            ])
                        }
                        return rows
                    }),
            ])
        }
        add(sdk.rootMethods, title: sdk.clientName, path: "client")
        // Depth first, in spec order: a resource, then its children.
        for resource in resources {
            let path = resource.accessPath.joined(separator: ".")
            add(resource.methods, title: path, path: "client." + path)
        }
        context["sections"] = .objects(sections)
        context["hasModels"] = .flag(!sdk.models.isEmpty)
        let modelFiles = ModelFiles(modelCount: sdk.models.count)
        context["models"] = .objects(
            sdk.models.map { model in
                ["typeName": .text(model.typeName), "kind": .text(model.kind.referenceName), "file": .text(modelFiles.path(for: model.typeName))]
            })
        if let webhooks = sdk.webhooks {
            let verifier = webhooks.verification.map { Self.verifierSentence(webhooks, $0) } ?? ""
            context["webhooks"] = .object([
                "typeName": .text(webhooks.typeName),
                "events": .objects(
                    webhooks.events.flatMap { event in
                        event.names.map {
                            [
                                "name": .text(SwiftText.singleLine($0)), "eventType": .text(SwiftText.singleLine(event.eventType)),
                                "caseName": .text(event.caseName), "payloadType": .text(event.payloadType.swiftSource),
                            ]
                        }
                    }),
                "decoders": .text(
                    (["decode(name:from:)"] + (webhooks.discriminators.isEmpty && webhooks.eventHeader == nil ? [] : ["decode(eventType:from:)"])
                        + (webhooks.eventHeader == nil ? [] : ["decode(headerFields:body:)"])
                        + (webhooks.discriminators.isEmpty ? [] : ["decode(from:)"])).map { "`\(webhooks.typeName).\($0)`" }.joined(separator: ", ")),
                "envelope": .text(webhooks.envelope.map { "`\($0.name)`" }.joined(separator: ", ")),
                "hasEnvelope": .flag(!webhooks.envelope.isEmpty),
                "verifier": .text(verifier),
            ])
        }
        return context
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
