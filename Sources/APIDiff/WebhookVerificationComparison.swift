import SDKModel

extension ClientComparison {
    /// The signature check of the webhook enum: added (additive), removed (breaking), or its
    /// secret's variable or tolerance changed (invisible, unless the secret becomes required).
    static func compareVerification(_ old: Webhooks, _ new: Webhooks, into log: inout ChangeLog) {
        let name = "\(new.typeName).verify"
        switch (old.verification, new.verification) {
        case (nil, nil):
            return
        case (nil, let added?):
            log.add(
                "webhooks", .method, name, .added, .additive,
                "New: verifies a delivery's \(added.scheme.rawValue) signature before decoding it; the SDK now imports SDKWebhooks (swift-crypto).",
                at: nil)
        case (.some, nil):
            log.add("webhooks", .method, name, .removed, .breaking, "Removed: deliveries are no longer verified; calls no longer compile.", at: nil)
        case (let before?, let after?):
            if before.secretEnvironmentVariable != nil, after.secretEnvironmentVariable == nil {
                log.add(
                    "webhooks", .method, name, .changed, .breaking,
                    "The secret is no longer read from \(before.secretEnvironmentVariable ?? ""): calls that pass none no longer compile.", at: nil)
            } else if before.secretEnvironmentVariable != after.secretEnvironmentVariable {
                let was = before.secretEnvironmentVariable.map { "was \($0)" } ?? "was none: the secret had to be passed"
                log.add(
                    "webhooks", .method, name, .changed, .invisible,
                    "Reads the secret from \(after.secretEnvironmentVariable ?? "") when none is passed (\(was)).", at: nil)
            }
            if before.toleranceSeconds != after.toleranceSeconds {
                log.add(
                    "webhooks", .method, name, .changed, .invisible,
                    "Accepts timestamps within \(after.toleranceSeconds) s of now (was \(before.toleranceSeconds) s).", at: nil)
            }
        }
    }
}
