import Foundation
import Linq
import LoopbackSupport
import Testing

/// The status and headers of calls that succeeded, from `withResponses`, over real HTTP.
@Suite("Responses of successful calls")
struct ResponseMetadataTests {
    @Test("withResponses gives the value and each successful response's status and headers, in order")
    func headersOfSuccessfulCalls() async throws {
        try await withLoopbackServer([
            .empty(headers: [("X-Request-Id", "req-1"), ("X-RateLimit-Remaining", "41")]),
            .empty(status: 503),
            .empty(headers: [("X-Request-Id", "req-3")]),
        ]) { server in
            let client = try faultClient(server, retryPolicy: quickRetries)
            let id = UUID()
            let result = try await client.withResponses {
                try await client.chats.typing.start(chatID: id)
                try await client.chats.typing.stop(chatID: id)
                return "done"
            }
            #expect(result.value == "done")
            // The 503 was retried: only the two successful responses are kept.
            #expect(result.responses.map(\.status.code) == [204, 204])
            #expect(result.responses.first?.headerFields[try #require(HTTPField.Name("X-RateLimit-Remaining"))] == "41")
            #expect(result.response?.headerFields[try #require(HTTPField.Name("X-Request-Id"))] == "req-3")
            #expect(await server.requests.count == 3)
        }
    }

    @Test("A failed call inside withResponses throws the SDK's typed error; calls outside are not captured")
    func failuresAndScope() async throws {
        try await withLoopbackServer([.empty(), envelope(404, 2001, "Chat not found")]) { server in
            let client = try linqClient(server)
            try await client.chats.typing.start(chatID: UUID())
            let error = await linqError { () async throws(LinqError) in
                _ = try await client.withResponses { () async throws(LinqError) in try await client.chats.typing.stop(chatID: UUID()) }
            }
            guard case .notFound(let body?, let response) = error else {
                Issue.record("expected .notFound, got \(String(describing: error))")
                return
            }
            #expect(body.error.code == 2001)
            #expect(response.statusCode == 404)
            let empty = await client.withResponses { 42 }
            #expect(empty.value == 42 && empty.responses.isEmpty && empty.response == nil)
        }
    }
}
