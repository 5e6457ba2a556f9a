/// Sends one HTTP request and returns the complete response: the place to plug in another HTTP client.
///
/// ``APIClientCore`` makes exactly one `send` call per attempt; retries, waits, middlewares
/// (``HTTPMiddleware``) and debug logging are the core's job, not the transport's. Conforming types should:
/// - return every response that arrived, whatever its status code (status handling is the core's job);
/// - give up after `timeout` and throw ``TransportError/timedOut``;
/// - stop promptly when the calling `Task` is cancelled and throw ``TransportError/cancelled``
///   or `CancellationError`;
/// - throw ``TransportError/connectionFailed(_:)`` when the server cannot be reached.
///
/// Other errors are accepted too; the core maps `CancellationError` to
/// ``RequestFailure/cancelled``, `URLError.timedOut` to ``RequestFailure/timedOut(_:)``,
/// `URLError.cancelled` (when the task is cancelled) to ``RequestFailure/cancelled``, and
/// anything else to ``RequestFailure/transport(_:)`` with a message.
public protocol HTTPTransport: Sendable {
    /// Sends `request`, waiting at most `timeout` for the complete response.
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse
}

/// Failures a transport reports when no complete response arrived.
public enum TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No complete response arrived within the timeout.
    case timedOut
    /// The calling task was cancelled.
    case cancelled
    /// The server could not be reached or the connection broke; the message says where and why.
    case connectionFailed(String)

    /// A readable account of the failure.
    public var description: String {
        switch self {
        case .timedOut: "the request timed out"
        case .cancelled: "the request was cancelled"
        case .connectionFailed(let message): message
        }
    }
}
