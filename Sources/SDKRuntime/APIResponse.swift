import Foundation
import HTTPTypes

/// A complete HTTP response as the SDK received it: the head (status and header fields, as
/// swift-http-types' `HTTPResponse`) and every byte of the body.
///
/// Error cases of generated SDKs carry one, so a caller can read the status, headers and body of
/// a failed call. Descriptions redact secret headers such as `Set-Cookie`.
public struct APIResponse: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// The status line and header fields.
    public var head: HTTPResponse
    /// The body bytes; empty when the response had no body.
    public var body: Data

    /// Creates a response from its head and body.
    public init(head: HTTPResponse, body: Data = Data()) {
        self.head = head
        self.body = body
    }

    /// Creates a response from a status code, header fields and body.
    public init(statusCode: Int, headerFields: HTTPFields = [:], body: Data = Data()) {
        self.init(head: HTTPResponse(status: .init(code: statusCode), headerFields: headerFields), body: body)
    }

    /// The HTTP status code, for example `200`.
    public var statusCode: Int { head.status.code }

    /// The response header fields.
    public var headerFields: HTTPFields { head.headerFields }

    /// The body decoded as UTF-8, or `nil` when it is not valid UTF-8.
    public var bodyText: String? {
        String(data: body, encoding: .utf8)
    }

    /// Whether the status code is in `200...299`.
    public var isSuccess: Bool {
        head.status.kind == .successful
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
        "APIResponse(status: \(statusCode), headers: \(headerFields.redactedDescription), body: \(bodySummary))"
    }

    /// A mirror showing the status, the headers with secrets redacted, and a preview of the body,
    /// so `dump` cannot reveal a `Set-Cookie` value.
    public var customMirror: Mirror {
        Mirror(
            self, children: ["statusCode": statusCode, "headers": headerFields.redactedDescription, "body": bodySummary],
            displayStyle: .struct)
    }

    /// Decodes the body as JSON into `type` with ``JSONCoding/makeDecoder()``; `nil` when it
    /// does not decode. Generated error types use it to read documented error envelopes.
    public func decodeJSON<T: Decodable>(_ type: T.Type) -> T? {
        try? JSONCoding.makeDecoder().decode(T.self, from: body)
    }
}
