/// What a response media type gives a method, before any schema is read: decides between JSON,
/// text, raw bytes and the three streaming formats.
enum MediaShape: Sendable, Hashable {
    case json, text, bytes, eventStream, jsonLines, jsonSequence

    /// The shape of `mediaType` (parameters such as `; charset=utf-8` and letter case ignored).
    init(_ mediaType: String) {
        let base = (mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: " ") } ?? "").lowercased()
        switch base {
        case "text/event-stream": self = .eventStream
        case "application/jsonl", "application/x-ndjson", "application/jsonlines": self = .jsonLines
        case "application/json-seq": self = .jsonSequence
        case "application/json": self = .json
        case "application/xml": self = .text
        default:
            if base.hasSuffix("+json") {
                self = .json
            } else if base.hasPrefix("text/") || base.hasSuffix("+xml") {
                self = .text
            } else {
                self = .bytes
            }
        }
    }

    /// Whether the body arrives piece by piece (events, lines, records).
    var isStream: Bool {
        switch self {
        case .eventStream, .jsonLines, .jsonSequence: return true
        case .json, .text, .bytes: return false
        }
    }

    /// Whether the shape's values have a schema that decides their Swift type.
    var hasSchema: Bool {
        self != .text && self != .bytes
    }

    /// The shape in a diagnostic.
    var summary: String {
        switch self {
        case .json: return "JSON"
        case .text: return "String"
        case .bytes: return "Data"
        case .eventStream: return "server-sent events"
        case .jsonLines: return "JSON Lines"
        case .jsonSequence: return "a JSON text sequence"
        }
    }
}
