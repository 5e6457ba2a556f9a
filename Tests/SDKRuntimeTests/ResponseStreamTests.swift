import Foundation
import SDKRuntime
import Testing

/// Streamed responses decoded by swift-openapi-runtime's Server-Sent Events, JSON Lines and
/// JSON Sequence readers, from bodies that arrive in awkward chunks.
@Suite struct ResponseStreamTests {
    /// Answers every request with `status` and a body made of `chunks`, one by one.
    struct ChunkedTransport: ClientTransport {
        let status: Int
        let chunks: [String]

        func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
            let stream = AsyncStream<ArraySlice<UInt8>> { continuation in
                for chunk in chunks { continuation.yield(ArraySlice(chunk.utf8)) }
                continuation.finish()
            }
            return (HTTPResponse(status: .init(code: status)), HTTPBody(stream, length: .unknown, iterationBehavior: .single))
        }
    }

    struct Delta: Codable, Hashable, Sendable {
        var text: String
    }

    private func core(_ transport: ChunkedTransport) throws -> APIClientCore {
        APIClientCore(
            configuration: ClientConfiguration(
                baseURL: try #require(URL(string: "https://api.example.com")), userAgent: testUserAgent, transport: transport,
                retryPolicy: .none))
    }

    private let request = APIRequest(method: .post, path: "/stream")

    @Test func serverSentEventsSplitAcrossChunksDecodeInOrderWithTheirFields() async throws {
        let transport = ChunkedTransport(
            status: 200,
            chunks: [
                ": a comment\n", "retry: 1500\nid: 1\nevent: delta\nda", "ta: {\"text\":\"Hel\"}\n\n", "data: {\"text\":\"lo\"}\n", "\n",
                "data: [DONE]\n\n", "data: {\"text\":\"after done\"}\n\n",
            ])
        let stream = try await core(transport).serverSentEvents(of: Delta.self, request) { $0 }
        var events: [ServerSentEventWithJSONData<Delta>] = []
        for try await event in stream { events.append(event) }
        #expect(events.map(\.data?.text) == ["Hel", "lo"])
        #expect(events.first?.event == "delta")
        #expect(events.first?.id == "1")
        #expect(events.first?.retry == 1500)
        #expect(stream.head.status == .ok)
    }

    @Test func untypedEventsKeepTheirTextData() async throws {
        let transport = ChunkedTransport(status: 200, chunks: ["event: ping\ndata: line 1\ndata: line 2\n\n"])
        var events: [ServerSentEvent] = []
        for try await event in try await core(transport).serverSentEvents(request, mapError: { $0 }) { events.append(event) }
        #expect(events == [ServerSentEvent(event: "ping", data: "line 1\nline 2")])
    }

    @Test func jsonLinesAndJSONSequenceRecords() async throws {
        let lines = ChunkedTransport(status: 200, chunks: ["{\"text\":\"a\"}\n{\"te", "xt\":\"b\"}\n"])
        var decoded: [String] = []
        for try await record in try await core(lines).jsonLines(of: Delta.self, request, mapError: { $0 }) { decoded.append(record.text) }
        #expect(decoded == ["a", "b"])

        let sequence = ChunkedTransport(status: 200, chunks: ["\u{1E}{\"text\":\"x\"}\n\u{1E}", "{\"text\":\"y\"}\n"])
        decoded = []
        for try await record in try await core(sequence).jsonSequence(of: Delta.self, request, mapError: { $0 }) { decoded.append(record.text) }
        #expect(decoded == ["x", "y"])
    }

    @Test func aRecordThatDoesNotDecodeIsAnUndecodableBodyFailure() async throws {
        let transport = ChunkedTransport(status: 200, chunks: ["data: {\"text\":\"ok\"}\n\n", "data: {\"nope\":1}\n\n"])
        let core = try core(transport)
        var texts: [String] = []
        var failure: RequestFailure?
        do throws(RequestFailure) {
            for try await event in try await core.serverSentEvents(of: Delta.self, request, mapError: { $0 }) {
                texts.append(event.data?.text ?? "")
            }
        } catch {
            failure = error
        }
        #expect(texts == ["ok"])
        guard case .undecodableBody(_, let reason)? = failure else {
            Issue.record("expected .undecodableBody, got \(String(describing: failure))")
            return
        }
        #expect(reason.contains("text"))
    }

    @Test func anErrorStatusIsReadWholeAndThrownBeforeAnyEvent() async throws {
        let core = try core(ChunkedTransport(status: 429, chunks: ["{\"error\":", "\"slow down\"}"]))
        let failure = await failureOf { () async throws(RequestFailure) in
            _ = try await core.serverSentEvents(of: Delta.self, request, mapError: { $0 })
        }
        #expect(failure?.statusCode == 429)
        #expect(failure?.response?.bodyText == "{\"error\":\"slow down\"}")
    }

    @Test func bytesArriveWholeAndAsChunks() async throws {
        let transport = ChunkedTransport(status: 200, chunks: ["ab", "cd", "e"])
        #expect(try await core(transport).send(request).bodyText == "abcde")
        var chunks: [String] = []
        for try await chunk in try await core(transport).byteStream(request, mapError: { $0 }) {
            chunks.append(String(decoding: chunk, as: UTF8.self))
        }
        #expect(chunks == ["ab", "cd", "e"])
    }
}
