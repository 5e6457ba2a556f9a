import Diagnostics
import SDKModel
import Testing

/// `webhooks.signature`, `webhooks.secretEnvironment` and `webhooks.tolerance` in `sdkgen.yaml`.
@Suite("Signed webhooks in sdkgen.yaml")
struct WebhookSignatureConfigTests {
    func load(_ text: String) -> (config: GeneratorConfig?, diagnostics: [String]) {
        let result = GeneratorConfig.load(SourceFile(path: "sdkgen.yaml", bytes: Array(text.utf8)))
        return (result.config, result.diagnostics.map(\.description))
    }

    @Test("The three keys are read; the tolerance defaults to 300 seconds")
    func keys() throws {
        let full = try #require(
            load("webhooks:\n  signature: standard-webhooks\n  secretEnvironment: LINQ_WEBHOOK_SECRET\n  tolerance: 120\n").config)
        #expect(full.webhookSignature == .standardWebhooks)
        #expect(full.webhookSecretEnvironmentVariable == "LINQ_WEBHOOK_SECRET")
        #expect(full.webhookSignatureTolerance == 120)
        let plain = try #require(load("webhooks:\n  signature: standard-webhooks\n").config)
        #expect(plain.webhookSecretEnvironmentVariable == nil)
        #expect(plain.webhookSignatureTolerance == 300)
        let unsigned = try #require(load("webhooks:\n  header: X-Event\n").config)
        #expect(unsigned.webhookSignature == nil)
    }

    @Test("An unknown webhooks key lists every key")
    func unknownKey() {
        #expect(
            load("webhooks:\n  secret: X\n").diagnostics == [
                "sdkgen.yaml:2:3: error: unknown key 'secret'; expected one of: discriminators, type, header, signature, secretEnvironment, tolerance"
            ])
    }

    @Test("Wrong values are errors at the value")
    func wrongValues() {
        #expect(
            load("webhooks:\n  signature: hmac\n").diagnostics == [
                "sdkgen.yaml:2:14: error: unknown 'webhooks.signature' 'hmac'; expected one of: standard-webhooks, timestamped-hmac"
            ])
        for bad in ["0", "-5", "1.5", "86401", "five", "99999999999999999999"] {
            #expect(
                load("webhooks:\n  signature: standard-webhooks\n  tolerance: \(bad)\n").diagnostics == [
                    "sdkgen.yaml:3:14: error: 'webhooks.tolerance' must be a whole number of seconds from 1 to 86400, found '\(bad)'"
                ])
        }
        #expect(
            load("webhooks:\n  signature: standard-webhooks\n  secretEnvironment: 'A B'\n").diagnostics == [
                "sdkgen.yaml:3:22: error: 'webhooks.secretEnvironment' must be a Swift identifier (ASCII letters, digits and '_', not starting with a digit), found 'A B'"
            ])
    }

    @Test("The secret's variable and the tolerance need a signature")
    func needsSignature() {
        #expect(
            load("webhooks:\n  secretEnvironment: LINQ_WEBHOOK_SECRET\n").diagnostics == [
                "sdkgen.yaml:2:3: error: 'webhooks.secretEnvironment' applies only to signed webhooks; add 'signature: standard-webhooks'"
            ])
    }

    @Test("The SDK model carries the verification; without webhooks it is a warning")
    func model() throws {
        let spec = webhookSpec([("a", "{$ref: '#/components/schemas/Plain'}", nil)])
        let signed = try build(spec, config: "webhooks:\n  signature: standard-webhooks\n  secretEnvironment: HOOKS_SECRET\n").sdk?.webhooks
        #expect(signed?.verification?.scheme == .standardWebhooks)
        #expect(signed?.verification?.secretEnvironmentVariable == "HOOKS_SECRET")
        #expect(signed?.verification?.toleranceSeconds == 300)
        #expect(try build(spec).sdk?.webhooks?.verification == nil)
        let none = try build("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n", config: "webhooks:\n  signature: standard-webhooks\n")
        #expect(none.diagnostics.map(\.message) == ["sdkgen.yaml sets 'webhooks.signature', but the spec has no webhooks; nothing is verified"])
    }

    @Test("With verification, an event named verify gets another case name")
    func reservedNames() throws {
        let spec = webhookSpec([("verify", "{$ref: '#/components/schemas/Plain'}", nil)])
        #expect(try build(spec).sdk?.webhooks?.events.map(\.caseName) == ["verify"])
        #expect(try build(spec, config: "webhooks:\n  signature: standard-webhooks\n").sdk?.webhooks?.events.map(\.caseName) == ["verify2"])
    }
}
