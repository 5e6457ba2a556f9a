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

    /// Creates a response.
    public init(
        status: Int,
        headers: [(name: String, value: String)],
        body: Data,
        delay: Duration = .zero,
        hangs: Bool = false,
        cutOffAfter: Int? = nil
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
        self.hangs = hangs
        self.cutOffAfter = cutOffAfter
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
        if let sent = scripted.cutOffAfter {
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
