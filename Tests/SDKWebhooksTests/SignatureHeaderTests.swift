import Foundation
import SDKRuntime
import SDKWebhooks
import Testing

/// `webhook-signature`: several signatures (secret rotation), other versions, malformed ones.
@Suite struct SignatureHeaderTests {
    let verifier: StandardWebhookVerifier

    init() throws {
        verifier = try StandardWebhookVerifier(secret: SpecExample.secret)
    }

    func verify(_ signature: String) -> WebhookVerificationError? {
        verificationError {
            try verifier.verify(headerFields: SpecExample.headers(signature: signature), body: SpecExample.body, now: SpecExample.now)
        }
    }

    @Test func oneMatchingSignatureAmongSeveralIsEnough() {
        let wrong = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc="
        #expect(verify("\(wrong) \(SpecExample.signature)") == nil)
        #expect(verify("\(SpecExample.signature) \(wrong)") == nil)
        #expect(
            verify("v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg== \(SpecExample.signature)") == nil)
        #expect(verify("v2,\(SpecExample.signature.dropFirst(3)) v1,!!! \(wrong)  \(SpecExample.signature)") == nil)
    }

    @Test func noneMatchingIsCounted() {
        let wrong = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc="
        #expect(verify("\(wrong) \(wrong) v1,garbage") == .noMatchingSignature(count: 2))
    }

    @Test func aRepeatedHeaderIsReadWhole() throws {
        var headers = SpecExample.headers(signature: "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=")
        headers.append(HTTPField(name: try #require(HTTPField.Name("webhook-signature")), value: SpecExample.signature))
        try verifier.verify(headerFields: headers, body: SpecExample.body, now: SpecExample.now)
    }

    @Test func onlyOtherVersionsIsItsOwnError() {
        #expect(verify("v1a,abc v2,def") == .noVersion1Signature(found: ["v1a", "v2"]))
        #expect(
            verify("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=") == .noVersion1Signature(found: ["g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="]))
    }

    @Test func onlyMalformedVersion1SignaturesIsItsOwnError() {
        #expect(verify("v1,") == .malformedSignature)
        #expect(verify("v1,not-base64!") == .malformedSignature)
        // Base64, but of 16 bytes rather than an HMAC-SHA256.
        #expect(verify("v1,AAAAAAAAAAAAAAAAAAAAAA==") == .malformedSignature)
    }
}
