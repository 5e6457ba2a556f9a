/// A secret credential value (an API key, a token, a password).
///
/// The value never appears in `description`, `debugDescription`, string interpolation,
/// `String(reflecting:)`, `dump` or `Mirror`: all of them show `Secret(<redacted>)`.
/// Only the runtime itself reads the value, to put it on a request.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable, ExpressibleByStringLiteral
{
    /// The secret; read only by the runtime.
    package let value: String

    /// Wraps a secret.
    public init(_ value: String) {
        self.value = value
    }

    /// Wraps a secret written as a string literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Whether the secret is the empty string (then it is treated as absent).
    public var isEmpty: Bool { value.isEmpty }

    /// Always `Secret(<redacted>)`.
    public var description: String { "Secret(<redacted>)" }

    /// Always `Secret(<redacted>)`.
    public var debugDescription: String { description }

    /// A mirror with no children, so reflection cannot reveal the value.
    public var customMirror: Mirror {
        Mirror(self, children: [], displayStyle: .struct)
    }
}
