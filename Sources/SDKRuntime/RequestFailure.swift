import Foundation

/// Why an API call did not produce a usable response.
public enum RequestFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server could not be reached or the connection broke; the message never contains a credential.
    case transport(String)
    /// No complete response arrived within the timeout.
    case timedOut(Duration)
    /// The calling `Task` was cancelled.
    case cancelled
    /// The server answered with a status outside `200...299`; the response is kept intact.
    case status(APIResponse)
    /// A `2xx` response whose body did not decode; `reason` says where and why.
    case undecodableBody(APIResponse, reason: String)
    /// The request body could not be encoded (or the request URL could not be formed).
    case encodingFailed(String)
    /// The client holds no credential the operation accepts, or a token provider failed; the
    /// message says which schemes the operation wants.
    case missingCredentials(String)

    /// The response involved, for ``status(_:)`` and ``undecodableBody(_:reason:)``.
    public var response: APIResponse? {
        switch self {
        case .status(let response), .undecodableBody(let response, _): response
        case .transport, .timedOut, .cancelled, .encodingFailed, .missingCredentials: nil
        }
    }

    /// The HTTP status code, when a response arrived.
    public var statusCode: Int? { response?.statusCode }

    /// A readable one-line account of the failure.
    public var description: String {
        switch self {
        case .transport(let message):
            "transport failure: \(message)"
        case .timedOut(let timeout):
            "no complete response within \(timeout)"
        case .cancelled:
            "the request was cancelled"
        case .status(let response):
            response.summary
        case .undecodableBody(let response, let reason):
            "HTTP \(response.statusCode) response body could not be decoded: \(reason)"
        case .encodingFailed(let message):
            "the request could not be encoded: \(message)"
        case .missingCredentials(let message):
            "missing credentials: \(message)"
        }
    }
}

extension RequestFailure: LocalizedError {
    /// Same as ``description``, so `localizedDescription` is readable too.
    public var errorDescription: String? { description }
}
