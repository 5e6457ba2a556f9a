import Foundation
import LoopbackSupport
import Studio
import Testing

// The generated Studio SDK (Tests/Golden/Studio) over real HTTP to a loopback server: every kind
// of success body (bytes, text, Server-Sent Events, JSON Lines, JSON Sequence, several 2xx
// statuses) and every kind of credential, as the spec's security requirements place them.

// MARK: - Secrets and helpers

/// The credentials the tests' clients hold; none is a substring of another, and each must show
/// up only where the spec puts it.
private let studioToken = "studio-token-5d2c9a71"
private let studioHeaderKey = "studio-hdr-key-0b8e44"
/// A query key with characters that must be percent-encoded in a query.
private let studioQueryKey = "studio-q/key+3&=c1"
private let studioQueryKeyEncoded = "studio-q%2Fkey%2B3%26%3Dc1"
private let studioSession = "studio-session-e61f07"
private let studioAdminUser = "studio-admin"
/// A password with a colon, which HTTP basic allows (only the user name cannot have one).
private let studioAdminPassword = "adm:pa55-9c4e"
private let studioBasicToken = Data("\(studioAdminUser):\(studioAdminPassword)".utf8).base64EncodedString()
private let studioPartnerToken = "partner-token-7a11e2"

/// Every secret value in every form it could leak in: as is, percent-encoded, and basic's base64.
private let studioSecrets = [
    studioToken, studioHeaderKey, studioQueryKey, studioQueryKeyEncoded, studioSession, studioAdminPassword, studioBasicToken,
    studioPartnerToken,
]

/// The environment variables the client reads credentials from when they are not passed.
private let studioCredentialVariables = ["STUDIO_TOKEN", "STUDIO_ADMIN_USER", "STUDIO_ADMIN_PASSWORD"]

/// Whether none of ``studioCredentialVariables`` is set: tests of what happens without a
/// credential need that, and skip otherwise rather than change the process environment.
private var studioEnvironmentIsClean: Bool {
    studioCredentialVariables.allSatisfy { EnvironmentVariables.value($0) == nil }
}

private let cleanEnvironmentReason: Comment =
    "STUDIO_TOKEN, STUDIO_ADMIN_USER or STUDIO_ADMIN_PASSWORD is set in the environment; this test needs them unset"

private let trackListJSON = #"[{"id":"t1","title":"One"},{"id":"t2","title":"Two"}]"#
private let trackList = [Track(id: "t1", title: "One"), Track(id: "t2", title: "Two")]

/// A Studio client of `server` without retries (one scripted response per request), with only a token by default.
private func studioClient(
    _ server: LoopbackServer,
    token: String? = studioToken,
    apiKeyHeader: String? = nil,
    apiKeyQuery: String? = nil,
    sessionCookie: String? = nil,
    adminUsername: String? = nil,
    adminPassword: String? = nil,
    partnerOAuth: TokenProvider? = nil,
    timeout: Duration = .seconds(30),
    maxRetries: Int = 0
) throws -> StudioClient {
    try StudioClient(
        token: token, apiKeyHeader: apiKeyHeader, apiKeyQuery: apiKeyQuery, sessionCookie: sessionCookie,
        adminUsername: adminUsername, adminPassword: adminPassword, partnerOAuth: partnerOAuth,
        baseURL: server.baseURL, timeout: timeout, maxRetries: maxRetries)
}

/// A client holding every credential the spec knows, talking to `baseURL` through `transport`.
private func fullyCredentialedClient(
    _ baseURL: URL,
    partnerOAuth: TokenProvider = .constant(studioPartnerToken),
    timeout: Duration = .seconds(30),
    transport: any ClientTransport = URLSessionTransport()
) throws -> StudioClient {
    try StudioClient(
        token: studioToken, apiKeyHeader: studioHeaderKey, apiKeyQuery: studioQueryKey, sessionCookie: studioSession,
        adminUsername: studioAdminUser, adminPassword: studioAdminPassword, partnerOAuth: partnerOAuth,
        baseURL: baseURL, timeout: timeout, maxRetries: 0, transport: transport)
}

/// The error `body` throws, or `nil` when it succeeds.
private func studioError<T>(_ body: () async throws(StudioError) -> T) async -> StudioError? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}

/// The error creating a client throws, or `nil` when it succeeds.
private func creationError(_ make: () throws(StudioError) -> StudioClient) -> StudioError? {
    do {
        _ = try make()
        return nil
    } catch {
        return error
    }
}

/// A value guarded by a lock, for what a test's closures record from other tasks.
private final class Locked<Value: Sendable>: @unchecked Sendable {
    // `value` is guarded by `lock`.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func update<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }

    var current: Value {
        update { $0 }
    }
}

private struct StudioTestTimeout: Error, CustomStringConvertible {
    let description: String
}

/// Runs `body`, failing with ``StudioTestTimeout`` when it takes longer than `limit` (and cancelling it).
private func withinLimit<T: Sendable>(
    _ limit: Duration, _ what: String, _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask(operation: body)
        group.addTask {
            try await Task.sleep(for: limit)
            throw StudioTestTimeout(description: "\(what) did not happen within \(limit)")
        }
        defer { group.cancelAll() }
        guard let value = try await group.next() else {
            throw StudioTestTimeout(description: "\(what): no result")
        }
        return value
    }
}

/// `data` cut at the given byte offsets (ascending, inside the data) into non-empty pieces.
private func pieces(of data: Data, at offsets: [Int]) -> [Data] {
    let bounds = [0] + offsets + [data.count]
    return zip(bounds, bounds.dropFirst()).map { data.subdata(in: $0..<$1) }
}

/// `text` as UTF-8 pieces, cut before each of `markers` (searched for in order, each after the previous cut).
private func utf8Pieces(_ text: String, cutBefore markers: [String]) -> [Data] {
    let bytes = Array(text.utf8)
    var offsets: [Int] = []
    var searchFrom = 0
    for marker in markers {
        guard let range = bytes[searchFrom...].firstRange(of: Array(marker.utf8)) else {
            preconditionFailure("marker \(marker) not found")
        }
        offsets.append(range.lowerBound)
        searchFrom = range.lowerBound + 1
    }
    return pieces(of: Data(bytes), at: offsets)
}

/// Everything `dump` prints for `value`.
private func dumpText(_ value: some Any) -> String {
    var text = ""
    dump(value, to: &text)
    return text
}

/// The secrets (in any of their forms) that `text` contains.
private func leakedSecrets(in text: String) -> [String] {
    studioSecrets.filter { text.contains($0) }
}

/// What a test transport or middleware saw of one request.
private struct SeenRequest: Sendable {
    var request: HTTPRequest
    var baseURL: URL
    var operationID: String
}

/// A `ClientTransport` of the test's own: records every request, then answers with `respond`.
private struct ClosureTransport: ClientTransport {
    let seen = Locked<[SeenRequest]>([])
    let respond: @Sendable (HTTPRequest, HTTPBody?, URL, String) async throws -> (HTTPResponse, HTTPBody?)

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        seen.update { $0.append(SeenRequest(request: request, baseURL: baseURL, operationID: operationID)) }
        return try await respond(request, body, baseURL, operationID)
    }
}

/// A transport whose error quotes the whole request (URL and every header), as a careless HTTP
/// library or proxy client might.
private struct LeakyStudioTransport: ClientTransport {
    struct Leak: Error, CustomStringConvertible {
        let description: String
    }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        let headers = request.headerFields.map { "\($0.name.rawName): \($0.value)" }.joined(separator: "; ")
        throw Leak(description: "proxy refused \(request.method) \(baseURL.absoluteString)\(request.path ?? "") {\(headers)}")
    }
}

/// A swift-openapi-runtime middleware that records each request it passes on and the status that came back.
private struct RecordingMiddleware: ClientMiddleware {
    let seen = Locked<[SeenRequest]>([])
    let statuses = Locked<[Int]>([])

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        seen.update { $0.append(SeenRequest(request: request, baseURL: baseURL, operationID: operationID)) }
        let (response, responseBody) = try await next(request, body, baseURL)
        statuses.update { $0.append(response.status.code) }
        return (response, responseBody)
    }
}

/// A value whose encoding fails with a message quoting the token.
private struct LeakyEncodable: Encodable {
    func encode(to encoder: any Encoder) throws {
        throw EncodingError.invalidValue(studioToken, .init(codingPath: [], debugDescription: "cannot encode \(studioToken)"))
    }
}

private struct ProviderFailure: Error, CustomStringConvertible {
    let description: String
}

/// The tests of the generated Studio SDK, by topic; each talks to its own loopback server.
@Suite("Generated Studio SDK over real HTTP on 127.0.0.1", .timeLimit(.minutes(2)))
struct StudioTests {}

// MARK: - Bodies

extension StudioTests {
    @Suite("Every kind of success body over real HTTP")
    struct Bodies {
        @Test("downloadAudio returns a megabyte of every byte value exactly; downloadAudioStream yields it chunk by chunk as it arrives")
        func audioBytes() async throws {
            let bytes = Data((0..<1_048_583).map { UInt8(truncatingIfNeeded: ($0 &* 7) ^ ($0 >> 9)) })
            #expect(Set(bytes).count == 256)
            let script = StreamedBody(chunks: pieces(of: bytes, at: [100_000, 600_001]), gatedBefore: [1])
            let audioHeaders = [(name: "Content-Type", value: "audio/mpeg")]
            let whole = ScriptedResponse(status: 200, headers: audioHeaders, body: bytes)
            try await withLoopbackServer([whole, .stream(script, headers: audioHeaders)]) { server in
                let client = try studioClient(server)
                let downloaded = try await client.tracks.downloadAudio(trackID: "tr/1 ä")
                #expect(downloaded.count == bytes.count)
                #expect(downloaded == bytes)

                let stream = try await client.tracks.downloadAudioStream(trackID: "tr/1 ä")
                #expect(stream.head.status.code == 200)
                #expect(stream.head.headerFields[.contentType] == "audio/mpeg")
                let (early, sentEarly, all) = try await withinLimit(.seconds(30), "the streamed audio") { () async throws -> (Data, Int, Data) in
                    var iterator = stream.makeAsyncIterator()
                    var received = Data()
                    while received.count < 100_000, let chunk = try await iterator.next() {
                        received.append(contentsOf: chunk)
                    }
                    // The server holds the rest back until the gate opens: these bytes came first.
                    let early = received
                    let sentEarly = script.sentChunks
                    script.openGate()
                    while let chunk = try await iterator.next() {
                        received.append(contentsOf: chunk)
                    }
                    return (early, sentEarly, received)
                }
                #expect(early == bytes.prefix(100_000))
                #expect(sentEarly == 1)
                #expect(all.count == bytes.count)
                #expect(all == bytes)
                #expect(script.isComplete)

                let requests = await server.requests
                #expect(requests.map(\.target) == Array(repeating: "/tracks/tr%2F1%20%C3%A4/audio", count: 2))
                for request in requests {
                    #expect(request.method == "GET")
                    #expect(request.header("Accept") == "audio/mpeg")
                    #expect(request.header("Authorization") == "Bearer \(studioToken)")
                }
            }
        }

        @Test("status.retrieve (security: []) returns the text and sends no credential, although the client holds every one")
        func statusSendsNoCredential() async throws {
            let providerCalls = Locked(0)
            let provider = TokenProvider { _ in
                providerCalls.update { $0 += 1 }
                return studioPartnerToken
            }
            try await withLoopbackServer([.text("all systems go ✓\nsince 08:00", status: 200)]) { server in
                let client = try fullyCredentialedClient(server.baseURL, partnerOAuth: provider)
                let text = try await client.status.retrieve()
                #expect(text == "all systems go ✓\nsince 08:00")

                let request = try #require(await server.requests.first)
                #expect(request.method == "GET")
                #expect(request.target == "/status")
                #expect(request.query == nil)
                #expect(request.header("Accept") == "text/plain")
                #expect(request.header("Authorization") == nil)
                #expect(request.header("X-Studio-Key") == nil)
                #expect(request.header("Cookie") == nil)
                #expect(leakedSecrets(in: request.description + (request.bodyText ?? "")) == [])
                #expect(providerCalls.current == 0, "the token provider was asked for a token nobody sends")
            }
        }

        @Test("createStream reads Server-Sent Events split anywhere across chunks, in order, each delivered before the stream ends")
        func completionEvents() async throws {
            // Chunk boundaries: mid-value, mid-field-name, mid-JSON, before the blank line, between CR and LF.
            let text =
                ": studio stream v1\nretry: 1500\nevent: delta\nid: 1\ndata: {\"text\":\"Hel\"}\n\n"
                + "event: delta\nid: 2\ndata: {\"text\":\"lo, world\"}\n\n"
                + ": a comment between events\ndata: {\"text\":\ndata: \"!\"}\n\n"
                + "id: 3\r\ndata: {\"text\":\" 👋\"}\r\n\r\n"
                + "data: [DONE]\n\n"
                + "data: {\"text\":\"after the end\"}\n\n"
            let chunks = utf8Pieces(
                text,
                cutBefore: ["event: delta\nid: 2", "ta\nid: 2", "ta: {\"text\":\"lo", "rld", "\n\n: a comment", "\ndata: {\"text\":\" 👋", "[DONE]"])
            #expect(chunks.count == 8)
            #expect(String(decoding: chunks[1], as: UTF8.self) == "event: del")
            #expect(String(decoding: chunks[5], as: UTF8.self).hasSuffix("id: 3\r"))
            let script = StreamedBody(chunks: chunks, gatedBefore: [1])
            try await withLoopbackServer([.eventStream(script)]) { server in
                let client = try studioClient(server)
                let stream = try await client.completions.createStream(body: CompletionRequest(prompt: "Say hello", stream: false))
                #expect(stream.head.status.code == 200)
                #expect(stream.head.headerFields[.contentType] == "text/event-stream")
                let (first, sentBeforeGate, rest) = try await withinLimit(.seconds(30), "the events") {
                    () async throws -> (ServerSentEventWithJSONData<Delta>?, Int, [ServerSentEventWithJSONData<Delta>]) in
                    var iterator = stream.makeAsyncIterator()
                    let first = try await iterator.next()
                    let sentBeforeGate = script.sentChunks
                    script.openGate()
                    var rest: [ServerSentEventWithJSONData<Delta>] = []
                    while let event = try await iterator.next() {
                        rest.append(event)
                    }
                    return (first, sentBeforeGate, rest)
                }
                #expect(first == ServerSentEventWithJSONData(event: "delta", data: Delta(text: "Hel"), id: "1", retry: 1500))
                #expect(sentBeforeGate == 1, "the first event must be read before the server sends the second chunk")
                #expect(
                    rest == [
                        ServerSentEventWithJSONData(event: "delta", data: Delta(text: "lo, world"), id: "2"),
                        ServerSentEventWithJSONData(data: Delta(text: "!")),
                        ServerSentEventWithJSONData(data: Delta(text: " 👋"), id: "3"),
                    ])

                let request = try #require(await server.requests.first)
                #expect(request.method == "POST")
                #expect(request.target == "/completions")
                #expect(request.header("Accept") == "text/event-stream")
                #expect(request.header("Content-Type") == "application/json")
                #expect(request.header("Authorization") == "Bearer \(studioToken)")
                #expect(request.bodyText == #"{"prompt":"Say hello","stream":true}"#)
            }
        }

        @Test("exportLines decodes JSON Lines records in order across chunk boundaries, as they arrive")
        func jsonLines() async throws {
            let text =
                #"{"id":"t1","title":"One"}"# + "\n" + #"{"id":"t2","title":"Two \"quoted\""}"# + "\n"
                + #"{"id":"t3","title":"Snow ☃ man"}"# + "\n"
            let bytes = Data(text.utf8)
            let snowman = try #require(bytes.firstRange(of: Data("☃".utf8)))
            // Mid-record, right before a newline, right after one, and inside the snowman's three bytes.
            let chunks = pieces(of: bytes, at: [10, 25, 26, snowman.lowerBound + 1, snowman.lowerBound + 2])
            let script = StreamedBody(chunks: chunks, gatedBefore: [chunks.count - 1])
            let jsonl = [(name: "Content-Type", value: "application/jsonl")]
            try await withLoopbackServer([.stream(script, headers: jsonl)]) { server in
                let stream = try await studioClient(server).exports.exportLines()
                let (early, sentEarly, all) = try await readTwoThenTheRest(stream, script: script)
                #expect(early == [Track(id: "t1", title: "One"), Track(id: "t2", title: "Two \"quoted\"")])
                #expect(sentEarly < chunks.count, "two records must be read before the server sends the last chunk")
                #expect(all == early + [Track(id: "t3", title: "Snow ☃ man")])
                let request = try #require(await server.requests.first)
                #expect(request.target == "/exports/lines")
                #expect(request.header("Accept") == "application/jsonl")
            }
        }

        @Test("exportSequence decodes JSON Sequence records (each after 0x1E) in order across chunk boundaries")
        func jsonSequence() async throws {
            let records = [#"{"id":"s1","title":"First"}"#, #"{"id":"s2","title":"Sec\nond"}"#, #"{"id":"s3","title":"Snow ☃"}"#]
            let bytes = Data(records.map { "\u{1E}" + $0 + "\n" }.joined().utf8)
            let separators = bytes.indices.filter { bytes[$0] == 0x1E }
            #expect(separators.count == 3)
            let snowman = try #require(bytes.firstRange(of: Data("☃".utf8)))
            // Right after the first 0x1E, mid-record, right before and right after the second, inside the snowman.
            let chunks = pieces(of: bytes, at: [1, 12, separators[1], separators[1] + 1, snowman.lowerBound + 1])
            let script = StreamedBody(chunks: chunks, gatedBefore: [chunks.count - 1])
            let jsonSeq = [(name: "Content-Type", value: "application/json-seq")]
            try await withLoopbackServer([.stream(script, headers: jsonSeq)]) { server in
                let stream = try await studioClient(server).exports.exportSequence()
                let (early, sentEarly, all) = try await readTwoThenTheRest(stream, script: script)
                #expect(early == [Track(id: "s1", title: "First"), Track(id: "s2", title: "Sec\nond")])
                #expect(sentEarly < chunks.count)
                #expect(all == early + [Track(id: "s3", title: "Snow ☃")])
                let request = try #require(await server.requests.first)
                #expect(request.target == "/exports/sequence")
                #expect(request.header("Accept") == "application/json-seq")
            }
        }

        @Test("jobs.start is .ok(Track) for 200, .accepted for 202 and .other(response) for an undocumented 203")
        func severalSuccessStatuses() async throws {
            let proxyBody = #"{"id":"t9","title":"From a proxy"}"#
            let nonAuthoritative = ScriptedResponse(
                status: 203, headers: [(name: "Content-Type", value: "application/json"), (name: "X-Proxy", value: "cache-7")],
                body: Data(proxyBody.utf8))
            try await withLoopbackServer([.json(#"{"id":"t9","title":"Cached"}"#), .empty(status: 202), nonAuthoritative]) { server in
                let client = try studioClient(server)
                guard case .ok(let track) = try await client.jobs.start() else {
                    Issue.record("200 must be .ok")
                    return
                }
                #expect(track == Track(id: "t9", title: "Cached"))
                guard case .accepted = try await client.jobs.start() else {
                    Issue.record("202 must be .accepted")
                    return
                }
                guard case .other(let response) = try await client.jobs.start() else {
                    Issue.record("203 must be .other")
                    return
                }
                #expect(response.statusCode == 203)
                #expect(response.bodyText == proxyBody)
                #expect(response.headerFields.value(named: "X-Proxy") == "cache-7")

                let requests = await server.requests
                #expect(requests.map(\.method) == ["POST", "POST", "POST"])
                #expect(requests.map(\.target) == ["/jobs", "/jobs", "/jobs"])
                #expect(requests.allSatisfy { $0.body.isEmpty && $0.header("Content-Type") == nil })
            }
        }
    }
}

// MARK: - Streams that stop early

extension StudioTests {
    @Suite("Stopping a stream closes the connection")
    struct StoppingStreams {
        @Test("Cancelling the task iterating createStream drops the connection and ends the iteration with .cancelled")
        func cancelCompletionStream() async throws {
            let script = StreamedBody(chunks: [Data("data: {\"text\":\"a\"}\n\n".utf8)], heartbeat: Data(": ping\n".utf8))
            try await withLoopbackServer([.eventStream(script)]) { server in
                let stream = try await studioClient(server).completions.createStream(body: CompletionRequest(prompt: "p"))
                let (events, received) = AsyncStream.makeStream(of: ServerSentEventWithJSONData<Delta>.self)
                let reader = Task { () -> Result<Int, StudioError> in
                    var count = 0
                    do throws(StudioError) {
                        for try await event in stream {
                            count += 1
                            received.yield(event)
                        }
                        return .success(count)
                    } catch {
                        return .failure(error)
                    }
                }
                let first = try await withinLimit(.seconds(10), "the first event") { () async -> ServerSentEventWithJSONData<Delta>? in
                    for await event in events {
                        return event
                    }
                    return nil
                }
                #expect(first == ServerSentEventWithJSONData(data: Delta(text: "a")))
                #expect(!script.connectionDropped)
                reader.cancel()
                let outcome = try await withinLimit(.seconds(5), "the iteration to end") { await reader.value }
                guard case .failure(.cancelled) = outcome else {
                    Issue.record("expected the iteration to throw .cancelled, got \(outcome)")
                    return
                }
                try await script.waitForConnectionDrop(timeout: .seconds(5))
                #expect(!script.isComplete)
            }
        }

        @Test("Cancelling the task iterating events.listen (untyped events) drops the connection and ends the iteration")
        func cancelUntypedEvents() async throws {
            let script = StreamedBody(chunks: [Data("event: track\ndata: first\n\n".utf8)], heartbeat: Data(": ping\n".utf8))
            try await withLoopbackServer([.eventStream(script)]) { server in
                let stream = try await studioClient(server).events.listen()
                let (events, received) = AsyncStream.makeStream(of: ServerSentEvent.self)
                let reader = Task { () -> Result<Int, StudioError> in
                    var count = 0
                    do throws(StudioError) {
                        for try await event in stream {
                            count += 1
                            received.yield(event)
                        }
                        return .success(count)
                    } catch {
                        return .failure(error)
                    }
                }
                let first = try await withinLimit(.seconds(10), "the first event") { () async -> ServerSentEvent? in
                    for await event in events {
                        return event
                    }
                    return nil
                }
                #expect(first == ServerSentEvent(event: "track", data: "first"))
                reader.cancel()
                let outcome = try await withinLimit(.seconds(5), "the iteration to end") { await reader.value }
                guard case .failure(.cancelled) = outcome else {
                    Issue.record("expected the iteration to throw .cancelled, got \(outcome)")
                    return
                }
                try await script.waitForConnectionDrop(timeout: .seconds(5))
                #expect(!script.isComplete)
                let request = try #require(await server.requests.first)
                #expect(request.target == "/events")
                #expect(request.header("Accept") == "text/event-stream")
            }
        }

        @Test("Leaving a for-await loop over events.listen early drops the connection")
        func breakOutOfEvents() async throws {
            let script = StreamedBody(chunks: [Data("data: one\n\ndata: two\n\n".utf8)], heartbeat: Data(": ping\n".utf8))
            try await withLoopbackServer([.eventStream(script)]) { server in
                let stream = try await studioClient(server).events.listen()
                let first = try await withinLimit(.seconds(10), "the first event") { () async throws -> ServerSentEvent? in
                    for try await event in stream {
                        return event
                    }
                    return nil
                }
                #expect(first == ServerSentEvent(data: "one"))
                try await script.waitForConnectionDrop(timeout: .seconds(5))
                #expect(!script.isComplete)
            }
        }
    }
}

// MARK: - Credentials

extension StudioTests {
    @Suite("Credentials go where the spec's security says")
    struct CredentialsAsSpecified {
        @Test("Default operations send Authorization: Bearer <token>, the first alternative, and not the header key too")
        func bearerFirst() async throws {
            try await withLoopbackServer([.empty(status: 202)]) { server in
                let client = try studioClient(server, apiKeyHeader: studioHeaderKey)
                guard case .accepted = try await client.jobs.start() else {
                    Issue.record("202 must be .accepted")
                    return
                }
                let request = try #require(await server.requests.first)
                #expect(request.header("Authorization") == "Bearer \(studioToken)")
                #expect(request.header("X-Studio-Key") == nil)
                #expect(request.header("Cookie") == nil)
                #expect(request.target == "/jobs")
            }
        }

        @Test(
            "With only apiKeyHeader, default operations send X-Studio-Key (the second alternative) and no Authorization",
            .enabled(if: studioEnvironmentIsClean, cleanEnvironmentReason))
        func headerKeyAlternative() async throws {
            try await withLoopbackServer([.empty(status: 202)]) { server in
                let client = try studioClient(server, token: nil, apiKeyHeader: studioHeaderKey)
                _ = try await client.jobs.start()
                let request = try #require(await server.requests.first)
                #expect(request.header("X-Studio-Key") == studioHeaderKey)
                #expect(request.header("Authorization") == nil)
                #expect(request.target == "/jobs")
            }
        }

        @Test("admin.deleteTrack sends Authorization: Basic base64(user:password) and nothing else")
        func basicForAdmin() async throws {
            try await withLoopbackServer([.empty()]) { server in
                let client = try studioClient(
                    server, apiKeyHeader: studioHeaderKey, adminUsername: studioAdminUser, adminPassword: studioAdminPassword)
                try await client.admin.deleteTrack(trackID: "t 1")
                let request = try #require(await server.requests.first)
                #expect(request.method == "DELETE")
                #expect(request.target == "/admin/tracks/t%201")
                let authorization = try #require(request.header("Authorization"))
                #expect(authorization.hasPrefix("Basic "))
                let decoded = Data(base64Encoded: String(authorization.dropFirst("Basic ".count))).map { String(decoding: $0, as: UTF8.self) }
                #expect(decoded == "studio-admin:adm:pa55-9c4e")
                #expect(request.header("X-Studio-Key") == nil)
            }
        }

        @Test("legacy.listTracks sends the key query item and the studio_session cookie together, and no Authorization")
        func queryAndCookieTogether() async throws {
            try await withLoopbackServer([.json(trackListJSON)]) { server in
                let client = try studioClient(server, apiKeyQuery: studioQueryKey, sessionCookie: studioSession)
                let tracks = try await client.legacy.listTracks()
                #expect(tracks == trackList)
                let request = try #require(await server.requests.first)
                #expect(request.target == "/legacy/tracks?key=\(studioQueryKeyEncoded)")
                #expect(request.header("Cookie") == "studio_session=\(studioSession)")
                #expect(request.header("Authorization") == nil)
                #expect(request.header("X-Studio-Key") == nil)
            }
        }

        @Test("legacy.listTracks with the query key but no session cookie fails with .missingCredentials, sending nothing")
        func halfOfAnAlternativeIsNotEnough() async throws {
            try await withLoopbackServer([.json(trackListJSON)]) { server in
                let client = try studioClient(server, apiKeyQuery: studioQueryKey)
                let error = await studioError { () async throws(StudioError) in try await client.legacy.listTracks() }
                guard case .missingCredentials(let message)? = error else {
                    Issue.record("expected missingCredentials, got \(String(describing: error))")
                    return
                }
                #expect(
                    message
                        == "this operation needs credentials for apiKeyQuery (pass apiKeyQuery) and sessionCookie (pass sessionCookie); the client has none for them"
                )
                #expect(await server.requests.isEmpty)
            }
        }

        @Test("partner.listTracks sends Bearer with the token from the TokenProvider, not the client's token")
        func providerToken() async throws {
            let asked = Locked<[Bool]>([])
            let provider = TokenProvider { request in
                asked.update { $0.append(request.isRefresh) }
                return studioPartnerToken
            }
            try await withLoopbackServer([.json(trackListJSON)]) { server in
                let client = try studioClient(server, partnerOAuth: provider)
                #expect(try await client.partner.listTracks() == trackList)
                let request = try #require(await server.requests.first)
                #expect(request.target == "/partner/tracks")
                #expect(request.header("Authorization") == "Bearer \(studioPartnerToken)")
                #expect(asked.current == [false])
            }
        }

        @Test("A 401 to a provider's token asks the provider again (isRefresh) and resends once with the new token")
        func refreshAfter401() async throws {
            let asked = Locked<[Bool]>([])
            let provider = TokenProvider { request in
                asked.update { $0.append(request.isRefresh) }
                return request.isRefresh ? "partner-new-2" : "partner-old-1"
            }
            let rejected = ScriptedResponse.json(#"{"error":"token expired"}"#, status: 401)
            try await withLoopbackServer([rejected, .json(trackListJSON), .json("[]", status: 500)]) { server in
                let client = try studioClient(server, partnerOAuth: provider)
                #expect(try await client.partner.listTracks() == trackList)
                let requests = await server.requests
                #expect(requests.map { $0.header("Authorization") } == ["Bearer partner-old-1", "Bearer partner-new-2"])
                #expect(requests.map(\.target) == ["/partner/tracks", "/partner/tracks"])
                #expect(asked.current == [false, true])
            }
        }

        @Test("A second 401 after the refresh is the error (.unexpectedStatus: 401 is undocumented) after exactly two requests")
        func secondRejectionIsTheError() async throws {
            let asked = Locked<[Bool]>([])
            let provider = TokenProvider { request in
                asked.update { $0.append(request.isRefresh) }
                return request.isRefresh ? "partner-new-2" : "partner-old-1"
            }
            let rejected = ScriptedResponse.json(#"{"error":"token revoked"}"#, status: 401)
            try await withLoopbackServer([rejected, rejected, .json(trackListJSON)]) { server in
                // Retries allowed: a 401 is still not retried.
                let client = try studioClient(server, partnerOAuth: provider, maxRetries: 2)
                let error = await studioError { () async throws(StudioError) in try await client.partner.listTracks() }
                guard case .unexpectedStatus(let response)? = error else {
                    Issue.record("expected unexpectedStatus, got \(String(describing: error))")
                    return
                }
                #expect(response.statusCode == 401)
                #expect(response.bodyText == #"{"error":"token revoked"}"#)
                let requests = await server.requests
                #expect(requests.map { $0.header("Authorization") } == ["Bearer partner-old-1", "Bearer partner-new-2"])
                #expect(asked.current == [false, true])
            }
        }

        @Test("A 401 to a fixed token is the error at once: no second request")
        func fixedTokenIsNotResent() async throws {
            try await withLoopbackServer([.json(#"{"error":"bad token"}"#, status: 401), .empty(status: 202)]) { server in
                let client = try studioClient(server, maxRetries: 2)
                let error = await studioError { () async throws(StudioError) in try await client.jobs.start() }
                #expect(error?.statusCode == 401)
                #expect(await server.requests.count == 1)
            }
        }

        @Test(
            "StudioClient without token or apiKeyHeader throws .missingCredentials naming token and STUDIO_TOKEN",
            .enabled(if: studioEnvironmentIsClean, cleanEnvironmentReason))
        func missingDefaultCredentials() {
            let noneAtAll = creationError { () throws(StudioError) in try StudioClient(baseURL: URL(string: "http://127.0.0.1:9")) }
            let emptyOnes = creationError { () throws(StudioError) in
                try StudioClient(token: "", apiKeyHeader: "", baseURL: URL(string: "http://127.0.0.1:9"))
            }
            for error in [noneAtAll, emptyOnes] {
                guard case .missingCredentials(let message)? = error else {
                    Issue.record("expected missingCredentials, got \(String(describing: error))")
                    continue
                }
                #expect(message == "pass token or set STUDIO_TOKEN; or pass apiKeyHeader")
                #expect(error?.description == "StudioError.missingCredentials: pass token or set STUDIO_TOKEN; or pass apiKeyHeader")
            }
            // Any one credential makes a client: calls that need another fail one by one instead.
            let partnerOnly = creationError { () throws(StudioError) in
                try StudioClient(partnerOAuth: .constant("t"), baseURL: URL(string: "http://127.0.0.1:9"))
            }
            #expect(partnerOnly == nil)
            let adminOnly = creationError { () throws(StudioError) in
                try StudioClient(adminUsername: "u", adminPassword: "p", baseURL: URL(string: "http://127.0.0.1:9"))
            }
            #expect(adminOnly == nil)
        }

        @Test(
            "admin.deleteTrack on a client with only a token fails with .missingCredentials without sending a request",
            .enabled(if: studioEnvironmentIsClean, cleanEnvironmentReason))
        func missingAdminCredentials() async throws {
            try await withLoopbackServer([.empty()]) { server in
                let client = try studioClient(server)
                let error = await studioError { () async throws(StudioError) in try await client.admin.deleteTrack(trackID: "t1") }
                guard case .missingCredentials(let message)? = error else {
                    Issue.record("expected missingCredentials, got \(String(describing: error))")
                    return
                }
                #expect(
                    message
                        == "this operation needs credentials for basicAuth (pass adminUsername and adminPassword or set STUDIO_ADMIN_USER and STUDIO_ADMIN_PASSWORD); the client has none for them"
                )
                #expect(await server.requests.isEmpty)
            }
        }

        @Test("A redirect to another origin is not followed, so no credential goes there; one within the origin is")
        func crossOriginRedirect() async throws {
            try await withLoopbackServer([.json(trackListJSON), .json(trackListJSON), .empty()]) { elsewhere in
                // Another port is another origin (RFC 6454): the credentials are for this server only.
                let moved = ScriptedResponse(
                    status: 307, headers: [(name: "Location", value: elsewhere.baseURL.absoluteString + "/moved")], body: Data())
                let movedHere = ScriptedResponse(status: 307, headers: [(name: "Location", value: "/legacy/tracks?again=1")], body: Data())
                try await withLoopbackServer([moved, moved, moved, movedHere, .json(trackListJSON)]) { server in
                    let client = try fullyCredentialedClient(server.baseURL)
                    var statuses: [Int?] = []
                    statuses.append(await studioError { () async throws(StudioError) in _ = try await client.legacy.listTracks() }?.statusCode)
                    statuses.append(await studioError { () async throws(StudioError) in _ = try await client.partner.listTracks() }?.statusCode)
                    statuses.append(
                        await studioError { () async throws(StudioError) in try await client.admin.deleteTrack(trackID: "t1") }?.statusCode)
                    #expect(statuses == [307, 307, 307])
                    let sent = await server.requests
                    #expect(sent.map { $0.header("Authorization") } == [nil, "Bearer \(studioPartnerToken)", "Basic \(studioBasicToken)"])
                    #expect(sent.first?.header("Cookie") == "studio_session=\(studioSession)")

                    // Within the same origin the redirect is followed, the session cookie still on.
                    let tracks = try await client.legacy.listTracks()
                    #expect(tracks.count == 2)
                    let followed = await server.requests.last
                    #expect(followed?.target == "/legacy/tracks?again=1")
                    #expect(followed?.header("Cookie") == "studio_session=\(studioSession)")
                }
                #expect(await elsewhere.requests.isEmpty)
            }
        }
    }
}

// MARK: - Redaction

extension StudioTests {
    @Suite("No secret in descriptions, errors or the debug log")
    struct NoSecretsShown {
        @Test("The client, its core and its configuration describe, reflect and dump without any secret")
        func configurationHasNoSecret() throws {
            let client = try fullyCredentialedClient(try #require(URL(string: "https://api.studio.example/v1")))
            let configuration = client.core.configuration
            #expect(configuration.credentials.schemes == ["bearerAuth", "apiKeyHeader", "apiKeyQuery", "sessionCookie", "basicAuth", "partnerOAuth"])
            let texts: [(String, String)] = [
                ("configuration description", String(describing: configuration)),
                ("configuration debugDescription", String(reflecting: configuration)),
                ("configuration dump", dumpText(configuration)),
                ("credentials description", String(describing: configuration.credentials)),
                ("credentials debugDescription", String(reflecting: configuration.credentials)),
                ("credentials dump", dumpText(configuration.credentials)),
                ("core dump", dumpText(client.core)),
                ("client description", String(describing: client)),
                ("client debugDescription", String(reflecting: client)),
                ("client dump", dumpText(client)),
            ]
            for (what, text) in texts {
                #expect(leakedSecrets(in: text) == [], "\(what) shows a secret: \(text)")
            }
            #expect(
                String(describing: configuration).contains(
                    "credentials: Credentials(bearerAuth: <redacted>, apiKeyHeader: <redacted>, apiKeyQuery: <redacted>, "
                        + "sessionCookie: <redacted>, basicAuth: <redacted>, partnerOAuth: <redacted>)"))
        }

        @Test("Errors of every kind, from a client holding every credential, show no secret")
        func errorsHaveNoSecret() async throws {
            var errors: [(String, StudioError)] = []
            func collect(_ what: String, _ body: () async throws(StudioError) -> Void) async {
                if let error = await studioError(body) {
                    errors.append((what, error))
                } else {
                    Issue.record("\(what) did not fail")
                }
            }
            let secretCookie = [(name: "Set-Cookie", value: "studio_session=\(studioSession)")]
            try await withLoopbackServer([
                .json(#"{"error":"down"}"#, status: 500, headers: secretCookie),
                .json(#"{"id":1}"#, headers: secretCookie),
                .hang,
                .hang,
                .cutOff(after: 30, of: 4_096),
            ]) { server in
                let client = try fullyCredentialedClient(server.baseURL)
                await collect("unexpectedStatus") { () async throws(StudioError) in _ = try await client.legacy.listTracks() }
                await collect("undecodableBody") { () async throws(StudioError) in _ = try await client.legacy.listTracks() }
                let hasty = try fullyCredentialedClient(server.baseURL, timeout: .milliseconds(200))
                await collect("timedOut") { () async throws(StudioError) in _ = try await hasty.legacy.listTracks() }
                let call = Task { await studioError { () async throws(StudioError) in _ = try await client.admin.deleteTrack(trackID: "t1") } }
                try await server.waitForRequests(count: 4)
                call.cancel()
                if let cancelled = await call.value {
                    errors.append(("cancelled", cancelled))
                } else {
                    Issue.record("the cancelled call did not fail")
                }
                await collect("stream broke off") { () async throws(StudioError) in
                    for try await _ in try await client.exports.exportLines() {}
                }
            }

            let leaky = try fullyCredentialedClient(try #require(URL(string: "https://api.studio.example/v1")), transport: LeakyStudioTransport())
            await collect("transport (bearer)") { () async throws(StudioError) in _ = try await leaky.jobs.start() }
            await collect("transport (query and cookie)") { () async throws(StudioError) in _ = try await leaky.legacy.listTracks() }
            await collect("transport (basic)") { () async throws(StudioError) in try await leaky.admin.deleteTrack(trackID: "t1") }
            await collect("transport (token provider)") { () async throws(StudioError) in _ = try await leaky.partner.listTracks() }
            let failingProvider = TokenProvider { _ in
                throw ProviderFailure(description: "refresh rejected; the client also holds \(studioToken) and \(studioSession)")
            }
            let noToken = try fullyCredentialedClient(try #require(URL(string: "https://api.studio.example/v1")), partnerOAuth: failingProvider)
            await collect("missingCredentials (provider failed)") { () async throws(StudioError) in _ = try await noToken.partner.listTracks() }
            await collect("encodingFailed") { () async throws(StudioError) in
                _ = try leaky.core.encodeJSON(LeakyEncodable(), mapError: StudioError.init)
            }
            if let invalid = creationError({ () throws(StudioError) in
                try StudioClient(token: studioToken, apiKeyQuery: studioQueryKey, baseURL: URL(string: "relative/v1"))
            }) {
                errors.append(("invalidBaseURL", invalid))
            } else {
                Issue.record("a relative base URL must be refused")
            }

            #expect(errors.count == 12)
            for (what, error) in errors {
                for (form, text) in [
                    ("description", String(describing: error)), ("debugDescription", String(reflecting: error)),
                    ("localizedDescription", error.localizedDescription), ("dump", dumpText(error)),
                ] {
                    #expect(leakedSecrets(in: text) == [], "\(what) \(form) shows a secret: \(text)")
                }
            }
            // The leaky transport's messages did quote the credentials, and the runtime removed them.
            let messages = Dictionary(errors.map { ($0.0, String(describing: $0.1)) }, uniquingKeysWith: { first, _ in first })
            #expect(messages["transport (bearer)"]?.contains("Authorization: Bearer <redacted>") == true, "\(messages["transport (bearer)"] ?? "")")
            #expect(messages["transport (query and cookie)"]?.contains("/legacy/tracks?key=<redacted>") == true)
            #expect(messages["transport (query and cookie)"]?.contains("studio_session=<redacted>") == true)
            #expect(messages["transport (basic)"]?.contains("Basic <redacted>") == true)
            #expect(messages["transport (token provider)"]?.contains("Bearer <redacted>") == true)
            #expect(messages["timedOut"] == "StudioError.timedOut: no response within 0.2 seconds")
            #expect(messages["cancelled"] == "StudioError.cancelled")
        }

        @Test("The debug log of calls with a query key, a cookie, basic and a refreshed token shows no secret")
        func debugLogHasNoSecret() async throws {
            let lines = Locked<[String]>([])
            let provider = TokenProvider { request in request.isRefresh ? studioPartnerToken : "partner-stale-\(studioToken)" }
            try await withLoopbackServer([
                .json(trackListJSON), .empty(), .json("{}", status: 401), .json(trackListJSON),
            ]) { server in
                var configuration = try fullyCredentialedClient(server.baseURL, partnerOAuth: provider).core.configuration
                configuration.logger = SDKLogging.logger(label: "Studio", level: .debug) { line in lines.update { $0.append(line) } }
                let client = StudioClient(core: APIClientCore(configuration: configuration))
                #expect(try await client.legacy.listTracks() == trackList)
                try await client.admin.deleteTrack(trackID: "t1")
                #expect(try await client.partner.listTracks() == trackList)

                var leakyConfiguration = configuration
                leakyConfiguration.transport = LeakyStudioTransport()
                _ = await studioError { () async throws(StudioError) in
                    _ = try await StudioClient(core: APIClientCore(configuration: leakyConfiguration)).legacy.listTracks()
                }

                let requests = await server.requests
                #expect(requests.first?.target == "/legacy/tracks?key=\(studioQueryKeyEncoded)", "the key did go out in the URL")
                #expect(requests.first?.header("Cookie") == "studio_session=\(studioSession)")
                let log = lines.current
                #expect(log.count == 6, "\(log)")
                let legacyURL = "http://127.0.0.1:\(server.port)/legacy/tracks"
                #expect(log.first?.hasPrefix("GET \(legacyURL) attempt 0 → HTTP 200 in ") == true, "\(log)")
                #expect(
                    log.contains(
                        "GET http://127.0.0.1:\(server.port)/partner/tracks HTTP 401: asking the token provider for a fresh token and sending again"
                    ))
                #expect(log.last?.contains("key=<redacted>") == true, "\(log)")
                for line in log {
                    #expect(leakedSecrets(in: line) == [], "a log line shows a secret: \(line)")
                }
            }
        }
    }
}

// MARK: - Transports and middlewares of others

extension StudioTests {
    @Suite("Any ClientTransport and ClientMiddleware plug in")
    struct OtherTransports {
        @Test("A ClientTransport of the test's own that forwards to URLSessionTransport carries the call, credentials and all")
        func forwardingTransport() async throws {
            let upstream = URLSessionTransport()
            let transport = ClosureTransport { request, body, baseURL, operationID in
                try await upstream.send(request, body: body, baseURL: baseURL, operationID: operationID)
            }
            try await withLoopbackServer([.json(trackListJSON)]) { server in
                let client = try StudioClient(
                    token: studioToken, apiKeyQuery: studioQueryKey, sessionCookie: studioSession, baseURL: server.baseURL,
                    maxRetries: 0, transport: transport)
                #expect(try await client.legacy.listTracks() == trackList)
                let seen = try #require(transport.seen.current.first)
                #expect(transport.seen.current.count == 1)
                #expect(seen.operationID == "listLegacyTracks")
                #expect(seen.baseURL.absoluteString == server.baseURL.absoluteString)
                #expect(seen.request.method == .get)
                #expect(seen.request.path == "/legacy/tracks?key=\(studioQueryKeyEncoded)")
                #expect(seen.request.headerFields[.cookie] == "studio_session=\(studioSession)")
                #expect(seen.request.headerFields[.userAgent] == "Studio/0.1.0 (Swift; sdkgen)")
                let received = try #require(await server.requests.first)
                #expect(received.target == "/legacy/tracks?key=\(studioQueryKeyEncoded)")
                #expect(received.header("Cookie") == "studio_session=\(studioSession)")
            }
        }

        @Test("A ClientTransport that answers by itself serves text and a Server-Sent Events stream, with no server at all")
        func answeringTransport() async throws {
            let transport = ClosureTransport { request, _, _, operationID in
                switch operationID {
                case "getStatus":
                    return (HTTPResponse(status: .ok, headerFields: [.contentType: "text/plain"]), HTTPBody("pong"))
                case "createCompletion":
                    let events = "data: {\"text\":\"hi\"}\n\nevent: end\ndata: [DONE]\n\ndata: {\"text\":\"never\"}\n\n"
                    return (HTTPResponse(status: .ok, headerFields: [.contentType: "text/event-stream"]), HTTPBody(events))
                default:
                    return (HTTPResponse(status: .notFound), HTTPBody("no \(request.path ?? "")"))
                }
            }
            let client = try StudioClient(token: studioToken, baseURL: URL(string: "https://studio.invalid/v1"), transport: transport)
            #expect(try await client.status.retrieve() == "pong")
            var deltas: [ServerSentEventWithJSONData<Delta>] = []
            for try await event in try await client.completions.createStream(body: CompletionRequest(prompt: "hi")) {
                deltas.append(event)
            }
            #expect(deltas == [ServerSentEventWithJSONData(data: Delta(text: "hi"))])
            let error = await studioError { () async throws(StudioError) in _ = try await client.jobs.start() }
            #expect(error?.statusCode == 404)

            let seen = transport.seen.current
            #expect(seen.map(\.operationID) == ["getStatus", "createCompletion", "startJob"])
            #expect(seen.map(\.request.path) == ["/status", "/completions", "/jobs"])
            #expect(seen.allSatisfy { $0.baseURL.absoluteString == "https://studio.invalid/v1" })
            #expect(seen.map { $0.request.headerFields[.authorization] } == [nil, "Bearer \(studioToken)", "Bearer \(studioToken)"])
        }

        @Test("A ClientMiddleware in the configuration sees every request and response but never a credential")
        func middlewareNeverSeesCredentials() async throws {
            let middleware = RecordingMiddleware()
            try await withLoopbackServer([.empty(status: 202), .json(trackListJSON), .empty(), .json(trackListJSON)]) { server in
                var configuration = try fullyCredentialedClient(server.baseURL).core.configuration
                configuration.middlewares = [middleware]
                let client = StudioClient(core: APIClientCore(configuration: configuration))
                _ = try await client.jobs.start()
                _ = try await client.legacy.listTracks()
                try await client.admin.deleteTrack(trackID: "t1")
                _ = try await client.partner.listTracks()

                let seen = middleware.seen.current
                #expect(seen.map(\.operationID) == ["startJob", "listLegacyTracks", "deleteTrack", "listPartnerTracks"])
                #expect(seen.map(\.request.path) == ["/jobs", "/legacy/tracks", "/admin/tracks/t1", "/partner/tracks"])
                #expect(middleware.statuses.current == [202, 200, 204, 200])
                for entry in seen {
                    #expect(entry.request.headerFields[.authorization] == nil)
                    #expect(entry.request.headerFields[.cookie] == nil)
                    #expect(entry.request.headerFields.value(named: "X-Studio-Key") == nil)
                    let text = (entry.request.path ?? "") + entry.request.headerFields.map { "\($0.name): \($0.value)" }.joined()
                    #expect(leakedSecrets(in: text) == [], "\(entry.operationID): \(text)")
                }
                // The server did get them: the credentials go on after the middlewares.
                let requests = await server.requests
                #expect(
                    requests.map { $0.header("Authorization") } == [
                        "Bearer \(studioToken)", nil, "Basic \(studioBasicToken)", "Bearer \(studioPartnerToken)",
                    ])
                #expect(requests[1].target == "/legacy/tracks?key=\(studioQueryKeyEncoded)")
                #expect(requests[1].header("Cookie") == "studio_session=\(studioSession)")
            }
        }
    }
}

/// Reads two records of `stream`, notes how many chunks the server had sent by then, opens the
/// gate, and reads the rest: the records arrive as they are sent, not when the body ends.
private func readTwoThenTheRest(
    _ stream: ResponseStream<Track, StudioError>, script: StreamedBody
) async throws -> (early: [Track], sentEarly: Int, all: [Track]) {
    try await withinLimit(.seconds(30), "the records") { () async throws -> ([Track], Int, [Track]) in
        var iterator = stream.makeAsyncIterator()
        var tracks: [Track] = []
        while tracks.count < 2, let track = try await iterator.next() {
            tracks.append(track)
        }
        let early = tracks
        let sentEarly = script.sentChunks
        script.openGate()
        while let track = try await iterator.next() {
            tracks.append(track)
        }
        return (early, sentEarly, tracks)
    }
}
