// A real HTTP server on 127.0.0.1 for tests: records every request and answers with
// scripted responses. This file imports FlyingFox but not SDKRuntime, so FlyingFox's
// `HTTPRequest`/`HTTPResponse`/`HTTPHeaders` are unambiguous here; other test files import
// SDKRuntime and use only the types declared below.

import FlyingFox
import FlyingSocks
import Foundation

/// A request exactly as the loopback server received it.
public struct RecordedRequest: Sendable, CustomStringConvertible {
    /// The method token, for example `"POST"`.
    public let method: String
    /// The raw request target: percent-encoded path plus `?query` when present.
    public let target: String
    /// Header values by lower-cased name (the server keeps the last of repeated names).
    public let headers: [String: String]
    /// The body bytes; empty when none was sent.
    public let body: Data

    /// The raw, still percent-encoded path.
    public var path: String {
        target.firstIndex(of: "?").map { String(target[..<$0]) } ?? target
    }

    /// The raw, still percent-encoded query (without `?`), or `nil` when there was none.
    public var query: String? {
        target.firstIndex(of: "?").map { String(target[target.index(after: $0)...]) }
    }

    /// The value of the named header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The body as UTF-8 text.
    public var bodyText: String? {
        String(data: body, encoding: .utf8)
    }

    /// The method, target, headers and body size, for test failure messages.
    public var description: String {
        "\(method) \(target) headers: \(headers) body: \(body.count) bytes"
    }
}

/// What the loopback server answers to one request.
public struct ScriptedResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields, in order.
    public var headers: [(name: String, value: String)]
    /// The body bytes.
    public var body: Data
    /// How long to wait before answering.
    public var delay: Duration = .zero
    /// When true the server never answers (until it is stopped).
    public var hangs = false
    /// When set, the server announces the whole body (`Content-Length: body.count`), sends only
    /// this many body bytes and then closes the connection: a connection lost mid-response.
    public var cutOffAfter: Int?
    /// When set, the body is sent piece by piece from this script (chunked transfer encoding,
    /// no `Content-Length`) instead of from `body`.
    public var stream: StreamedBody?

    /// Creates a response.
    public init(
        status: Int,
        headers: [(name: String, value: String)],
        body: Data,
        delay: Duration = .zero,
        hangs: Bool = false,
        cutOffAfter: Int? = nil,
        stream: StreamedBody? = nil
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
        self.hangs = hangs
        self.cutOffAfter = cutOffAfter
        self.stream = stream
    }

    /// A JSON response.
    public static func json(_ text: String, status: Int = 200, headers: [(name: String, value: String)] = []) -> Self {
        ScriptedResponse(
            status: status,
            headers: [(name: "Content-Type", value: "application/json")] + headers,
            body: Data(text.utf8)
        )
    }

    /// A text response with the given content type.
    public static func text(_ text: String, status: Int, contentType: String = "text/plain; charset=utf-8") -> Self {
        ScriptedResponse(status: status, headers: [(name: "Content-Type", value: contentType)], body: Data(text.utf8))
    }

    /// A response with no body, `204 No Content` by default.
    public static func empty(status: Int = 204, headers: [(name: String, value: String)] = []) -> Self {
        ScriptedResponse(status: status, headers: headers, body: Data())
    }

    /// A response that never arrives: the server reads the request and then waits until stopped.
    public static let hang = ScriptedResponse(status: 200, headers: [], body: Data(), hangs: true)

    /// A response whose body the server sends piece by piece as `body` scripts it (chunked
    /// transfer encoding); `body` also records how far the sending got.
    public static func stream(
        _ body: StreamedBody,
        status: Int = 200,
        headers: [(name: String, value: String)] = [(name: "Content-Type", value: "application/octet-stream")]
    ) -> Self {
        ScriptedResponse(status: status, headers: headers, body: Data(), stream: body)
    }

    /// A `text/event-stream` (Server-Sent Events) response whose events `body` sends over time.
    public static func eventStream(_ body: StreamedBody, status: Int = 200) -> Self {
        stream(
            body,
            status: status,
            headers: [(name: "Content-Type", value: "text/event-stream"), (name: "Cache-Control", value: "no-cache")]
        )
    }

    /// A `200` JSON response of `totalBytes` whose connection is closed after `sentBytes` body bytes.
    public static func cutOff(after sentBytes: Int, of totalBytes: Int = 4_096, status: Int = 200) -> Self {
        ScriptedResponse(
            status: status,
            headers: [(name: "Content-Type", value: "application/json")],
            body: Data(repeating: UInt8(ascii: " "), count: totalBytes),
            cutOffAfter: sentBytes
        )
    }
}

/// Errors from the loopback server helper itself.
public struct LoopbackServerError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String

    /// Creates the error.
    public init(description: String) {
        self.description = description
    }
}

/// A FlyingFox `HTTPServer` on `127.0.0.1` with an ephemeral port that records requests and
/// answers them from a script.
///
/// Use ``withLoopbackServer(_:body:)`` (or ``start(responder:)`` and ``stop()``) so the
/// server is always stopped.
public final class LoopbackServer: Sendable {
    /// Decides the response to each request; records everything it saw.
    private actor Recorder {
        private let responder: @Sendable (RecordedRequest) -> ScriptedResponse
        private(set) var requests: [RecordedRequest] = []

        init(responder: @escaping @Sendable (RecordedRequest) -> ScriptedResponse) {
            self.responder = responder
        }

        func record(_ request: RecordedRequest) -> ScriptedResponse {
            requests.append(request)
            return responder(request)
        }
    }

    private let server: HTTPServer
    private let runTask: Task<Void, any Error>
    private let recorder: Recorder

    /// The port the server listens on.
    public let port: UInt16

    /// `http://127.0.0.1:<port>`.
    public var baseURL: URL {
        // A loopback URL with a numeric port always parses.
        URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/")
    }

    /// The requests received so far, in arrival order.
    public var requests: [RecordedRequest] {
        get async { await recorder.requests }
    }

    private init(server: HTTPServer, runTask: Task<Void, any Error>, recorder: Recorder, port: UInt16) {
        self.server = server
        self.runTask = runTask
        self.recorder = recorder
        self.port = port
    }

    /// Starts a server that answers each request with `responder(request)`.
    public static func start(responder: @escaping @Sendable (RecordedRequest) -> ScriptedResponse) async throws -> LoopbackServer {
        let recorder = Recorder(responder: responder)
        let server = HTTPServer(
            address: try .inet(ip4: "127.0.0.1", port: 0),
            timeout: 60,
            logger: .disabled,
            handler: ClosureHTTPHandler { request in
                let recorded = RecordedRequest(
                    method: request.method.rawValue,
                    target: request.target.rawValue,
                    headers: Dictionary(
                        request.headers.map { ($0.key.rawValue.lowercased(), $0.value) },
                        uniquingKeysWith: { _, last in last }
                    ),
                    body: try await request.bodyData
                )
                let scripted = await recorder.record(recorded)
                if scripted.hangs {
                    try await Task.sleep(for: .seconds(3_600))
                }
                if scripted.delay > .zero {
                    try await Task.sleep(for: scripted.delay)
                }
                return makeResponse(scripted)
            }
        )
        let runTask = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress else {
            await server.stop()
            runTask.cancel()
            throw LoopbackServerError(description: "loopback server is not listening on an IPv4 address")
        }
        return LoopbackServer(server: server, runTask: runTask, recorder: recorder, port: port)
    }

    /// Starts a server that answers requests with `responses` in order, then with `404`s
    /// whose body says the script ran out.
    public static func start(responses: [ScriptedResponse]) async throws -> LoopbackServer {
        let queue = ResponseQueue(responses)
        return try await start { _ in
            queue.next() ?? .text("loopback server: no scripted response left", status: 404)
        }
    }

    /// Stops listening and ends every connection, including hanging ones.
    public func stop() async {
        await server.stop(timeout: 0)
        runTask.cancel()
    }

    /// Waits until at least `count` requests have arrived (polling), up to `timeout`.
    public func waitForRequests(count: Int, timeout: Duration = .seconds(5)) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while await recorder.requests.count < count {
            guard clock.now < deadline else {
                throw LoopbackServerError(description: "expected \(count) request(s) within \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// A port on 127.0.0.1 that nothing listens on: bound to find a free port, then closed.
    public static func unusedPort() throws -> UInt16 {
        let socket = try Socket(domain: Int32(AF_INET), type: .stream)
        defer { try? socket.close() }
        try socket.bind(to: .inet(ip4: "127.0.0.1", port: 0))
        guard case .ip4(_, let port) = try socket.sockname() else {
            throw LoopbackServerError(description: "could not read the bound port")
        }
        return port
    }

    private static func makeResponse(_ scripted: ScriptedResponse) -> FlyingFox.HTTPResponse {
        var headers = FlyingFox.HTTPHeaders()
        for (name, value) in scripted.headers {
            headers.addValue(value, for: HTTPHeader(name))
        }
        let body: HTTPBodySequence
        if let stream = scripted.stream {
            // No count: FlyingFox sends each piece as one chunk of a chunked body, as it is produced.
            body = HTTPBodySequence(from: StreamedBytes(script: stream))
        } else if let sent = scripted.cutOffAfter {
            // Content-Length announces everything; the sequence then fails, and FlyingFox closes the connection.
            body = HTTPBodySequence(from: CutOffBody(bytes: scripted.body.prefix(max(sent, 0))), count: scripted.body.count)
        } else {
            body = HTTPBodySequence(data: scripted.body, suggestedBufferSize: 64 * 1_024)
        }
        return FlyingFox.HTTPResponse(
            statusCode: HTTPStatusCode(scripted.status, phrase: reasonPhrase(scripted.status)),
            headers: headers,
            body: body
        )
    }

    private static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 404: "Not Found"
        case 422: "Unprocessable Entity"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }
}

/// Body bytes that end in an error instead of an end, so the server drops the connection mid-body.
private struct CutOffBody: AsyncBufferedSequence {
    typealias Element = UInt8

    let bytes: Data

    func makeAsyncIterator() -> Iterator {
        Iterator(bytes: bytes)
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        let bytes: Data
        var offset = 0

        mutating func next() async throws -> UInt8? {
            guard offset < bytes.count else { throw LoopbackServerError(description: "connection cut off by the script") }
            defer { offset += 1 }
            return bytes[bytes.startIndex + offset]
        }

        mutating func nextBuffer(suggested count: Int) async throws -> Data? {
            guard offset < bytes.count else { throw LoopbackServerError(description: "connection cut off by the script") }
            let end = Swift.min(offset + Swift.max(count, 1), bytes.count)
            defer { offset = end }
            return bytes.subdata(in: (bytes.startIndex + offset)..<(bytes.startIndex + end))
        }
    }
}

/// A response body that the loopback server sends piece by piece over time, for streaming
/// tests (Server-Sent Events among them), and that records how far the sending got.
///
/// The server sends `chunks` in order, each as one chunk of a chunked body, waiting `gap` between
/// two of them and, before each chunk whose index is in `gatedBefore`, until the test calls
/// ``openGate()`` (one call per gate, in order). After the last chunk it ends the body, unless
/// `heartbeat` is set: then it keeps writing `heartbeat` every `heartbeatInterval` until a write
/// fails, which is how it notices that the client closed the connection.
///
/// Pieces must not be empty. Use each instance for one response.
public final class StreamedBody: Sendable {
    let chunks: [Data]
    let gap: Duration
    let gatedBefore: Set<Int>
    let heartbeat: Data?
    let heartbeatInterval: Duration
    let progress = StreamProgress()

    /// Creates the script; see the type's description.
    public init(
        chunks: [Data],
        gap: Duration = .zero,
        gatedBefore: Set<Int> = [],
        heartbeat: Data? = nil,
        heartbeatInterval: Duration = .milliseconds(50)
    ) {
        // An empty chunk would read as the end of a chunked body.
        precondition(chunks.allSatisfy { !$0.isEmpty } && heartbeat?.isEmpty != true, "streamed pieces must not be empty")
        self.chunks = chunks
        self.gap = gap
        self.gatedBefore = gatedBefore
        self.heartbeat = heartbeat
        self.heartbeatInterval = heartbeatInterval
    }

    /// Lets the server go on past the next gate (now, or when it gets there).
    public func openGate() {
        progress.update { $0.gatesOpened += 1 }
    }

    /// How many of `chunks` the server has handed to the connection for writing.
    public var sentChunks: Int {
        progress.read { $0.sentChunks }
    }

    /// How many heartbeats the server has handed to the connection for writing.
    public var sentHeartbeats: Int {
        progress.read { $0.sentHeartbeats }
    }

    /// Whether the server sent every chunk and ended the body.
    public var isComplete: Bool {
        progress.read { $0.complete }
    }

    /// Whether the server stopped sending before the end: a write failed because the client
    /// closed the connection (or the server was stopped, or the handler was cancelled).
    public var connectionDropped: Bool {
        progress.read { $0.dropped }
    }

    /// Waits until the server has handed `count` chunks to the connection, up to `timeout`.
    public func waitUntilSent(_ count: Int, timeout: Duration = .seconds(5)) async throws {
        try await poll(timeout: timeout, "expected \(count) chunk(s) sent within \(timeout)") { $0.sentChunks >= count }
    }

    /// Waits until the server noticed that the connection is gone (``connectionDropped``), up to `timeout`.
    public func waitForConnectionDrop(timeout: Duration = .seconds(5)) async throws {
        try await poll(timeout: timeout, "the server still had the connection after \(timeout)") { $0.dropped }
    }

    private func poll(timeout: Duration, _ failure: String, until done: @Sendable (StreamProgress.State) -> Bool) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while !progress.read(done) {
            guard clock.now < deadline else {
                throw LoopbackServerError(description: failure)
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}

/// The progress of a ``StreamedBody``, thread-safe.
final class StreamProgress: @unchecked Sendable {
    struct State {
        var gatesOpened = 0
        var sentChunks = 0
        var sentHeartbeats = 0
        var complete = false
        var dropped = false
    }

    // `state` is guarded by `lock`.
    private let lock = NSLock()
    private var state = State()

    func read<T>(_ body: (State) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(state)
    }

    func update(_ body: (inout State) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        body(&state)
    }
}

/// The bytes of a ``StreamedBody``, as FlyingFox reads them: each call for a buffer returns the
/// next piece, once it is due.
private struct StreamedBytes: AsyncBufferedSequence {
    typealias Element = UInt8

    let script: StreamedBody

    func makeAsyncIterator() -> Iterator {
        Iterator(script: script, watch: DropWatch(progress: script.progress))
    }

    /// Marks the body dropped when FlyingFox lets go of the iterator before the end, which it
    /// does when a write fails.
    final class DropWatch: Sendable {
        let progress: StreamProgress

        init(progress: StreamProgress) {
            self.progress = progress
        }

        deinit {
            progress.update { state in
                if !state.complete {
                    state.dropped = true
                }
            }
        }
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        let script: StreamedBody
        let watch: DropWatch
        var nextIndex = 0
        var gatesPassed = 0
        /// Bytes of the current piece not yet returned by `next()`.
        var pending = Data()

        mutating func next() async throws -> UInt8? {
            if pending.isEmpty {
                guard let piece = try await nextBuffer(suggested: 1) else { return nil }
                pending = piece
            }
            return pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async throws -> Data? {
            if !pending.isEmpty {
                defer { pending = Data() }
                return pending
            }
            if nextIndex < script.chunks.count {
                if nextIndex > 0, script.gap > .zero {
                    try await Task.sleep(for: script.gap)
                }
                if script.gatedBefore.contains(nextIndex) {
                    gatesPassed += 1
                    let needed = gatesPassed
                    while !script.progress.read({ $0.gatesOpened >= needed }) {
                        try await Task.sleep(for: .milliseconds(5))
                    }
                }
                let chunk = script.chunks[nextIndex]
                nextIndex += 1
                script.progress.update { $0.sentChunks += 1 }
                return chunk
            }
            if let heartbeat = script.heartbeat {
                try await Task.sleep(for: script.heartbeatInterval)
                script.progress.update { $0.sentHeartbeats += 1 }
                return heartbeat
            }
            script.progress.update { $0.complete = true }
            return nil
        }
    }
}

/// A thread-safe FIFO of scripted responses.
private final class ResponseQueue: @unchecked Sendable {
    // `responses` is guarded by `lock`.
    private let lock = NSLock()
    private var responses: [ScriptedResponse]

    init(_ responses: [ScriptedResponse]) {
        self.responses = responses
    }

    func next() -> ScriptedResponse? {
        lock.lock()
        defer { lock.unlock() }
        return responses.isEmpty ? nil : responses.removeFirst()
    }
}

/// Runs `body` with a started loopback server answering `responses` in order, and stops the
/// server afterwards, also when `body` throws.
public func withLoopbackServer<T>(
    _ responses: [ScriptedResponse],
    body: (LoopbackServer) async throws -> T
) async throws -> T {
    let server = try await LoopbackServer.start(responses: responses)
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}
