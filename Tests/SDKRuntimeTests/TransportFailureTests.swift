import Foundation
import LoopbackSupport
import SDKRuntime
import Testing

/// Connection failures, timeouts and cancellation over real sockets.
@Suite struct TransportFailureTests {
    @Test func refusedConnectionIsATransportFailure() async throws {
        let port = try LoopbackServer.unusedPort()
        let baseURL = try #require(URL(string: "http://127.0.0.1:\(port)/api"))
        let core = makeCore(baseURL: baseURL)
        let failure = await failureOf { () async throws(RequestFailure) in
            _ = try await core.send(APIRequest(method: .get, path: "/v3/chats"))
        }
        guard case .transport(let message) = failure else {
            Issue.record("expected .transport, got \(String(describing: failure))")
            return
        }
        #expect(message.contains("127.0.0.1:\(port)"), "message: \(message)")
        #expect(!message.contains(testKeyValue))
    }

    @Test func serverThatNeverAnswersTimesOut() async throws {
        try await withLoopbackServer([.hang]) { server in
            let core = makeCore(baseURL: try url(server), timeout: .milliseconds(300))
            let clock = ContinuousClock()
            let started = clock.now
            let failure = await failureOf { () async throws(RequestFailure) in
                _ = try await core.send(APIRequest(method: .get, path: "/slow"))
            }
            #expect(failure == .timedOut(.milliseconds(300)))
            #expect(clock.now - started < .seconds(30))
            #expect(await server.requests.count == 1)
        }
    }

    @Test func cancellingTheTaskDuringAHangingRequestCancels() async throws {
        try await withLoopbackServer([.hang]) { server in
            let core = makeCore(baseURL: try url(server), timeout: .seconds(60))
            let call = Task {
                await failureOf { () async throws(RequestFailure) in
                    _ = try await core.send(APIRequest(method: .get, path: "/slow"))
                }
            }
            try await server.waitForRequests(count: 1)
            call.cancel()
            let failure = await call.value
            #expect(failure == .cancelled)
        }
    }

    @Test func alreadyCancelledTaskSendsNothing() async throws {
        try await withLoopbackServer([.json("{}")]) { server in
            let core = makeCore(baseURL: try url(server))
            let call = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return await failureOf { () async throws(RequestFailure) in
                    _ = try await core.send(APIRequest(method: .get, path: "/never"))
                }
            }
            #expect(await call.value == .cancelled)
            #expect(await server.requests.isEmpty)
        }
    }

    @Test func transportTimeoutAndCancellationErrorsMapToFailures() async throws {
        let cases: [(any Error & Sendable, RequestFailure)] = [
            (CancellationError(), .cancelled),
            (TransportError.cancelled, .cancelled),
            (TransportError.timedOut, .timedOut(.seconds(7))),
            (URLError(.timedOut), .timedOut(.seconds(7))),
            (TransportError.connectionFailed("could not connect to h:1"), .transport("could not connect to h:1")),
        ]
        for (error, expected) in cases {
            let core = try makeCore(failingWith: error)
            let failure = await failureOf { () async throws(RequestFailure) in
                _ = try await core.send(APIRequest(method: .get, path: "/x"))
            }
            #expect(failure == expected, "\(error)")
        }
    }

    @Test func urlCancelledWithoutTaskCancellationIsATransportFailure() async throws {
        let core = try makeCore(failingWith: URLError(.cancelled))
        let failure = await failureOf { () async throws(RequestFailure) in
            _ = try await core.send(APIRequest(method: .get, path: "/x"))
        }
        guard case .transport = failure else {
            Issue.record("expected .transport, got \(String(describing: failure))")
            return
        }
    }

    @Test func otherErrorsBecomeTransportMessagesWithoutTheKey() async throws {
        struct LeakyError: Error, CustomStringConvertible {
            var description: String { "proxy rejected Authorization: Bearer \(testKeyValue)" }
        }
        let core = try makeCore(failingWith: LeakyError())
        let failure = await failureOf { () async throws(RequestFailure) in
            _ = try await core.send(APIRequest(method: .get, path: "/x"))
        }
        guard case .transport(let message) = failure else {
            Issue.record("expected .transport, got \(String(describing: failure))")
            return
        }
        #expect(message.contains("proxy rejected"))
        #expect(!message.contains(testKeyValue))
    }
}
