/// Reads the files a spec's `$ref`s name. The loader never touches the file system itself: the
/// generator hands it a reader (which can also refuse a file whose real path, links followed,
/// leaves the spec's folder), and tests hand it files from memory.
public protocol SpecFileReader: Sendable {
    /// The bytes of the file at `path`, a path the loader has already checked to lie inside the
    /// spec's folder (as text, `..` removed).
    func read(_ path: String) -> SpecFileRead
}

/// What reading one referenced file gave.
public enum SpecFileRead: Sendable, Equatable {
    /// The file's bytes.
    case bytes([UInt8])
    /// There is no such file (or it is a folder, or cannot be read).
    case missing
    /// The file exists, but its real path (through symbolic links) is outside the spec's folder.
    case outsideFolder
}

/// Caps on what the references of one spec may make the loader read.
public struct ReferenceLimits: Sendable, Hashable {
    /// The most files one load reads, the spec itself included.
    public var maxFiles: Int
    /// The most bytes the files a spec references may hold together (the spec's own size is
    /// capped where it is read).
    public var maxTotalBytes: Int

    /// Creates limits; the defaults are far above real specs (DigitalOcean's, one of the largest
    /// split ones, is about 2,900 files and 14 MB).
    public init(maxFiles: Int = 20_000, maxTotalBytes: Int = 512 << 20) {
        self.maxFiles = maxFiles
        self.maxTotalBytes = maxTotalBytes
    }
}
