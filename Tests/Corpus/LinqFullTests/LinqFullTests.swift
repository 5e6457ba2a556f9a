import Foundation
import LinqFull
import Testing

let apiKey = "linq-full-test-key"

func client(_ server: LoopbackServer) throws -> LinqClient {
    try LinqClient(apiKey: apiKey, baseURL: server.baseURL)
}

/// A chat as the API returns it.
func chatJSON(_ id: String) -> String {
    #"{"id":"\#(id)","display_name":null,"service":"iMessage","handles":[],"is_archived":false,"is_group":false,"created_at":"2026-02-01T10:00:00Z","updated_at":"2026-02-01T10:00:00.5Z"}"#
}

@Suite("The full Linq SDK over real HTTP on 127.0.0.1")
struct LinqFullTests {
    @Test("create a chat sends the JSON body and decodes the 201 body")
    func createChat() async throws {
        let created =
            #"{"chat":{"id":"94c6bf33-31d9-40e3-a0e9-f94250ecedb9","display_name":"","handles":[],"is_group":false,"service":"iMessage","message":{"id":"69a37c7d-af4f-4b5e-af42-e28e98ce873a","parts":[],"delivery_status":"pending","is_read":false,"created_at":"2026-02-01T10:00:00Z","sent_at":"2026-02-01T10:00:00Z"}}}"#
        try await withLoopbackServer([.json(created, status: 201)]) { server in
            let request = CreateChatRequest(
                from: "+12052535597", to: ["+14155559876"], message: MessageContent(parts: [.text(TextPart(type: .text, value: "Hello"))]))
            let result = try await client(server).chats.create(body: request)
            let sent = try #require(await server.requests.first)
            #expect(sent.method == "POST")
            #expect(sent.target == "/v3/chats")
            #expect(sent.header("Content-Type") == "application/json")
            // The SDK fills the message's and each part's idempotency key, so a retry cannot send twice.
            let body = try JSONDecoder().decode(CreateChatRequest.self, from: sent.body)
            #expect(body.from == "+12052535597" && body.to == ["+14155559876"])
            guard case .text(let part)? = body.message.parts.first else {
                Issue.record("the part is not text: \(body.message.parts)")
                return
            }
            #expect(part.value == "Hello" && part.type == .text)
            #expect(part.idempotencyKey.flatMap(UUID.init(uuidString:)) != nil)
            #expect(body.message.idempotencyKey.flatMap(UUID.init(uuidString:)) != nil)
            #expect(result.chat.id.uuidString.lowercased() == "94c6bf33-31d9-40e3-a0e9-f94250ecedb9")
        }
    }

    @Test("listAll walks three pages lazily, passing each next_cursor")
    func pages() async throws {
        let ids = (1...5).map { "00000000-0000-4000-8000-00000000000\($0)" }
        try await withLoopbackServer([
            .json(#"{"chats":[\#(chatJSON(ids[0])),\#(chatJSON(ids[1]))],"next_cursor":"page2"}"#),
            .json(#"{"chats":[\#(chatJSON(ids[2])),\#(chatJSON(ids[3]))],"next_cursor":"page3"}"#),
            .json(#"{"chats":[\#(chatJSON(ids[4]))],"next_cursor":null}"#),
        ]) { server in
            var seen: [String] = []
            for try await chat in try client(server).chats.listAll(from: "+12052535597", limit: 2) {
                seen.append(chat.id.uuidString.lowercased())
            }
            #expect(seen == ids)
            #expect(
                await server.requests.map(\.target) == [
                    "/v3/chats?from=%2B12052535597&limit=2",
                    "/v3/chats?from=%2B12052535597&limit=2&cursor=page2",
                    "/v3/chats?from=%2B12052535597&limit=2&cursor=page3",
                ])
        }
    }

    @Test("A message's parts decode into the oneOf cases; an unlisted enum value becomes .unknown")
    func messageParts() async throws {
        let message = """
            {"id":"69a37c7d-af4f-4b5e-af42-e28e98ce873a","chat_id":"94c6bf33-31d9-40e3-a0e9-f94250ecedb9",\
            "service":"WhatsApp","is_from_me":true,"is_delivered":true,"is_read":false,\
            "created_at":"2026-02-01T10:00:00Z","updated_at":"2026-02-01T10:00:01Z",\
            "parts":[{"type":"text","value":"Hi"},\
            {"type":"media","id":"5b1a7c2e-0000-4000-8000-000000000009","url":"https://cdn.example/a.jpg","filename":"a.jpg","mime_type":"image/jpeg","size_bytes":1024},\
            {"type":"sticker","id":"x"}]}
            """
        try await withLoopbackServer([.json(message)]) { server in
            let id = try #require(UUID(uuidString: "69a37c7d-af4f-4b5e-af42-e28e98ce873a"))
            let decoded = try await client(server).messages.retrieve(messageID: id)
            #expect(decoded.service == .unknown("WhatsApp"))
            let parts = try #require(decoded.parts)
            #expect(parts.count == 3)
            guard case .text(let text) = parts[0], case .media(let media) = parts[1], case .unknown(let raw) = parts[2] else {
                Issue.record("unexpected parts \(parts)")
                return
            }
            #expect(text.value == "Hi")
            #expect(media.url.absoluteString == "https://cdn.example/a.jpg")
            #expect(raw["type"]?.stringValue == "sticker")
        }
    }
}
