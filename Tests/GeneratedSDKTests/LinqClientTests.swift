import Foundation
import Linq
import LoopbackSupport
import Testing

let apiKey = "linq-test-key-3c9e1f"
let chatID = UUID(uuidString: "7D444840-9DC0-11D1-B245-5FFDCE74FAD2") ?? UUID()

/// A Linq client talking to `server` (optionally below a path prefix).
/// A Linq client without retries: these tests script one response per call (FaultTests covers retries).
func linqClient(_ server: LoopbackServer, prefix: String = "", timeout: Duration = .seconds(10)) throws -> LinqClient {
    let url = try #require(URL(string: server.baseURL.absoluteString + prefix))
    return try LinqClient(apiKey: apiKey, baseURL: url, timeout: timeout, maxRetries: 0)
}

/// The error `body` throws, or `nil` when it succeeds.
func linqError(_ body: () async throws(LinqError) -> Void) async -> LinqError? {
    do {
        try await body()
        return nil
    } catch {
        return error
    }
}

/// The documented error body for `status`.
func envelope(_ status: Int, _ code: Int, _ message: String) -> ScriptedResponse {
    .json(#"{"error":{"status":\#(status),"code":\#(code),"message":"\#(message)"},"success":false}"#, status: status)
}

@Suite("Linq SDK over real HTTP on 127.0.0.1")
struct LinqClientTests {
    @Test("start and stop send the right method, path and headers, and succeed on 204")
    func startAndStop() async throws {
        try await withLoopbackServer([.empty(), .empty()]) { server in
            let client = try linqClient(server, prefix: "/api/partner")
            try await client.chats.typing.start(chatID: chatID)
            try await client.chats.typing.stop(chatID: chatID)
            let requests = await server.requests
            #expect(requests.map(\.method) == ["POST", "DELETE"])
            #expect(requests.map(\.target) == Array(repeating: "/api/partner/v3/chats/7d444840-9dc0-11d1-b245-5ffdce74fad2/typing", count: 2))
            for request in requests {
                #expect(request.header("Authorization") == "Bearer \(apiKey)")
                #expect(request.header("Accept") == "application/json")
                #expect(request.header("User-Agent") == "Linq/0.1.0 (Swift; sdkgen)")
                #expect(request.body.isEmpty)
            }
        }
    }

    @Test(
        "Each documented error status becomes its case with status, code and message",
        arguments: [
            (400, 1002, "Phone number must be in E.164 format"),
            (401, 2004, "Unauthorized - missing or invalid authentication token"),
            (403, 2005, "Access denied - insufficient permissions for this resource"),
            (404, 2001, "Resource not found"),
            (500, 3006, "Internal server error"),
        ])
    func documentedErrors(status: Int, code: Int, message: String) async throws {
        try await withLoopbackServer([envelope(status, code, message)]) { server in
            let client = try linqClient(server)
            let error = try #require(await linqError { () async throws(LinqError) in try await client.chats.typing.stop(chatID: chatID) })
            let body: ErrorResponse?
            switch (status, error) {
            case (400, .badRequest(let decoded, _)), (401, .unauthorized(let decoded, _)), (403, .forbidden(let decoded, _)),
                (404, .notFound(let decoded, _)), (500, .internalServerError(let decoded, _)):
                body = decoded
            default:
                Issue.record("status \(status) became \(error)")
                return
            }
            #expect(body?.error.status == status)
            #expect(body?.error.code == code)
            #expect(body?.error.message == message)
            #expect(body?.success == false)
            #expect(error.code == String(code))
            #expect(error.message == message)
            #expect(error.localizedDescription == "HTTP \(status): \(message)")
            #expect(error.statusCode == status)
            #expect(error.response?.headerFields.value(named: "Content-Type") == "application/json")
            #expect(!error.description.contains(apiKey))
        }
    }

    @Test("An HTML 502 from a proxy is a serverError without a body, with the raw response")
    func proxyHTML() async throws {
        let html = "<html><body><h1>502 Bad Gateway</h1></body></html>"
        try await withLoopbackServer([.text(html, status: 502, contentType: "text/html")]) { server in
            let client = try linqClient(server)
            let error = await linqError { () async throws(LinqError) in try await client.chats.typing.start(chatID: chatID) }
            guard case .serverError(nil, let response)? = error else {
                Issue.record("expected serverError without a body, got \(String(describing: error))")
                return
            }
            #expect(response.statusCode == 502)
            #expect(error?.message == nil && error?.code == nil)
            #expect(error?.localizedDescription == "HTTP 502: Any other server error, without a case of its own.")
            #expect(response.headerFields.value(named: "Content-Type") == "text/html")
            #expect(response.bodyText == html)
        }
    }

    @Test("409 and 429 have cases though the spec leaves them out; code, message and request id read the same on every case")
    func undocumentedStatusesAndAccessors() async throws {
        let body = #"{"error":{"status":429,"code":1007,"message":"Slow down"},"success":false,"trace_id":"trace_1"}"#
        try await withLoopbackServer([
            .json(
                #"{"error":{"status":409,"code":1006,"message":"Busy"},"success":false}"#, status: 409,
                headers: [(name: "X-Request-Id", value: "req_9")]),
            .json(body, status: 429, headers: [(name: "Retry-After", value: "3")]),
        ]) { server in
            let client = try faultClient(server, timeout: .seconds(30), retryPolicy: .none)
            let conflict = await linqError { () async throws(LinqError) in try await client.chats.typing.start(chatID: chatID) }
            guard case .conflict(let decoded, _)? = conflict else {
                Issue.record("expected conflict, got \(String(describing: conflict))")
                return
            }
            #expect(decoded?.error.code == 1006)
            #expect(conflict?.code == "1006")
            #expect(conflict?.message == "Busy")
            #expect(conflict?.requestID == "req_9", "the header wins")
            #expect(conflict?.localizedDescription == "HTTP 409: Busy")

            let limited = await linqError { () async throws(LinqError) in try await client.chats.typing.start(chatID: chatID) }
            guard case .tooManyRequests(let limit, let response)? = limited else {
                Issue.record("expected tooManyRequests, got \(String(describing: limited))")
                return
            }
            #expect(limit?.error.message == "Slow down")
            #expect(response.headerFields.value(named: "Retry-After") == "3")
            #expect(limited?.headers?.value(named: "Retry-After") == "3")
            #expect(limited?.requestID == "trace_1", "the body's trace_id when no header names one")
            #expect(limited?.statusCode == 429)
        }
    }

    @Test("A 403 whose body is an HTML page, not the envelope, is still caught by catch .forbidden")
    func documentedStatusWithForeignBody() async throws {
        let html = "<html><body>Forbidden by WAF</body></html>"
        try await withLoopbackServer([.text(html, status: 403, contentType: "text/html")]) { server in
            let client = try linqClient(server)
            do throws(LinqError) {
                try await client.chats.typing.stop(chatID: chatID)
                Issue.record("the call succeeded")
            } catch .forbidden(let body, let response) {
                #expect(body == nil)
                #expect(response.statusCode == 403)
                #expect(response.bodyText == html)
            } catch {
                Issue.record("expected forbidden, got \(error)")
            }
        }
    }

    @Test("A refused connection becomes the transport case")
    func refusedConnection() async throws {
        let port = try LoopbackServer.unusedPort()
        var address = URLComponents()
        address.scheme = "http"
        address.host = "127.0.0.1"
        address.port = Int(port)
        let url = try #require(address.url)
        let client = try LinqClient(apiKey: apiKey, baseURL: url)
        let error = await linqError { () async throws(LinqError) in try await client.chats.typing.start(chatID: chatID) }
        guard case .transport(let message)? = error else {
            Issue.record("expected transport, got \(String(describing: error))")
            return
        }
        #expect(message.contains("127.0.0.1:\(port)"))
        #expect(!message.contains(apiKey))
    }

    @Test("A missing API key is a clear error, not a crash")
    func missingKey() throws {
        #expect(throws: LinqError.self) { try LinqClient(apiKey: "") }
        do {
            _ = try LinqClient(apiKey: "")
        } catch {
            #expect(error.description == "LinqError.missingCredentials: pass apiKey or set LINQ_API_V3_API_KEY")
        }
    }

    @Test("The client names its environment variables and default base URL")
    func defaults() {
        #expect(LinqClient.apiKeyEnvironmentVariable == "LINQ_API_V3_API_KEY")
        #expect(LinqClient.baseURLEnvironmentVariable == "LINQ_API_V3_BASE_URL")
        #expect(LinqClient.defaultBaseURL == "https://api.linqapp.com/api/partner")
    }
}

@Suite("The README's example")
struct ReadmeExampleTests {
    @Test("Typed catch clauses match documented errors, as the README shows")
    func typedCatch() async throws {
        try await withLoopbackServer([
            envelope(403, 2005, "Access denied - insufficient permissions for this resource"), envelope(404, 2001, "Resource not found"),
        ]) { server in
            let client = try linqClient(server)
            var outcomes: [String] = []
            for _ in 0..<2 {
                do throws(LinqError) {
                    try await client.chats.typing.stop(chatID: chatID)
                    outcomes.append("ok")
                } catch .forbidden(let body, _) {
                    outcomes.append("forbidden \(body?.error.code ?? 0)")
                } catch .notFound {
                    outcomes.append("notFound")
                } catch {
                    outcomes.append("other \(error)")
                }
            }
            #expect(outcomes == ["forbidden 2005", "notFound"])
        }
    }
}

/// The README's call sites, compiled and run: if the generated API changes under them, this fails to build.
@Suite("The README's call sites")
struct ReadmeCallSiteTests {
    /// What the middleware saw, from concurrent code.
    final class Seen: @unchecked Sendable {
        // `lines` is guarded by `lock`.
        private let lock = NSLock()
        private var lines: [String] = []

        func append(_ line: String) {
            lock.lock()
            lines.append(line)
            lock.unlock()
        }

        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return lines
        }
    }

    /// The README's `MyTracing`: a swift-openapi-runtime middleware around every attempt.
    struct MyTracing: ClientMiddleware {
        let seen: Seen

        func intercept(
            _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
            next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
        ) async throws -> (HTTPResponse, HTTPBody?) {
            seen.append("\(request.method) \(operationID)")
            return try await next(request, body, baseURL)
        }
    }

    @Test("Options per call, a configured core with a middleware, and the client's initialisers")
    func callSites() async throws {
        let seen = Seen()
        // `try LinqClient()` reads the key from the environment; compiled here, not run.
        let fromEnvironment: () throws(LinqError) -> LinqClient = { try LinqClient() }
        _ = fromEnvironment
        try await withLoopbackServer([.empty(), .empty()]) { server in
            try await client(server).chats.typing.stop(
                chatID: chatID,
                options: RequestOptions(headers: ["X-Request-Id": "abc"], timeout: .seconds(5), maxRetries: 0)
            )
            var configuration = try LinqClient(apiKey: apiKey, baseURL: server.baseURL).core.configuration
            configuration.retryPolicy.maxRetries = 5
            configuration.middlewares = [MyTracing(seen: seen)]
            let client = LinqClient(core: APIClientCore(configuration: configuration))
            try await client.chats.typing.start(chatID: chatID)
            let requests = await server.requests
            #expect(requests.first?.header("X-Request-Id") == "abc")
            #expect(requests.map(\.method) == ["DELETE", "POST"])
        }
        #expect(seen.all == ["POST startTyping"])
    }

    private func client(_ server: LoopbackServer) throws -> LinqClient {
        try LinqClient(apiKey: "…", baseURL: URL(string: server.baseURL.absoluteString))
    }
}
