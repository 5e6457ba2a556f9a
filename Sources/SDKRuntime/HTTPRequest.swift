import Foundation

/// A fully prepared HTTP request, as handed to an ``HTTPTransport``.
///
/// Its `description`, `debugDescription` and reflection redact secret headers
/// (including `Authorization`), so logging a request never shows the bearer token.
public struct HTTPRequest: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The request method.
    public var method: HTTPMethod
    /// The absolute URL, including the percent-encoded query.
    public var url: URL
    /// The header fields, in the order they are sent.
    public var headers: HTTPHeaders
    /// The body bytes, or `nil` for no body.
    public var body: Data?

    /// Creates a request.
    public init(method: HTTPMethod, url: URL, headers: HTTPHeaders = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// `METHOD url`, the headers with secrets redacted, and the body size.
    public var description: String {
        let bodySummary = body.map { "\($0.count) bytes" } ?? "none"
        return "HTTPRequest(\(method) \(url.absoluteString), headers: \(headers), body: \(bodySummary))"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// A mirror showing the method, URL, redacted headers and body size.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "method": method.rawValue,
                "url": url.absoluteString,
                "headers": headers,
                "bodyBytes": body?.count as Int? as Any,
            ],
            displayStyle: .struct
        )
    }
}
