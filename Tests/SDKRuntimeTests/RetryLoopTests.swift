import Foundation
import SDKRuntime
import Testing

/// The retry loop over a scripted transport, with waits recorded instead of slept.
@Suite struct RetryLoopTests {
    private let get = APIRequest(method: .get, path: "/v3/chats")

    private func response(_ status: Int, _ headers: KeyValuePairs<String, String> = [:]) -> ScriptedTransport.Step {
        .respond(APIResponse(statusCode: status, headerFields: fields(headers)))
    }

    @Test func retriesTwiceWithBackoffAndNumbersTheAttempts() async throws {
        let transport = ScriptedTransport([response(503), response(502), response(204)])
        let sleeps = Recorder<Duration>()
        let core = try makeCore(transport: transport, sleeps: sleeps)
        let result = try await core.send(get)
        #expect(result.statusCode == 204)
        #expect(transport.requests.all.map { $0.headerFields.value(named: "X-Retry-Attempt") } == ["0", "1", "2"])
        #expect(sleeps.all == [.milliseconds(500), .seconds(1)])
    }

    @Test func givesUpAfterTheLastRetryWithTheLastFailure() async throws {
        let transport = ScriptedTransport([response(500), response(500), response(503), response(204)])
        let sleeps = Recorder<Duration>()
        let core = try makeCore(transport: transport, sleeps: sleeps, random: 1)
        let failure = await failureOf { () async throws(RequestFailure) in _ = try await core.send(get) }
        #expect(failure?.statusCode == 503)
        #expect(transport.requests.all.count == 3)
        #expect(sleeps.all == [.milliseconds(375), .milliseconds(750)])
    }

    @Test func otherClientErrorsAreNotRetried() async throws {
        for status in [400, 401, 403, 404, 422] {
            let transport = ScriptedTransport([response(status), response(204)])
            let sleeps = Recorder<Duration>()
            let core = try makeCore(transport: transport, sleeps: sleeps)
            let failure = await failureOf { () async throws(RequestFailure) in _ = try await core.send(get) }
            #expect(failure?.statusCode == status)
            #expect(transport.requests.all.count == 1)
            #expect(sleeps.all.isEmpty)
        }
    }

    @Test func connectionFailuresAndTimeoutsAreRetried() async throws {
        let transport = ScriptedTransport([
            .fail(TransportError.connectionFailed("reset")), .fail(TransportError.timedOut), response(200),
        ])
        let sleeps = Recorder<Duration>()
        let core = try makeCore(transport: transport, sleeps: sleeps)
        #expect(try await core.send(get).statusCode == 200)
        #expect(transport.requests.all.count == 3)
    }

    @Test func serverRequestedWaitsAreHonouredUpToSixtySeconds() async throws {
        let transport = ScriptedTransport([
            response(429, ["Retry-After": "30"]), response(503, ["retry-after-ms": "1500"]), response(204),
        ])
        let sleeps = Recorder<Duration>()
        let core = try makeCore(transport: transport, sleeps: sleeps, random: 0.5)
        _ = try await core.send(get)
        #expect(sleeps.all == [.seconds(30), .milliseconds(1_500)])

        let tooLong = ScriptedTransport([response(429, ["Retry-After": "3600"]), response(204)])
        let moreSleeps = Recorder<Duration>()
        _ = try await makeCore(transport: tooLong, sleeps: moreSleeps).send(get)
        #expect(moreSleeps.all == [.milliseconds(500)])
    }

    @Test func perRequestMaxRetriesWinsOverTheConfiguration() async throws {
        let once = ScriptedTransport([response(503), response(204)])
        let onceCore = try makeCore(transport: once, sleeps: Recorder())
        let failure = await failureOf { () async throws(RequestFailure) in
            _ = try await onceCore.send(get, options: RequestOptions(maxRetries: 0))
        }
        #expect(failure?.statusCode == 503)
        #expect(once.requests.all.count == 1)

        let many = ScriptedTransport(Array(repeating: response(500), count: 6) + [response(204)])
        let sleeps = Recorder<Duration>()
        var policy = RetryPolicy.default
        policy.maxRetries = 1
        let core = try makeCore(transport: many, retryPolicy: policy, sleeps: sleeps)
        #expect(try await core.send(get, options: RequestOptions(maxRetries: 6)).statusCode == 204)
        #expect(sleeps.all == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8)])
    }

    @Test func attemptHeaderCanBeRenamedOrLeftOut() async throws {
        var policy = RetryPolicy.default
        policy.attemptHeaderName = nil
        let transport = ScriptedTransport([response(503), response(204)])
        _ = try await makeCore(transport: transport, retryPolicy: policy, sleeps: Recorder()).send(get)
        #expect(transport.requests.all.allSatisfy { $0.headerFields.value(named: "X-Retry-Attempt") == nil })
    }

    @Test func perRequestTimeoutWinsOverTheConfiguration() async throws {
        // The core enforces the timeout itself, for any transport: a 120 s answer is cut off at 200 ms
        // (the bound below is loose because the whole suite runs in parallel on two cores).
        let transport = ScriptedTransport([.delay(.seconds(120)), .delay(.milliseconds(10))])
        let core = try makeCore(transport: transport, retryPolicy: .none, sleeps: Recorder())
        let clock = ContinuousClock()
        let started = clock.now
        let failure = await failureOf { () async throws(RequestFailure) in
            _ = try await core.send(get, options: RequestOptions(timeout: .milliseconds(200)))
        }
        #expect(failure == .timedOut(.milliseconds(200)))
        #expect(clock.now - started < .seconds(60))
        #expect(try await core.send(get).statusCode == 204)
    }

    @Test func theTransportGetsTheBaseURLWithoutQueryAndThePathWithIt() async throws {
        let transport = ScriptedTransport([response(204)])
        var configuration = ClientConfiguration(
            baseURL: try #require(URL(string: "https://api.example.com/api/partner/?tenant=a%20b#frag")),
            credentials: testCredentials, userAgent: testUserAgent, transport: transport, retryPolicy: .none)
        configuration.sleep = { _ in }
        let core = APIClientCore(configuration: configuration)
        _ = try await core.send(
            APIRequest(method: .get, path: "/v3/chats", operationID: "listChats", query: [URLQueryItem(name: "limit", value: "5")]))
        #expect(transport.baseURLs.all.map(\.absoluteString) == ["https://api.example.com/api/partner"])
        #expect(transport.requests.all.map(\.path) == ["/v3/chats?tenant=a%20b&limit=5"])
        #expect(transport.operationIDs.all == ["listChats"])
    }

    @Test func cancellationDuringTheWaitStopsTheLoop() async throws {
        // The real `Task.sleep` this time: a 30 s server-requested wait, cancelled after 0.1 s.
        let transport = ScriptedTransport([response(503, ["Retry-After": "30"]), response(204)])
        let core = APIClientCore(
            configuration: ClientConfiguration(
                baseURL: try #require(URL(string: "https://api.example.com")),
                credentials: testCredentials,
                userAgent: testUserAgent,
                transport: transport
            )
        )
        let clock = ContinuousClock()
        let call = Task { await failureOf { () async throws(RequestFailure) in _ = try await core.send(get) } }
        try await Task.sleep(for: .milliseconds(100))
        let cancelled = clock.now
        call.cancel()
        #expect(await call.value == .cancelled)
        #expect(clock.now - cancelled < .seconds(10))  // against a 30 s wait
        #expect(transport.requests.all.count == 1)
    }
}
