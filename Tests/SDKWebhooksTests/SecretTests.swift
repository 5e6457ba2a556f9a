import Foundation
import SDKRuntime
import SDKWebhooks
import Testing

/// The signing secret: its form, the environment, and that no text shows it.
@Suite struct SecretTests {
    @Test func aSecretThatIsNotBase64IsRejected() {
        #expect(verificationError { _ = try StandardWebhookVerifier(secret: "whsec_not base64!") } == .secretNotBase64)
        #expect(verificationError { _ = try StandardWebhookVerifier(secret: "whsec_") } == .secretEmpty)
        #expect(verificationError { _ = try StandardWebhookVerifier(secret: "") } == .secretEmpty)
    }

    @Test func paddingMayBeLeftOut() throws {
        // 31 bytes of key: base64 with one `=`, given without it.
        let padded = try StandardWebhookVerifier(secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYqrTwjUPD8ILPY=")
        let unpadded = try StandardWebhookVerifier(secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYqrTwjUPD8ILPY")
        #expect(padded.signature(id: "a", timestamp: 1, body: Data()) == unpadded.signature(id: "a", timestamp: 1, body: Data()))
    }

    @Test func theSecretComesFromTheEnvironmentWhenNoneIsPassed() throws {
        let name = "SDKWEBHOOKS_TEST_SECRET_\(UUID().uuidString.replacingOccurrences(of: "-", with: ""))"
        #expect(
            verificationError { _ = try StandardWebhookVerifier(secret: nil, environmentVariable: name) } == .secretMissing(environmentVariable: name)
        )
        setenv(name, "whsec_\(SpecExample.secretBase64)", 1)
        defer { unsetenv(name) }
        let verifier = try StandardWebhookVerifier(secret: nil, environmentVariable: name)
        try verifier.verify(headerFields: SpecExample.headers(), body: SpecExample.body, now: SpecExample.now)
        // A secret passed wins over the environment.
        let passed = try StandardWebhookVerifier(secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSx", environmentVariable: name)
        #expect(verificationError { try passed.verify(headerFields: SpecExample.headers(), body: SpecExample.body, now: SpecExample.now) } != nil)
    }

    @Test func noDescriptionShowsTheSecret() throws {
        let verifier = try StandardWebhookVerifier(secret: SpecExample.secret)
        var dumped = ""
        dump(verifier, to: &dumped)
        let texts = [String(describing: verifier), String(reflecting: verifier), dumped]
        let errors: [WebhookVerificationError] = [
            .missingHeader("webhook-id"), .malformedTimestamp("x"), .timestampTooOld(timestamp: 1, now: 400, tolerance: 300),
            .timestampInFuture(timestamp: 400, now: 1, tolerance: 300), .noVersion1Signature(found: ["v1a"]), .noVersion1Signature(found: []),
            .malformedSignature, .noMatchingSignature(count: 1), .noMatchingSignature(count: 2),
            .secretMissing(environmentVariable: "LINQ_WEBHOOK_SECRET"),
            .secretNotBase64, .secretEmpty, .undecodable(WebhookDecodingError(name: "order.paid", reason: "missing key 'amount'")),
        ]
        for text in texts + errors.flatMap({ [$0.description, $0.localizedDescription] }) {
            #expect(!text.contains(SpecExample.secretBase64))
            #expect(!text.contains("MfKQ9r8G"))
        }
        #expect(texts[0] == "StandardWebhookVerifier(tolerance: 300 s, secret: <redacted>)")
        // Every case has its own text.
        #expect(Set(errors.map(\.description)).count == errors.count)
        #expect(errors.allSatisfy { $0.localizedDescription == $0.description })
    }

    @Test func aHostileHeaderValueIsShortenedInTheMessage() {
        let long = String(repeating: "9x", count: 500)
        #expect(WebhookVerificationError.malformedTimestamp(long).description.count < 200)
    }
}
