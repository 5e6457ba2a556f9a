/// The one place where names from a spec become Swift identifiers: UpperCamelCase types,
/// lowerCamelCase members, acronyms upper-cased the Swift way (`chatId` → `chatID`), keywords
/// escaped, leading digits and symbols handled. Every result is a valid ASCII identifier.
public enum SwiftNaming {
    /// Words that Swift style writes in capitals when they are not the first word of a member.
    static let acronyms: Set<String> = [
        "id", "ids", "url", "urls", "uri", "uuid", "http", "https", "api", "json", "xml", "html", "sms", "mms", "rcs", "ip", "jwt", "tls",
    ]

    /// Keywords that need backticks when used as a member or parameter name.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
        "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
        "super", "throws", "true", "try", "Type", "Protocol", "some", "any", "consume", "copy", "discard", "borrowing", "consuming",
    ]

    /// Type names generated code relies on; a spec type with one of these names gets a suffix.
    static let reservedTypeNames: Set<String> = [
        "Any", "AnyObject", "Array", "Bool", "Codable", "CodingKey", "CodingKeys", "Data", "Date", "Decodable",
        "Decoder", "Dictionary", "Double", "Duration", "Encodable", "Encoder", "Error", "Float", "Hashable",
        "Int", "Int32", "Int64", "JSONValue", "Never", "Optional", "Protocol", "Result", "Self", "Sendable",
        "Set", "String", "Task", "Type", "URL", "UUID", "Void", "APIClientCore", "APIRequest", "HTTPResponse",
        "HTTPHeaders", "HTTPTransport", "RequestFailure", "CalendarDate", "Indirect", "DynamicCodingKey", "ParameterValue",
        // The runtime's public types and the ecosystem's it re-exports, which the generated client,
        // methods and models name unqualified (DigitalOcean's spec has a schema `credentials`).
        "APIResponse", "ClientConfiguration", "ClientMiddleware", "ClientTransport", "CredentialPlacement", "CredentialValue",
        "Credentials", "CursorPage", "EnvironmentVariables", "FormEncoding", "HTTPBody", "HTTPDate", "HTTPField", "HTTPFields",
        "HTTPRequest", "JSONCoding", "MultipartFileField", "MultipartFormData", "MultipartPartEncoding", "PagedSequence", "PathEncoding", "RFC3339",
        "RequestOptions",
        "LocalizedError", "ResponseStream", "RetryPolicy", "Secret", "ServerSentEvent", "ServerSentEventWithJSONData", "TokenProvider",
        "StreamedRequestBody", "TransportError", "UploadFile",
        "URLSessionTransport", "WebhookDecodingError",
    ]

    /// Splits any name into lowercase ASCII words: `chatId`, `chat_id`, `Chat-ID`, `HTTPResponse2`
    /// all split at case changes and at every character that is not an ASCII letter or digit.
    public static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        let bytes = Array(name.utf8)
        func isUpper(_ byte: UInt8) -> Bool { byte >= 65 && byte <= 90 }
        func isLower(_ byte: UInt8) -> Bool { byte >= 97 && byte <= 122 }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
        func flush() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self).lowercased()) }
            current.removeAll()
        }
        for (index, byte) in bytes.enumerated() {
            guard isUpper(byte) || isLower(byte) || isDigit(byte) else {
                flush()
                continue
            }
            if isUpper(byte), let previous = current.last {
                let nextIsLower = index + 1 < bytes.count && isLower(bytes[index + 1])
                // "chatId" breaks before I; "HTTPResponse" breaks before the R of "Response".
                if isLower(previous) || isDigit(previous) || (isUpper(previous) && nextIsLower) { flush() }
            }
            current.append(byte)
        }
        flush()
        return words
    }

    /// An UpperCamelCase type name: `chat_typing` → `ChatTyping`, `2fa` → `_2fa`, `` → `Unnamed`;
    /// names that would shadow a type generated code uses get the suffix `Model`.
    public static func typeName(_ name: String) -> String {
        let joined = words(name).map(capitalized).joined()
        let identifier = safeStart(joined.isEmpty ? "Unnamed" : joined)
        return reservedTypeNames.contains(identifier) ? identifier + "Model" : identifier
    }

    /// A lowerCamelCase member name without backticks: `chat_id` → `chatID`, `URL` → `url`.
    public static func memberName(_ name: String) -> String {
        let parts = words(name)
        guard let first = parts.first else { return "unnamed" }
        return safeStart(first + parts.dropFirst().map(capitalized).joined())
    }

    /// `identifier` in backticks when it is a keyword, ready to be written in Swift source.
    public static func escaped(_ identifier: String) -> String {
        keywords.contains(identifier) ? "`\(identifier)`" : identifier
    }

    /// `identifier` as an argument label at a call site (`f(default: x)`): every keyword but
    /// `inout`, `var` and `let` is a label as it is there, and Swift warns about backticks.
    public static func argumentLabel(_ identifier: String) -> String {
        ["inout", "var", "let"].contains(identifier) ? "`\(identifier)`" : identifier
    }

    /// The first letter upper-cased, or the whole word when it is a known acronym.
    static func capitalized(_ word: String) -> String {
        if acronyms.contains(word) {
            return word == "ids" ? "IDs" : word == "urls" ? "URLs" : word.uppercased()
        }
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    /// A leading underscore when the identifier would start with a digit.
    static func safeStart(_ identifier: String) -> String {
        guard let first = identifier.utf8.first, first >= 48, first <= 57 else { return identifier }
        return "_" + identifier
    }

    /// `name` cut to at most `limit` characters, ending in a hash of the whole name so that cut
    /// names stay distinct and stable (deeply nested inline schemas get very long names, and each
    /// model is a file: file systems refuse names over 255 bytes).
    public static func bounded(_ name: String, limit: Int = 96) -> String {
        guard name.utf8.count > limit else { return name }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a, 64 bit
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let digits = String(hash, radix: 16, uppercase: true)
        return String(name.prefix(limit - 17)) + "_" + String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// `name` made unique against `taken` with a stable numeric suffix (`name2`, `name3`, …).
    public static func unique(_ name: String, in taken: Set<String>) -> String {
        guard taken.contains(name) else { return name }
        var counter = 2
        while taken.contains("\(name)\(counter)") { counter += 1 }
        return "\(name)\(counter)"
    }
}
