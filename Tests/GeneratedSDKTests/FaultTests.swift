import Foundation
import Linq
import LoopbackSupport
import Testing

/// A Linq client for `server` with the given retry policy (the defaults unless told otherwise).
func faultClient(
    _ server: LoopbackServer,
    timeout: Duration = .seconds(10),
    retryPolicy: RetryPolicy = .default
) throws -> LinqClient {
    let client = try LinqClient(apiKey: apiKey, baseURL: server.baseURL, timeout: timeout)
    var configuration = client.core.configuration
    configuration.retryPolicy = retryPolicy
    return LinqClient(core: APIClientCore(configuration: configuration))
}

/// The default policy with short waits, for scenarios that are not about the wait itself.
let quickRetries = RetryPolicy(initialDelay: .milliseconds(20), maxDelay: .milliseconds(40))

/// How long `body` took.
func elapsed(_ body: () async throws -> Void) async rethrows -> Duration {
    let clock = ContinuousClock()
    let started = clock.now
    try await body()
    return clock.now - started
}

/// `0.48 s`, for the observation lines the scenarios print.
func seconds(_ duration: Duration) -> String {
    let parts = duration.components
    let value = Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    return "\((value * 1_000).rounded() / 1_000) s"
}

/// The `X-Retry-Attempt` values the server received, in order (`"-"` when missing).
func attempts(_ server: LoopbackServer) async -> [String] {
    await server.requests.map { $0.header("X-Retry-Attempt") ?? "-" }
}

@Suite("The Linq client under faults, over real HTTP on 127.0.0.1")
struct FaultTests {
    @Test("503 then 204: succeeds on the second try after the default backoff")
    func serviceUnavailableThenSuccess() async throws {
        try await withLoopbackServer([.text("deploying", status: 503), .empty()]) { server in
            let client = try faultClient(server)
            let took = try await elapsed { try await client.chats.typing.start(chatID: chatID) }
            let seen = await attempts(server)
            #expect(seen == ["0", "1"])
            #expect(took >= .milliseconds(375), "the first backoff is 0.5 s less at most 25 % jitter")
            print("[fault] 503→204: success, \(seen.count) requests, attempts \(seen), \(seconds(took))")
        }
    }

    @Test("429 with Retry-After: 1 waits about a second, then succeeds")
    func tooManyRequestsHonoursRetryAfter() async throws {
        let limited = ScriptedResponse.json(
            #"{"error":{"status":429,"code":4290,"message":"slow down"},"success":false}"#,
            status: 429,
            headers: [(name: "Retry-After", value: "1")]
        )
        try await withLoopbackServer([limited, .empty()]) { server in
            let client = try faultClient(server)
            let took = try await elapsed { try await client.chats.typing.stop(chatID: chatID) }
            #expect(await server.requests.count == 2)
            #expect(took >= .seconds(1))
            #expect(took < .seconds(5))
            print("[fault] 429 Retry-After 1→204: success, 2 requests, \(seconds(took))")
        }
    }

    @Test("Three 500s fail after three attempts with the internalServerError case")
    func threeServerErrors() async throws {
        let failure = envelope(500, 3006, "Internal server error")
        try await withLoopbackServer([failure, failure, failure, .empty()]) { server in
            let client = try faultClient(server)
            var error: LinqError?
            let took = await elapsed {
                error = await linqError { () async throws(LinqError) in try await client.chats.typing.start(chatID: chatID) }
            }
            guard case .internalServerError(let body, let response)? = error else {
                Issue.record("expected internalServerError, got \(String(describing: error))")
                return
            }
            #expect(body?.error.code == 3006)
            #expect(response.statusCode == 500)
            let seen = await attempts(server)
            #expect(seen == ["0", "1", "2"])
            #expect(took >= .milliseconds(1_125), "backoffs of at least 0.375 s and 0.75 s")
            print("[fault] 500×3: internalServerError code \(error?.code ?? "none"), \(seen.count) requests, attempts \(seen), \(seconds(took))")
        }
    }

    @Test("A connection lost mid-response is retried, and reported as transport when retries run out")
    func connectionLostMidResponse() async throws {
        try await withLoopbackServer([.cutOff(after: 100, of: 4_096), .empty()]) { server in
            let client = try faultClient(server, retryPolicy: quickRetries)
            try await client.chats.typing.start(chatID: chatID)
            #expect(await server.requests.count == 2)
            print("[fault] cut off after 100 of 4096 bytes→204: success, 2 requests")
        }
        try await withLoopbackServer([.cutOff(after: 100, of: 4_096), .cutOff(after: 10, of: 4_096), .cutOff(after: 0, of: 4_096), .empty()]) {
            server in
            let client = try faultClient(server, retryPolicy: quickRetries)
            let error = await linqError { () async throws(LinqError) in try await client.chats.typing.start(chatID: chatID) }
            guard case .transport(let message)? = error else {
                Issue.record("expected transport, got \(String(describing: error))")
                return
            }
            #expect(message.contains("127.0.0.1:\(server.port)"), "message: \(message)")
            #expect(!message.contains(apiKey))
            #expect(await server.requests.count == 3)
            print("[fault] cut off ×3: transport(\"\(message)\"), 3 requests")
        }
    }

    @Test("A server that never answers: the timeout fires near its bound, on every attempt")
    func serverNeverAnswers() async throws {
        try await withLoopbackServer([.hang]) { server in
            let client = try faultClient(server, timeout: .milliseconds(400), retryPolicy: .none)
            var error: LinqError?
            let took = await elapsed {
                error = await linqError { () async throws(LinqError) in try await client.chats.typing.start(chatID: chatID) }
            }
            guard case .timedOut(let limit)? = error else {
                Issue.record("expected timedOut, got \(String(describing: error))")
                return
            }
            #expect(limit == .milliseconds(400))
            #expect(took >= .milliseconds(400))
            #expect(took < .seconds(10))
            #expect(await server.requests.count == 1)
            print("[fault] hang, timeout 0.4 s, no retries: timedOut after \(seconds(took)), 1 request")
        }
        try await withLoopbackServer([.hang, .hang, .empty()]) { server in
            // The timeout must also let the third, answered attempt through while the whole test
            // suite loads both cores: 0.3 s did not once in CI.
            let client = try faultClient(server, timeout: .seconds(2), retryPolicy: quickRetries)
            let took = try await elapsed { try await client.chats.typing.start(chatID: chatID) }
            #expect(await server.requests.count == 3)
            #expect(took >= .seconds(4))
            print("[fault] hang, hang, 204 with timeout 2 s: success after \(seconds(took)), 3 requests")
        }
    }

    @Test("A 400 is not retried")
    func badRequestIsNotRetried() async throws {
        try await withLoopbackServer([envelope(400, 1002, "Phone number must be in E.164 format"), .empty()]) { server in
            let client = try faultClient(server)
            let error = await linqError { () async throws(LinqError) in try await client.chats.typing.start(chatID: chatID) }
            guard case .badRequest(let body, _)? = error else {
                Issue.record("expected badRequest, got \(String(describing: error))")
                return
            }
            #expect(body?.error.code == 1002)
            #expect(await server.requests.count == 1)
            print("[fault] 400: badRequest code \(error?.code ?? "none"), 1 request")
        }
    }

    @Test("Cancelling during a backoff returns promptly with the cancelled case")
    func cancellationDuringBackoff() async throws {
        let busy = ScriptedResponse.empty(status: 503, headers: [(name: "Retry-After", value: "30")])
        try await withLoopbackServer([busy, .empty()]) { server in
            let client = try faultClient(server)
            let call = Task {
                await linqError { () async throws(LinqError) in try await client.chats.typing.start(chatID: chatID) }
            }
            try await server.waitForRequests(count: 1)
            try await Task.sleep(for: .milliseconds(100))  // now inside the 30 s wait
            var error: LinqError?
            let took = await elapsed {
                call.cancel()
                error = await call.value
            }
            guard case .cancelled? = error else {
                Issue.record("expected cancelled, got \(String(describing: error))")
                return
            }
            #expect(took < .seconds(10))  // against a 30 s wait; loose, as the suite shares two cores
            #expect(await server.requests.count == 1)
            print("[fault] cancel during a 30 s Retry-After wait: cancelled \(seconds(took)) after cancel(), 1 request")
        }
    }

    @Test("A 50 MB body arrives whole and its error description stays short")
    func fiftyMegabyteBody() async throws {
        let size = 50 * 1_000 * 1_000
        let big = ScriptedResponse(
            status: 200, headers: [(name: "Content-Type", value: "application/octet-stream")], body: Data(repeating: UInt8(ascii: "a"), count: size))
        let bigError = ScriptedResponse(
            status: 502, headers: [(name: "Content-Type", value: "text/html")], body: Data(repeating: UInt8(ascii: "<"), count: size))
        try await withLoopbackServer([big, bigError]) { server in
            let client = try faultClient(server, retryPolicy: .none)
            var response: APIResponse?
            let took = try await elapsed {
                response = try await client.core.send(APIRequest(method: .get, path: "/v3/export"))
            }
            #expect(response?.body.count == size)
            #expect(response?.body.last == UInt8(ascii: "a"))

            let error = await linqError { () async throws(LinqError) in try await client.chats.typing.start(chatID: chatID) }
            guard case .serverError(nil, let errorResponse)? = error else {
                Issue.record("expected serverError, got \(String(describing: error))")
                return
            }
            #expect(errorResponse.body.count == size)
            let description = String(describing: error)
            #expect(description.count < 1_000)
            #expect(await server.requests.count == 2)
            print(
                "[fault] 50 MB: 200 body of \(response?.body.count ?? 0) bytes in \(seconds(took)); 502 of \(errorResponse.body.count) bytes → unexpectedStatus, description \(description.count) characters"
            )
        }
    }
}
