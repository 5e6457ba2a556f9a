import Foundation

/// A complete HTTP response: status code, header fields and body bytes.
public struct HTTPResponse: Sendable, Hashable, CustomStringConvertible {
    /// The HTTP status code, for example `200`.
    public var statusCode: Int
    /// The response header fields.
    public var headers: HTTPHeaders
    /// The body bytes; empty when the response had no body.
    public var body: Data

    /// Creates a response.
    public init(statusCode: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// The body decoded as UTF-8, or `nil` when it is not valid UTF-8.
    public var bodyText: String? {
        String(data: body, encoding: .utf8)
    }

    /// Whether the status code is in `200...299`.
    public var isSuccess: Bool {
        (200...299).contains(statusCode)
    }

    /// The maximum number of body characters shown by ``description``.
    static let descriptionBodyLimit = 512

    /// A short summary of the body for messages: its text (truncated) or its size.
    var bodySummary: String {
        if body.isEmpty { return "empty body" }
        guard let text = bodyText else { return "\(body.count) bytes of binary data" }
        if text.count > Self.descriptionBodyLimit {
            return "\"\(text.prefix(Self.descriptionBodyLimit))…\" (\(body.count) bytes)"
        }
        return "\"\(text)\""
    }

    /// The status and the start of the body, for messages: for example
    /// `HTTP 404: "{"error":"not found"}"`; long bodies are cut after 512 characters.
    public var summary: String {
        "HTTP \(statusCode): \(bodySummary)"
    }

    /// The status, headers (secrets redacted) and a preview of the body.
    public var description: String {
        "HTTPResponse(status: \(statusCode), headers: \(headers), body: \(bodySummary))"
    }
}

extension HTTPResponse {
    /// Decodes the body as JSON into `type` with ``JSONCoding/makeDecoder()``; `nil` when it
    /// does not decode. Generated error types use it to read documented error envelopes.
    public func decodeJSON<T: Decodable>(_ type: T.Type) -> T? {
        try? JSONCoding.makeDecoder().decode(T.self, from: body)
    }
}
