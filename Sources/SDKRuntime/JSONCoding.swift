import Foundation

/// The JSON decoder and encoder every generated SDK uses.
///
/// Dates are RFC 3339 / ISO 8601 strings. Decoding accepts them with and without fractional
/// seconds, with `Z` or a numeric offset, and plain `YYYY-MM-DD` dates (midnight UTC).
/// Encoding writes UTC with millisecond fractions only when they are non-zero, sorts
/// object keys and does not escape `/`, so the same value always encodes to the same bytes.
public enum JSONCoding {
    /// A decoder with the RFC 3339 date strategy.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = RFC3339.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "expected an RFC 3339 date-time such as 2024-01-31T12:00:00Z, found \"\(text)\""
                )
            }
            return date
        }
        return decoder
    }

    /// An encoder with sorted keys, unescaped slashes and the RFC 3339 date strategy.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339.format(date))
        }
        return encoder
    }

    /// A readable account of a `DecodingError` or `EncodingError`, including the coding path
    /// (for example `missing key "id" at data[0].chat`); other errors are described as they are.
    public static func describe(_ error: any Error) -> String {
        if let error = error as? DecodingError {
            return describe(error)
        }
        if let error = error as? EncodingError {
            switch error {
            case .invalidValue(let value, let context):
                return "invalid value \(type(of: value)) at \(path(context.codingPath)): \(context.debugDescription)"
            @unknown default:
                return String(describing: error)
            }
        }
        return String(describing: error)
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing key \"\(key.stringValue)\" at \(path(context.codingPath))"
        case .valueNotFound(let type, let context):
            return "expected \(type) but found null at \(path(context.codingPath))"
        case .typeMismatch(let type, let context):
            return "expected \(type) at \(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            var text = "invalid data at \(path(context.codingPath)): \(context.debugDescription)"
            if let underlying = context.underlyingError {
                text += " (\(underlying.localizedDescription))"
            }
            return text
        @unknown default:
            return String(describing: error)
        }
    }

    /// `a.b[0].c` for a coding path; `(root)` when empty.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "(root)" : text
    }
}
