import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Placeholder until the streaming transport lands.
public struct URLSessionTransport: ClientTransport {
    /// Placeholder.
    public init() {}
    /// Placeholder.
    public func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        throw TransportError.connectionFailed("stub")
    }
}
