import SDKModel
import Templating

extension ContextBuilder {
    /// The webhook event enum: one case per event type and payload, decoding by the webhook's
    /// name, by its event type (from a header) or by the body's discriminators, and the envelope
    /// properties every payload shares.
    func webhooks(_ webhooks: Webhooks) -> TemplateObject {
        var context = headerContext
        let typeName = webhooks.typeName
        context["typeName"] = .text(typeName)
        context["firstNameLiteral"] = .text(webhooks.events.first.map { "`\(SwiftText.singleLine($0.names[0]))`" } ?? "")
        let events = webhooks.events.map { event -> TemplateObject in
            let keys = event.names.count > 1 || event.names[0] != event.eventType ? event.names : []
            let heading =
                "`\(event.eventType)`" + (keys.isEmpty ? "" : " (" + keys.map { "`\($0)`" }.joined(separator: ", ") + ")")
                + (event.summary.map { ": " + $0 } ?? "")
            let doc = DocLines.paragraphs([SwiftText.docComment(heading), SwiftText.docComment(event.description)])
            return [
                "caseName": .text(SwiftNaming.escaped(event.caseName)), "payloadType": .text(event.payloadType.swiftSource),
                "namesLiteral": .text(event.names.map(SwiftText.stringLiteral).joined(separator: ", ")),
                "firstNameLiteral": .text(SwiftText.stringLiteral(event.names[0])), "docLines": .texts(doc),
            ]
        }
        context["events"] = .objects(events)
        context["nameLiterals"] = .texts(webhooks.names.map(SwiftText.stringLiteral))
        let byBody = !webhooks.discriminators.isEmpty
        if byBody || webhooks.eventHeader != nil {
            context["byEventType"] = .object(eventTypeContext(webhooks, events: events))
        }
        if let header = webhooks.eventHeader {
            context["byHeader"] = .object([
                "headerLiteral": .text(SwiftText.stringLiteral(header)), "headerName": .text(SwiftText.singleLine(header)),
                "fallsBackToBody": .flag(byBody),
            ])
        }
        if let first = webhooks.discriminators.first {
            context["byBody"] = .object([
                "propertyList": .text(webhooks.discriminators.map { "`\(SwiftText.singleLine($0))`" }.joined(separator: " and ")),
                "eventTypeLiteral": .text(SwiftText.stringLiteral(first)),
            ])
        }
        if !webhooks.envelope.isEmpty {
            var payloadTypes: [String] = []
            for event in webhooks.events where !payloadTypes.contains(event.payloadType.swiftSource) {
                payloadTypes.append(event.payloadType.swiftSource)
            }
            context["envelope"] = .object([
                "payloadTypes": .texts(payloadTypes),
                "events": .objects(events),
                "properties": .objects(
                    webhooks.envelope.map { property in
                        let declared = property.required ? property.type.swiftSource : property.type.swiftSource + "?"
                        let doc = DocLines.paragraphs([
                            SwiftText.docComment(property.description), ["/// Every payload has it; `nil` only for `.unknown`."],
                        ])
                        return [
                            "name": .text(SwiftNaming.escaped(property.name)), "payloadName": .text(SwiftNaming.escaped(property.payloadName)),
                            "declaredType": .text(declared), "optionalType": .text(property.type.swiftSource + "?"), "docLines": .texts(doc),
                        ]
                    }),
            ])
        }
        return context
    }

    /// The switch that picks a case from an event type and the body's other discriminators.
    private func eventTypeContext(_ webhooks: Webhooks, events: [TemplateObject]) -> TemplateObject {
        let versions = Array(webhooks.discriminators.dropFirst())
        let subject =
            versions.isEmpty
            ? "eventType" : "(eventType, " + versions.map { "payload[\(SwiftText.stringLiteral($0))]?.stringValue" }.joined(separator: ", ") + ")"
        var cases: [TemplateObject] = []
        for (event, rendered) in zip(webhooks.events, events) {
            guard let values = event.versionValues else { continue }
            let type = SwiftText.stringLiteral(event.eventType)
            let pattern =
                versions.isEmpty
                ? type
                : "(" + ([type] + (values.isEmpty ? versions.map { _ in "_" } : values.map(SwiftText.stringLiteral))).joined(separator: ", ") + ")"
            var context = rendered
            context["pattern"] = .text(pattern)
            cases.append(context)
        }
        return [
            "subject": .text(subject), "cases": .objects(cases), "usesPayload": .flag(!versions.isEmpty),
            "versionList": .text(versions.map { "`\(SwiftText.singleLine($0))`" }.joined(separator: " and ")),
            "hasVersions": .flag(!versions.isEmpty),
        ]
    }
}
