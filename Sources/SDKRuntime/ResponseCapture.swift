import Foundation
import HTTPTypes

/// The value of a call with the HTTP responses (status and header fields) the SDK received for
/// it, from ``APIClientCore/withResponses(_:)``: rate limits, request ids, `ETag`s of calls
/// that succeeded, without a middleware and without a second method per operation.
public struct WithResponses<Value> {
    /// What the call returned.
    public var value: Value
    /// The head of every successful response the call received, in order (a paging sequence
    /// walked inside the call adds one per page); empty when it sent no request.
    public var responses: [HTTPResponse]

    /// The head of the last successful response, `nil` when the call sent no request.
    public var response: HTTPResponse? { responses.last }
}

extension WithResponses: Sendable where Value: Sendable {}

/// Where the core reports each successful response while ``APIClientCore/withResponses(_:)``
/// runs; a task-local value, so calls in other tasks are not seen (child tasks are).
final class ResponseCapture: Sendable {
    @TaskLocal static var current: ResponseCapture?

    private let lock = NSLock()
    nonisolated(unsafe) private var heads: [HTTPResponse] = []

    /// Keeps `head`.
    func record(_ head: HTTPResponse) {
        lock.withLock { heads.append(head) }
    }

    /// Everything recorded so far.
    var recorded: [HTTPResponse] {
        lock.withLock { heads }
    }
}

extension APIClientCore {
    /// Runs `call` and returns its value with the status and header fields of the successful
    /// responses its requests received:
    ///
    /// ```swift
    /// let result = try await client.core.withResponses { try await client.chats.get(chatID: id) }
    /// let chat = result.value
    /// let remaining = result.response?.headerFields[HTTPField.Name("X-RateLimit-Remaining")!]
    /// ```
    ///
    /// Failed calls already carry their response in the error. Only responses of requests sent
    /// from this task (and its child tasks) while `call` runs are seen.
    public func withResponses<Value, Failure: Error>(
        _ call: () async throws(Failure) -> Value
    ) async throws(Failure) -> WithResponses<Value> {
        let capture = ResponseCapture()
        let result: Result<Value, Failure> = await ResponseCapture.$current.withValue(capture) {
            do throws(Failure) {
                return .success(try await call())
            } catch {
                return .failure(error)
            }
        }
        return WithResponses(value: try result.get(), responses: capture.recorded)
    }
}
