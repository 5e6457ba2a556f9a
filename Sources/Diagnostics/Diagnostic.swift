/// One problem found in an input file, located the way a compiler locates one.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad a problem is: errors stop generation, warnings say what was understood but skipped.
    public enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }

    /// How bad the problem is.
    public var severity: Severity
    /// What is wrong, in words a person understands.
    public var message: String
    /// The file as the user named it.
    public var file: String
    /// Where in the file; `nil` when the problem concerns the file as a whole.
    public var mark: SourceMark?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, file: String, at mark: SourceMark?) {
        self.severity = severity
        self.message = message
        self.file = file
        self.mark = mark
    }

    /// `file:line:column: severity: message`, the form editors and CI logs jump to.
    public var description: String {
        if let mark {
            return "\(file):\(mark.line):\(mark.column): \(severity.rawValue): \(message)"
        }
        return "\(file): \(severity.rawValue): \(message)"
    }

    /// The description followed by the offending source line and a caret under the column,
    /// the way swiftc shows it. `source` is the file's text; lines that do not exist are skipped.
    /// Rendering many diagnostics of one file: split it once with `SourceLines` and use `rendered(lines:)`.
    public func rendered(source: String?) -> String {
        rendered(lines: source.map(SourceLines.init))
    }

    /// `rendered(source:)` with the file already split into lines. A line longer than
    /// `SourceLines.excerptWidth` is shown as that many characters around the column, cut with "…".
    public func rendered(lines: SourceLines?) -> String {
        guard let mark, let excerpt = lines?.excerpt(line: mark.line, column: mark.column) else { return description }
        let caretPad = String(excerpt.line.unicodeScalars.prefix(max(0, excerpt.column - 1)).map { $0 == "\t" ? "\t" : " " })
        return "\(description)\n\(excerpt.line)\n\(caretPad)^"
    }
}
