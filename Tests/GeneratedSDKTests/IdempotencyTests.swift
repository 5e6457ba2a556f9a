import Foundation
import LoopbackSupport
import Showcase
import Testing

@Suite("Idempotency keys the SDK fills in, the same on every attempt")
struct IdempotencyTests {
    @Test("A retried send carries one header key and one key per part on both attempts; a key the caller gave is kept")
    func retriedSendKeepsItsKeys() async throws {
        try await withLoopbackServer([.text("busy", status: 503), .json(#"{"id":"n1"}"#, status: 201)]) { server in
            let client = try ShowcaseClient(baseURL: server.baseURL, maxRetries: 1)
            let note = SendNoteRequest(parts: [.init(text: "a"), .init(text: "b", idempotencyKey: "mine")])
            let sent = try await client.notes.send(body: note)
            #expect(sent.id == "n1")
            let requests = await server.requests
            try #require(requests.count == 2)
            let key = try #require(requests[0].header("Idempotency-Key"))
            #expect(UUID(uuidString: key) != nil)
            #expect(requests[1].header("Idempotency-Key") == key)
            #expect(requests[0].body == requests[1].body, "the same bytes on every attempt")
            let body = try JSONDecoder().decode(SendNoteRequest.self, from: requests[0].body)
            let partKeys = body.parts.compactMap(\.idempotencyKey)
            #expect(partKeys.count == 2)
            #expect(partKeys[1] == "mine")
            #expect(partKeys[0] != key && UUID(uuidString: partKeys[0]) != nil)
        }
    }

    @Test("Two calls get two keys; a header key the caller passes is sent as it is")
    func keysPerCall() async throws {
        try await withLoopbackServer([.json("{}", status: 201), .json("{}", status: 201), .json("{}", status: 201)]) { server in
            let client = try ShowcaseClient(baseURL: server.baseURL, maxRetries: 0)
            let note = SendNoteRequest(parts: [.init(text: "a")])
            try await client.notes.send(body: note)
            try await client.notes.send(body: note)
            try await client.notes.send(parts: note.parts, idempotencyKey: "order-7", notify: true)
            let keys = await server.requests.map { $0.header("Idempotency-Key") }
            #expect(await server.requests.last?.target == "/v2/notes?notify=true")
            #expect(keys[0] != keys[1])
            #expect(keys[2] == "order-7")
        }
    }
}
