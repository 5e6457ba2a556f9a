/// A secret API key, sent as `Authorization: Bearer <key>`.
///
/// The value never appears in `description`, `debugDescription`, string interpolation,
/// `String(reflecting:)`, `dump` or `Mirror`: all of them show `APIKey(<redacted>)`.
/// Only the runtime itself reads the value, to build the `Authorization` header.
public struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable, ExpressibleByStringLiteral
{
    /// The secret; read only through ``authorizationHeaderValue`` and ``redact(in:)``.
    private let value: String

    /// Wraps a key.
    public init(_ value: String) {
        self.value = value
    }

    /// Wraps a key written as a string literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Whether the key is the empty string (then no `Authorization` header is sent).
    public var isEmpty: Bool { value.isEmpty }

    /// Always `APIKey(<redacted>)`.
    public var description: String { "APIKey(<redacted>)" }

    /// Always `APIKey(<redacted>)`.
    public var debugDescription: String { description }

    /// A mirror with no children, so reflection cannot reveal the key.
    public var customMirror: Mirror {
        Mirror(self, children: [], displayStyle: .struct)
    }

    /// The `Authorization` header value: `Bearer <key>`.
    package var authorizationHeaderValue: String { "Bearer \(value)" }

    /// Replaces every occurrence of the key in `text` with `<redacted>`.
    package func redact(in text: String) -> String {
        guard !value.isEmpty else { return text }
        return text.replacingOccurrences(of: value, with: HTTPHeaders.redactedValue)
    }
}
