/// Why a webhook delivery's body could not be decoded.
public struct WebhookDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The webhook the body was decoded as, when known.
    public var name: String?
    /// What did not fit, with the coding path.
    public var reason: String

    /// Creates the error.
    public init(name: String?, reason: String) {
        self.name = name
        self.reason = reason
    }

    /// The webhook and the reason.
    public var description: String {
        "WebhookDecodingError\(name.map { " (\($0))" } ?? ""): \(reason)"
    }
}
