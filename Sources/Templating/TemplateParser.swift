/// Turns Mustache source into template nodes.
///
/// Understands variables (`{{name}}`, `{{{name}}}`, `{{&name}}`), sections (`{{#name}}`),
/// inverted sections (`{{^name}}`), comments (`{{! … }}`), partials (`{{> name}}`), delimiter
/// changes (`{{=<% %>=}}`) and the `{{% CONTENT_TYPE: TEXT}}` pragma. A section, comment,
/// partial, delimiter or pragma tag alone on its line takes the whole line with it.
struct TemplateParser {
    private let bytes: [UInt8]
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)

    /// The partials the template includes, with where, in source order.
    private(set) var partials: [(name: String, offset: Int)] = []

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    private struct OpenSection {
        let name: TemplateName
        let inverted: Bool
        let offset: Int
        let enclosing: [TemplateNode]
    }

    fileprivate enum TagKind {
        case comment, sectionOpen(inverted: Bool), sectionClose, partial, delimiters, pragma, variable
    }

    /// The template's nodes, or the first problem in it.
    mutating func parse() throws(TemplateError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var sections: [OpenSection] = []
        var position = 0  // Where scanning goes on.
        var textStart = 0  // The first byte of template text not yet in a node.
        var lineStart = 0  // The start of the source line `position` is on.
        while let tagStart = find(open, from: position) {
            var index = tagStart
            while index > position {
                index -= 1
                if bytes[index] == 0x0A {
                    lineStart = index + 1
                    break
                }
            }
            let (kind, name, tagEnd) = try readTag(at: tagStart)
            let lineEnd = kind.canStandAlone ? standaloneLineEnd(lineStart: lineStart, tagStart: tagStart, tagEnd: tagEnd) : nil
            let tagLineStart = lineStart
            let textEnd = lineEnd == nil ? tagStart : lineStart
            if textEnd > textStart { nodes.append(.text(Array(bytes[textStart..<textEnd]))) }
            position = lineEnd ?? tagEnd
            textStart = position
            if lineEnd != nil { lineStart = position }

            switch kind {
            case .comment, .pragma:
                break
            case .variable:
                nodes.append(.variable(try templateName(name, at: tagStart)))
            case .sectionOpen(let inverted):
                sections.append(OpenSection(name: try templateName(name, at: tagStart), inverted: inverted, offset: tagStart, enclosing: nodes))
                nodes = []
            case .sectionClose:
                guard let section = sections.popLast() else {
                    throw error("'\(name)' is closed here but no section of that name is open", at: tagStart)
                }
                guard section.name.text == name else {
                    let opened = mark(section.offset)
                    throw error(
                        "'\(name)' is closed here but the open section is '\(section.name.text)' (opened at \(opened.line):\(opened.column))",
                        at: tagStart)
                }
                let body = nodes
                nodes = section.enclosing
                nodes.append(.section(section.name, inverted: section.inverted, body: body))
            case .partial:
                guard isName(name) else {
                    throw error("'\(name)' is not a template name (letters, digits, '_' and '-')", at: tagStart)
                }
                partials.append((name, tagStart))
                // A partial alone on its line indents each line of its own by the line's indentation.
                nodes.append(.partial(name, indentation: lineEnd == nil ? [] : Array(bytes[tagLineStart..<tagStart])))
            case .delimiters:
                try changeDelimiters(name, at: tagStart)
            }
        }
        if textStart < bytes.count { nodes.append(.text(Array(bytes[textStart...]))) }
        if let section = sections.last {
            throw error("the section '\(section.name.text)' is never closed", at: section.offset)
        }
        return nodes
    }

    /// The tag starting at `tagStart`: its kind, its trimmed content after the sigil, where it ends.
    private func readTag(at tagStart: Int) throws(TemplateError) -> (TagKind, String, Int) {
        var contentStart = tagStart + open.count
        var closing = close
        let isTriple = contentStart < bytes.count && bytes[contentStart] == UInt8(ascii: "{")
        if isTriple {
            contentStart += 1
            closing = [UInt8(ascii: "}")] + close
        }
        guard let contentEnd = find(closing, from: contentStart) else {
            let shown = String(decoding: closing, as: UTF8.self)
            throw error("this tag is never closed (no '\(shown)' follows)", at: tagStart)
        }
        let tagEnd = contentEnd + closing.count
        let content = trimmed(bytes[contentStart..<contentEnd])
        if isTriple { return (.variable, String(decoding: content, as: UTF8.self), tagEnd) }
        guard let sigil = content.first else {
            throw error("this tag is empty", at: tagStart)
        }
        let rest = String(decoding: trimmed(content.dropFirst()), as: UTF8.self)
        switch sigil {
        case UInt8(ascii: "!"): return (.comment, rest, tagEnd)
        case UInt8(ascii: "#"): return (.sectionOpen(inverted: false), rest, tagEnd)
        case UInt8(ascii: "^"): return (.sectionOpen(inverted: true), rest, tagEnd)
        case UInt8(ascii: "/"): return (.sectionClose, rest, tagEnd)
        case UInt8(ascii: ">"): return (.partial, rest, tagEnd)
        case UInt8(ascii: "&"): return (.variable, rest, tagEnd)
        case UInt8(ascii: "="): return (.delimiters, String(decoding: content, as: UTF8.self), tagEnd)
        case UInt8(ascii: "%"):
            guard isTextContentType(rest) else {
                throw error(
                    "'\(rest)' is not a pragma sdkgen knows: the only one is 'CONTENT_TYPE: TEXT' (sdkgen always writes text and never escapes HTML)",
                    at: tagStart)
            }
            return (.pragma, rest, tagEnd)
        case UInt8(ascii: "$"), UInt8(ascii: "<"):
            throw error("template inheritance ('{{\(String(UnicodeScalar(sigil)))…}}') is not supported; use sections and partials", at: tagStart)
        default:
            return (.variable, String(decoding: content, as: UTF8.self), tagEnd)
        }
    }

    /// Where the line ends when the tag is alone on it (only spaces and tabs around it), else `nil`.
    private func standaloneLineEnd(lineStart: Int, tagStart: Int, tagEnd: Int) -> Int? {
        guard bytes[lineStart..<tagStart].allSatisfy(isBlank) else { return nil }
        var index = tagEnd
        while index < bytes.count, isBlank(bytes[index]) { index += 1 }
        if index == bytes.count { return index }
        if bytes[index] == 0x0A { return index + 1 }
        if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { return index + 2 }
        return nil
    }

    /// `{{=<% %>=}}`: two new delimiters, without spaces or `=` in them.
    private mutating func changeDelimiters(_ content: String, at offset: Int) throws(TemplateError) {
        let inner =
            content.count >= 2 && content.hasSuffix("=") ? content.dropFirst().dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" }) : []
        guard inner.count == 2, !inner.contains(where: { $0.contains("=") }) else {
            throw error("a delimiter change is written '{{=<% %>=}}': two delimiters without spaces or '='", at: offset)
        }
        open = Array(inner[0].utf8)
        close = Array(inner[1].utf8)
    }

    private func templateName(_ text: String, at offset: Int) throws(TemplateError) -> TemplateName {
        if text == "." { return TemplateName(parts: [], text: text) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy(isName) else {
            throw error("'\(text)' is not a name a template can look up (letters, digits, '_' and '-', parts joined by '.')", at: offset)
        }
        return TemplateName(parts: parts, text: text)
    }

    private func isName(_ text: String) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            }
    }

    /// `CONTENT_TYPE: TEXT`, with any spaces or tabs around its two parts.
    private func isTextContentType(_ pragma: String) -> Bool {
        pragma.filter { $0 != " " && $0 != "\t" } == "CONTENT_TYPE:TEXT"
    }

    private func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    private func trimmed(_ slice: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = slice
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        while let first = slice.first, isSpace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
        return slice
    }

    /// The first index at or after `start` where `needle` begins.
    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matched = 1
                while matched < needle.count, bytes[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// The 1-based line and column (in Unicode scalars) of a byte offset.
    func mark(_ offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).unicodeScalars.count + 1
        return (line, column)
    }

    private func error(_ message: String, at offset: Int) -> TemplateError {
        let position = mark(offset)
        return TemplateError(message, line: position.line, column: position.column)
    }
}

extension TemplateParser.TagKind {
    /// Whether the tag, alone on its line, removes the line from the output.
    var canStandAlone: Bool {
        if case .variable = self { return false }
        return true
    }
}
