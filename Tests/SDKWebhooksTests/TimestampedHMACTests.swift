import Foundation
import SDKRuntime
import SDKWebhooks
import Testing

/// The scheme the Linq Partner API documents ("Verifying Webhook Signatures"), judged by the
/// Python example the spec itself publishes: the test reads that function out of the spec in
/// ../shared/specs and runs it on the signatures this verifier makes.
@Suite struct TimestampedHMACTests {
    static let specPath: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/../shared/specs/linq-partner-v3.2026-02.yaml"
    }()
    static let secret: Secret = "linq-signing-secret-7f3a"
    static let timestamp: Int64 = 1_770_000_000
    static let now = Date(timeIntervalSince1970: TimeInterval(timestamp + 12))
    static let body = Data(#"{"event_type":"message.received","data":{"text":"héllo"}}"#.utf8)

    /// The spec's `verify_webhook` function, dedented, as the spec prints it.
    static func specFunction() throws -> String {
        let text = try String(contentsOfFile: specPath, encoding: .utf8)
        let start = try #require(text.range(of: "**Example (Python):**"))
        let fence = try #require(text.range(of: "```python\n", range: start.upperBound..<text.endIndex))
        let end = try #require(text.range(of: "```", range: fence.upperBound..<text.endIndex))
        let lines = text[fence.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        let indent = lines.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.prefix { $0 == " " }.count ?? 0
        return lines.map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count))) }.joined(separator: "\n")
    }

    /// What the spec's `verify_webhook` says of `signature`; `nil` when `python3` cannot run.
    static func specVerdict(secret: String, body: Data, timestamp: String, signature: String) throws -> Bool? {
        let script =
            try specFunction() + """

                from base64 import b64decode
                from sys import argv
                print(verify_webhook(argv[1], b64decode(argv[2]), argv[3], argv[4]))
                """
        return pythonOutput(script, [secret, body.base64EncodedString(), timestamp, signature]).map { $0 == "True" }
    }

    static func headers(timestamp: String? = String(timestamp), signature: String?) -> HTTPFields {
        fields([("X-Webhook-Timestamp", timestamp), ("X-Webhook-Signature", signature)])
    }

    @Test func theSpecsOwnExampleAcceptsOurSignaturesAndRejectsTamperedOnes() throws {
        #expect(try Self.specFunction().contains("def verify_webhook(signing_secret, payload, timestamp, signature):"))
        let verifier = try TimestampedHMACVerifier(secret: Self.secret)
        let signature = verifier.signature(timestamp: Self.timestamp, body: Self.body)
        #expect(signature.count == 64 && signature.allSatisfy(\.isHexDigit))
        let verdict = try Self.specVerdict(secret: Self.secret.value, body: Self.body, timestamp: String(Self.timestamp), signature: signature)
        try #require(verdict != nil, "python3 is needed to run the spec's example")
        #expect(verdict == true)
        #expect(try Self.specVerdict(secret: "other", body: Self.body, timestamp: String(Self.timestamp), signature: signature) == false)
        #expect(
            try Self.specVerdict(secret: Self.secret.value, body: Self.body + Data(" ".utf8), timestamp: String(Self.timestamp), signature: signature)
                == false)
        #expect(
            try Self.specVerdict(secret: Self.secret.value, body: Self.body, timestamp: String(Self.timestamp + 1), signature: signature) == false)
        try verifier.verify(headerFields: Self.headers(signature: signature), body: Self.body, now: Self.now)
        try verifier.verify(headerFields: Self.headers(signature: signature.uppercased()), body: Self.body, now: Self.now)
    }

    @Test func everyTamperedPartAndEveryBadHeaderIsRejected() throws {
        let verifier = try TimestampedHMACVerifier(secret: Self.secret)
        let signature = verifier.signature(timestamp: Self.timestamp, body: Self.body)
        let cases: [(String, HTTPFields, Data, Date, TimestampedHMACVerifier, WebhookVerificationError)] = [
            ("body", Self.headers(signature: signature), Self.body + Data("x".utf8), Self.now, verifier, .noMatchingSignature(count: 1)),
            (
                "timestamp", Self.headers(timestamp: String(Self.timestamp + 1), signature: signature), Self.body, Self.now, verifier,
                .noMatchingSignature(count: 1)
            ),
            ("signature", Self.headers(signature: String(signature.reversed())), Self.body, Self.now, verifier, .noMatchingSignature(count: 1)),
            (
                "secret", Self.headers(signature: signature), Self.body, Self.now, try TimestampedHMACVerifier(secret: "other"),
                .noMatchingSignature(count: 1)
            ),
            ("not hex", Self.headers(signature: "v1,abc"), Self.body, Self.now, verifier, .malformedSignature),
            ("odd length", Self.headers(signature: "abc"), Self.body, Self.now, verifier, .malformedSignature),
            ("no signature", Self.headers(signature: nil), Self.body, Self.now, verifier, .missingHeader("X-Webhook-Signature")),
            (
                "no timestamp", Self.headers(timestamp: nil, signature: signature), Self.body, Self.now, verifier,
                .missingHeader("X-Webhook-Timestamp")
            ),
            ("bad timestamp", Self.headers(timestamp: "soon", signature: signature), Self.body, Self.now, verifier, .malformedTimestamp("soon")),
            (
                "stale", Self.headers(signature: signature), Self.body, Date(timeIntervalSince1970: TimeInterval(Self.timestamp + 301)), verifier,
                .timestampTooOld(timestamp: Self.timestamp, now: Self.timestamp + 301, tolerance: 300)
            ),
            (
                "future", Self.headers(signature: signature), Self.body, Date(timeIntervalSince1970: TimeInterval(Self.timestamp - 301)), verifier,
                .timestampInFuture(timestamp: Self.timestamp, now: Self.timestamp - 301, tolerance: 300)
            ),
        ]
        for (name, headers, body, now, checker, expected) in cases {
            #expect(throws: expected, "\(name)") { try checker.verify(headerFields: headers, body: body, now: now) }
        }
        #expect(throws: WebhookVerificationError.secretEmpty) { try TimestampedHMACVerifier(secret: "") }
        #expect(throws: WebhookVerificationError.secretMissing(environmentVariable: "SDKGEN_TEST_UNSET_SECRET")) {
            try TimestampedHMACVerifier(secret: nil, environmentVariable: "SDKGEN_TEST_UNSET_SECRET")
        }
        #expect(!String(describing: verifier).contains(Self.secret.value))
        #expect(!String(reflecting: verifier).contains(Self.secret.value))
    }
}
