/// Walks template nodes over a stack of values, writing UTF-8 bytes.
struct TemplateRenderer {
    let templates: [String: Template]
    private(set) var output: [UInt8] = []
    /// The values in scope, innermost last.
    private var stack: [TemplateValue]
    /// What each line of the partial being rendered starts with.
    private var indentation: [UInt8] = []
    /// Whether the next template text or value starts a line (tracked inside indented partials).
    private var atLineStart = true

    init(templates: [String: Template], context: TemplateValue) {
        self.templates = templates
        stack = [context]
        output.reserveCapacity(8192)
    }

    mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let text):
                writeTemplateText(text)
            case .variable(let name):
                if let value = lookUp(name) { write(value) }
            case .section(let name, let inverted, let body):
                let value = lookUp(name)
                let shown = value?.isShownBySection ?? false
                if inverted {
                    if !shown { render(body) }
                } else if shown, let value {
                    renderSection(body, over: value)
                }
            case .partial(let name, let indentation):
                guard let partial = templates[name] else { continue }
                if indentation.isEmpty {
                    render(partial.nodes)
                } else {
                    let outer = self.indentation
                    self.indentation += indentation
                    atLineStart = true
                    render(partial.nodes)
                    self.indentation = outer
                }
            }
        }
    }

    private mutating func renderSection(_ body: [TemplateNode], over value: TemplateValue) {
        switch value {
        case .list(let elements):
            for element in elements {
                stack.append(element)
                render(body)
                stack.removeLast()
            }
        case .flag:
            render(body)
        case .text, .object:
            stack.append(value)
            render(body)
            stack.removeLast()
        }
    }

    /// The value a name finds: its first part in the innermost scope that has it, the other
    /// parts inside that value.
    private func lookUp(_ name: TemplateName) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }
        var found: TemplateValue?
        for scope in stack.reversed() {
            if case .object(let object) = scope, let value = object[first] {
                found = value
                break
            }
        }
        for part in name.parts.dropFirst() {
            guard case .object(let object)? = found else { return nil }
            found = object[part]
        }
        return found
    }

    private mutating func write(_ value: TemplateValue) {
        switch value {
        case .text(let text):
            guard !text.isEmpty else { return }
            startLineIfNeeded()
            output.append(contentsOf: text.utf8)
        case .flag(let flag):
            startLineIfNeeded()
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .list, .object:
            break
        }
    }

    private mutating func startLineIfNeeded() {
        guard atLineStart, !indentation.isEmpty else { return }
        output.append(contentsOf: indentation)
        atLineStart = false
    }

    /// The template's own text; inside an indented partial each of its lines gets the indentation.
    private mutating func writeTemplateText(_ text: [UInt8]) {
        guard !indentation.isEmpty else {
            output.append(contentsOf: text)
            return
        }
        var start = 0
        while start < text.count {
            var end = start
            while end < text.count, text[end] != 0x0A { end += 1 }
            if end > start {
                startLineIfNeeded()
                output.append(contentsOf: text[start..<end])
                atLineStart = false
            }
            if end < text.count {
                output.append(0x0A)
                atLineStart = true
            }
            start = end + 1
        }
    }
}
