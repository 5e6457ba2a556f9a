internal import Crypto
import Foundation
import SDKRuntime

/// Checks the Standard Webhooks signature of a delivery: HMAC-SHA256, keyed by the endpoint's
/// `whsec_` secret, over `<webhook-id>.<webhook-timestamp>.<body>`, against every `v1,`
/// signature of the `webhook-signature` header, in constant time; and that `webhook-timestamp`
/// is within the tolerance of now, so an old delivery cannot be replayed.
///
/// Generated webhook event types call it from their `verify(headerFields:body:secret:now:)`;
/// it can also be used by itself. Its description never shows the secret.
public struct StandardWebhookVerifier: Sendable, CustomStringConvertible, CustomReflectable {
    /// The tolerance Standard Webhooks recommends: five minutes.
    public static let defaultTolerance: Int64 = 300
    /// The largest tolerance accepted (a day); a larger one is clamped to it.
    public static let maximumTolerance: Int64 = 86_400

    /// The header names, as Standard Webhooks spells them.
    public enum HeaderName {
        /// The delivery's id, the same for every retry of one event.
        public static let id = "webhook-id"
        /// When this attempt was signed, in seconds since 1970.
        public static let timestamp = "webhook-timestamp"
        /// The space-separated `v1,<base64>` signatures.
        public static let signature = "webhook-signature"
    }

    private let key: SigningKey
    /// How many seconds a delivery's timestamp may be before or after now.
    public let tolerance: Int64

    /// A verifier for `secret` (`whsec_` followed by base64, or the base64 alone).
    public init(secret: Secret, tolerance: Int64 = defaultTolerance) throws(WebhookVerificationError) {
        key = try SigningKey(secret)
        self.tolerance = min(max(tolerance, 0), Self.maximumTolerance)
    }

    /// A verifier for `secret`, or when it is `nil`, for the secret in the environment variable
    /// `environmentVariable`.
    public init(secret: Secret?, environmentVariable: String, tolerance: Int64 = defaultTolerance) throws(WebhookVerificationError) {
        guard let secret = secret ?? EnvironmentVariables.value(environmentVariable).map({ Secret($0) }) else {
            throw .secretMissing(environmentVariable: environmentVariable)
        }
        try self.init(secret: secret, tolerance: tolerance)
    }

    /// Returns when the delivery's signature is valid and its timestamp within the tolerance of
    /// `now`; throws the first problem found otherwise. Nothing of the body is decoded.
    public func verify(headerFields: HTTPFields, body: Data, now: Date = Date()) throws(WebhookVerificationError) {
        let id = try headerFields.requiredValue(named: HeaderName.id)
        let timestampText = try headerFields.requiredValue(named: HeaderName.timestamp)
        let signatureValues = headerFields.values(named: HeaderName.signature)
        guard signatureValues.contains(where: { !$0.isEmpty }) else { throw .missingHeader(HeaderName.signature) }
        let timestamp = try WebhookTimestamp.parse(timestampText)
        try WebhookTimestamp.check(timestamp, now: now, tolerance: tolerance)
        let header = SignatureHeader(values: signatureValues)
        guard header.version1Count > 0 else { throw .noVersion1Signature(found: header.otherVersions) }
        guard !header.signatures.isEmpty else { throw .malformedSignature }
        let expected = authenticationCode(id: id, timestamp: timestampText, body: body)
        // Every signature is compared, in constant time each, whether or not an earlier one matched.
        var matched = false
        for signature in header.signatures where expected == signature {
            matched = true
        }
        guard matched else { throw .noMatchingSignature(count: header.signatures.count) }
    }

    /// The `v1,<base64>` signature a sender puts in `webhook-signature` for this delivery: for
    /// tests and for forwarding deliveries on.
    public func signature(id: String, timestamp: Int64, body: Data) -> String {
        "v1," + Data(authenticationCode(id: id, timestamp: String(timestamp), body: body)).base64EncodedString()
    }

    /// HMAC-SHA256 of `<id>.<timestamp>.<body>`.
    private func authenticationCode(id: String, timestamp: String, body: Data) -> HashedAuthenticationCode<SHA256> {
        var mac = HMAC<SHA256>(key: key.key)
        mac.update(data: Data(id.utf8))
        mac.update(data: Data(".".utf8))
        mac.update(data: Data(timestamp.utf8))
        mac.update(data: Data(".".utf8))
        mac.update(data: body)
        return mac.finalize()
    }

    /// Names the tolerance only: the key stays out of logs.
    public var description: String { "StandardWebhookVerifier(tolerance: \(tolerance) s, secret: <redacted>)" }

    /// A mirror with only the tolerance, so reflection cannot reveal the key.
    public var customMirror: Mirror { Mirror(self, children: ["tolerance": tolerance], displayStyle: .struct) }
}
