import Foundation
import LoopbackSupport
import SDKRuntime
import Testing

/// Per-request options, middlewares and the debug log, over real HTTP on 127.0.0.1.
@Suite struct RequestOptionsTests {
    @Test func extraHeadersAndQueryItemsArriveAndWin() async throws {
        try await withLoopbackServer([.json("{}")]) { server in
            let core = makeCore(baseURL: try url(server), defaultHeaders: fields(["X-Default": "config"]))
            let options = RequestOptions(
                headers: fields(["X-Default": "options", "X-Request-Id": "req-9", "Accept": "text/csv"]),
                query: [URLQueryItem(name: "debug", value: "a b"), URLQueryItem(name: "skipped", value: nil)]
            )
            _ = try await core.send(
                APIRequest(
                    method: .get, path: "/v3/chats", query: [URLQueryItem(name: "limit", value: "5")], headers: fields(["X-Request-Id": "op"])),
                options: options
            )
            let request = try #require(await server.requests.first)
            #expect(request.target == "/v3/chats?limit=5&debug=a%20b")
            #expect(request.header("X-Default") == "options")
            #expect(request.header("X-Request-Id") == "req-9")
            #expect(request.header("Accept") == "text/csv")
            #expect(request.header("Authorization") == "Bearer \(testKeyValue)")
            #expect(request.header("X-Retry-Attempt") == "0")
        }
    }

    @Test func perRequestTimeoutWinsOverTheClientTimeout() async throws {
        try await withLoopbackServer([.hang]) { server in
            let core = makeCore(baseURL: try url(server), timeout: .seconds(30))
            let clock = ContinuousClock()
            let started = clock.now
            let failure = await failureOf { () async throws(RequestFailure) in
                _ = try await core.send(APIRequest(method: .get, path: "/slow"), options: RequestOptions(timeout: .milliseconds(300)))
            }
            let elapsed = clock.now - started
            #expect(failure == .timedOut(.milliseconds(300)))
            #expect(elapsed >= .milliseconds(300))
            #expect(elapsed < .seconds(5))
            #expect(await server.requests.count == 1)
        }
    }

    @Test func middlewaresSeeEveryAttemptInOrderAndMayChangeTheRequest() async throws {
        struct Tagging: ClientMiddleware {
            let name: String
            let seen: Recorder<String>

            func intercept(
                _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
                next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
            ) async throws -> (HTTPResponse, HTTPBody?) {
                var request = request
                request.headerFields.setValue("yes", named: "X-Trace-\(name)")
                let attempt = request.headerFields.value(named: "X-Retry-Attempt") ?? "?"
                seen.append("\(name) → \(request.method) \(operationID) attempt \(attempt)")
                let (response, responseBody) = try await next(request, body, baseURL)
                seen.append("\(name) ← \(response.status.code) \(String(describing: request.headerFields))")
                return (response, responseBody)
            }
        }
        let seen = Recorder<String>()
        var policy = RetryPolicy.default
        policy.initialDelay = .milliseconds(10)
        try await withLoopbackServer([.empty(status: 503), .empty()]) { server in
            let core = makeCore(
                baseURL: try url(server),
                retryPolicy: policy,
                middlewares: [Tagging(name: "outer", seen: seen), Tagging(name: "inner", seen: seen)]
            )
            _ = try await core.send(APIRequest(method: .delete, path: "/x", operationID: "deleteX"))
            let requests = await server.requests
            #expect(requests.count == 2)
            #expect(requests.allSatisfy { $0.header("X-Trace-outer") == "yes" && $0.header("X-Trace-inner") == "yes" })
            #expect(requests.allSatisfy { $0.header("Authorization") == "Bearer \(testKeyValue)" })
        }
        let lines = seen.all
        #expect(lines.count == 8)
        #expect(
            lines.filter { $0.contains("→") } == [
                "outer → DELETE deleteX attempt 0", "inner → DELETE deleteX attempt 0",
                "outer → DELETE deleteX attempt 1", "inner → DELETE deleteX attempt 1",
            ])
        #expect(lines.filter { $0.contains("←") }.map { $0.prefix(9) } == ["inner ← 5", "outer ← 5", "inner ← 2", "outer ← 2"])
        for line in lines {
            #expect(!line.contains(testKeyValue), "middleware saw the key: \(line)")
        }
    }

    @Test func aMiddlewareCanAnswerWithoutTheNetwork() async throws {
        struct Canned: ClientMiddleware {
            func intercept(
                _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
                next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
            ) async throws -> (HTTPResponse, HTTPBody?) {
                (HTTPResponse(status: .ok), HTTPBody("cached"))
            }
        }
        let port = try LoopbackServer.unusedPort()
        let core = makeCore(baseURL: try #require(URL(string: "http://127.0.0.1:\(port)")), middlewares: [Canned()])
        #expect(try await core.send(APIRequest(method: .get, path: "/x")).bodyText == "cached")
    }

    @Test func debugLogNamesMethodURLStatusAndTimingButNeverTheKey() async throws {
        let lines = Recorder<String>()
        var policy = RetryPolicy.default
        policy.initialDelay = .milliseconds(10)
        try await withLoopbackServer([.empty(status: 503), .json("{}")]) { server in
            let core = makeCore(
                baseURL: try url(server), retryPolicy: policy, logger: SDKLogging.logger(label: "test", level: .debug) { lines.append($0) })
            _ = try await core.send(APIRequest(method: .post, path: "/v3/chats", query: [URLQueryItem(name: "token", value: testKeyValue)]))
            let base = server.baseURL.absoluteString
            let logged = lines.all
            #expect(logged.count == 3)
            #expect(logged.first?.hasPrefix("POST \(base)/v3/chats?token=<redacted> attempt 0 → HTTP 503 in ") == true)
            #expect(logged.dropFirst().first?.contains("retry 1 of 2 in ") == true)
            #expect(logged.last?.contains("attempt 1 → HTTP 200 in ") == true)
            #expect(logged.allSatisfy { $0.hasSuffix(" ms") || $0.contains("(HTTP 503)") })
            for line in logged {
                #expect(!line.contains(testKeyValue), "log line leaks the key: \(line)")
            }
        }
    }

    @Test func theSDKsOwnVariableSetsTheLevel() async throws {
        let variable = "PETS_LOG"
        #expect(SDKLogging.logger(label: "Pets", environmentVariable: variable, environment: [:]).logLevel == .info)
        #expect(SDKLogging.logger(label: "Pets", environmentVariable: variable, environment: [variable: "debug"]).logLevel == .debug)
        #expect(SDKLogging.logger(label: "Pets", environmentVariable: variable, environment: [variable: " TRACE "]).logLevel == .trace)
        #expect(SDKLogging.logger(label: "Pets", environmentVariable: variable, environment: [variable: "loud"]).logLevel == .info)
        // Another SDK's variable changes nothing.
        #expect(SDKLogging.logger(label: "Pets", environmentVariable: variable, environment: ["LINQ_LOG": "debug"]).logLevel == .info)
        #expect(SDKLogging.logger(label: "Pets", environmentVariable: variable).label == "Pets")

        // At `info`, the core's debug lines are not written.
        let lines = Recorder<String>()
        try await withLoopbackServer([.json("{}")]) { server in
            let core = makeCore(baseURL: try url(server), logger: SDKLogging.logger(label: "test", level: .info) { lines.append($0) })
            _ = try await core.send(APIRequest(method: .get, path: "/x"))
        }
        #expect(lines.all.isEmpty)
    }

    @Test func optionsAndConfigurationDescriptionsHideSecrets() throws {
        let options = RequestOptions(headers: fields(["Authorization": "Bearer \(testKeyValue)"]), timeout: .seconds(3), maxRetries: 1)
        #expect(!String(describing: options).contains(testKeyValue))
        #expect(!dumped(options).contains(testKeyValue))
        #expect(String(describing: options).contains("maxRetries: 1"))
        let configuration = ClientConfiguration(
            baseURL: try #require(URL(string: "https://api.example.com")),
            credentials: testCredentials,
            userAgent: testUserAgent,
            logger: SDKLogging.logger(label: "test", level: .debug) { _ in }
        )
        for text in [String(describing: configuration), String(reflecting: configuration), dumped(configuration)] {
            #expect(!text.contains(testKeyValue))
            #expect(text.contains("maxRetries"))
        }
    }
}
