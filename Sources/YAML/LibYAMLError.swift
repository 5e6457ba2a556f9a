internal import CLibYAML
import Diagnostics

/// Translates the error a libyaml parser stopped on into a `YAMLError`.
///
/// Scanner and parser errors read "problem (context)" at the problem mark. Reader errors
/// (bad encoding, control characters) only carry a byte offset, so the position is counted
/// from `input`, and the offending value is appended, e.g. "invalid leading UTF-8 octet (byte 0xFF)".
func libYAMLError(of parser: yaml_parser_t, input: UnsafeBufferPointer<UInt8>) -> YAMLError {
    guard let problemPointer = parser.problem else {
        if parser.error == YAML_MEMORY_ERROR {
            return YAMLError("libyaml ran out of memory", at: .start)
        }
        return YAMLError("libyaml failed without saying why", at: .start)
    }
    var message = String(cString: problemPointer)
    if parser.error == YAML_READER_ERROR {
        if parser.problem_value != -1 {
            message +=
                message.contains("octet")
                ? " (byte \(hex(parser.problem_value, digits: 2)))"
                : " (U+\(hex(parser.problem_value, digits: 4).dropFirst(2)))"
        }
        if message.contains("UTF-8") { message = "the file is not valid UTF-8: " + message }
        return YAMLError(message, at: sourceMark(ofByteOffset: parser.problem_offset, in: input))
    }
    let problemIndex = Int(parser.problem_mark.index)
    if message == "found character that cannot start any token", problemIndex < input.count, input[problemIndex] == 0x09 {
        return YAMLError("a tab cannot indent YAML; use spaces", at: SourceMark(parser.problem_mark))
    }
    if let context = parser.context {
        let contextText = String(cString: context)
        // Something left open until the end of the file: point at where it was opened.
        if problemIndex >= trimmedLength(of: input), parser.context_mark.index < parser.problem_mark.index {
            let what = message == "found unexpected end of stream" ? "the file ends before this is closed" : "\(message) before the end of the file"
            return YAMLError("\(what) (\(contextText) that starts here)", at: SourceMark(parser.context_mark))
        }
        message += " (\(contextText))"
    }
    return YAMLError(message, at: SourceMark(parser.problem_mark))
}

/// The length of `input` without trailing spaces and line breaks (a trailing tab is content:
/// libyaml complains about it).
private func trimmedLength(of input: UnsafeBufferPointer<UInt8>) -> Int {
    var end = input.count
    while end > 0, [0x20, 0x0A, 0x0D].contains(input[end - 1]) { end -= 1 }
    return end
}

/// `0x`-prefixed uppercase hexadecimal, zero-padded to `digits`.
private func hex(_ value: Int32, digits: Int) -> String {
    let text = String(UInt32(bitPattern: value), radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: max(0, digits - text.count)) + text
}

/// The line and column of byte `offset` of UTF-8 `input`, counted the way libyaml counts marks:
/// a leading BOM takes no column, columns count Unicode scalars, and CR LF, CR, LF, NEL, LS and PS
/// each end a line.
func sourceMark(ofByteOffset offset: Int, in input: UnsafeBufferPointer<UInt8>) -> SourceMark {
    let end = startOfCharacter(containing: min(max(offset, 0), input.count), in: input)
    var line = 1
    var column = 1
    var index = 0
    if end >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { index = 3 }
    func byte(_ at: Int) -> UInt8 { at < input.count ? input[at] : 0 }
    while index < end {
        let current = input[index]
        switch current {
        case 0x0A:
            line += 1
            column = 1
            index += 1
        case 0x0D:
            if byte(index + 1) == 0x0A {
                index += 1  // The LF that follows ends the line.
            } else {
                line += 1
                column = 1
                index += 1
            }
        case 0xC2 where byte(index + 1) == 0x85 && index + 2 <= end:
            line += 1
            column = 1
            index += 2
        case 0xE2 where byte(index + 1) == 0x80 && (byte(index + 2) == 0xA8 || byte(index + 2) == 0xA9) && index + 3 <= end:
            line += 1
            column = 1
            index += 3
        default:
            if current & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
    }
    // Columns were advanced past each scalar before the offset; the offset's own scalar is `column`.
    return SourceMark(line: line, column: column)
}

/// Backs `offset` up to the lead byte of the UTF-8 sequence it falls inside, so that an error
/// about a bad trailing octet points at the character it belongs to.
private func startOfCharacter(containing offset: Int, in input: UnsafeBufferPointer<UInt8>) -> Int {
    var lead = offset - 1
    while lead >= 0, offset - lead <= 3, input[lead] & 0xC0 == 0x80 { lead -= 1 }
    guard lead >= 0, offset - lead <= 3 else { return offset }
    let byte = input[lead]
    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
    return lead + length > offset ? lead : offset
}
