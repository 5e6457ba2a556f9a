/// A position in a source file, as a person counts it: line and column both start at 1.
public struct SourceMark: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars from the start of the line.
    public var column: Int

    /// Creates a mark at `line` and `column` (both 1-based).
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The mark of the very first character of a file.
    public static let start = SourceMark(line: 1, column: 1)

    /// `line:column`, the way compilers print positions.
    public var description: String { "\(line):\(column)" }

    /// Orders marks by line, then by column.
    public static func < (lhs: SourceMark, rhs: SourceMark) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
