import Diagnostics
import OpenAPI
import YAML

/// Turns the spec's `webhooks` into typed events.
///
/// The rules, in order:
/// 1. Each webhook's payload type comes from its request body schema; an inline schema whose
///    model is the same as an earlier webhook's payload model reuses that type.
/// 2. Its event type is the first discriminator's value (from its example, or a single-value
///    enum in its payload), else its key without a version suffix (`message.sent.v2026` →
///    `message.sent`). The other discriminators' values (e.g. `webhook_version`) are its version.
/// 3. Webhooks of one event type with the same payload type are one case; the case is named
///    after the event type when it is the only case of its type, else after its first key.
/// 4. When there are two cases or more, the properties every payload has, with the same type
///    and requiredness, are the envelope: computed properties of the enum.
enum WebhookBuilder {
    /// One webhook, before webhooks of the same type and payload are merged.
    private struct Entry {
        var webhook: Webhook
        var payloadType: SwiftType
        var eventType: String
        var versionValues: [String]?
    }

    static func webhooks(
        _ webhooks: [Webhook], moduleName: String, clientName: String, config: GeneratorConfig, types: inout TypeResolver
    ) -> Webhooks? {
        guard !webhooks.isEmpty else {
            if config.webhookSignature != nil {
                types.log.warning("sdkgen.yaml sets 'webhooks.signature', but the spec has no webhooks; nothing is verified", at: nil)
            }
            return nil
        }
        let base = config.webhookTypeName ?? defaultTypeName(moduleName: moduleName, clientName: clientName)
        let typeName = SwiftNaming.unique(base, in: types.takenTypeNames)
        if typeName != base {
            types.log.warning("the webhook event type would be named '\(base)', which is taken; it is named '\(typeName)'", at: webhooks[0].mark)
        }
        let entries = entries(webhooks, config: config, types: &types)
        let events = merged(entries, discriminators: config.webhookDiscriminators, verified: config.webhookSignature != nil, log: &types.log)
        let cases = Set(events.map(\.caseName))
        return Webhooks(
            typeName: typeName, events: events, names: webhooks.map(\.name), discriminators: config.webhookDiscriminators,
            eventHeader: config.webhookEventHeader,
            envelope: envelope(of: events.map(\.payloadType), avoiding: cases, types: types),
            verification: config.webhookSignature.map {
                Webhooks.Verification(
                    scheme: $0, secretEnvironmentVariable: config.webhookSecretEnvironmentVariable, toleranceSeconds: config.webhookSignatureTolerance
                )
            })
    }

    /// `<stem>WebhookEvent` for a client named `<stem>Client`, else `<module>WebhookEvent`.
    static func defaultTypeName(moduleName: String, clientName: String) -> String {
        let stem = clientName.hasSuffix("Client") && clientName.count > 6 ? String(clientName.dropLast(6)) : moduleName
        return stem + "WebhookEvent"
    }

    /// `name` without a trailing version segment (`.v2026`, `_v2`, `-V1`), when it has one.
    static func eventType(fromKey name: String) -> String {
        let scalars = Array(name.unicodeScalars)
        var index = scalars.count
        while index > 0, ("0"..."9").contains(scalars[index - 1]) { index -= 1 }
        guard index < scalars.count, index >= 3, scalars[index - 1] == "v" || scalars[index - 1] == "V",
            [".", "_", "-"].contains(scalars[index - 2])
        else { return name }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[..<(index - 2)])
        return String(result)
    }

    /// The one value a payload property allows (`enum: [x]` or `const: x`), following references.
    static func constant(_ property: String, in schema: Schema?, types: TypeResolver) -> String? {
        guard let schema, let object = types.mergedObject(schema),
            let found = object.properties.first(where: { $0.name == property })
        else { return nil }
        if case .string(_, let values?) = found.schema.kind, values.count == 1 { return values[0] }
        return nil
    }

    /// Each webhook with its payload type, event type and version values.
    private static func entries(_ webhooks: [Webhook], config: GeneratorConfig, types: inout TypeResolver) -> [Entry] {
        var entries: [Entry] = []
        var payloadTypes: [SwiftType] = []  // The entries' payload types, kept as they grow (not mapped per webhook).
        for webhook in webhooks {
            let payloadType: SwiftType
            if let payload = webhook.payload {
                let hint = SwiftNaming.typeName(webhook.operationID ?? webhook.name) + "Payload"
                payloadType = sharedPayloadType(types.swiftType(for: payload, nameHint: hint), earlier: payloadTypes, types: &types)
            } else {
                types.log.warning("webhook '\(webhook.name)' has no JSON body schema; its payload is a JSONValue", at: webhook.mark)
                payloadType = .jsonValue
            }
            let values = config.webhookDiscriminators.map { property in
                webhook.example?[property]?.string ?? constant(property, in: webhook.payload, types: types)
            }
            let version = values.dropFirst()
            entries.append(
                Entry(
                    webhook: webhook, payloadType: payloadType, eventType: values.first.flatMap { $0 } ?? eventType(fromKey: webhook.name),
                    versionValues: version.contains(nil) ? nil : version.compactMap { $0 }))
            payloadTypes.append(payloadType)
        }
        return entries
    }

    /// `type`, or the earlier payload type whose model is the same when `type` is a model just
    /// declared for an inline schema (which is then withdrawn).
    private static func sharedPayloadType(_ type: SwiftType, earlier: [SwiftType], types: inout TypeResolver) -> SwiftType {
        guard let name = type.name, let model = types.model(named: name), types.models.last?.typeName == name else { return type }
        for other in earlier where other != type {
            guard let otherName = other.name, let otherModel = types.model(named: otherName), otherModel.kind == model.kind else { continue }
            if types.withdrawLastModel(named: name) { return other }
        }
        return type
    }

    /// What makes two entries one enum case.
    private struct EventKey: Hashable {
        var eventType: String
        var payloadType: SwiftType
    }

    /// The enum cases: entries of one event type and payload type merged, in spec order.
    private static func merged(_ entries: [Entry], discriminators: [String], verified: Bool, log: inout DiagnosticLog) -> [Webhooks.Event] {
        var events: [Webhooks.Event] = []
        var marks: [SourceMark] = []
        // Lookups only (the events keep spec order): the event of each event and payload type, and
        // how many events share each event type.
        var eventIndex: [EventKey: Int] = [:]
        var siblingCounts: [String: Int] = [:]
        for entry in entries {
            let key = EventKey(eventType: entry.eventType, payloadType: entry.payloadType)
            if let index = eventIndex[key] {
                events[index].names.append(entry.webhook.name)
                continue
            }
            eventIndex[key] = events.count
            siblingCounts[entry.eventType, default: 0] += 1
            events.append(
                Webhooks.Event(
                    caseName: "", names: [entry.webhook.name], eventType: entry.eventType, payloadType: entry.payloadType,
                    summary: entry.webhook.summary, description: entry.webhook.description, versionValues: entry.versionValues,
                    origin: Origin(entry.webhook.mark)))
            marks.append(entry.webhook.mark)
        }
        var taken: Set<String> = ["unknown", "names", "decode"]
        if verified { taken.formUnion(["verify", "signingSecretEnvironmentVariable", "signatureTolerance"]) }
        var seenVersions: [String: [[String]: String]] = [:]
        for index in events.indices {
            let siblings = siblingCounts[events[index].eventType] ?? 1
            let source = siblings == 1 ? events[index].eventType : events[index].names[0]
            let caseName = SwiftNaming.unique(SwiftNaming.memberName(source), in: taken)
            taken.insert(caseName)
            events[index].caseName = caseName
            if siblings == 1 {
                events[index].versionValues = []
            } else if let values = events[index].versionValues {
                if let other = seenVersions[events[index].eventType]?[values] {
                    log.warning(
                        "webhooks '\(other)' and '\(events[index].names[0])' have the same \(discriminators.joined(separator: ", ")) but different payloads; only the first can be told apart without its name",
                        at: marks[index])
                    events[index].versionValues = nil
                } else {
                    seenVersions[events[index].eventType, default: [:]][values] = events[index].names[0]
                }
            } else {
                log.warning(
                    "webhook '\(events[index].names[0])' shares event type '\(events[index].eventType)' with another payload, and its example does not give \(discriminators.dropFirst().joined(separator: ", ")); it is decoded only by its name",
                    at: marks[index])
            }
        }
        return events
    }

    /// The properties every payload model has with the same JSON key, type and requiredness (and
    /// not deprecated, so reading them through the enum warns no one); none for a single payload.
    private static func envelope(of payloads: [SwiftType], avoiding cases: Set<String>, types: TypeResolver) -> [Webhooks.EnvelopeProperty] {
        var structures: [[Property]] = []
        for payload in payloads {
            guard let name = payload.name, case .structure(let properties, _)? = types.model(named: name)?.kind else { return [] }
            structures.append(properties)
        }
        guard structures.count > 1, let first = structures.first else { return [] }
        var taken = cases.union(["unknown", "names", "decode", "envelope"])
        var result: [Webhooks.EnvelopeProperty] = []
        for property in first where !property.deprecated {
            let shared = structures.allSatisfy { properties in
                properties.contains {
                    $0.jsonKey == property.jsonKey && $0.swiftName == property.swiftName && $0.type == property.type
                        && $0.required == property.required
                }
            }
            guard shared else { continue }
            let name = SwiftNaming.unique(property.swiftName, in: taken)
            taken.insert(name)
            result.append(
                Webhooks.EnvelopeProperty(
                    name: name, payloadName: property.swiftName, type: property.type, required: property.required, description: property.description))
        }
        return result
    }
}
