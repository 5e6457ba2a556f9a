/// Turns untrusted text from a spec into Swift source that can only ever be comment text or a
/// string literal's contents.
public enum SwiftText {
    /// Each line of `text` as a `///` doc comment line; control characters are dropped and every
    /// kind of line break (CR, LF, NEL, LS, PS, VT, FF) starts a new comment line, so nothing can
    /// leave the comment. Trailing blank lines are removed; no line has trailing spaces.
    public static func docComment(_ text: String?) -> [String] {
        guard let text else { return [] }
        var trimmed: [String]
        if let asciiLines = printableASCIICommentLines(text) {
            trimmed = asciiLines
        } else {
            trimmed = scalarLines(text).map { line -> String in
                var line = line
                while line.last == " " { line.removeLast() }
                return line.isEmpty ? "///" : "/// " + line
            }
        }
        while trimmed.last == "///" { trimmed.removeLast() }
        while trimmed.first == "///" { trimmed.removeFirst() }
        return trimmed
    }

    /// The comment lines of `text` (`"/// "` and the line without trailing spaces, or `"///"` for
    /// an empty one) when it is printable ASCII with LF, CR and TAB only (the usual description),
    /// split, de-tabbed and trimmed byte by byte; `nil` for anything else.
    private static func printableASCIICommentLines(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var lines: [String] = []
            var start = 0
            var previousWasCR = false
            for index in bytes.indices {
                switch bytes[index] {
                case 0x0A where previousWasCR:
                    start = index + 1
                    previousWasCR = false
                case 0x0A, 0x0D:
                    lines.append(commentLine(UnsafeBufferPointer(rebasing: bytes[start..<index])))
                    start = index + 1
                    previousWasCR = bytes[index] == 0x0D
                case 0x09, 0x20..<0x7F:
                    previousWasCR = false
                default:
                    return nil
                }
            }
            lines.append(commentLine(UnsafeBufferPointer(rebasing: bytes[start...])))
            return lines
        }
    }

    /// `"/// "` and `line` (printable ASCII and TABs) with each TAB as four spaces and no trailing
    /// spaces, or `"///"` when nothing is left.
    private static func commentLine(_ line: UnsafeBufferPointer<UInt8>) -> String {
        var end = line.count
        while end > 0, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }  // A TAB is spaces.
        guard end > 0 else { return "///" }
        var tabs = 0
        for index in 0..<end where line[index] == 0x09 { tabs += 1 }
        return String(unsafeUninitializedCapacity: 4 + end + 3 * tabs) { buffer in
            var count = 0
            for byte: UInt8 in [0x2F, 0x2F, 0x2F, 0x20] {  // "/// "
                buffer[count] = byte
                count += 1
            }
            for index in 0..<end {
                if line[index] == 0x09 {
                    for _ in 0..<4 {
                        buffer[count] = 0x20
                        count += 1
                    }
                } else {
                    buffer[count] = line[index]
                    count += 1
                }
            }
            return count
        }
    }

    /// The lines of `text`, scalar by scalar: see `docComment(_:)`.
    private static func scalarLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []  // UTF-8, one String per line.
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previousWasCR:
                previousWasCR = false
                continue
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
                lines.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
                previousWasCR = scalar == "\r"
                continue
            default:
                previousWasCR = false
            }
            if scalar == "\t" {
                current.append(contentsOf: [0x20, 0x20, 0x20, 0x20])
            } else if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value)
            {
                continue
            } else {
                UTF8.encode(scalar) { current.append($0) }
            }
        }
        lines.append(String(decoding: current, as: UTF8.self))
        return lines
    }

    /// `text` as a Swift string literal, quotes included: backslashes, quotes and every control
    /// or invisible-formatting character escaped, so `\(` and `"""` stay plain characters.
    public static func stringLiteral(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            return "\"" + text + "\""  // Printable ASCII with no quote or backslash: nothing to escape.
        }
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
