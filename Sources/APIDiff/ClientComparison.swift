import SDKModel

/// What sits outside the resources compared: the client and its credentials, the error type's
/// cases, and the webhook events.
enum ClientComparison {
    static func compare(into log: inout ChangeLog) {
        let (old, new) = (log.old, log.new)
        let client = new.clientName
        for (what, before, after) in [
            ("module", old.moduleName, new.moduleName), ("client type", old.clientName, new.clientName), ("error type", old.errorName, new.errorName),
        ]
        where before != after {
            log.add(
                "client", .client, after, .renamed, .breaking, "The \(what) is \(after) (was \(before)): code naming \(before) no longer compiles.",
                at: nil)
        }
        if old.defaultBaseURL != new.defaultBaseURL {
            log.add(
                "client", .client, "\(client).defaultBaseURL", .changed, .invisible,
                "Requests go to \(new.defaultBaseURL ?? "no default URL") (was \(old.defaultBaseURL ?? "none")) unless a base URL is given; code compiles as before.",
                at: nil)
        }
        // The API key's variable is a credential's, reported with the credential.
        if old.baseURLEnvironmentVariable != new.baseURLEnvironmentVariable {
            let name = { (variable: String?) in variable.map { "`\($0)`" } ?? "no environment variable" }
            log.add(
                "client", .client, "\(client).init", .changed, .invisible,
                "The base URL is read from \(name(new.baseURLEnvironmentVariable)) (was \(name(old.baseURLEnvironmentVariable))): set it where the old one was set.",
                at: nil)
        }
        if old.accessModifier != new.accessModifier { compareAccess(old.accessModifier, new.accessModifier, client: client, into: &log) }
        compareCredentials(old.credentials, new.credentials, client: client, into: &log)
        if old.security != new.security {
            log.add("client", .client, "\(client).security", .changed, .invisible, "The credentials operations send by default changed.", at: nil)
        }
        compareErrors(into: &log)
        compareWebhooks(into: &log)
    }

    /// A narrower access level (`public` → `package` → `internal`) hides the SDK from code that
    /// used it: breaking; a wider one is additive.
    private static func compareAccess(_ old: AccessModifier, _ new: AccessModifier, client: String, into log: inout ChangeLog) {
        let order: [AccessModifier] = [.internal, .package, .public]
        let narrower = (order.firstIndex(of: new) ?? 0) < (order.firstIndex(of: old) ?? 0)
        let reach = [AccessModifier.public: "every module", .package: "the modules of its package", .internal: "its own module"]
        let detail =
            narrower
            ? "Every declaration is `\(new.rawValue)` (was `\(old.rawValue)`): the SDK is visible to \(reach[new] ?? "") only, and code outside it that uses the SDK no longer compiles."
            : "Every declaration is `\(new.rawValue)` (was `\(old.rawValue)`): the SDK is visible to \(reach[new] ?? "")."
        log.add("client", .client, client, .changed, narrower ? .breaking : .additive, detail, at: nil)
    }

    private static func compareCredentials(_ old: [Credential], _ new: [Credential], client: String, into log: inout ChangeLog) {
        let matching = Matching(old: old, new: new, key: \.schemeName)
        for credential in matching.removed {
            log.add(
                "client", .credential, credential.schemeName, .removed, .breaking,
                "`\(client).init` no longer takes \(labels(credential)): calls that pass it no longer compile.", at: log.inOld(credential.origin))
        }
        for (before, after) in matching.both {
            let here = log.inNew(after.origin)
            if before.labels != after.labels || before.kind != after.kind {
                log.add(
                    "client", .credential, after.schemeName, .changed, .breaking,
                    "`\(client).init` takes \(labels(after)) (was \(labels(before))): calls that pass the old one no longer compile.", at: here)
            }
            if before.environmentVariables != after.environmentVariables {
                let names = { (credential: Credential) in
                    credential.environmentVariables.map { $0.map { "`\($0)`" } ?? "none" }.joined(separator: " and ")
                }
                log.add(
                    "client", .credential, after.schemeName, .changed, .invisible,
                    "Read from \(names(after)) when not passed (was \(names(before))): set it where the old one was set.", at: here)
            }
        }
        for credential in matching.added {
            log.add(
                "client", .credential, credential.schemeName, .added, .additive,
                "`\(client).init` takes \(labels(credential)) (it defaults to nil).", at: log.inNew(credential.origin))
        }
    }

    private static func labels(_ credential: Credential) -> String {
        credential.labels.map { "`\($0):`" }.joined(separator: " and ")
    }

    private static func compareErrors(into log: inout ChangeLog) {
        let type = log.new.errorName
        let matching = Matching(old: log.old.errorCases, new: log.new.errorCases, key: \.name)
        for item in matching.removed {
            log.add(
                "errors", .errorCase, "\(type).\(item.name)", .removed, .breaking,
                "HTTP \(item.statusCode) has no case of its own any more (it arrives as another case): code naming the case no longer compiles.",
                at: log.inOld(item.origin))
        }
        for (before, after) in matching.both
        where !log.same(before.bodyType, after.bodyType) || !log.same(before.bodies.map(\.type), after.bodies.map(\.type)) {
            let describe = { (item: ErrorCase) in
                item.bodies.count > 1
                    ? "one of " + item.bodies.map(\.type.swiftSource).joined(separator: ", ") : item.bodyType?.swiftSource ?? "no body"
            }
            log.add(
                "errors", .errorCase, "\(type).\(after.name)", .changed, .breaking,
                "Carries \(describe(after)) instead of \(describe(before)): code reading the body no longer compiles.", at: log.inNew(after.origin))
        }
        for item in matching.added {
            log.add(
                "errors", .errorCase, "\(type).\(item.name)", .added, .breaking,
                "New case for HTTP \(item.statusCode): exhaustive `switch`es over \(type) no longer compile until they handle it (a `default:` is unaffected).",
                at: log.inNew(item.origin))
        }
    }

    private static func compareWebhooks(into log: inout ChangeLog) {
        switch (log.old.webhooks, log.new.webhooks) {
        case (nil, nil):
            return
        case (nil, let webhooks?):
            log.add(
                "webhooks", .webhook, webhooks.typeName, .added, .additive, "New: decodes the \(webhooks.events.count) webhook events the API sends.",
                at: webhooks.events.first.flatMap { log.inNew($0.origin) })
        case (let webhooks?, nil):
            log.add("webhooks", .webhook, webhooks.typeName, .removed, .breaking, "Removed: code naming the type no longer compiles.", at: nil)
        case (let before?, let after?):
            compareWebhooks(before, after, into: &log)
        }
    }

    private static func compareWebhooks(_ old: Webhooks, _ new: Webhooks, into log: inout ChangeLog) {
        let type = new.typeName
        if old.typeName != new.typeName {
            log.add(
                "webhooks", .webhook, type, .renamed, .breaking, "Renamed (was \(old.typeName)): code naming the old type no longer compiles.",
                at: nil)
        }
        let matching = Matching(old: old.events, new: new.events, key: \.caseName)
        for event in matching.removed {
            log.add(
                "webhooks", .webhook, "\(type).\(event.caseName)", .removed, .breaking,
                "Event removed (\(event.names.joined(separator: ", "))): code naming the case no longer compiles; deliveries of it decode as `.unknown`.",
                at: log.inOld(event.origin))
        }
        for (before, after) in matching.both {
            let here = log.inNew(after.origin)
            if !log.same(before.payloadType, after.payloadType) {
                log.add(
                    "webhooks", .webhook, "\(type).\(after.caseName)", .changed, .breaking,
                    "Carries \(after.payloadType.swiftSource) instead of \(before.payloadType.swiftSource).", at: here)
            }
            if before.names != after.names || before.eventType != after.eventType || before.versionValues != after.versionValues {
                log.add(
                    "webhooks", .webhook, "\(type).\(after.caseName)", .changed, .invisible,
                    "Decodes `\(after.eventType)` deliveries named \(after.names.joined(separator: ", ")) (was `\(before.eventType)`: \(before.names.joined(separator: ", "))).",
                    at: here)
            }
        }
        for event in matching.added {
            log.add(
                "webhooks", .webhook, "\(type).\(event.caseName)", .added, .breaking,
                "New event `\(event.eventType)` (\(event.payloadType.swiftSource)): exhaustive `switch`es over \(type) no longer compile until they handle it (a `default:` is unaffected); older SDKs decode it as `.unknown`.",
                at: log.inNew(event.origin))
        }
        let envelope = Matching(old: old.envelope, new: new.envelope, key: \.name)
        for property in envelope.removed {
            log.add(
                "webhooks", .property, "\(type).\(property.name)", .removed, .breaking, "No longer every payload's: reads of it no longer compile.",
                at: nil)
        }
        for (before, after) in envelope.both where !log.same(before.type, after.type) || before.required != after.required {
            let spelled = { (item: Webhooks.EnvelopeProperty) in item.type.swiftSource + (item.required ? "" : "?") }
            log.add(
                "webhooks", .property, "\(type).\(after.name)", .changed, .breaking, "Reads give \(spelled(after)) instead of \(spelled(before)).",
                at: nil)
        }
        for property in envelope.added {
            log.add(
                "webhooks", .property, "\(type).\(property.name)", .added, .additive,
                "New: every payload has it, so the event reads it directly.", at: nil)
        }
        compareVerification(old, new, into: &log)
    }
}
