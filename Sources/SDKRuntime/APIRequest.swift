import Foundation
import HTTPTypes

/// One API operation call, described relative to the client's base URL.
///
/// Generated operations fill this in; ``APIClientCore`` turns it into an `HTTPRequest`.
public struct APIRequest: Sendable {
    /// The request method.
    public var method: HTTPRequest.Method
    /// The already percent-encoded path, starting with `/`, appended to the base URL's path,
    /// for example `"/v3/chats/\(PathEncoding.segment(id))/typing"`.
    public var path: String
    /// Query parameters, appended in order and percent-encoded by the core; items whose
    /// value is `nil` are left out.
    public var query: [URLQueryItem]
    /// Query pieces (`name=value`) already percent-encoded in their parameter's style, as the
    /// `appendQuery` functions write them; sent in order before ``query``.
    public var encodedQuery: [String] = []
    /// Operation-specific headers (header parameters); they replace same-named headers set
    /// by the configuration or the runtime.
    public var headers: HTTPFields
    /// The body bytes, or `nil` for no body (or a streamed one).
    public var body: Data?
    /// A body read from memory and files on every attempt (a multipart upload of a file URL),
    /// sent when ``body`` is `nil`.
    public var streamedBody: StreamedRequestBody? = nil
    /// The `Content-Type` sent with a body; `nil` means `application/json`. Ignored without a body.
    public var contentType: String?
    /// The `Accept` header; `nil` means `application/json`.
    public var accept: String?
    /// The spec's operationId, handed to the transport and middlewares.
    public var operationID: String
    /// The security alternatives of this operation (each a list of scheme names); `nil` follows
    /// ``ClientConfiguration/security``, `[]` sends no credential.
    public var security: [[String]]?

    /// Creates a request.
    public init(
        method: HTTPRequest.Method,
        path: String,
        operationID: String = "",
        query: [URLQueryItem] = [],
        headers: HTTPFields = [:],
        body: Data? = nil,
        contentType: String? = nil,
        accept: String? = nil,
        security: [[String]]? = nil
    ) {
        self.method = method
        self.path = path
        self.operationID = operationID
        self.query = query
        self.headers = headers
        self.body = body
        self.contentType = contentType
        self.accept = accept
        self.security = security
    }
}
