/// Turns untrusted text from a spec into Swift source that can only ever be comment text or a
/// string literal's contents.
public enum SwiftText {
    /// Each line of `text` as a `///` doc comment line; control characters are dropped and every
    /// kind of line break (CR, LF, NEL, LS, PS, VT, FF) starts a new comment line, so nothing can
    /// leave the comment. Trailing blank lines are removed; no line has trailing spaces.
    public static func docComment(_ text: String?) -> [String] {
        guard let text else { return [] }
        var lines: [String] = []
        if let asciiLines = printableASCIILines(text) {
            lines = asciiLines
        } else {
            lines = scalarLines(text)
        }
        var trimmed = lines.map { line -> String in
            var line = line
            while line.last == " " { line.removeLast() }
            return line.isEmpty ? "///" : "/// " + line
        }
        while trimmed.last == "///" { trimmed.removeLast() }
        while trimmed.first == "///" { trimmed.removeFirst() }
        return trimmed
    }

    /// The lines of `text` when it is printable ASCII with LF, CR and TAB only (the usual
    /// description), split and de-tabbed byte by byte; `nil` for anything else.
    private static func printableASCIILines(_ text: String) -> [String]? {
        var lines: [String] = []
        var current: [UInt8] = []
        var previousWasCR = false
        for byte in text.utf8 {
            switch byte {
            case 0x0A where previousWasCR:
                previousWasCR = false
            case 0x0A, 0x0D:
                lines.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
                previousWasCR = byte == 0x0D
            case 0x09:
                current.append(contentsOf: [0x20, 0x20, 0x20, 0x20])
                previousWasCR = false
            case 0x20..<0x7F:
                current.append(byte)
                previousWasCR = false
            default:
                return nil
            }
        }
        lines.append(String(decoding: current, as: UTF8.self))
        return lines
    }

    /// The lines of `text`, scalar by scalar: see `docComment(_:)`.
    private static func scalarLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previousWasCR:
                previousWasCR = false
                continue
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
                lines.append(current)
                current = ""
                previousWasCR = scalar == "\r"
                continue
            default:
                previousWasCR = false
            }
            if scalar == "\t" {
                current.append("    ")
            } else if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value)
            {
                continue
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        lines.append(current)
        return lines
    }

    /// `text` as a Swift string literal, quotes included: backslashes, quotes and every control
    /// or invisible-formatting character escaped, so `\(` and `"""` stay plain characters.
    public static func stringLiteral(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) || (0x2028...0x202E).contains(scalar.value)
                    || (0x2066...0x2069).contains(scalar.value)
                {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

extension SwiftText {
    /// `text` on one line with no control characters, for `//` comments and `///` one-liners.
    public static func singleLine(_ text: String) -> String {
        docComment(text).map { $0 == "///" ? "" : String($0.dropFirst(4)) }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
