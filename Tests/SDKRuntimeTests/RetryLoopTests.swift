import Foundation
import SDKRuntime
import Testing

/// The retry loop over a scripted transport, with waits recorded instead of slept.
@Suite struct RetryLoopTests {
    private let get = APIRequest(method: .get, path: "/v3/chats")

    private func response(_ status: Int, _ headers: HTTPHeaders = [:]) -> ScriptedTransport.Step {
        .respond(HTTPResponse(statusCode: status, headers: headers))
    }

    @Test func retriesTwiceWithBackoffAndNumbersTheAttempts() async throws {
        let transport = ScriptedTransport([response(503), response(502), response(204)])
        let sleeps = Recorder<Duration>()
        let core = try makeCore(transport: transport, sleeps: sleeps)
        let result = try await core.send(get)
        #expect(result.statusCode == 204)
        #expect(transport.requests.all.map { $0.headers["X-Retry-Attempt"] } == ["0", "1", "2"])
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
        #expect(transport.requests.all.allSatisfy { !$0.headers.contains(name: "X-Retry-Attempt") })
    }

    @Test func perRequestTimeoutWinsOverTheConfiguration() async throws {
        let transport = ScriptedTransport([response(200), response(200)])
        let core = try makeCore(transport: transport, sleeps: Recorder())
        _ = try await core.send(get)
        _ = try await core.send(get, options: RequestOptions(timeout: .milliseconds(1_500)))
        #expect(transport.timeouts.all == [.seconds(60), .milliseconds(1_500)])
    }

    @Test func cancellationDuringTheWaitStopsTheLoop() async throws {
        // The real `Task.sleep` this time: a 30 s server-requested wait, cancelled after 0.1 s.
        let transport = ScriptedTransport([response(503, ["Retry-After": "30"]), response(204)])
        let core = APIClientCore(
            configuration: ClientConfiguration(
                baseURL: try #require(URL(string: "https://api.example.com")),
                apiKey: APIKey(testKeyValue),
                userAgent: testUserAgent,
                transport: transport,
                debugLogger: nil
            )
        )
        let clock = ContinuousClock()
        let call = Task { await failureOf { () async throws(RequestFailure) in _ = try await core.send(get) } }
        try await Task.sleep(for: .milliseconds(100))
        let cancelled = clock.now
        call.cancel()
        #expect(await call.value == .cancelled)
        #expect(clock.now - cancelled < .milliseconds(500))
        #expect(transport.requests.all.count == 1)
    }
}
