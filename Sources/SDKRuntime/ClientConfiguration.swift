import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime

/// Everything an API client needs to talk to its server.
///
/// Descriptions and reflection never show a credential.
public struct ClientConfiguration: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The server's base URL, possibly with a path prefix such as `https://api.example.com/api/partner`.
    /// Operation paths are appended to it; a trailing `/` makes no difference.
    public var baseURL: URL
    /// The credentials the client holds, by security scheme name.
    public var credentials: Credentials
    /// The security alternatives of operations that do not name their own: each a list of scheme
    /// names that must all be sent; the first the client holds credentials for is used. `[]`
    /// sends no credential.
    public var security: [[String]]
    /// The `User-Agent` header value.
    public var userAgent: String
    /// The longest one attempt of a request may take, from sending to the complete response
    /// (to the response head for streamed responses): 60 s by default. A retried request gets
    /// this much time for each attempt. ``RequestOptions/timeout`` overrides it for one call.
    public var timeout: Duration
    /// How requests are sent: any swift-openapi-runtime `ClientTransport` (``URLSessionTransport``
    /// by default; swift-openapi-async-http-client's `AsyncHTTPClientTransport` on servers).
    public var transport: any ClientTransport
    /// Headers sent with every request, before the runtime's own headers (which replace
    /// same-named ones) and the operation's headers (which replace everything).
    public var defaultHeaders: HTTPFields
    /// When failed requests are sent again and how long to wait in between: 2 retries with
    /// exponential backoff by default. ``RequestOptions/maxRetries`` overrides the count for one call.
    public var retryPolicy: RetryPolicy
    /// swift-openapi-runtime middlewares around every attempt, outermost first. They run before
    /// the credentials are added, so they never see them.
    public var middlewares: [any ClientMiddleware]
    /// The swift-log logger each attempt and retry is logged to at `debug` (see ``SDKLogging``);
    /// `nil` logs nothing. Generated clients pass one labelled with the SDK's module whose level
    /// the SDK's own environment variable sets (`LINQ_LOG=debug`).
    public var logger: Logger?
    /// The largest body read whole into memory (JSON, text and bytes responses, error bodies):
    /// 256 MiB by default. Larger responses fail with ``RequestFailure/transport(_:)``; stream them instead.
    public var maxBufferedBodyBytes: Int = 256 * 1024 * 1024
    /// How the retry loop waits; `Task.sleep`, which ends early with `CancellationError` when
    /// the task is cancelled. Tests replace it to observe waits without waiting.
    package var sleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    /// The random source for retry jitter, a value in `0..<1`. Tests replace it to fix the jitter.
    package var random: @Sendable () -> Double = { Double.random(in: 0..<1) }

    /// Creates a configuration. `security` defaults to one alternative that sends every credential in `credentials`.
    public init(
        baseURL: URL,
        credentials: Credentials = Credentials(),
        security: [[String]]? = nil,
        userAgent: String,
        timeout: Duration = .seconds(60),
        transport: any ClientTransport = URLSessionTransport(),
        defaultHeaders: HTTPFields = [:],
        retryPolicy: RetryPolicy = .default,
        middlewares: [any ClientMiddleware] = [],
        logger: Logger? = nil
    ) {
        self.baseURL = baseURL
        self.credentials = credentials
        self.security = security ?? [credentials.schemes]
        self.userAgent = userAgent
        self.timeout = timeout
        self.transport = transport
        self.defaultHeaders = defaultHeaders
        self.retryPolicy = retryPolicy
        self.middlewares = middlewares
        self.logger = logger
    }

    /// The settings, with credentials redacted.
    public var description: String {
        "ClientConfiguration(baseURL: \(baseURL.absoluteString), credentials: \(credentials), security: \(security), "
            + "userAgent: \(userAgent), timeout: \(timeout), transport: \(type(of: transport)), "
            + "defaultHeaders: \(defaultHeaders.redactedDescription), retryPolicy: \(retryPolicy), "
            + "middlewares: \(middlewareNames), logger: \(logger.map { "\($0.label) at \($0.logLevel)" } ?? "none"))"
    }

    /// The middlewares' type names, in order.
    private var middlewareNames: [String] {
        middlewares.map { String(describing: type(of: $0)) }
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// A mirror showing the settings, with credentials redacted and the transport by type name.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "baseURL": baseURL.absoluteString,
                "credentials": credentials,
                "security": security,
                "userAgent": userAgent,
                "timeout": timeout,
                "transport": String(describing: type(of: transport)),
                "defaultHeaders": defaultHeaders.redactedDescription,
                "retryPolicy": retryPolicy,
                "middlewares": middlewareNames,
                "logger": logger.map { "\($0.label) at \($0.logLevel)" } ?? "none",
            ],
            displayStyle: .struct
        )
    }
}
