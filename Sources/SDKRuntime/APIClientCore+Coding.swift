import Foundation

extension APIClientCore {
    /// Decodes a response body as JSON with ``JSONCoding/makeDecoder()``.
    ///
    /// Throws ``RequestFailure/undecodableBody(_:reason:)`` whose reason names the coding path.
    public func decode<T: Decodable>(_ type: T.Type, from response: APIResponse) throws(RequestFailure) -> T {
        do {
            return try JSONCoding.makeDecoder().decode(T.self, from: response.body)
        } catch {
            throw .undecodableBody(response, reason: JSONCoding.describe(error))
        }
    }

    /// The body as text: UTF-8, or the charset the `Content-Type` names when Foundation knows it.
    ///
    /// Throws ``RequestFailure/undecodableBody(_:reason:)`` when the bytes are not valid text.
    public func text(from response: APIResponse) throws(RequestFailure) -> String {
        let encoding = Self.charset(of: response.headerFields[.contentType]) ?? .utf8
        guard let text = String(data: response.body, encoding: encoding) else {
            throw .undecodableBody(response, reason: "the body is not valid text in the charset \(encoding)")
        }
        return text
    }

    /// The string encoding a `Content-Type`'s `charset` parameter names, when it is one of the common ones.
    static func charset(of contentType: String?) -> String.Encoding? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "charset" else { continue }
            switch pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased() {
            case "utf-8", "utf8": return .utf8
            case "iso-8859-1", "latin1": return .isoLatin1
            case "us-ascii", "ascii": return .ascii
            case "utf-16": return .utf16
            case "windows-1252": return .windowsCP1252
            default: return nil
            }
        }
        return nil
    }

    /// Encodes a request body as JSON with ``JSONCoding/makeEncoder()``.
    ///
    /// Throws ``RequestFailure/encodingFailed(_:)`` when the value cannot be encoded.
    public func encode<T: Encodable>(_ value: T) throws(RequestFailure) -> Data {
        do {
            return try JSONCoding.makeEncoder().encode(value)
        } catch {
            throw .encodingFailed(Redaction.redact(JSONCoding.describe(error), secrets: configuration.credentials.fixedSecrets))
        }
    }
}
