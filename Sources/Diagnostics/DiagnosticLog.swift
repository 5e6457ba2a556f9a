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
