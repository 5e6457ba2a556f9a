import Foundation
import SDKRuntime
import SDKWebhooks
import Testing

/// `webhook-timestamp`: its form, and the tolerance either side of now.
@Suite struct TimestampTests {
    let verifier: StandardWebhookVerifier

    init() throws {
        verifier = try StandardWebhookVerifier(secret: SpecExample.secret)
    }

    func verify(at offset: TimeInterval) -> WebhookVerificationError? {
        verificationError {
            try verifier.verify(headerFields: SpecExample.headers(), body: SpecExample.body, now: SpecExample.now.addingTimeInterval(offset))
        }
    }

    @Test func theToleranceIsFiveMinutesEitherWayInclusive() {
        #expect(verify(at: 300) == nil)
        #expect(verify(at: 300.9) == nil, "now is counted in whole seconds")
        #expect(verify(at: -300) == nil)
    }

    @Test func aStaleDeliveryIsRejected() {
        #expect(verify(at: 301) == .timestampTooOld(timestamp: SpecExample.timestamp, now: SpecExample.timestamp + 301, tolerance: 300))
        // A replay days later, still with its valid signature.
        #expect(
            verify(at: 3 * 86_400) == .timestampTooOld(timestamp: SpecExample.timestamp, now: SpecExample.timestamp + 3 * 86_400, tolerance: 300))
    }

    @Test func aDeliveryFromTheFutureIsRejected() {
        #expect(verify(at: -301) == .timestampInFuture(timestamp: SpecExample.timestamp, now: SpecExample.timestamp - 301, tolerance: 300))
    }

    @Test func theToleranceCanBeSet() throws {
        let strict = try StandardWebhookVerifier(secret: SpecExample.secret, tolerance: 10)
        let error = verificationError {
            try strict.verify(headerFields: SpecExample.headers(), body: SpecExample.body, now: SpecExample.now.addingTimeInterval(11))
        }
        #expect(error == .timestampTooOld(timestamp: SpecExample.timestamp, now: SpecExample.timestamp + 11, tolerance: 10))
        #expect(try StandardWebhookVerifier(secret: SpecExample.secret, tolerance: -5).tolerance == 0)
        #expect(try StandardWebhookVerifier(secret: SpecExample.secret, tolerance: .max).tolerance == StandardWebhookVerifier.maximumTolerance)
    }

    @Test(arguments: ["hello", "1614265330.5", "-1614265330", "+1614265330", " 1614265330", "1e9", "٣٣", "9999999999999999999999"])
    func aMalformedTimestampIsRejected(_ value: String) {
        let error = verificationError {
            try verifier.verify(headerFields: SpecExample.headers(timestamp: value), body: SpecExample.body, now: SpecExample.now)
        }
        // HTTP field values lose their surrounding spaces, so " 1614265330" arrives without one.
        if value == " 1614265330" {
            #expect(error == nil || error == .malformedTimestamp(value))
        } else {
            #expect(error == .malformedTimestamp(value))
        }
    }

    @Test func farOffClocksDoNotOverflow() {
        #expect(verify(at: -Double(SpecExample.timestamp) * 2) != nil)
        let far = verificationError {
            try verifier.verify(headerFields: SpecExample.headers(), body: SpecExample.body, now: Date.distantFuture.addingTimeInterval(1e300))
        }
        #expect(far != nil)
        let maximal = verificationError {
            try verifier.verify(headerFields: SpecExample.headers(timestamp: "999999999999999999"), body: SpecExample.body, now: SpecExample.now)
        }
        #expect(maximal == .timestampInFuture(timestamp: 999_999_999_999_999_999, now: SpecExample.timestamp, tolerance: 300))
    }
}
