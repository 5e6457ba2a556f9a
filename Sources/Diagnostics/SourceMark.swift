/// A position in a source file, as a person counts it: line and column both start at 1.
///
/// A spec may be split into files, so a mark also says which of a load's files it is in, by
/// index (`0` is the file the user named; `DiagnosticLog` turns the index back into a path).
/// The three numbers are stored in 32 bits each: a large spec holds millions of marks.
public struct SourceMark: Sendable, Hashable, Comparable, CustomStringConvertible {
    private var storedLine: UInt32
    private var storedColumn: UInt32
    private var storedFile: UInt32

    /// The 1-based line number.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }

    /// The 1-based column, counted in Unicode scalars from the start of the line.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    /// The index of the file the mark is in among the files one load read (`0`: the first).
    public var fileIndex: Int {
        get { Int(storedFile) }
        set { storedFile = UInt32(clamping: newValue) }
    }

    /// Creates a mark at `line` and `column` (both 1-based) in the file with index `fileIndex`.
    public init(line: Int, column: Int, fileIndex: Int = 0) {
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
        storedFile = UInt32(clamping: fileIndex)
    }

    /// The mark of the very first character of a file.
    public static let start = SourceMark(line: 1, column: 1)

    /// `line:column`, the way compilers print positions (the file is printed by the diagnostic).
    public var description: String { "\(line):\(column)" }

    /// Orders marks by file, then line, then column.
    public static func < (lhs: SourceMark, rhs: SourceMark) -> Bool {
        (lhs.storedFile, lhs.storedLine, lhs.storedColumn) < (rhs.storedFile, rhs.storedLine, rhs.storedColumn)
    }
}
