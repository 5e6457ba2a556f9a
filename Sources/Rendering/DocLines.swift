/// Doc comments assembled from paragraphs of `///` lines (as `SwiftText.docComment` makes them).
enum DocLines {
    /// The non-empty `paragraphs` in order, an empty `///` line between each two.
    static func paragraphs(_ paragraphs: [[String]]) -> [String] {
        var lines: [String] = []
        for paragraph in paragraphs where !paragraph.isEmpty {
            if !lines.isEmpty { lines.append("///") }
            lines += paragraph
        }
        return lines
    }
}
