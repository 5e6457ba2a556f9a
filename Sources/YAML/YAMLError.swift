import Diagnostics

/// Why a YAML document could not be read, and where.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A person-readable reason, e.g. libyaml's "mapping values are not allowed in this context".
    public var message: String
    /// Where the problem is.
    public var mark: SourceMark

    /// Creates an error.
    public init(_ message: String, at mark: SourceMark) {
        self.message = message
        self.mark = mark
    }

    /// `line:column: message`.
    public var description: String { "\(mark): \(message)" }
}
