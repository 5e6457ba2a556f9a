import Foundation
import HTTPTypes
import OpenAPIRuntime

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `ClientTransport` backed by `URLSession` that streams response bodies, on Linux
/// (FoundationNetworking) as on Apple platforms.
///
/// `send` returns as soon as the response head has arrived. The returned body yields the bytes as
/// they come off the connection, so an event stream can be read event by event; it can be
/// iterated once (`IterationBehavior.single`). Its length is `.known` when the server sent a
/// `Content-Length` for an unencoded body, `.unknown` otherwise.
///
/// The response body is never `nil`: responses that cannot have a body (to `HEAD` requests, and
/// `1xx`, `204` and `304` responses) come with an empty body, and so does any response whose
/// body turns out to be empty.
///
/// Cancellation:
/// - cancelling the calling `Task` before the head arrives cancels the request and throws
///   `CancellationError` at once;
/// - once the head has arrived, the request belongs to the body: cancelling the task that is
///   reading it (the read throws `CancellationError`), or letting go of the body and its
///   iterator before the end, cancels the request and closes the connection.
///
/// The transport sets no overall deadline: callers race their own deadline and cancel. The
/// session configuration's idle timeout (`timeoutIntervalForRequest`) applies as configured and
/// is reported as ``TransportError/timedOut``. Failures to connect, or a connection lost, are
/// reported as ``TransportError/connectionFailed(_:)`` with a message naming `host:port`; a body
/// cut off mid-way makes its iteration throw such an error.
///
/// The request body is collected into memory before the request is sent. Response bytes that
/// arrive faster than they are read are kept in memory until read (there is no back-pressure on
/// the connection). Redirects are followed, as `URLSession` does by default. All copies of a
/// transport share one `URLSession`, which is invalidated once the last copy, and the last
/// response body still being read, has gone away.
public struct URLSessionTransport: ClientTransport {
    private let owner: SessionOwner

    /// Creates a transport with its own `URLSession` using `configuration`
    /// (ephemeral by default: no cookies, credentials or cache kept on disk).
    public init(configuration: URLSessionConfiguration = .ephemeral) {
        owner = SessionOwner(configuration: configuration)
    }

    /// The session requests go through (for tests).
    var session: URLSession { owner.session }

    /// Sends `request` to `baseURL` followed by `request.path`, and returns the response as soon
    /// as its head has arrived, with a body that streams the rest.
    ///
    /// - Parameters:
    ///   - request: The method, the already percent-encoded path and query (`nil` means `/`),
    ///     and the header fields, sent in order; repeated names are combined into one field.
    ///   - body: The request body, collected into memory before sending; `nil` for none.
    ///   - baseURL: The server URL; its path is kept as a prefix of `request.path`.
    ///   - operationID: The OpenAPI operation identifier (unused).
    /// - Returns: The response head and its body, which is never `nil`.
    /// - Throws: `CancellationError` when the calling task is cancelled before the head arrives,
    ///   ``TransportError`` when the request fails.
    public func send(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let url = Self.requestURL(baseURL: baseURL, path: request.path) else {
            throw TransportError.connectionFailed(
                "cannot form a request URL from base URL \(baseURL.absoluteString) and path \(request.path ?? "/")"
            )
        }
        var urlRequest = Self.urlRequest(request, url: url)
        if let body {
            urlRequest.httpBody = try await Data(collecting: body, upTo: .max)
        }
        try Task.checkCancellation()

        let owner = owner
        let state = RequestState(url: url, isHead: request.method == .head)
        let task = owner.session.dataTask(with: urlRequest)
        owner.delegate.register(state, for: task)
        let head = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if !state.start(task, continuation: continuation) {
                    owner.delegate.forget(task)
                }
            }
        } onCancel: {
            state.cancelBeforeHead()
        }
        switch head.body {
        case .none:
            return (head.response, HTTPBody())
        case .streamed(let length):
            let bytes = ResponseBytes(lease: BodyLease(state: state, owner: owner))
            return (head.response, HTTPBody(bytes, length: length, iterationBehavior: .single))
        }
    }

    /// `baseURL` without trailing slashes followed by `path` (`/` when `nil` or empty), or `nil`
    /// when the two do not form a URL.
    static func requestURL(baseURL: URL, path: String?) -> URL? {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") {
            base.removeLast()
        }
        var path = path ?? "/"
        if !path.hasPrefix("/") {
            path = "/" + path
        }
        return URL(string: base + path)
    }

    /// The `URLRequest` for `request` at `url`, without its body.
    static func urlRequest(_ request: HTTPRequest, url: URL) -> URLRequest {
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.cachePolicy = .reloadIgnoringLocalCacheData
        // `URLRequest` holds one value per name; repeated fields are combined as HTTP allows
        // (RFC 9110 §5.3), cookies with "; " (RFC 6265 §5.4), keeping the order of the values.
        var combined: [(name: String, value: String)] = []
        var positions: [String: Int] = [:]
        for field in request.headerFields {
            let key = field.name.canonicalName
            if let position = positions[key] {
                let separator = field.name == .cookie ? "; " : ", "
                combined[position].value += separator + field.value
            } else {
                positions[key] = combined.count
                combined.append((name: field.name.rawName, value: field.value))
            }
        }
        for field in combined {
            urlRequest.setValue(field.value, forHTTPHeaderField: field.name)
        }
        return urlRequest
    }
}

// MARK: - Session ownership

/// Owns the session shared by all copies of a transport (and the bodies they returned), and
/// invalidates it when the last of them goes away.
///
/// The session retains its delegate until it is invalidated; the delegate does not refer back
/// to the owner or the session, so there is no cycle. `finishTasksAndInvalidate` lets tasks
/// still running (a cancelled body's request winding down) complete and report to the delegate
/// before the session lets go of it.
private final class SessionOwner: Sendable {
    let session: URLSession
    let delegate: SessionDelegate

    init(configuration: URLSessionConfiguration) {
        let delegate = SessionDelegate()
        self.delegate = delegate
        // A `nil` queue makes the session create a serial one: each task's events arrive in order.
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }
}

/// Routes each task's events to the state of its request, found by task identifier.
private final class SessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // `requests` is guarded by `lock`; the lock is never held while calling into a request.
    private let lock = NSLock()
    private var requests: [Int: RequestState] = [:]

    /// Routes the events of `task` to `state` until the task completes.
    func register(_ state: RequestState, for task: URLSessionTask) {
        lock.lock()
        requests[task.taskIdentifier] = state
        lock.unlock()
    }

    /// Stops routing events of `task` (one that was never started).
    func forget(_ task: URLSessionTask) {
        lock.lock()
        requests[task.taskIdentifier] = nil
        lock.unlock()
    }

    private func state(for task: URLSessionTask, removing: Bool = false) -> RequestState? {
        lock.lock()
        defer { lock.unlock() }
        return removing ? requests.removeValue(forKey: task.taskIdentifier) : requests[task.taskIdentifier]
    }

    func urlSession(
        _ session: URLSession,
        dataTask: URLSessionDataTask,
        didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        guard let state = state(for: dataTask) else {
            completionHandler(.cancel)
            return
        }
        completionHandler(state.receivedHead(response))
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        state(for: dataTask)?.received(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        state(for: task, removing: true)?.completed(error: error)
    }

    /// Follows a redirect only within the same origin (scheme, host and port): the request's
    /// credentials (an `Authorization` header, an API key in any header, a cookie) are for that
    /// server alone. A redirect elsewhere is not followed; its `3xx` response is the answer.
    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        guard let from = task.originalRequest?.url, let to = request.url, Self.sameOrigin(from, to) else {
            completionHandler(nil)
            return
        }
        completionHandler(request)
    }

    /// Whether two URLs have the same scheme, host and port (RFC 6454), default ports filled in.
    static func sameOrigin(_ a: URL, _ b: URL) -> Bool {
        func origin(_ url: URL) -> (String, String, Int) {
            let scheme = url.scheme?.lowercased() ?? ""
            return (scheme, url.host?.lowercased() ?? "", url.port ?? (scheme == "https" ? 443 : 80))
        }
        return origin(a) == origin(b)
    }

    func urlSession(
        _ session: URLSession,
        dataTask: URLSessionDataTask,
        willCacheResponse proposedResponse: CachedURLResponse,
        completionHandler: @escaping @Sendable (CachedURLResponse?) -> Void
    ) {
        // Streamed bodies are never cached.
        completionHandler(nil)
    }
}

// MARK: - One request

/// What the response head says about the body.
private enum BodyKind: Sendable {
    /// The response cannot have a body.
    case none
    /// The body streams, with this length.
    case streamed(HTTPBody.Length)
}

/// The response head as handed to `send`.
private struct ResponseHead: Sendable {
    let response: HTTPResponse
    let body: BodyKind
}

/// One request from start to the end of its body: delivers the head exactly once to `send`, then
/// buffers body bytes until the reader asks for them. Every continuation is resumed exactly once:
/// each is taken out of the state, under the lock, by whoever resumes it.
private final class RequestState: @unchecked Sendable {
    typealias ByteChunk = HTTPBody.ByteChunk

    private enum Phase {
        /// Created; `send` has not handed over its continuation yet. `cancelled` when the calling
        /// task was cancelled in the meantime.
        case created(cancelled: Bool)
        /// Started; `send` waits for the head.
        case awaitingHead(CheckedContinuation<ResponseHead, any Error>)
        /// The head was delivered; body bytes go into `chunks` until `end`.
        case streaming
        /// The body is over: read to its end, failed, or given up by its reader. The outcome is
        /// what further reads return.
        case closed(Result<Void, any Error>)
    }

    /// What a read gets right away.
    private enum Read {
        case chunk(ByteChunk)
        case end(Result<Void, any Error>)
        case wait
    }

    private let url: URL
    /// Whether the request is a `HEAD`, whose response has no body.
    private let isHead: Bool
    // Everything below is guarded by `lock`. Resuming a continuation and cancelling the task
    // happen after unlocking.
    private let lock = NSLock()
    private var phase = Phase.created(cancelled: false)
    /// The running task, until it completes.
    private var task: URLSessionDataTask?
    /// Body bytes received and not read yet: `chunks[nextChunk...]`.
    private var chunks: [ByteChunk] = []
    private var nextChunk = 0
    /// The reader waiting for bytes; only while `chunks` has none left and `end` is `nil`.
    private var reader: CheckedContinuation<ByteChunk?, any Error>?
    /// How the task ended, once it has, while unread chunks remain.
    private var end: Result<Void, any Error>?
    /// Set for responses without a body: anything received is dropped.
    private var discardsBody = false

    init(url: URL, isHead: Bool) {
        self.url = url
        self.isHead = isHead
    }

    // MARK: Head

    /// Starts `task` with `continuation` waiting for the head; returns `false`, having thrown
    /// `CancellationError` to the continuation, when the calling task was cancelled already.
    func start(_ task: URLSessionDataTask, continuation: CheckedContinuation<ResponseHead, any Error>) -> Bool {
        lock.lock()
        guard case .created(let cancelled) = phase, !cancelled else {
            phase = .closed(.failure(CancellationError()))
            lock.unlock()
            task.cancel()  // Never resumed; cancelling lets the session release it.
            continuation.resume(throwing: CancellationError())
            return false
        }
        phase = .awaitingHead(continuation)
        self.task = task
        lock.unlock()
        task.resume()
        return true
    }

    /// The calling task was cancelled: before the head, cancel the request and throw
    /// `CancellationError` to `send`; after the head, the body's reader decides.
    func cancelBeforeHead() {
        lock.lock()
        switch phase {
        case .created:
            phase = .created(cancelled: true)
            lock.unlock()
        case .awaitingHead(let continuation):
            phase = .closed(.failure(CancellationError()))
            let task = self.task
            lock.unlock()
            task?.cancel()
            continuation.resume(throwing: CancellationError())
        case .streaming, .closed:
            lock.unlock()
        }
    }

    /// The head arrived: hands it to `send` and says whether to go on receiving the body.
    func receivedHead(_ response: URLResponse) -> URLSession.ResponseDisposition {
        let head = Self.head(of: response, isHead: isHead, url: url)
        lock.lock()
        switch phase {
        case .awaitingHead(let continuation):
            switch head {
            case .success(let head):
                phase = .streaming
                if case .none = head.body {
                    discardsBody = true
                }
                lock.unlock()
                continuation.resume(returning: head)
                return .allow
            case .failure(let error):
                phase = .closed(.failure(error))
                lock.unlock()
                continuation.resume(throwing: error)
                return .cancel
            }
        case .streaming:
            // A further head (multipart/x-mixed-replace on Apple platforms): keep streaming.
            lock.unlock()
            return .allow
        case .created, .closed:
            lock.unlock()
            return .cancel
        }
    }

    // MARK: Body, from the session

    /// Body bytes arrived: hands them to the waiting reader, or keeps them for the next read.
    func received(_ data: Data) {
        guard !data.isEmpty else { return }
        let chunk = ByteChunk(data)
        lock.lock()
        guard case .streaming = phase, !discardsBody, end == nil else {
            lock.unlock()
            return
        }
        if let reader {
            self.reader = nil
            lock.unlock()
            reader.resume(returning: chunk)
        } else {
            chunks.append(chunk)
            lock.unlock()
        }
    }

    /// The task completed: fails `send` when no head had arrived, else ends the body, with a
    /// failure when `error` is set.
    func completed(error: (any Error)?) {
        let outcome: Result<Void, any Error> = error.map { .failure(Self.transportError(for: $0, url: url)) } ?? .success(())
        lock.lock()
        task = nil
        switch phase {
        case .awaitingHead(let continuation):
            phase = .closed(outcome)
            lock.unlock()
            switch outcome {
            case .failure(let error):
                continuation.resume(throwing: error)
            case .success:
                continuation.resume(
                    throwing: TransportError.connectionFailed("\(Self.endpoint(of: url)) closed the connection without a response")
                )
            }
        case .streaming:
            if let reader {
                // A waiting reader means every chunk was read.
                self.reader = nil
                phase = .closed(outcome)
                lock.unlock()
                reader.resume(with: outcome.map { nil })
            } else if nextChunk == chunks.count || discardsBody {
                phase = .closed(outcome)
                chunks = []
                nextChunk = 0
                lock.unlock()
            } else {
                end = outcome
                lock.unlock()
            }
        case .created, .closed:
            lock.unlock()
        }
    }

    // MARK: Body, from the reader

    /// The next chunk of the body, or `nil` at its end. Throws the failure that ended the body,
    /// or `CancellationError` (cancelling the request) when the reading task is cancelled.
    func nextChunk() async throws -> ByteChunk? {
        if Task.isCancelled {
            stopReading(because: CancellationError())
        }
        switch lockedRead() {
        case .chunk(let chunk):
            return chunk
        case .end(let outcome):
            try outcome.get()
            return nil
        case .wait:
            break
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                lock.lock()
                switch takeRead() {
                case .chunk(let chunk):
                    lock.unlock()
                    continuation.resume(returning: chunk)
                case .end(let outcome):
                    lock.unlock()
                    continuation.resume(with: outcome.map { nil })
                case .wait:
                    reader = continuation
                    lock.unlock()
                }
            }
        } onCancel: {
            stopReading(because: CancellationError())
        }
    }

    /// The reader gave up (its task was cancelled, or it let go of the body): ends the body with
    /// `reason`, drops unread bytes and cancels the request, which closes the connection.
    func stopReading(because reason: any Error) {
        lock.lock()
        guard case .streaming = phase else {
            lock.unlock()
            return
        }
        phase = .closed(.failure(reason))
        chunks = []
        nextChunk = 0
        end = nil
        let reader = self.reader
        self.reader = nil
        let task = self.task
        lock.unlock()
        task?.cancel()
        reader?.resume(throwing: reason)
    }

    /// ``takeRead()`` under the lock.
    private func lockedRead() -> Read {
        lock.lock()
        defer { lock.unlock() }
        return takeRead()
    }

    /// Takes the next chunk, or the end once every chunk was read; call with `lock` held.
    private func takeRead() -> Read {
        switch phase {
        case .streaming:
            if nextChunk < chunks.count {
                let chunk = chunks[nextChunk]
                nextChunk += 1
                if nextChunk == chunks.count {
                    chunks.removeAll(keepingCapacity: true)
                    nextChunk = 0
                }
                return .chunk(chunk)
            }
            if let end {
                phase = .closed(end)
                self.end = nil
                return .end(end)
            }
            return .wait
        case .closed(let outcome):
            return .end(outcome)
        case .created, .awaitingHead:
            return .end(.success(()))
        }
    }

    // MARK: Conversions

    /// The response head for `send`, or the error to throw instead.
    private static func head(of response: URLResponse, isHead: Bool, url: URL) -> Result<ResponseHead, any Error> {
        guard let http = response as? HTTPURLResponse else {
            return .failure(TransportError.connectionFailed("\(endpoint(of: url)) sent a response that is not HTTP"))
        }
        guard (100...999).contains(http.statusCode) else {
            return .failure(TransportError.connectionFailed("\(endpoint(of: url)) sent the invalid status code \(http.statusCode)"))
        }
        let named = http.allHeaderFields.compactMap { key, value -> (name: String, value: String)? in
            guard let name = key as? String else { return nil }
            return (name: name, value: value as? String ?? "\(value)")
        }
        var fields = HTTPFields()
        for field in named.sorted(by: { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }) {
            if let name = HTTPField.Name(field.name) {
                fields.append(HTTPField(name: name, value: field.value))
            }
        }
        let status = http.statusCode
        let body: BodyKind
        if isHead || (100..<200).contains(status) || status == 204 || status == 304 {
            body = .none
        } else if let length = fields[.contentLength].flatMap({ Int64($0.trimmingCharacters(in: .whitespaces)) }), length >= 0,
            fields[.contentEncoding].map({ $0.lowercased() == "identity" }) ?? true
        {
            // URLSession decodes compressed bodies, so a Content-Length counts only unencoded ones.
            body = .streamed(.known(length))
        } else {
            body = .streamed(.unknown)
        }
        let head = HTTPResponse(status: HTTPResponse.Status(code: status), headerFields: fields)
        return .success(ResponseHead(response: head, body: body))
    }

    /// Maps a URL loading error to a ``TransportError`` whose message names the endpoint.
    private static func transportError(for error: any Error, url: URL) -> TransportError {
        let endpoint = endpoint(of: url)
        guard let urlError = error as? URLError else {
            return .connectionFailed("the request to \(endpoint) failed: \(error.localizedDescription)")
        }
        switch urlError.code {
        case .timedOut:
            return .timedOut
        case .cancelled:
            return .cancelled
        case .cannotConnectToHost:
            return .connectionFailed("could not connect to \(endpoint) (connection refused or unreachable)")
        case .cannotFindHost, .dnsLookupFailed:
            return .connectionFailed("could not resolve host \(endpoint)")
        case .networkConnectionLost:
            return .connectionFailed("the connection to \(endpoint) was lost before the complete response arrived")
        case .notConnectedToInternet:
            return .connectionFailed("not connected to the internet; could not reach \(endpoint)")
        default:
            return .connectionFailed(
                "the request to \(endpoint) failed: \(urlError.localizedDescription) (URLError \(urlError.code.rawValue))"
            )
        }
    }

    /// `host:port` of `url`, with the scheme's default port when none is given.
    private static func endpoint(of url: URL) -> String {
        let host = url.host ?? "?"
        let port = url.port ?? (url.scheme?.lowercased() == "http" ? 80 : 443)
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

// MARK: - The body as an async sequence

/// Keeps a response body's request going while someone can still read it: the sequence holds
/// one lease and each iterator another, and when a lease is let go of before the end, the
/// request is cancelled. The lease also keeps the transport's session alive.
private final class BodyLease: Sendable {
    let state: RequestState
    let owner: SessionOwner

    init(state: RequestState, owner: SessionOwner) {
        self.state = state
        self.owner = owner
    }

    deinit {
        state.stopReading(because: CancellationError())
    }
}

/// The response body's bytes, chunk by chunk as they arrive.
private struct ResponseBytes: AsyncSequence, Sendable {
    typealias Element = HTTPBody.ByteChunk

    /// Held so that the request goes on while the body exists and nobody iterates it yet.
    let lease: BodyLease

    func makeAsyncIterator() -> Iterator {
        Iterator(bodyLease: lease, lease: BodyLease(state: lease.state, owner: lease.owner))
    }

    struct Iterator: AsyncIteratorProtocol {
        /// The body's lease, so that dropping the body while iterating does not stop the request.
        let bodyLease: BodyLease
        /// The iterator's own lease: dropping the iterator before the end stops the request.
        let lease: BodyLease
        /// Set after the end or an error: later reads return `nil`.
        private var finished = false

        init(bodyLease: BodyLease, lease: BodyLease) {
            self.bodyLease = bodyLease
            self.lease = lease
        }

        mutating func next() async throws -> Element? {
            guard !finished else { return nil }
            do {
                if let chunk = try await lease.state.nextChunk() {
                    return chunk
                }
                finished = true
                return nil
            } catch {
                finished = true
                throw error
            }
        }
    }
}
