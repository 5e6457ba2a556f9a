/// Named templates that can include each other as partials.
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]

    /// An empty library.
    public init() {}

    /// Adds `template` under `name`, replacing any template of that name.
    public mutating func add(_ template: Template, named name: String) {
        templates[name] = template
    }

    /// A problem with how the templates include each other.
    public struct IncludeProblem: Sendable, Equatable {
        /// The template with the `{{> …}}` tag at fault.
        public let template: String
        /// Where the tag is and what is wrong.
        public let error: TemplateError
    }

    /// The first partial that does not exist or leads back to a template that includes it,
    /// looking at templates in name order; `nil` when every inclusion can be rendered.
    public func includeProblem() -> IncludeProblem? {
        for name in templates.keys.sorted() {
            guard let template = templates[name] else { continue }
            for reference in template.partialReferences where templates[reference.name] == nil {
                let error = TemplateError("there is no template named '\(reference.name)' to include", line: reference.line, column: reference.column)
                return IncludeProblem(template: name, error: error)
            }
        }
        // Depth-first search for a cycle, in name order.
        var finished: Set<String> = []
        var path: [String] = []
        func visit(_ name: String) -> IncludeProblem? {
            guard !finished.contains(name), let template = templates[name] else { return nil }
            path.append(name)
            defer {
                path.removeLast()
                finished.insert(name)
            }
            for reference in template.partialReferences {
                if path.contains(reference.name) {
                    let cycle = (path.drop(while: { $0 != reference.name }) + [reference.name]).joined(separator: " → ")
                    let error = TemplateError(
                        "including '\(reference.name)' here never ends (\(cycle))", line: reference.line, column: reference.column)
                    return IncludeProblem(template: name, error: error)
                }
                if let problem = visit(reference.name) { return problem }
            }
            return nil
        }
        for name in templates.keys.sorted() {
            if let problem = visit(name) { return problem }
        }
        return nil
    }

    /// The UTF-8 bytes of the template `name` rendered with `context`; empty when there is no
    /// such template. Call `includeProblem()` once before rendering templates that include others.
    public func renderBytes(_ name: String, _ context: TemplateValue) -> [UInt8] {
        guard let template = templates[name] else { return [] }
        var renderer = TemplateRenderer(templates: templates, context: context)
        renderer.render(template.nodes)
        return renderer.output
    }

    /// The template `name` rendered with `context`, as text.
    public func render(_ name: String, _ context: TemplateValue) -> String {
        String(decoding: renderBytes(name, context), as: UTF8.self)
    }
}
