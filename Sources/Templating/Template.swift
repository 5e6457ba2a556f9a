/// A parsed Mustache template, ready to render any number of times from any thread.
public struct Template: Sendable {
    let nodes: [TemplateNode]
    /// The templates it includes as partials, with the 1-based line and column of each tag.
    public let partialReferences: [(name: String, line: Int, column: Int)]

    /// Parses Mustache source; throws the first problem with its line and column.
    public init(parsing text: String) throws(TemplateError) {
        var parser = TemplateParser(text)
        nodes = try parser.parse()
        partialReferences = parser.partials.map { reference in
            let mark = parser.mark(reference.offset)
            return (reference.name, mark.line, mark.column)
        }
    }
}
