import SDKModel
import Templating

extension ContextBuilder {
    /// The webhook event enum: one case per webhook, and decoding by name or by discriminators.
    func webhooks(_ webhooks: Webhooks) -> TemplateObject {
        var context = headerContext
        context["typeName"] = .text(webhooks.typeName)
        context["firstNameLiteral"] = .text(webhooks.events.first.map { "`\(SwiftText.singleLine($0.name))`" } ?? "")
        let events = webhooks.events.map { event -> TemplateObject in
            let doc = DocLines.paragraphs([
                SwiftText.docComment("`\(event.name)`" + (event.summary.map { ": " + $0 } ?? "")), SwiftText.docComment(event.description),
            ])
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
                "keyExpressions": .text(
                    webhooks.discriminators.map { "payload[\(SwiftText.stringLiteral($0))]?.stringValue" }.joined(separator: ", ")),
                "events": .objects(events),
            ])
        }
        return context
    }

}
