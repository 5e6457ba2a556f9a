import Foundation
import HTTPTypes
import LoopbackSupport
import OpenAPIRuntime
import Testing

@testable import SDKRuntime

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `URLSessionTransport` over real HTTP to a loopback server.
@Suite struct URLSessionTransportTests {
    // MARK: Bytes as sent

    @Test func binaryBodyOfAMegabyteArrivesWhole() async throws {
        let bytes = Data((0..<1_048_576).map { UInt8(truncatingIfNeeded: $0 ^ ($0 >> 8) ^ ($0 >> 16)) })
        #expect(Set(bytes).count == 256)
        let scripted = ScriptedResponse(status: 200, headers: [(name: "Content-Type", value: "application/octet-stream")], body: bytes)
        try await withLoopbackServer([scripted]) { server in
            let (response, body) = try await send(get("/blob"), to: server.baseURL)
            #expect(response.status == .ok)
            let received = try #require(body)
            #expect(received.length == .known(Int64(bytes.count)))
            #expect(try await Data(collecting: received, upTo: 2 * bytes.count) == bytes)
        }
    }

    @Test func methodHeadersBodyAndPathArriveExactly() async throws {
        try await withLoopbackServer([.json(#"{"ok":true}"#, status: 201), .json("{}")]) { server in
            var fields = HTTPFields()
            fields[.contentType] = "application/json"
            fields[.accept] = "application/json"
            let trace = try #require(HTTPField.Name("X-Trace"))
            fields.append(HTTPField(name: trace, value: "first"))
            fields.append(HTTPField(name: trace, value: "second"))
            fields.append(HTTPField(name: .cookie, value: "a=1"))
            fields.append(HTTPField(name: .cookie, value: "b=2"))
            let request = HTTPRequest(
                method: .put,
                scheme: nil,
                authority: nil,
                path: "/v3/items/a%2Fb%20c?limit=10&q=a%2Bb%26c",
                headerFields: fields
            )
            let sentBody = Data(#"{"text":"hi / there é"}"#.utf8)
            let transport = URLSessionTransport()
            let (response, body) = try await transport.send(
                request,
                body: HTTPBody(sentBody),
                baseURL: try url(server, "/api/v1/"),
                operationID: "putItem"
            )
            #expect(response.status.code == 201)
            #expect(try await String(collecting: try #require(body), upTo: 1_024) == #"{"ok":true}"#)

            let pathless = HTTPRequest(method: .delete, scheme: nil, authority: nil, path: nil)
            _ = try await transport.send(pathless, body: nil, baseURL: try url(server, "/api/v1"), operationID: "root")

            let requests = await server.requests
            try #require(requests.count == 2)
            let received = requests[0]
            #expect(received.method == "PUT")
            #expect(received.target == "/api/v1/v3/items/a%2Fb%20c?limit=10&q=a%2Bb%26c")
            #expect(received.header("Content-Type") == "application/json")
            #expect(received.header("Accept") == "application/json")
            #expect(received.header("X-Trace") == "first, second")
            #expect(received.header("Cookie") == "a=1; b=2")
            #expect(received.body == sentBody)
            #expect(requests[1].method == "DELETE")
            #expect(requests[1].target == "/api/v1/")
        }
    }

    // MARK: Streaming

    @Test func responseHeadArrivesBeforeAnyBodyByte() async throws {
        let stream = StreamedBody(chunks: [Data("late".utf8)], gatedBefore: [0])
        try await withLoopbackServer([.stream(stream)]) { server in
            let (response, body) = try await within(.seconds(10), "the head") {
                try await send(get("/head-first"), to: server.baseURL)
            }
            #expect(response.status == .ok)
            #expect(response.headerFields[.contentType] == "application/octet-stream")
            #expect(stream.sentChunks == 0)
            stream.openGate()
            let received = try #require(body)
            #expect(received.length == .unknown)
            #expect(try await String(collecting: received, upTo: 1_024) == "late")
        }
    }

    @Test func firstChunkArrivesBeforeTheServerSendsTheSecond() async throws {
        let first = Data("data: one\n\n".utf8)
        let second = Data("data: two\n\n".utf8)
        let stream = StreamedBody(chunks: [first, second], gatedBefore: [1])
        try await withLoopbackServer([.eventStream(stream)]) { server in
            let (_, body) = try await send(get("/events"), to: server.baseURL)
            let received = try #require(body)
            let result = try await within(.seconds(10), "the body") { () -> (Data, Int, Data) in
                var iterator = received.makeAsyncIterator()
                var head = Data()
                while head.count < first.count, let chunk = try await iterator.next() {
                    head.append(contentsOf: chunk)
                }
                // The server holds the second chunk back until the gate opens.
                let sentBeforeGate = stream.sentChunks
                stream.openGate()
                var rest = Data()
                while let chunk = try await iterator.next() {
                    rest.append(contentsOf: chunk)
                }
                return (head, sentBeforeGate, rest)
            }
            #expect(result.0 == first)
            #expect(result.1 == 1)
            #expect(result.2 == second)
            #expect(stream.isComplete)
        }
    }

    @Test func cancellingTheReaderClosesTheConnection() async throws {
        let stream = StreamedBody(chunks: [Data("data: one\n\n".utf8)], heartbeat: Data(":\n\n".utf8))
        try await withLoopbackServer([.eventStream(stream)]) { server in
            let (_, body) = try await send(get("/events"), to: server.baseURL)
            let received = try #require(body)
            let (firstChunk, signal) = AsyncStream.makeStream(of: Void.self)
            let reader = Task { () -> (any Error)? in
                do {
                    for try await _ in received {
                        signal.yield()
                    }
                    return nil
                } catch {
                    return error
                }
            }
            try await within(.seconds(10), "the first chunk") {
                for await _ in firstChunk {
                    break
                }
            }
            reader.cancel()
            let error = try await within(.seconds(5), "the reader to end") { await reader.value }
            #expect(error is CancellationError, "\(String(describing: error))")
            try await stream.waitForConnectionDrop(timeout: .seconds(5))
            #expect(!stream.isComplete)
        }
    }

    @Test func leavingTheLoopEarlyClosesTheConnection() async throws {
        let stream = StreamedBody(chunks: [Data("data: one\n\n".utf8)], heartbeat: Data(":\n\n".utf8))
        try await withLoopbackServer([.eventStream(stream)]) { server in
            let (_, body) = try await send(get("/events"), to: server.baseURL)
            let received = try #require(body)
            try await within(.seconds(10), "the first chunk") {
                for try await _ in received {
                    break
                }
            }
            try await stream.waitForConnectionDrop(timeout: .seconds(5))
            // The body was iterated once; it stays over.
            await #expect(throws: (any Error).self) {
                for try await _ in received {}
            }
            withExtendedLifetime(received) {}
        }
    }

    @Test func lettingGoOfAnUnreadBodyClosesTheConnection() async throws {
        let stream = StreamedBody(chunks: [Data("data: one\n\n".utf8)], heartbeat: Data(":\n\n".utf8))
        try await withLoopbackServer([.eventStream(stream)]) { server in
            let (response, _) = try await send(get("/events"), to: server.baseURL)
            #expect(response.status == .ok)
            try await stream.waitForConnectionDrop(timeout: .seconds(5))
        }
    }

    @Test func bodyOutlivesItsTransport() async throws {
        let stream = StreamedBody(chunks: [Data("one ".utf8), Data("two ".utf8), Data("three".utf8)], gap: .milliseconds(30))
        try await withLoopbackServer([.stream(stream)]) { server in
            // The transport goes away at the end of `send`; the session lives on for the body.
            let body = try #require(try await send(get("/events"), to: server.baseURL).1)
            let text = try await within(.seconds(10), "the body") { try await String(collecting: body, upTo: 1_024) }
            #expect(text == "one two three")
            #expect(stream.isComplete && !stream.connectionDropped)
        }
        // Transports that never sent anything go away cleanly too.
        for _ in 0..<20 {
            _ = URLSessionTransport()
        }
    }

    @Test func sessionIsInvalidatedOnceTransportAndBodiesAreGone() async throws {
        let stream = StreamedBody(chunks: [Data("data: one\n\n".utf8)], heartbeat: Data(":\n\n".utf8))
        try await withLoopbackServer([.json(#"{"id":1}"#), .eventStream(stream)]) { server in
            let session: URLSession
            var openBody: HTTPBody?
            do {
                let transport = URLSessionTransport()
                session = transport.session
                let (_, body) = try await transport.send(get("/one"), body: nil, baseURL: server.baseURL, operationID: "one")
                #expect(try await String(collecting: try #require(body), upTo: 1_024) == #"{"id":1}"#)
                openBody = try await transport.send(get("/events"), body: nil, baseURL: server.baseURL, operationID: "events").1
            }
            // The transport is gone; the body still being streamed keeps the session valid.
            try await Task.sleep(for: .milliseconds(100))
            #expect(session.delegate != nil)
            #expect(!stream.connectionDropped)
            withExtendedLifetime(openBody) {}
            openBody = nil
            try await stream.waitForConnectionDrop(timeout: .seconds(5))
            // An invalidated session lets go of its delegate.
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(5)
            while session.delegate != nil, clock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(session.delegate == nil, "the session should have been invalidated")
        }
    }

    // MARK: Failures and cancellation

    @Test func refusedConnectionNamesTheEndpoint() async throws {
        let port = try LoopbackServer.unusedPort()
        let baseURL = try #require(URL(string: "http://127.0.0.1:\(port)/api"))
        let error = await #expect(throws: TransportError.self) {
            _ = try await send(get("/x"), to: baseURL)
        }
        guard case .connectionFailed(let message)? = error else {
            Issue.record("expected .connectionFailed, got \(String(describing: error))")
            return
        }
        #expect(message.contains("127.0.0.1:\(port)"), "message: \(message)")
        #expect(message.contains("could not connect"), "message: \(message)")
    }

    @Test func cancellingWhileWaitingForTheHeadThrowsAtOnce() async throws {
        let slow = ScriptedResponse(status: 200, headers: [], body: Data("late".utf8), delay: .seconds(30))
        try await withLoopbackServer([slow]) { server in
            let transport = URLSessionTransport()
            let call = Task {
                try await transport.send(get("/slow"), body: nil, baseURL: server.baseURL, operationID: "slow")
            }
            try await server.waitForRequests(count: 1)
            let clock = ContinuousClock()
            let cancelled = clock.now
            call.cancel()
            let result = await call.result
            #expect(clock.now - cancelled < .seconds(10))
            #expect(throws: CancellationError.self) { try result.get() }
        }
    }

    @Test func alreadyCancelledTaskSendsNothing() async throws {
        try await withLoopbackServer([.json("{}")]) { server in
            let transport = URLSessionTransport()
            let call = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await transport.send(get("/never"), body: nil, baseURL: server.baseURL, operationID: "never")
            }
            await #expect(throws: CancellationError.self) { try await call.value }
            #expect(await server.requests.isEmpty)
        }
    }

    @Test func connectionLostMidBodyFailsTheIteration() async throws {
        try await withLoopbackServer([.cutOff(after: 100, of: 4_096)]) { server in
            let (response, body) = try await send(get("/cut"), to: server.baseURL)
            #expect(response.status == .ok)
            let received = try #require(body)
            let error = await #expect(throws: TransportError.self) {
                _ = try await Data(collecting: received, upTo: 1 << 20)
            }
            guard case .connectionFailed(let message)? = error else {
                Issue.record("expected .connectionFailed, got \(String(describing: error))")
                return
            }
            #expect(message.contains("127.0.0.1:\(server.port)"), "message: \(message)")
        }
    }

    @Test func idleTimeoutOfTheConfigurationIsTimedOut() async throws {
        try await withLoopbackServer([.hang]) { server in
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = 1
            let transport = URLSessionTransport(configuration: configuration)
            let error = await #expect(throws: TransportError.self) {
                _ = try await transport.send(get("/hang"), body: nil, baseURL: server.baseURL, operationID: "hang")
            }
            #expect(error == .timedOut)
        }
    }

    // MARK: Statuses

    @Test func errorStatusComesBackWithItsBody() async throws {
        let scripted = ScriptedResponse.json(
            #"{"error":"busy"}"#,
            status: 503,
            headers: [(name: "Retry-After", value: "7"), (name: "X-Zeta", value: "z"), (name: "x-alpha", value: "a")]
        )
        try await withLoopbackServer([scripted]) { server in
            let (response, body) = try await send(get("/busy"), to: server.baseURL)
            #expect(response.status.code == 503)
            #expect(response.headerFields[.retryAfter] == "7")
            #expect(response.headerFields[.contentType] == "application/json")
            let names = response.headerFields.map { $0.name.canonicalName }
            #expect(names == names.sorted())
            #expect(names.contains("x-alpha") && names.contains("x-zeta"))
            let received = try #require(body)
            #expect(received.length == .known(16))
            #expect(try await String(collecting: received, upTo: 1_024) == #"{"error":"busy"}"#)
        }
    }

    @Test func responsesThatCannotHaveABodyComeWithAnEmptyOne() async throws {
        let headResponse = ScriptedResponse(status: 200, headers: [(name: "Content-Length", value: "1234")], body: Data())
        try await withLoopbackServer([.empty(), headResponse]) { server in
            let transport = URLSessionTransport()
            let (noContent, noContentBody) = try await transport.send(
                get("/empty"),
                body: nil,
                baseURL: server.baseURL,
                operationID: "empty"
            )
            #expect(noContent.status == .noContent)
            let emptyBody = try #require(noContentBody)
            #expect(emptyBody.length == .known(0))
            #expect(try await Data(collecting: emptyBody, upTo: 1_024).isEmpty)

            let head = HTTPRequest(method: .head, scheme: nil, authority: nil, path: "/head")
            let (headOnly, headBody) = try await transport.send(head, body: nil, baseURL: server.baseURL, operationID: "head")
            #expect(headOnly.status == .ok)
            #expect(headOnly.headerFields[.contentLength] == "1234")
            let headBodyReceived = try #require(headBody)
            #expect(headBodyReceived.length == .known(0))
            #expect(try await Data(collecting: headBodyReceived, upTo: 1_024).isEmpty)
        }
    }
}

// MARK: - Helpers

/// A `GET` of `path` (percent-encoded path and query).
private func get(_ path: String) -> HTTPRequest {
    HTTPRequest(method: .get, scheme: nil, authority: nil, path: path)
}

/// Sends `request` to `baseURL` through a transport of its own.
private func send(
    _ request: HTTPRequest,
    to baseURL: URL
) async throws -> (HTTPResponse, HTTPBody?) {
    try await URLSessionTransport().send(request, body: nil, baseURL: baseURL, operationID: "test")
}

/// A time limit passed in ``within(_:_:_:)``.
private struct TimeLimitExceeded: Error, CustomStringConvertible {
    let description: String
}

/// `operation`'s result, or ``TimeLimitExceeded`` (cancelling it) when it takes longer than
/// `limit`: a test that should not hang fails instead.
private func within<T: Sendable>(
    _ limit: Duration,
    _ what: String,
    _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw TimeLimitExceeded(description: "waited more than \(limit) for \(what)")
        }
        defer { group.cancelAll() }
        guard let result = try await group.next() else {
            throw TimeLimitExceeded(description: "no result for \(what)")
        }
        return result
    }
}
