/// What a `$ref` points at once its file is known: the file's index in the load and the JSON
/// pointer fragment (`#`, `#/components/schemas/Pet`). Two references to the same place from
/// different files have the same target.
struct ReferenceTarget: Hashable {
    /// The index of the file (`SourceMark.fileIndex`).
    var fileIndex: Int
    /// The fragment, `#` included: `#` for the whole file.
    var fragment: String
}
