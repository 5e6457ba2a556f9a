import Foundation
import SDKRuntime
import SDKWebhooks
import Testing

/// The Standard Webhooks published example, and each part of it tampered with.
@Suite struct SpecExampleTests {
    let verifier: StandardWebhookVerifier

    init() throws {
        verifier = try StandardWebhookVerifier(secret: SpecExample.secret)
    }

    @Test func theExampleSignsAsTheReferenceLibrariesDo() {
        #expect(verifier.signature(id: SpecExample.id, timestamp: SpecExample.timestamp, body: SpecExample.body) == SpecExample.signature)
    }

    @Test func theExampleVerifies() throws {
        try verifier.verify(headerFields: SpecExample.headers(), body: SpecExample.body, now: SpecExample.now)
        // The secret without its prefix is the same key, as in the reference libraries.
        let bare = try StandardWebhookVerifier(secret: Secret(SpecExample.secretBase64))
        try bare.verify(headerFields: SpecExample.headers(), body: SpecExample.body, now: SpecExample.now)
    }

    @Test func aTamperedBodyIsRejected() {
        let error = verificationError {
            try verifier.verify(headerFields: SpecExample.headers(), body: Data(#"{"test": 2432232315}"#.utf8), now: SpecExample.now)
        }
        #expect(error == .noMatchingSignature(count: 1))
        let spaced = verificationError {
            try verifier.verify(headerFields: SpecExample.headers(), body: Data(#"{"test":2432232314}"#.utf8), now: SpecExample.now)
        }
        #expect(spaced == .noMatchingSignature(count: 1), "JSON encoded again is not the body that was signed")
    }

    @Test func aTamperedIDIsRejected() {
        let error = verificationError {
            try verifier.verify(headerFields: SpecExample.headers(id: "msg_p5jXN8AQM9LWM0D4loKWxJeK"), body: SpecExample.body, now: SpecExample.now)
        }
        #expect(error == .noMatchingSignature(count: 1))
    }

    @Test func aTamperedTimestampIsRejected() {
        // One second later is within the tolerance, so only the signature can tell.
        let later = verificationError {
            try verifier.verify(headerFields: SpecExample.headers(timestamp: "1614265331"), body: SpecExample.body, now: SpecExample.now)
        }
        #expect(later == .noMatchingSignature(count: 1))
        // A leading zero is the same number but not the signed text.
        let padded = verificationError {
            try verifier.verify(headerFields: SpecExample.headers(timestamp: "01614265330"), body: SpecExample.body, now: SpecExample.now)
        }
        #expect(padded == .noMatchingSignature(count: 1))
    }

    @Test func aTamperedSignatureIsRejected() {
        // The last character of the reference libraries' own "invalid signature" test.
        let flipped = verificationError {
            try verifier.verify(
                headerFields: SpecExample.headers(signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA="), body: SpecExample.body,
                now: SpecExample.now)
        }
        #expect(flipped == .noMatchingSignature(count: 1))
        let truncated = verificationError {
            try verifier.verify(
                headerFields: SpecExample.headers(signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ"), body: SpecExample.body,
                now: SpecExample.now)
        }
        #expect(truncated == .malformedSignature)
        let relabelled = verificationError {
            try verifier.verify(
                headerFields: SpecExample.headers(signature: "v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="), body: SpecExample.body,
                now: SpecExample.now)
        }
        #expect(relabelled == .noVersion1Signature(found: ["v1a"]))
    }

    @Test func anotherSecretIsRejected() throws {
        let other = try StandardWebhookVerifier(secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSx")
        let error = verificationError { try other.verify(headerFields: SpecExample.headers(), body: SpecExample.body, now: SpecExample.now) }
        #expect(error == .noMatchingSignature(count: 1))
    }

    @Test func eachMissingHeaderIsNamed() {
        let cases: [(HTTPFields, String)] = [
            (SpecExample.headers(id: nil), "webhook-id"),
            (SpecExample.headers(timestamp: nil), "webhook-timestamp"),
            (SpecExample.headers(signature: nil), "webhook-signature"),
            (SpecExample.headers(id: ""), "webhook-id"),
            (SpecExample.headers(signature: ""), "webhook-signature"),
        ]
        for (headers, name) in cases {
            let error = verificationError { try verifier.verify(headerFields: headers, body: SpecExample.body, now: SpecExample.now) }
            #expect(error == .missingHeader(name))
        }
    }
}
