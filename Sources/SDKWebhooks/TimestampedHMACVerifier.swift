internal import Crypto
import Foundation
import SDKRuntime

/// Checks a delivery signed the way the Linq Partner API documents it ("Verifying Webhook
/// Signatures" in its description): HMAC-SHA256, keyed by the signing secret's UTF-8 bytes, over
/// `<timestamp>.<body>`, hex-encoded in `X-Webhook-Signature`, with the Unix time in
/// `X-Webhook-Timestamp`; compared in constant time, and the timestamp within the tolerance of
/// now so an old delivery cannot be replayed.
///
/// Generated webhook event types call it from `verify(headerFields:body:secret:now:)` when
/// `sdkgen.yaml` says `signature: timestamped-hmac`. Its description never shows the secret.
public struct TimestampedHMACVerifier: Sendable, CustomStringConvertible, CustomReflectable {
    /// The headers Linq sends.
    public enum DefaultHeaderName {
        /// The hex HMAC.
        public static let signature = "X-Webhook-Signature"
        /// When the delivery was signed, in seconds since 1970.
        public static let timestamp = "X-Webhook-Timestamp"
    }

    private let key: Data
    /// How many seconds a delivery's timestamp may be before or after now.
    public let tolerance: Int64
    /// The header holding the hex signature.
    public let signatureHeader: String
    /// The header holding the timestamp.
    public let timestampHeader: String

    /// A verifier for `secret` (used as it is written: its UTF-8 bytes are the key).
    public init(
        secret: Secret, tolerance: Int64 = StandardWebhookVerifier.defaultTolerance,
        signatureHeader: String = DefaultHeaderName.signature, timestampHeader: String = DefaultHeaderName.timestamp
    ) throws(WebhookVerificationError) {
        guard !secret.value.isEmpty else { throw .secretEmpty }
        key = Data(secret.value.utf8)
        self.tolerance = min(max(tolerance, 0), StandardWebhookVerifier.maximumTolerance)
        self.signatureHeader = signatureHeader
        self.timestampHeader = timestampHeader
    }

    /// A verifier for `secret`, or when it is `nil`, for the secret in `environmentVariable`.
    public init(
        secret: Secret?, environmentVariable: String, tolerance: Int64 = StandardWebhookVerifier.defaultTolerance,
        signatureHeader: String = DefaultHeaderName.signature, timestampHeader: String = DefaultHeaderName.timestamp
    ) throws(WebhookVerificationError) {
        guard let secret = secret ?? EnvironmentVariables.value(environmentVariable).map({ Secret($0) }) else {
            throw .secretMissing(environmentVariable: environmentVariable)
        }
        try self.init(secret: secret, tolerance: tolerance, signatureHeader: signatureHeader, timestampHeader: timestampHeader)
    }

    /// Returns when the signature matches and the timestamp is within the tolerance of `now`;
    /// throws the first problem found otherwise. Nothing of the body is decoded.
    public func verify(headerFields: HTTPFields, body: Data, now: Date = Date()) throws(WebhookVerificationError) {
        let timestampText = try headerFields.requiredValue(named: timestampHeader)
        let signatureText = try headerFields.requiredValue(named: signatureHeader)
        let timestamp = try WebhookTimestamp.parse(timestampText)
        try WebhookTimestamp.check(timestamp, now: now, tolerance: tolerance)
        guard let signature = Self.hexBytes(signatureText.trimmingCharacters(in: .whitespaces)) else { throw .malformedSignature }
        guard authenticationCode(timestamp: timestampText, body: body) == signature else { throw .noMatchingSignature(count: 1) }
    }

    /// The hex signature a sender puts in the signature header: for tests and for forwarding.
    public func signature(timestamp: Int64, body: Data) -> String {
        authenticationCode(timestamp: String(timestamp), body: body).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
        }.joined()
    }

    /// HMAC-SHA256 of `<timestamp>.<body>`.
    private func authenticationCode(timestamp: String, body: Data) -> HashedAuthenticationCode<SHA256> {
        var mac = HMAC<SHA256>(key: SymmetricKey(data: key))
        mac.update(data: Data(timestamp.utf8))
        mac.update(data: Data(".".utf8))
        mac.update(data: body)
        return mac.finalize()
    }

    /// The bytes of an even-length hex string (either case), `nil` for anything else.
    static func hexBytes(_ text: String) -> Data? {
        let digits = Array(text.utf8)
        guard !digits.isEmpty, digits.count % 2 == 0 else { return nil }
        var bytes = Data(capacity: digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Names the headers and tolerance only: the key stays out of logs.
    public var description: String {
        "TimestampedHMACVerifier(signatureHeader: \(signatureHeader), timestampHeader: \(timestampHeader), tolerance: \(tolerance) s, secret: <redacted>)"
    }

    /// A mirror without the key.
    public var customMirror: Mirror {
        Mirror(
            self, children: ["signatureHeader": signatureHeader, "timestampHeader": timestampHeader, "tolerance": tolerance], displayStyle: .struct)
    }
}
