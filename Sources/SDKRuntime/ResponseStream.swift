import Foundation
import HTTPTypes
import OpenAPIRuntime

/// The elements of a streamed response, decoded as they arrive: Server-Sent Events, JSON Lines,
/// JSON Sequence records or raw byte chunks.
///
/// ```swift
/// for try await event in try await client.chat.completions.createStream(body: request) {
///     print(event.data?.choices.first?.delta.content ?? "", terminator: "")
/// }
/// ```
///
/// Iteration throws the SDK's error type: a record that does not decode is `.undecodableBody`,
/// a connection that breaks is `.transport`. Stopping early (`break`, or cancelling the task)
/// closes the connection. A stream can be iterated once.
public struct ResponseStream<Element: Sendable, Failure: Error>: AsyncSequence, Sendable {
    /// The response's status line and header fields.
    public let head: HTTPResponse
    private let makeNext: @Sendable () -> (@Sendable () async throws -> Element?)
    private let mapError: @Sendable (any Error) -> Failure

    /// Creates a stream of `upstream`'s elements, each turned into an `Element` by `transform`;
    /// those it turns into `nil` are skipped.
    public init<Upstream: AsyncSequence & Sendable>(
        head: HTTPResponse,
        upstream: Upstream,
        transform: @escaping @Sendable (Upstream.Element) throws -> Element?,
        mapError: @escaping @Sendable (any Error) -> Failure
    ) {
        self.head = head
        self.mapError = mapError
        self.makeNext = {
            let box = IteratorBox(upstream.makeAsyncIterator())
            return {
                while let element = try await box.next() {
                    if let transformed = try transform(element) { return transformed }
                }
                return nil
            }
        }
    }

    /// An iterator over the elements.
    public func makeAsyncIterator() -> Iterator {
        Iterator(next: makeNext(), mapError: mapError)
    }

    /// Hands out the decoded elements one by one.
    public struct Iterator: AsyncIteratorProtocol {
        private let nextElement: @Sendable () async throws -> Element?
        private let mapError: @Sendable (any Error) -> Failure

        init(next: @escaping @Sendable () async throws -> Element?, mapError: @escaping @Sendable (any Error) -> Failure) {
            self.nextElement = next
            self.mapError = mapError
        }

        /// The next element; `nil` at the end of the stream. Throws the SDK's `.cancelled` when
        /// the task is cancelled while waiting.
        public mutating func next() async throws(Failure) -> Element? {
            do {
                return try await nextElement()
            } catch {
                throw mapError(error)
            }
        }
    }
}

/// Holds an upstream iterator so that a `Sendable` closure can advance it; one consumer at a time.
private final class IteratorBox<Base: AsyncIteratorProtocol>: @unchecked Sendable {
    // Only the stream's single consumer touches `base`, one `next()` at a time.
    private var base: Base

    init(_ base: Base) {
        self.base = base
    }

    func next() async throws -> Base.Element? {
        try await base.next()
    }
}

extension APIClientCore {
    /// The `data` value OpenAI-style APIs send as their last Server-Sent Event: `[DONE]`; the
    /// typed event stream ends there instead of failing to decode it.
    static let doneMarker = ArraySlice("[DONE]".utf8)

    /// Sends `request` and returns its Server-Sent Events as they arrive, `data` as text.
    public func serverSentEvents<E: Error>(
        _ request: APIRequest, options: RequestOptions? = nil, mapError: @escaping @Sendable (RequestFailure) -> E
    ) async throws(E) -> ResponseStream<ServerSentEvent, E> {
        let (head, body) = try await stream(eventStreamRequest(request, accept: "text/event-stream"), options: options, mapError: mapError)
        // A block without `data` (a comment-only keep-alive, a lone `retry:`) is not an event (HTML's SSE processing model).
        return ResponseStream(
            head: head, upstream: body.asDecodedServerSentEvents(), transform: { $0.data == nil ? nil : $0 }, mapError: streamFailure(head, mapError))
    }

    /// Sends `request` and returns its Server-Sent Events as they arrive, each event's `data`
    /// decoded from JSON as `T`; the stream ends at a `[DONE]` event.
    public func serverSentEvents<T: Decodable & Hashable & Sendable, E: Error>(
        of type: T.Type, _ request: APIRequest, options: RequestOptions? = nil, mapError: @escaping @Sendable (RequestFailure) -> E
    ) async throws(E) -> ResponseStream<ServerSentEventWithJSONData<T>, E> {
        let (head, body) = try await stream(eventStreamRequest(request, accept: "text/event-stream"), options: options, mapError: mapError)
        let events = body.asDecodedServerSentEventsWithJSONData(of: T.self, decoder: JSONCoding.makeDecoder()) { $0 != Self.doneMarker }
        return ResponseStream(head: head, upstream: events, transform: { $0.data == nil ? nil : $0 }, mapError: streamFailure(head, mapError))
    }

    /// Sends `request` and returns its JSON Lines records (`application/jsonl`) decoded as `T`, as they arrive.
    public func jsonLines<T: Decodable & Sendable, E: Error>(
        of type: T.Type, _ request: APIRequest, options: RequestOptions? = nil, mapError: @escaping @Sendable (RequestFailure) -> E
    ) async throws(E) -> ResponseStream<T, E> {
        let (head, body) = try await stream(eventStreamRequest(request, accept: "application/jsonl"), options: options, mapError: mapError)
        let records = body.asDecodedJSONLines(of: T.self, decoder: JSONCoding.makeDecoder())
        return ResponseStream(head: head, upstream: records, transform: { $0 }, mapError: streamFailure(head, mapError))
    }

    /// Sends `request` and returns its JSON Sequence records (`application/json-seq`) decoded as `T`, as they arrive.
    public func jsonSequence<T: Decodable & Sendable, E: Error>(
        of type: T.Type, _ request: APIRequest, options: RequestOptions? = nil, mapError: @escaping @Sendable (RequestFailure) -> E
    ) async throws(E) -> ResponseStream<T, E> {
        let (head, body) = try await stream(eventStreamRequest(request, accept: "application/json-seq"), options: options, mapError: mapError)
        let records = body.asDecodedJSONSequence(of: T.self, decoder: JSONCoding.makeDecoder())
        return ResponseStream(head: head, upstream: records, transform: { $0 }, mapError: streamFailure(head, mapError))
    }

    /// Sends `request` and returns the body's bytes chunk by chunk as they arrive, for large downloads.
    public func byteStream<E: Error>(
        _ request: APIRequest, options: RequestOptions? = nil, mapError: @escaping @Sendable (RequestFailure) -> E
    ) async throws(E) -> ResponseStream<ArraySlice<UInt8>, E> {
        let (head, body) = try await stream(request, options: options, mapError: mapError)
        return ResponseStream(head: head, upstream: body, transform: { $0 }, mapError: streamFailure(head, mapError))
    }

    /// `request` with `accept` as its `Accept` header unless the operation chose one.
    private func eventStreamRequest(_ request: APIRequest, accept: String) -> APIRequest {
        var request = request
        if request.accept == nil { request.accept = accept }
        return request
    }

    /// Maps what a stream throws while it is read: a record that does not decode is
    /// ``RequestFailure/undecodableBody(_:reason:)``, anything else a transport failure.
    private func streamFailure<E: Error>(
        _ head: HTTPResponse, _ mapError: @escaping @Sendable (RequestFailure) -> E
    ) -> @Sendable (any Error) -> E {
        let secrets = configuration.credentials.fixedSecrets
        return { error in
            switch error {
            case let error as DecodingError:
                return mapError(.undecodableBody(APIResponse(head: head), reason: JSONCoding.describe(error)))
            case is CancellationError:
                return mapError(.cancelled)
            default:
                return mapError(.transport(Redaction.redact("the stream broke off: \(error)", secrets: secrets)))
            }
        }
    }
}
