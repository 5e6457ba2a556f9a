import Foundation

/// Everything an API client needs to talk to its server.
///
/// Descriptions and reflection show the key as `APIKey(<redacted>)`.
public struct ClientConfiguration: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The server's base URL, possibly with a path prefix such as `https://api.example.com/api/partner`.
    /// Operation paths are appended to it; a trailing `/` makes no difference.
    public var baseURL: URL
    /// The key sent as `Authorization: Bearer <key>`; an empty key sends no `Authorization` header.
    public var apiKey: APIKey
    /// The `User-Agent` header value.
    public var userAgent: String
    /// The longest a request may take, from sending to the complete response.
    public var timeout: Duration
    /// How requests are sent.
    public var transport: any HTTPTransport
    /// Headers sent with every request, before the runtime's own headers (which replace
    /// same-named ones) and the operation's headers (which replace everything).
    public var defaultHeaders: HTTPHeaders

    /// Creates a configuration.
    public init(
        baseURL: URL,
        apiKey: APIKey,
        userAgent: String,
        timeout: Duration = .seconds(60),
        transport: any HTTPTransport = URLSessionTransport(),
        defaultHeaders: HTTPHeaders = [:]
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.userAgent = userAgent
        self.timeout = timeout
        self.transport = transport
        self.defaultHeaders = defaultHeaders
    }

    /// The settings, with the key shown as `APIKey(<redacted>)`.
    public var description: String {
        "ClientConfiguration(baseURL: \(baseURL.absoluteString), apiKey: \(apiKey), userAgent: \(userAgent), "
            + "timeout: \(timeout), transport: \(type(of: transport)), defaultHeaders: \(defaultHeaders))"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// A mirror showing the settings, with the key redacted and the transport by type name.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "baseURL": baseURL.absoluteString,
                "apiKey": apiKey,
                "userAgent": userAgent,
                "timeout": timeout,
                "transport": String(describing: type(of: transport)),
                "defaultHeaders": defaultHeaders,
            ],
            displayStyle: .struct
        )
    }
}
