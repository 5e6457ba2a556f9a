/// How an API signs its webhook deliveries, as `webhooks.signature` in `sdkgen.yaml` names it.
public enum WebhookSignatureScheme: String, Sendable, Hashable, CaseIterable {
    /// Standard Webhooks: `webhook-id`, `webhook-timestamp` and `webhook-signature` headers,
    /// HMAC-SHA256 over `<id>.<timestamp>.<body>` keyed by a `whsec_` base64 secret.
    case standardWebhooks = "standard-webhooks"
    /// What the Linq Partner API documents: `X-Webhook-Timestamp` and `X-Webhook-Signature`
    /// headers, HMAC-SHA256 over `<timestamp>.<body>` keyed by the secret's UTF-8 bytes, hex.
    case timestampedHMAC = "timestamped-hmac"

    /// How documentation names the scheme.
    public var title: String {
        switch self {
        case .standardWebhooks: "Standard Webhooks"
        case .timestampedHMAC: "timestamped HMAC-SHA256"
        }
    }
}
