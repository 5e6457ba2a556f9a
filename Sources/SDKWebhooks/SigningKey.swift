internal import Crypto
import Foundation
import SDKRuntime

/// The HMAC key of a Standard Webhooks secret: `whsec_` (optional) followed by base64.
///
/// It keeps the decoded bytes, not a `SymmetricKey`, which swift-crypto 3 does not declare
/// `Sendable`; `key` makes one for each use.
struct SigningKey: Sendable {
    /// What Standard Webhooks secrets start with.
    static let prefix = "whsec_"

    private let bytes: Data

    /// The key for HMAC.
    var key: SymmetricKey { SymmetricKey(data: bytes) }

    /// Decodes `secret`; padding may be left out, as some dashboards show secrets without it.
    init(_ secret: Secret) throws(WebhookVerificationError) {
        var text = Substring(secret.value)
        if text.hasPrefix(Self.prefix) { text = text.dropFirst(Self.prefix.count) }
        if text.count % 4 != 0 { text += String(repeating: "=", count: 4 - text.count % 4) }
        guard let bytes = Data(base64Encoded: String(text)) else { throw .secretNotBase64 }
        guard !bytes.isEmpty else { throw .secretEmpty }
        self.bytes = bytes
    }
}
