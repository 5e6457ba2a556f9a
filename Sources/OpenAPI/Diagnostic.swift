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
    public func rendered(source: String?) -> String {
        guard let mark, let source, let line = Self.line(mark.line, of: source) else { return description }
        let caretPad = String(line.unicodeScalars.prefix(max(0, mark.column - 1)).map { $0 == "\t" ? "\t" : " " })
        return "\(description)\n\(line)\n\(caretPad)^"
    }

    private static func line(_ number: Int, of source: String) -> String? {
        var current = 1
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number {
                return String(line.hasSuffix("\r") ? line.dropLast() : line)
            }
            current += 1
        }
        return nil
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
