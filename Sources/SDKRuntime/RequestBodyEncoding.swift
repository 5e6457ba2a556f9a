import Foundation

/// An encoded request body and the `Content-Type` it goes with.
public struct EncodedBody: Sendable, Hashable {
    /// The body bytes.
    public var data: Data
    /// The media type, e.g. `application/json` or `multipart/form-data; boundary=…`.
    public var contentType: String
    /// The body read from memory and files each time it is sent, instead of ``data``.
    public var streamed: StreamedRequestBody?

    /// Creates a body.
    public init(data: Data, contentType: String) {
        self.data = data
        self.contentType = contentType
        self.streamed = nil
    }

    /// Creates a body streamed from `streamed`.
    public init(streamed: StreamedRequestBody, contentType: String) {
        self.data = Data()
        self.contentType = contentType
        self.streamed = streamed
    }
}

extension APIRequest {
    /// Sets the body and its `Content-Type`.
    public mutating func setBody(_ body: EncodedBody) {
        if let streamed = body.streamed {
            self.body = nil
            self.streamedBody = streamed
        } else {
            self.body = body.data
            self.streamedBody = nil
        }
        self.contentType = body.contentType
    }
}

extension APIClientCore {
    /// `value` as JSON, sent as `contentType`.
    public func encodeJSON<T: Encodable, E: Error>(
        _ value: T, contentType: String = "application/json", mapError: (RequestFailure) -> E
    ) throws(E) -> EncodedBody {
        EncodedBody(data: try encode(value, mapError: mapError), contentType: contentType)
    }

    /// `value` as `application/x-www-form-urlencoded` (see ``FormEncoding``).
    public func encodeForm<T: Encodable, E: Error>(_ value: T, mapError: (RequestFailure) -> E) throws(E) -> EncodedBody {
        do {
            return EncodedBody(data: Data(try FormEncoding.encode(value).utf8), contentType: "application/x-www-form-urlencoded")
        } catch {
            throw mapError(.encodingFailed(JSONCoding.describe(error)))
        }
    }

    /// `value` as `multipart/form-data`: `files` are sent as file parts, every other property as
    /// a text part, each as `parts` says (see ``MultipartFormData``).
    public func encodeMultipart<T: Encodable, E: Error>(
        _ value: T, files: [MultipartFileField], parts: [String: MultipartPartEncoding] = [:], mapError: (RequestFailure) -> E
    ) throws(E) -> EncodedBody {
        do {
            return try MultipartFormData.encode(value, files: files, parts: parts)
        } catch {
            throw mapError(.encodingFailed(JSONCoding.describe(error)))
        }
    }
}

/// Flattens an `Encodable` value the way HTML forms and OpenAPI's `form` style do: top-level
/// properties become `name=value` pairs, arrays repeat the name, nested objects become
/// `name[key]=value`, `null` is left out. Keys are sorted, so the output is deterministic.
public enum FormEncoding {
    /// The `application/x-www-form-urlencoded` text for `value`.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let json = try JSONCoding.makeDecoder().decode(JSONValue.self, from: JSONCoding.makeEncoder().encode(value))
        return pairs(json, prefix: nil).map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    /// Name/value pairs for `value` under `prefix`.
    static func pairs(_ value: JSONValue, prefix: String?) -> [(String, String)] {
        switch value {
        case .object(let members):
            return members.keys.sorted().flatMap { key -> [(String, String)] in
                guard let member = members[key] else { return [] }
                return pairs(member, prefix: prefix.map { "\($0)[\(key)]" } ?? key)
            }
        case .array(let items):
            return items.flatMap { pairs($0, prefix: prefix) }
        case .null:
            return []
        default:
            guard let prefix, let text = scalarText(value) else { return [] }
            return [(prefix, text)]
        }
    }

    /// The text of a scalar JSON value.
    static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        case .null, .array, .object: return nil
        }
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters.
    static func escape(_ text: String) -> String {
        PercentEncoding.encodeAllButUnreserved(text)
    }
}
