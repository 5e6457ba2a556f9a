/// How an API signs its webhook deliveries, as `webhooks.signature` in `sdkgen.yaml` names it.
public enum WebhookSignatureScheme: String, Sendable, Hashable, CaseIterable {
    /// Standard Webhooks: `webhook-id`, `webhook-timestamp` and `webhook-signature` headers,
    /// HMAC-SHA256 over `<id>.<timestamp>.<body>` keyed by a `whsec_` base64 secret.
    case standardWebhooks = "standard-webhooks"
}
