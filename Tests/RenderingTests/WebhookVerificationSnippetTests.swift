import Testing

/// The `<Type>+Verification.swift` file: only when sdkgen.yaml asks for it, decoding the way the
/// enum can, with the secret from the environment or passed.
@Suite("Webhook verification file")
struct WebhookVerificationSnippetTests {
    let spec = """
        openapi: 3.1.0
        info: {title: Hooks, version: '1'}
        webhooks:
          thing.made:
            post:
              requestBody:
                content:
                  application/json:
                    schema: {type: object, required: [kind], properties: {kind: {type: string}}}
                    example: {kind: thing.made}
              responses: {'200': {description: ok}}
        """

    @Test("No signature in the config, no file and no SDKWebhooks import")
    func absent() throws {
        let files = try generate(spec, config: "webhooks:\n  discriminators: [kind]\n")
        #expect(files["HooksWebhookEvent+Verification.swift"] == nil)
        #expect(!files.values.contains { $0.contains("SDKWebhooks") })
    }

    @Test("Decoded by the body, the secret from the environment")
    func byBody() throws {
        let files = try generate(
            spec, config: "webhooks:\n  discriminators: [kind]\n  signature: standard-webhooks\n  secretEnvironment: HOOKS_SECRET\n  tolerance: 60\n")
        #expect(files["HooksWebhookEvent+Verification.swift"]?.contains("\n@_exported import SDKWebhooks\n") == true)
        expectSnippet(
            """
            extension HooksWebhookEvent {
                /// The environment variable `verify` reads the endpoint's signing secret from when none is passed.
                public static let signingSecretEnvironmentVariable = "HOOKS_SECRET"

                /// How many seconds a delivery's timestamp may be before or after now.
                public static let signatureTolerance: Int64 = 60
            """, in: "HooksWebhookEvent+Verification.swift", of: files)
        expectSnippet(
            """
                public static func verify(
                    headerFields: HTTPFields, body: Data, secret: Secret? = nil, now: Date = Date()
                ) throws(WebhookVerificationError) -> HooksWebhookEvent {
                    let verifier = try StandardWebhookVerifier(secret: secret, environmentVariable: signingSecretEnvironmentVariable, tolerance: signatureTolerance)
                    try verifier.verify(headerFields: headerFields, body: body, now: now)
                    do {
                        return try decode(from: body)
            """, in: "HooksWebhookEvent+Verification.swift", of: files)
    }

    @Test("The timestamped HMAC scheme the Linq spec documents uses its own verifier and says what it checks")
    func timestampedHMAC() throws {
        let files = try generate(
            spec, config: "webhooks:\n  discriminators: [kind]\n  signature: timestamped-hmac\n  secretEnvironment: HOOKS_SECRET\n")
        expectSnippet(
            """
                /// Verifies a delivery's timestamped HMAC-SHA256 signature and only then decodes it
                /// (by its body).
                ///
                /// The signature (HMAC-SHA256 over `X-Webhook-Timestamp`, a `.` and the body, keyed by the
                /// secret's UTF-8 bytes) must match `X-Webhook-Signature` (hex), compared in constant time,
                /// and the timestamp must be within `signatureTolerance` seconds of `now`.
            """, in: "HooksWebhookEvent+Verification.swift", of: files)
        #expect(
            files["HooksWebhookEvent+Verification.swift"]?.contains(
                "let verifier = try TimestampedHMACVerifier(secret: secret, environmentVariable: signingSecretEnvironmentVariable, tolerance: signatureTolerance)"
            ) == true)
    }

    @Test("Decoded by name, the secret passed")
    func byName() throws {
        let files = try generate(spec, config: "webhooks:\n  signature: standard-webhooks\n")
        let file = try #require(files["HooksWebhookEvent+Verification.swift"])
        #expect(!file.contains("signingSecretEnvironmentVariable"))
        expectSnippet(
            """
                public static func verify(
                    headerFields: HTTPFields, body: Data, name: String, secret: Secret, now: Date = Date()
                ) throws(WebhookVerificationError) -> HooksWebhookEvent {
                    let verifier = try StandardWebhookVerifier(secret: secret, tolerance: signatureTolerance)
                    try verifier.verify(headerFields: headerFields, body: body, now: now)
                    do {
                        return try decode(name: name, from: body)
            """, in: "HooksWebhookEvent+Verification.swift", of: files)
        #expect(files["api.md"]?.contains("`HooksWebhookEvent.verify(headerFields:body:name:secret:now:)` (a tolerance of 300 s).") == true)
    }
}
