/// Failures ``URLSessionTransport`` reports when no complete response arrived.
///
/// Any other `ClientTransport` may throw what it likes: ``APIClientCore`` maps `CancellationError`
/// to ``RequestFailure/cancelled``, `URLError.timedOut` to ``RequestFailure/timedOut(_:)``, and
/// anything else to ``RequestFailure/transport(_:)`` with a readable message.
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
