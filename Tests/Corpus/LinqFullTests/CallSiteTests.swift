import Foundation
import LinqFull
import Testing

// The README's call sites ("Call sites, before and after"), each in both forms: the one from
// before issue 16 (still compiling: the body-value overload stays) and the one the SDK reads
// with now. Run against a loopback server, the two forms must send the same request.

private let chatID = UUID(uuidString: "94c6bf33-31d9-40e3-a0e9-f94250ecedb9")!
private let messageID = UUID(uuidString: "69a37c7d-af4f-4b5e-af42-e28e98ce873a")!
private let photo = URL(string: "https://example.com/photo.jpg")!

private let createdJSON =
    #"{"chat":{"id":"94c6bf33-31d9-40e3-a0e9-f94250ecedb9","display_name":"","handles":[],"is_group":false,"service":"iMessage","message":{"id":"69a37c7d-af4f-4b5e-af42-e28e98ce873a","parts":[],"delivery_status":"pending","is_read":false,"created_at":"2026-02-01T10:00:00Z","sent_at":"2026-02-01T10:00:00Z"}}}"#
private let sentJSON =
    #"{"chat_id":"94c6bf33-31d9-40e3-a0e9-f94250ecedb9","message":{"id":"69a37c7d-af4f-4b5e-af42-e28e98ce873a","parts":[],"sent_at":"2026-02-01T10:00:00Z","delivery_status":"pending","is_read":false}}"#
private let reactionJSON =
    #"{"is_me":true,"handle":{"id":"6d6c617f-187a-4dcd-a0d5-988347a8c092","handle":"+12052535597","service":"iMessage","joined_at":"2026-01-04T05:48:51Z","is_me":true},"type":"love"}"#

/// The request body as JSON with every `idempotency_key` taken out (the SDK fills new ones per
/// call); `null` for no body.
private func withoutKeys(_ body: Data) throws -> JSONValue {
    func strip(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(object.filter { $0.key != "idempotency_key" }.mapValues(strip))
        case .array(let items):
            return .array(items.map(strip))
        default:
            return value
        }
    }
    return body.isEmpty ? .null : strip(try JSONDecoder().decode(JSONValue.self, from: body))
}

/// The two requests the server saw have the same method, target and body (keys aside).
private func expectSameRequests(_ server: LoopbackServer) async throws {
    let requests = await server.requests
    try #require(requests.count == 2)
    #expect(requests[0].method == requests[1].method)
    #expect(requests[0].target == requests[1].target)
    #expect(try withoutKeys(requests[0].body) == withoutKeys(requests[1].body))
}

@Suite("The README's call sites, before and after, send the same requests")
struct CallSiteTests {
    @Test("Create a chat with a message")
    func createChat() async throws {
        try await withLoopbackServer([.json(createdJSON, status: 201), .json(createdJSON, status: 201)]) { server in
            let client = try client(server)
            // before
            _ = try await client.chats.create(
                body: CreateChatRequest(
                    from: "+12052535597", to: ["+14155559876"],
                    message: MessageContent(parts: [.text(TextPart(type: .text, value: "Hi!"))])))
            // after
            try await client.chats.create(from: "+12052535597", to: ["+14155559876"], message: MessageContent(parts: [.text("Hi!")]))
            try await expectSameRequests(server)
        }
    }

    @Test("Send media")
    func sendMedia() async throws {
        try await withLoopbackServer([.json(sentJSON, status: 202), .json(sentJSON, status: 202)]) { server in
            let client = try client(server)
            // before
            _ = try await client.chats.messages.send(
                chatID: chatID, body: SendMessageToChatRequest(message: MessageContent(parts: [.media(MediaPart(type: .media, url: photo))])))
            // after
            try await client.chats.messages.send(chatID: chatID, message: MessageContent(parts: [.media(MediaPart(url: photo))]))
            try await expectSameRequests(server)
        }
    }

    @Test("Page through chats")
    func pageThroughChats() async throws {
        let page = #"{"chats":[\#(chatJSON(chatID.uuidString.lowercased()))],"next_cursor":null}"#
        try await withLoopbackServer([.json(page), .json(page)]) { server in
            let client = try client(server)
            var before: [UUID] = []
            // before
            var cursor: String?
            repeat {
                let result = try await client.chats.list(from: "+12052535597", cursor: cursor)
                before += result.chats.map(\.id)
                cursor = result.nextCursor
            } while cursor != nil
            var after: [UUID] = []
            // after
            for try await chat in client.chats.listAll(from: "+12052535597") {
                after.append(chat.id)
            }
            #expect(before == after && after == [chatID])
            try await expectSameRequests(server)
        }
    }

    @Test("React to a message")
    func react() async throws {
        try await withLoopbackServer([.json(reactionJSON), .json(reactionJSON)]) { server in
            let client = try client(server)
            // before
            _ = try await client.messages.sendReaction(messageID: messageID, body: SendReactionRequest(operation: .add, type: .love))
            // after
            try await client.messages.sendReaction(messageID: messageID, operation: .add, type: .love)
            try await expectSameRequests(server)
        }
    }

    @Test("Handle a group chat's 403, also when a proxy answers with HTML")
    func groupChatForbidden() async throws {
        let envelope = #"{"error":{"status":403,"code":2005,"message":"Typing indicators are not supported in group chats"},"success":false}"#
        try await withLoopbackServer([
            .json(envelope, status: 403), .json(envelope, status: 403), .text("<html>Forbidden</html>", status: 403, contentType: "text/html"),
        ]) { server in
            let client = try client(server)
            var outcomes: [String] = []
            // before: only the documented body reached `.forbidden`; an HTML 403 was `.unexpectedStatus`
            do throws(LinqError) {
                try await client.chats.typing.start(chatID: chatID)
            } catch .forbidden(let body?, _) where body.error.code == .accessDenied {
                outcomes.append("group chat")
            } catch {
                outcomes.append("other")
            }
            // after: the status decides (the body is nil when it is not the envelope)
            for _ in 0..<2 {
                do throws(LinqError) {
                    try await client.chats.typing.start(chatID: chatID)
                } catch .forbidden(let body, _) {
                    outcomes.append(body?.error.code == .accessDenied ? "group chat" : "forbidden")
                } catch {
                    outcomes.append("other: \(error.localizedDescription)")
                }
            }
            #expect(outcomes == ["group chat", "group chat", "forbidden"])
        }
    }

    @Test("Handle a webhook delivery")
    func handleWebhook() throws {
        let body = Data(deliveryJSON(type: "message.received", version: "2026-02-03", data: messageDataV2026).utf8)
        var headerFields = HTTPFields()
        headerFields[try #require(HTTPField.Name("X-Webhook-Event"))] = "message.received"
        var seen: [String] = []
        // before: the spec's key, version and all, which no header carries
        if case .messageReceivedV2026(let received) = try LinqWebhookEvent.decode(name: "message.received.v2026", from: body) {
            seen.append("\(received.data.direction) at \(received.createdAt)")
        }
        // after: what the delivery says, and the envelope's fields on the event itself
        let event = try LinqWebhookEvent.decode(headerFields: headerFields, body: body)
        if case .messageReceivedV2026(let received) = event {
            seen.append("\(received.data.direction) at \(event.createdAt ?? .distantPast)")
        }
        #expect(seen.count == 2 && seen[0] == seen[1], "\(seen)")
    }
}

@Suite("One type per meaning in the full Linq SDK")
struct OneTypePerMeaningTests {
    @Test("Every enum-typed service property, REST and webhook alike, is the one Service enum")
    func oneServiceEnum() {
        // Each declaration compiles only while the property has exactly this type.
        let chat: KeyPath<Chat, Service?> = \.service
        let handle: KeyPath<ChatHandle, Service> = \.service
        let sent: KeyPath<SentMessage, Service?> = \.preferredService
        let content: KeyPath<MessageContent, Service?> = \.preferredService
        let event: KeyPath<MessageEventV2, Service> = \.service
        let reaction: KeyPath<ReactionEventBase, Service?> = \.service
        let messageChat: KeyPath<Message, UUID> = \.chatID
        let paths: [AnyKeyPath] = [chat, handle, sent, content, event, reaction, messageChat]
        #expect(paths.count == 7)
        #expect(Service(rawValue: "auto") == .auto)
        #expect([Service.iMessage, .sms, .rcs].map(\.rawValue) == ["iMessage", "SMS", "RCS"])
    }
}
