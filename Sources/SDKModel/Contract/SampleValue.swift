/// A JSON value made up for a contract test: an argument or a body the generated test decodes
/// into the SDK's own type and sends.
public indirect enum SampleValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number as JSON writes it, e.g. `1` or `2.5`.
    case number(String)
    case string(String)
    case array([SampleValue])
    /// An object's members in order.
    case object([SampleMember])

    /// The value as compact JSON, members in order.
    public var jsonText: String {
        var text = ""
        write(into: &text)
        return text
    }

    private func write(into text: inout String) {
        switch self {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        case .number(let value): text += value
        case .string(let value): Self.writeString(value, into: &text)
        case .array(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                item.write(into: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { text += "," }
                Self.writeString(member.key, into: &text)
                text += ":"
                member.value.write(into: &text)
            }
            text += "}"
        }
    }

    /// A JSON string literal: quotes, backslashes, control characters and everything beyond ASCII escaped.
    private static func writeString(_ value: String, into text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value >= 0x7F {
                    // ASCII only, so the text is safe inside a raw Swift string literal.
                    for unit in String(scalar).utf16 {
                        let hex = String(unit, radix: 16)
                        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    }
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }

    /// The string, when the value is one.
    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}

/// One member of a `SampleValue.object`.
public struct SampleMember: Sendable, Hashable {
    /// The JSON key.
    public var key: String
    /// The value.
    public var value: SampleValue

    /// Creates a member.
    public init(key: String, value: SampleValue) {
        self.key = key
        self.value = value
    }
}
