import Foundation
import Linq
import LoopbackSupport
import Testing

@Suite("Typing keep-alive: client.chats.typing.withIndicator, over real HTTP on 127.0.0.1")
struct KeepAliveTests {
    struct Interrupted: Error {}

    private let interval = Duration.milliseconds(300)
    private let typingPath = "/v3/chats/7d444840-9dc0-11d1-b245-5ffdce74fad2/typing"

    @Test("The default refresh interval is the API's 60 s")
    func defaults() {
        #expect(LinqClient.Chats.Typing.defaultRefreshInterval == .seconds(60))
    }

    @Test("Starts, refreshes every interval while the body runs, stops after it, and returns its result")
    func startsRefreshesStops() async throws {
        try await withLoopbackServer(Array(repeating: .empty(), count: 6)) { server in
            let client = try faultClient(server)
            var answer = 0
            let took = try await elapsed {
                answer = try await client.chats.typing.withIndicator(chatID: chatID, refreshInterval: interval) {
                    try await server.waitForRequests(count: 3)  // the start and two refreshes
                    return 42
                }
            }
            #expect(answer == 42)
            let requests = await server.requests
            #expect(requests.map(\.method) == ["POST", "POST", "POST", "DELETE"])
            #expect(requests.allSatisfy { $0.target == typingPath })
            #expect(took >= .milliseconds(600), "two refresh intervals")
            print("[keep-alive] body returned 42: \(requests.map(\.method)), \(seconds(took))")
        }
    }

    @Test("A body that throws still stops the indicator, and its error comes through unchanged")
    func bodyThrows() async throws {
        try await withLoopbackServer(Array(repeating: .empty(), count: 6)) { server in
            let client = try faultClient(server)
            await #expect(throws: Interrupted.self) {
                _ = try await client.chats.typing.withIndicator(chatID: chatID, refreshInterval: interval) { () async throws -> Int in
                    try await server.waitForRequests(count: 2)  // the start and one refresh
                    throw Interrupted()
                }
            }
            let methods = await server.requests.map(\.method)
            #expect(methods == ["POST", "POST", "DELETE"])
            print("[keep-alive] body threw: \(methods)")
        }
    }

    @Test("Cancelling the task ends the body promptly and still stops the indicator")
    func cancelled() async throws {
        try await withLoopbackServer(Array(repeating: .empty(), count: 6)) { server in
            let client = try faultClient(server)
            let (bodyStarted, signal) = AsyncStream<Void>.makeStream()
            let call = Task {
                try await client.chats.typing.withIndicator(chatID: chatID, refreshInterval: interval) {
                    signal.yield()
                    try await Task.sleep(for: .seconds(30))
                }
            }
            for await _ in bodyStarted { break }
            var outcome: Result<Void, any Error> = .success(())
            let took = await elapsed {
                call.cancel()
                outcome = await call.result
            }
            #expect(throws: CancellationError.self) { try outcome.get() }
            #expect(took < .seconds(10))  // against a 30 s body; loose, as the suite shares two cores
            let methods = await server.requests.map(\.method)
            #expect(methods == ["POST", "DELETE"])
            print("[keep-alive] cancelled in the body: returned \(seconds(took)) after cancel(), \(methods)")
        }
    }

    @Test("Cancelling during the first start still sends stop, and throws the cancelled case")
    func cancelledDuringStart() async throws {
        let slowStart = ScriptedResponse(status: 204, headers: [], body: Data(), delay: .seconds(5))
        try await withLoopbackServer([slowStart, .empty()]) { server in
            let client = try faultClient(server)
            let call = Task {
                try await client.chats.typing.withIndicator(chatID: chatID, refreshInterval: interval) { () async throws -> Void in
                    Issue.record("the body must not run")
                }
            }
            try await server.waitForRequests(count: 1)
            var outcome: Result<Void, any Error> = .success(())
            let took = await elapsed {
                call.cancel()
                outcome = await call.result
            }
            guard case .failure(let error) = outcome, case .cancelled? = error as? LinqError else {
                Issue.record("expected LinqError.cancelled, got \(outcome)")
                return
            }
            #expect(took < .seconds(10))
            let methods = await server.requests.map(\.method)
            #expect(methods == ["POST", "DELETE"])
            print("[keep-alive] cancelled during start: LinqError.cancelled \(seconds(took)) after cancel(), \(methods)")
        }
    }

    @Test("A failed refresh does not interrupt the body; the next refresh is sent on time")
    func failedRefreshIsTolerated() async throws {
        let responses: [ScriptedResponse] = [.empty(), envelope(500, 3006, "Internal server error"), .empty(), .empty(), .empty()]
        try await withLoopbackServer(responses) { server in
            let client = try faultClient(server, retryPolicy: .none)
            let answer = try await client.chats.typing.withIndicator(chatID: chatID, refreshInterval: interval) {
                try await server.waitForRequests(count: 3)
                return "sent"
            }
            #expect(answer == "sent")
            #expect(await server.requests.map(\.method) == ["POST", "POST", "POST", "DELETE"])
        }
    }

    @Test("When start fails the body does not run and the error is thrown")
    func startFails() async throws {
        try await withLoopbackServer([envelope(403, 2005, "Group chats do not support typing indicators"), .empty()]) { server in
            let client = try faultClient(server)
            var ran = false
            do {
                try await client.chats.typing.withIndicator(chatID: chatID, refreshInterval: interval) { ran = true }
                Issue.record("expected an error")
            } catch let error as LinqError {
                guard case .forbidden(let body, _) = error else {
                    Issue.record("expected forbidden, got \(error)")
                    return
                }
                #expect(body?.error.code == 2005)
            }
            #expect(!ran)
            #expect(await server.requests.count == 1)
        }
    }
}
