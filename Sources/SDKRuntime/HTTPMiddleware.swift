/// A hook around every attempt of every request: it sees the prepared request (and may change
/// it), passes it on with `next`, and sees the response (and may change it) or the error.
///
/// Middlewares run in the order of ``ClientConfiguration/middlewares`` (the first is the
/// outermost), once per attempt, so a retried call passes through them once per try; the
/// innermost `next` is the transport. What a middleware throws is classified like a transport
/// error (a ``RequestFailure`` passes through unchanged).
///
/// ```swift
/// struct Tracing: HTTPMiddleware {
///     func intercept(_ request: HTTPRequest, context: MiddlewareContext,
///                    next: (HTTPRequest) async throws -> HTTPResponse) async throws -> HTTPResponse {
///         var request = request
///         request.headers["traceparent"] = makeTraceParent()
///         let response = try await next(request)
///         print(request, "→", response.statusCode, "attempt", context.attempt)   // secrets are redacted
///         return response
///     }
/// }
/// ```
public protocol HTTPMiddleware: Sendable {
    /// Handles one attempt: call `next` (at most once is typical) and return its response.
    func intercept(
        _ request: HTTPRequest,
        context: MiddlewareContext,
        next: (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse
}

/// What a middleware knows about the attempt it sees.
public struct MiddlewareContext: Sendable, Hashable {
    /// `0` for the first try, `1` for the first retry, and so on (the `X-Retry-Attempt` value).
    public var attempt: Int
    /// The most retries this call makes (the first try excluded).
    public var maxRetries: Int
    /// The time this attempt may take.
    public var timeout: Duration

    /// Creates a context.
    public init(attempt: Int, maxRetries: Int, timeout: Duration) {
        self.attempt = attempt
        self.maxRetries = maxRetries
        self.timeout = timeout
    }
}
