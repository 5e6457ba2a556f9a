/// Which file of `Models/` each model goes into.
///
/// Models are spread over a fixed number of files by a stable hash of their type name, not one
/// file per model: the Swift compiler builds a few files of similar size in about 20 % less time
/// than one small file per type (measured on the full Linq SDK), and a large spec writes a
/// few files instead of thousands. A model keeps its file when other models are added or removed
/// (unless the count of files changes, which happens only when the count of models doubles or
/// halves), so a spec change touches only the files of the models it changes.
///
/// Why the count grows with the spec: a debug build compiles a module's files in batches of
/// consecutive files (in path order, at most 25 a batch, at least one a core), each batch on one
/// core. The model files sort together and hold most of the code, so with 16 files for OpenAI's
/// 3,400 models they all fell into the first batch, compiled on one core while the other idled.
/// About 25 models a file spreads them over every batch.
public struct ModelFiles {
    /// The fewest files models are spread over (every spec with up to 799 models has this many);
    /// every count is a multiple of it, so `fnv1a(name) % 16` is the same for a model whichever
    /// count its SDK has (what `PluginLayout` groups by).
    public static let minimumFileCount = 16
    /// The most files models are spread over.
    static let maximumFileCount = 256
    /// About how many models one file holds in a large SDK.
    static let modelsPerFile = 25

    /// How many files the models are spread over.
    public let fileCount: Int

    /// The files for `modelCount` models: the largest power of two up to `modelCount / 25`,
    /// within 16…256 (16 up to 799 models, 32 from 800, …, 128 for OpenAI's 3,400).
    public init(modelCount: Int) {
        var count = Self.minimumFileCount
        while count * 2 * Self.modelsPerFile <= modelCount, count < Self.maximumFileCount { count *= 2 }
        fileCount = count
    }

    /// `Models/Models07.swift` (`Models/Models007.swift` when there are more than 99 files): the
    /// file for a model called `typeName`.
    public func path(for typeName: String) -> String {
        let number = String(Int(Self.fnv1a(typeName) % UInt64(fileCount)) + 1)
        let width = String(fileCount).count
        return "Models/Models" + String(repeating: "0", count: max(0, width - number.count)) + number + ".swift"
    }

    /// The 64-bit FNV-1a hash of the UTF-8 bytes: the same on every machine and every run.
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
