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
    /// The longest one attempt of a request may take, from sending to the complete response:
    /// 60 s by default. A retried request gets this much time for each attempt.
    /// ``RequestOptions/timeout`` overrides it for one call.
    public var timeout: Duration
    /// How requests are sent.
    public var transport: any HTTPTransport
    /// Headers sent with every request, before the runtime's own headers (which replace
    /// same-named ones) and the operation's headers (which replace everything).
    public var defaultHeaders: HTTPHeaders
    /// When failed requests are sent again and how long to wait in between: 2 retries with
    /// exponential backoff by default. ``RequestOptions/maxRetries`` overrides the count for one call.
    public var retryPolicy: RetryPolicy
    /// Hooks around every attempt, outermost first; see ``HTTPMiddleware``.
    public var middlewares: [any HTTPMiddleware]
    /// Where debug lines go; `nil` logs nothing. The default is ``DebugLogger/fromEnvironment()``
    /// (standard error when `SDKGEN_LOG=debug`).
    public var debugLogger: DebugLogger?
    /// How the retry loop waits; `Task.sleep`, which ends early with `CancellationError` when
    /// the task is cancelled. Tests replace it to observe waits without waiting.
    package var sleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    /// The random source for retry jitter, a value in `0..<1`. Tests replace it to fix the jitter.
    package var random: @Sendable () -> Double = { Double.random(in: 0..<1) }

    /// Creates a configuration.
    public init(
        baseURL: URL,
        apiKey: APIKey,
        userAgent: String,
        timeout: Duration = .seconds(60),
        transport: any HTTPTransport = URLSessionTransport(),
        defaultHeaders: HTTPHeaders = [:],
        retryPolicy: RetryPolicy = .default,
        middlewares: [any HTTPMiddleware] = [],
        debugLogger: DebugLogger? = DebugLogger.fromEnvironment()
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.userAgent = userAgent
        self.timeout = timeout
        self.transport = transport
        self.defaultHeaders = defaultHeaders
        self.retryPolicy = retryPolicy
        self.middlewares = middlewares
        self.debugLogger = debugLogger
    }

    /// The settings, with the key shown as `APIKey(<redacted>)`.
    public var description: String {
        "ClientConfiguration(baseURL: \(baseURL.absoluteString), apiKey: \(apiKey), userAgent: \(userAgent), "
            + "timeout: \(timeout), transport: \(type(of: transport)), defaultHeaders: \(defaultHeaders), "
            + "retryPolicy: \(retryPolicy), middlewares: \(middlewareNames), debugLogging: \(debugLogger != nil))"
    }

    /// The middlewares' type names, in order.
    private var middlewareNames: [String] {
        middlewares.map { String(describing: type(of: $0)) }
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
                "retryPolicy": retryPolicy,
                "middlewares": middlewareNames,
                "debugLogging": debugLogger != nil,
            ],
            displayStyle: .struct
        )
    }
}
