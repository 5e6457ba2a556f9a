/// Checks the text of a Swift type a user names in `sdkgen.yaml` (`typeOverrides`): dotted
/// identifiers with generic arguments, such as `Decimal`, `MyApp.Location` or
/// `SIMD2<Double>`. Nothing else passes (no spaces but after a comma, no operators, attributes,
/// backticks, keywords or sugar), so the text can be written into the SDK as it is without
/// injecting code.
enum SwiftTypeText {
    /// The longest text accepted, and the deepest nesting of generic arguments.
    static let maximumLength = 200
    static let maximumDepth = 8

    /// `text` in its normal form (one space after each comma, none elsewhere), or `nil` when
    /// it is not a type name of that grammar.
    static func normalized(_ text: String) -> String? {
        guard text.utf8.count <= maximumLength else { return nil }
        var parser = Parser(bytes: Array(text.utf8))
        guard let type = parser.type(depth: 0), parser.atEnd else { return nil }
        return type
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }

        /// `component ('.' component)*`
        mutating func type(depth: Int) -> String? {
            guard depth <= SwiftTypeText.maximumDepth, var result = component(depth: depth) else { return nil }
            while peek == UInt8(ascii: ".") {
                index += 1
                guard let next = component(depth: depth) else { return nil }
                result += "." + next
            }
            return result
        }

        /// `identifier ('<' type (',' ' '* type)* '>')?`
        mutating func component(depth: Int) -> String? {
            guard let name = identifier() else { return nil }
            guard peek == UInt8(ascii: "<") else { return name }
            index += 1
            var arguments: [String] = []
            repeat {
                if !arguments.isEmpty {
                    index += 1  // the comma
                    while peek == UInt8(ascii: " ") { index += 1 }
                }
                guard let argument = type(depth: depth + 1) else { return nil }
                arguments.append(argument)
            } while peek == UInt8(ascii: ",")
            guard peek == UInt8(ascii: ">") else { return nil }
            index += 1
            return name + "<" + arguments.joined(separator: ", ") + ">"
        }

        /// An ASCII identifier that is not a keyword.
        mutating func identifier() -> String? {
            let start = index
            while let byte = peek, Self.isLetter(byte) || byte == UInt8(ascii: "_") || (index > start && Self.isDigit(byte)) { index += 1 }
            guard index > start else { return nil }
            let name = String(decoding: bytes[start..<index], as: UTF8.self)
            return SwiftNaming.keywords.contains(name) ? nil : name
        }

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        static func isLetter(_ byte: UInt8) -> Bool { (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) }
        static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    }
}
