/// A template that cannot be used, with where the problem is (1-based line and column).
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in one sentence.
    public let message: String
    /// The 1-based line of the tag at fault.
    public let line: Int
    /// The 1-based column of the tag at fault, counted in Unicode scalars.
    public let column: Int

    /// Creates an error at `line` and `column`.
    public init(_ message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}
