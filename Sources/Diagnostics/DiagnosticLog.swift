/// Collects diagnostics about the files of one load while a stage runs.
public struct DiagnosticLog: Sendable {
    /// The file a diagnostic without a mark is about: the one the user named.
    public let file: String
    /// The path of each file a mark can point into, by `SourceMark.fileIndex`.
    public private(set) var files: [String]
    /// What was collected so far, in order.
    public private(set) var all: [Diagnostic] = []

    /// Creates an empty log for `file`.
    public init(file: String) {
        self.init(files: [file])
    }

    /// Creates an empty log for the files of a load, the first being the one the user named.
    public init(files: [String]) {
        self.file = files.first ?? ""
        self.files = files
    }

    /// Whether any error was collected.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Adds a file marks can point into; its index is the number of files before it.
    public mutating func addFile(_ path: String) {
        files.append(path)
    }

    /// The path of the file `mark` is in.
    public func path(of mark: SourceMark?) -> String {
        guard let mark, files.indices.contains(mark.fileIndex) else { return file }
        return files[mark.fileIndex]
    }

    /// Records an error.
    public mutating func error(_ message: String, at mark: SourceMark?) {
        all.append(Diagnostic(.error, message, file: path(of: mark), at: mark))
    }

    /// Records a warning.
    public mutating func warning(_ message: String, at mark: SourceMark?) {
        all.append(Diagnostic(.warning, message, file: path(of: mark), at: mark))
    }
}
