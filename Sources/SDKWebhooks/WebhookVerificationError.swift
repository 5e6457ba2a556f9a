import Foundation
import SDKRuntime

/// Why a webhook delivery was not accepted: its Standard Webhooks signature did not verify, or it
/// verified and the body then did not decode.
///
/// No case holds the signing secret or anything derived from it, so neither `description` nor
/// `localizedDescription` can show it.
public enum WebhookVerificationError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The delivery lacks the header named here (`webhook-id`, `webhook-timestamp` or
    /// `webhook-signature`), or has it empty.
    case missingHeader(String)
    /// The `webhook-timestamp` header is not a whole number of seconds since 1970 (the value as sent).
    case malformedTimestamp(String)
    /// The delivery was signed more than `tolerance` seconds before `now` (a replay, or a clock far behind).
    case timestampTooOld(timestamp: Int64, now: Int64, tolerance: Int64)
    /// The delivery is dated more than `tolerance` seconds after `now` (a clock far ahead).
    case timestampInFuture(timestamp: Int64, now: Int64, tolerance: Int64)
    /// The `webhook-signature` header has no `v1,` signature (HMAC-SHA256); the versions it has
    /// instead are listed, e.g. `["v1a"]`.
    case noVersion1Signature(found: [String])
    /// Every `v1,` signature in the header is malformed: not base64 of a 32-byte HMAC-SHA256.
    case malformedSignature
    /// None of the `count` well-formed `v1,` signatures matches the body, id and timestamp
    /// signed with the secret: the delivery was altered, or signed with another secret.
    case noMatchingSignature(count: Int)
    /// No secret was passed and the environment variable named here is unset or empty.
    case secretMissing(environmentVariable: String)
    /// The secret, after an optional `whsec_` prefix, is not base64.
    case secretNotBase64
    /// The secret decodes to no bytes.
    case secretEmpty
    /// The signature verified but the body is not the event it claims to be.
    case undecodable(WebhookDecodingError)

    /// What went wrong, in a sentence, without the secret.
    public var description: String {
        switch self {
        case .missingHeader(let name):
            return "the webhook delivery has no '\(name)' header"
        case .malformedTimestamp(let value):
            return "the webhook delivery's 'webhook-timestamp' is not whole seconds since 1970: '\(Self.shortened(value))'"
        case .timestampTooOld(let timestamp, let now, let tolerance):
            return "the webhook delivery was signed \(now - timestamp) s ago, more than the \(tolerance) s allowed (webhook-timestamp \(timestamp))"
        case .timestampInFuture(let timestamp, let now, let tolerance):
            return
                "the webhook delivery is dated \(timestamp - now) s in the future, more than the \(tolerance) s allowed (webhook-timestamp \(timestamp))"
        case .noVersion1Signature(let found):
            let versions = found.isEmpty ? "none" : found.map { "'\(Self.shortened($0))'" }.joined(separator: ", ")
            return "the webhook delivery's 'webhook-signature' has no 'v1,' signature (versions found: \(versions))"
        case .malformedSignature:
            return "every 'v1,' signature in the webhook delivery's 'webhook-signature' is malformed (not base64 of 32 bytes)"
        case .noMatchingSignature(let count):
            return
                "none of the \(count) 'v1,' signature\(count == 1 ? "" : "s") of the webhook delivery matches: the body, id or timestamp was altered, or it was signed with another secret"
        case .secretMissing(let variable):
            return "no webhook signing secret was passed and the environment variable \(variable) is not set"
        case .secretNotBase64:
            return "the webhook signing secret is not base64 after its 'whsec_' prefix"
        case .secretEmpty:
            return "the webhook signing secret is empty"
        case .undecodable(let error):
            return "the webhook delivery's signature verified, but its body did not decode: \(error)"
        }
    }

    /// The same text as `description`, for `localizedDescription`.
    public var errorDescription: String? { description }

    /// `text` cut to 64 characters, so that a hostile header cannot flood a log.
    private static func shortened(_ text: String) -> String {
        text.count > 64 ? String(text.prefix(64)) + "…" : text
    }
}
