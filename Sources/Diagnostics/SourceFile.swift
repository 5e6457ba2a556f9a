/// One input file as it was read: the path the user named it by and its bytes. Every stage that
/// needs the file gets this value, so the file is read once and a diagnostic can show its lines
/// without reading it again.
public struct SourceFile: Sendable {
    /// The path as the user named it (diagnostics show this path).
    public let path: String
    /// The file's bytes.
    public let bytes: [UInt8]

    /// Creates a file from bytes already read.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Creates a file from text (tests, and inputs that are not files).
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The bytes as text; invalid UTF-8 shows as U+FFFD.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Every file one run read (the spec, its config, template overrides), by path, in the order read.
public struct SourceFiles: Sendable {
    /// The files in the order they were added.
    public private(set) var files: [SourceFile] = []
    /// The index in `files` of each path.
    private var indexByPath: [String: Int] = [:]

    /// Creates an empty set.
    public init() {}

    /// Adds `file`; a file already held under the same path is replaced.
    public mutating func add(_ file: SourceFile) {
        if let index = indexByPath[file.path] {
            files[index] = file
        } else {
            indexByPath[file.path] = files.count
            files.append(file)
        }
    }

    /// Drops the files no diagnostic in `diagnostics` shows a line of, so that a large spec's
    /// bytes are not held through the stages after the last one that reports into it.
    public mutating func keepOnlyFiles(shownBy diagnostics: [Diagnostic]) {
        let shown = Set(diagnostics.lazy.filter { $0.mark != nil }.map(\.file))
        files.removeAll { !shown.contains($0.path) }
        indexByPath = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($1.path, $0) })
    }

    /// The file read from `path`, when it was read.
    public subscript(path: String) -> SourceFile? {
        indexByPath[path].map { files[$0] }
    }
}
