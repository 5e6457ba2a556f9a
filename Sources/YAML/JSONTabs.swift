/// libyaml rejects a TAB wherever YAML's block context could see it as indentation, which
/// includes the whitespace around a JSON document's top-level braces. JSON allows tabs there,
/// so for input that looks like JSON (its first non-blank byte is `{` or `[`) every TAB outside
/// a double-quoted string and outside a `#` comment becomes a space. Columns stay the same.
///
/// Returns `nil` when nothing needs to change, so callers can keep their original buffer.
func replacingJSONTabs(in bytes: [UInt8]) -> [UInt8]? {
    let tab: UInt8 = 0x09, space: UInt8 = 0x20, newline: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D
    let quote: UInt8 = 0x22, backslash: UInt8 = 0x5C, hash: UInt8 = 0x23
    var start = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    var index = start
    func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == newline || byte == carriageReturn
    }
    while index < bytes.count, isBlank(bytes[index]) { index += 1 }
    guard index < bytes.count, bytes[index] == 0x7B || bytes[index] == 0x5B, bytes.contains(tab) else { return nil }

    index = start  // Tabs before the opening bracket are replaced too.
    var output: [UInt8] = []
    var changed = false
    var inString = false
    var inComment = false
    var previous: UInt8 = space
    while index < bytes.count {
        let byte = bytes[index]
        if inString {
            if byte == backslash {
                index += 2  // The escaped byte cannot end the string.
                previous = 0
                continue
            }
            if byte == quote { inString = false }
        } else if inComment {
            if byte == newline || byte == carriageReturn { inComment = false }
        } else if byte == quote {
            inString = true
        } else if byte == hash, isBlank(previous) {
            inComment = true
        } else if byte == tab {
            if !changed {
                output = bytes
                changed = true
            }
            output[index] = space
        }
        previous = byte
        index += 1
    }
    return changed ? output : nil
}
