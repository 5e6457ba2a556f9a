import SDKModel
import Templating

extension ContextBuilder {
    /// The extension that verifies a delivery's signature before decoding it, through the
    /// decoding the webhook enum has: by header, else by body, else by the webhook's name.
    func webhookVerification(_ webhooks: Webhooks, _ verification: Webhooks.Verification) -> TemplateObject {
        var context = headerContext
        context["typeName"] = .text(webhooks.typeName)
        context["toleranceSeconds"] = .text(String(verification.toleranceSeconds))
        context["schemeTitle"] = .text(verification.scheme.title)
        switch verification.scheme {
        case .standardWebhooks:
            context["verifierType"] = .text("StandardWebhookVerifier")
            context["schemeDocLines"] = .texts([
                "/// The signature (HMAC-SHA256 over `webhook-id`, `webhook-timestamp` and the body) must match",
                "/// one of the `v1,` signatures in `webhook-signature`, compared in constant time, and the",
                "/// timestamp must be within `signatureTolerance` seconds of `now`.",
            ])
        case .timestampedHMAC:
            context["verifierType"] = .text("TimestampedHMACVerifier")
            context["schemeDocLines"] = .texts([
                "/// The signature (HMAC-SHA256 over `X-Webhook-Timestamp`, a `.` and the body, keyed by the",
                "/// secret's UTF-8 bytes) must match `X-Webhook-Signature` (hex), compared in constant time,",
                "/// and the timestamp must be within `signatureTolerance` seconds of `now`.",
            ])
        }
        context["firstNameLiteral"] = .text(webhooks.events.first.map { "`\(SwiftText.singleLine($0.names[0]))`" } ?? "")
        if let variable = verification.secretEnvironmentVariable {
            context["environmentLiteral"] = .text(SwiftText.stringLiteral(variable))
            context["environmentName"] = .text(SwiftText.singleLine(variable))
            context["secretType"] = .text("Secret? = nil")
            context["verifierArguments"] = .text("secret: secret, environmentVariable: signingSecretEnvironmentVariable")
        } else {
            context["secretType"] = .text("Secret")
            context["verifierArguments"] = .text("secret: secret")
        }
        if let header = webhooks.eventHeader {
            context["decodeCall"] = .text("decode(headerFields: headerFields, body: body)")
            context["decodeSummary"] = .text(
                "by its `\(SwiftText.singleLine(header))` header" + (webhooks.discriminators.isEmpty ? "" : " or its body"))
        } else if !webhooks.discriminators.isEmpty {
            context["decodeCall"] = .text("decode(from: body)")
            context["decodeSummary"] = .text("by its body")
        } else {
            context["decodeCall"] = .text("decode(name: name, from: body)")
            context["decodeSummary"] = .text("as the webhook `name`")
            context["nameParameter"] = .text("name: String, ")
        }
        return context
    }

    /// The sentence naming the method that verifies deliveries before decoding them.
    static func verifierSentence(_ webhooks: Webhooks, _ verification: Webhooks.Verification) -> String {
        let arguments =
            webhooks.eventHeader == nil && webhooks.discriminators.isEmpty ? "headerFields:body:name:secret:now:" : "headerFields:body:secret:now:"
        let secret = verification.secretEnvironmentVariable.map { "; the secret from `\(SwiftText.singleLine($0))` unless one is passed" } ?? ""
        return
            "Verify their \(verification.scheme.title) signatures first with `\(webhooks.typeName).verify(\(arguments))` (a tolerance of \(verification.toleranceSeconds) s\(secret))."
    }

}
