import YAML

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

/// A file's text split into lines once, so that showing the line of each of thousands of
/// diagnostics costs no more than the part of the line shown. Lines end where libyaml ends them,
/// so that they agree with the marks: LF, CR LF (one `Character`: splitting on "\n" misses it),
/// CR, NEL, LS and PS; columns count Unicode scalars, as marks do.
public struct SourceLines: Sendable {
    /// The most Unicode scalars of a line `excerpt` returns (a minified JSON file is one long line).
    public static let excerptWidth = 160

    private let scalars: [Unicode.Scalar]
    /// The scalars of each line, without its line break.
    private let ranges: [Range<Int>]

    /// Splits `text`.
    public init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            switch scalars[index] {
            case "\r" where index + 1 < scalars.count && scalars[index + 1] == "\n":
                ranges.append(start..<index)
                index += 2
                start = index
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}":
                ranges.append(start..<index)
                index += 1
                start = index
            default:
                index += 1
            }
        }
        ranges.append(start..<scalars.count)
        self.scalars = scalars
        self.ranges = ranges
    }

    /// Line `number` (1-based) without its line break: at most `excerptWidth` scalars of it around `column`, with "…" where the line
    /// was cut, and the column of the same character in the excerpt; `nil` past the end.
    public func excerpt(line number: Int, column: Int) -> (line: String, column: Int)? {
        guard number >= 1, number <= ranges.count else { return nil }
        let range = ranges[number - 1]
        guard range.count > Self.excerptWidth else { return (text(range), column) }
        let offset = min(max(0, column - 1 - Self.excerptWidth / 2), range.count - Self.excerptWidth)
        let shown = range.lowerBound + offset ..< range.lowerBound + offset + Self.excerptWidth
        let before = offset > 0 ? "…" : ""
        let after = shown.upperBound < range.upperBound ? "…" : ""
        return (before + text(shown) + after, column - offset + before.unicodeScalars.count)
    }

    private func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }
}

/// Thrown when a stage found errors: carries every diagnostic it collected, warnings included.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    /// All diagnostics, in the order they were found.
    public var diagnostics: [Diagnostic]

    /// Creates the error.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Every diagnostic on its own line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics for one file while a stage runs.
public struct DiagnosticLog: Sendable {
    /// The file the diagnostics are about.
    public let file: String
    /// What was collected so far, in order.
    public private(set) var all: [Diagnostic] = []

    /// Creates an empty log for `file`.
    public init(file: String) {
        self.file = file
    }

    /// Whether any error was collected.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Records an error.
    public mutating func error(_ message: String, at mark: SourceMark?) {
        all.append(Diagnostic(.error, message, file: file, at: mark))
    }

    /// Records a warning.
    public mutating func warning(_ message: String, at mark: SourceMark?) {
        all.append(Diagnostic(.warning, message, file: file, at: mark))
    }
}
