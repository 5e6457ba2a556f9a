/// Diagnostics printed the way swiftc prints them: the located message, then the source line and
/// a caret under the column, when the file is among those the run read.
extension Sequence<Diagnostic> {
    /// Each diagnostic's printed form, in order. Every file is split into lines once, however many
    /// diagnostics point into it (there may be thousands); files not in `sources` show no line.
    public func rendered(with sources: SourceFiles) -> [String] {
        var lines: [String: SourceLines] = [:]
        return map { diagnostic in
            guard diagnostic.mark != nil else { return diagnostic.description }
            if lines[diagnostic.file] == nil, let file = sources[diagnostic.file] {
                lines[diagnostic.file] = SourceLines(bytes: file.bytes)
            }
            return diagnostic.rendered(lines: lines[diagnostic.file])
        }
    }
}
