import OpenAPI
import YAML

/// Turns the spec's `webhooks` into typed events: one enum case per webhook, its payload type
/// from the request body schema, and the values that identify it (from its example, or from a
/// single-value enum in its payload).
enum WebhookBuilder {
    static func webhooks(_ webhooks: [Webhook], moduleName: String, config: GeneratorConfig, types: inout TypeResolver) -> Webhooks? {
        guard !webhooks.isEmpty else { return nil }
        let typeName = SwiftNaming.unique(moduleName + "WebhookEvent", in: types.takenTypeNames)
        var taken: Set<String> = ["unknown", "names", "decode"]
        var events: [Webhooks.Event] = []
        var seenValues: [[String]: String] = [:]
        for webhook in webhooks {
            let caseName = SwiftNaming.unique(SwiftNaming.memberName(webhook.name), in: taken)
            taken.insert(caseName)
            let hint = SwiftNaming.typeName(webhook.operationID ?? webhook.name) + "Payload"
            let payloadType: SwiftType
            if let payload = webhook.payload {
                payloadType = types.swiftType(for: payload, nameHint: hint)
            } else {
                types.log.warning("webhook '\(webhook.name)' has no JSON body schema; its payload is a JSONValue", at: webhook.mark)
                payloadType = .jsonValue
            }
            var values = config.webhookDiscriminators.compactMap { property in
                webhook.example?[property]?.string ?? constant(property, in: webhook.payload, types: types)
            }
            if values.count != config.webhookDiscriminators.count { values = [] }
            if !values.isEmpty {
                if let other = seenValues[values] {
                    types.log.warning(
                        "webhooks '\(other)' and '\(webhook.name)' have the same \(config.webhookDiscriminators.joined(separator: ", ")); only the first can be told apart without its name",
                        at: webhook.mark)
                    values = []
                } else {
                    seenValues[values] = webhook.name
                }
            }
            events.append(
                Webhooks.Event(
                    caseName: caseName, name: webhook.name, payloadType: payloadType,
                    summary: webhook.summary, description: webhook.description, discriminatorValues: values))
        }
        return Webhooks(typeName: typeName, events: events, discriminators: config.webhookDiscriminators)
    }

    /// The one value a payload property allows (`enum: [x]` or `const: x`), following references.
    static func constant(_ property: String, in schema: Schema?, types: TypeResolver) -> String? {
        guard let schema, let object = types.mergedObject(schema),
            let found = object.properties.first(where: { $0.name == property })
        else { return nil }
        if case .string(_, let values?) = found.schema.kind, values.count == 1 { return values[0] }
        return nil
    }
}
