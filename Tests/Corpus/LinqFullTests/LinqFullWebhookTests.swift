import Foundation
import LinqFull
import Testing

/// A delivery body with the common fields, `data` and the version as given.
func deliveryJSON(type: String, version: String, data: String) -> String {
    #"{"api_version":"v3","webhook_version":"\#(version)","event_type":"\#(type)","event_id":"550e8400-e29b-41d4-a716-446655440000","created_at":"2026-02-01T10:00:00Z","trace_id":"t-1","partner_id":"p-1","data":\#(data)}"#
}

let typingData = #"{"chat_id":"94c6bf33-31d9-40e3-a0e9-f94250ecedb9"}"#
let messageDataV2026 =
    #"{"chat":{"id":"94c6bf33-31d9-40e3-a0e9-f94250ecedb9"},"id":"69a37c7d-af4f-4b5e-af42-e28e98ce873a","direction":"inbound","sender_handle":{"id":"7d444840-9dc0-11d1-b245-5ffdce74fad2","handle":"+14155559876","service":"iMessage","joined_at":"2026-02-01T10:00:00Z"},"service":"iMessage","parts":[]}"#
let messageDataV2025 = #"{"chat_id":"94c6bf33-31d9-40e3-a0e9-f94250ecedb9","is_group":false}"#

@Suite("The full Linq SDK's webhook events")
struct LinqFullWebhookTests {
    @Test("A delivery decodes by the spec's key; versions with one payload share a case")
    func byName() throws {
        let body = Data(deliveryJSON(type: "chat.typing_indicator.started", version: "2026-02-03", data: typingData).utf8)
        for name in ["chat.typing_indicator.started.v2026", "chat.typing_indicator.started.v2025"] {
            let event = try LinqWebhookEvent.decode(name: name, from: body)
            guard case .chatTypingIndicatorStarted(let payload) = event else {
                Issue.record("unexpected \(event)")
                return
            }
            #expect(payload.data.chatID.uuidString.lowercased() == "94c6bf33-31d9-40e3-a0e9-f94250ecedb9")
        }
        #expect(LinqWebhookEvent.names.count == 32)
        #expect(LinqWebhookEvent.names.first == "message.sent.v2026")
        let unknown = try LinqWebhookEvent.decode(name: "chat.archived.v2027", from: body)
        guard case .unknown(let name, _) = unknown else {
            Issue.record("expected unknown")
            return
        }
        #expect(name == "chat.archived.v2027")
    }

    @Test("The X-Webhook-Event header's event type and the body's webhook_version pick the payload version")
    func byHeader() throws {
        let new = Data(deliveryJSON(type: "message.received", version: "2026-02-03", data: messageDataV2026).utf8)
        var fields = HTTPFields()
        fields[try #require(HTTPField.Name("X-Webhook-Event"))] = "message.received"
        guard case .messageReceivedV2026(let payload) = try LinqWebhookEvent.decode(headerFields: fields, body: new) else {
            Issue.record("expected the 2026-02-03 payload")
            return
        }
        #expect(payload.data.direction == .inbound)
        let old = Data(deliveryJSON(type: "message.received", version: "2025-01-01", data: messageDataV2025).utf8)
        guard case .messageReceivedV2025(let legacy) = try LinqWebhookEvent.decode(eventType: "message.received", from: old) else {
            Issue.record("expected the 2025-01-01 payload")
            return
        }
        #expect(legacy.data.isGroup == false)
        let future = Data(deliveryJSON(type: "message.received", version: "2030-01-01", data: "{}").utf8)
        guard case .unknown(let name, let raw) = try LinqWebhookEvent.decode(eventType: "message.received", from: future) else {
            Issue.record("an unknown version is an unknown event")
            return
        }
        #expect(name == "message.received")
        #expect(raw["webhook_version"]?.stringValue == "2030-01-01")
    }

    @Test("Without the header the body's event_type decides; the envelope is read without a switch")
    func byBody() throws {
        let body = Data(deliveryJSON(type: "chat.typing_indicator.started", version: "2025-01-01", data: typingData).utf8)
        let event = try LinqWebhookEvent.decode(headerFields: HTTPFields(), body: body)
        guard case .chatTypingIndicatorStarted = event else {
            Issue.record("unexpected \(event)")
            return
        }
        #expect(event.eventType == .chatTypingIndicatorStarted)
        #expect(event.webhookVersion == "2025-01-01")
        #expect(event.eventID?.uuidString.lowercased() == "550e8400-e29b-41d4-a716-446655440000")
        #expect(event.createdAt == Date(timeIntervalSince1970: 1_769_940_000))
        #expect(event.partnerID == "p-1")
        let other = try LinqWebhookEvent.decode(from: Data(#"{"event_type":"phone_number.status_updated"}"#.utf8))
        guard case .unknown("phone_number.status_updated", _) = other else {
            Issue.record("unexpected \(other)")
            return
        }
        #expect(other.createdAt == nil)
    }

    @Test("A body that does not fit its payload type names the webhook in the error")
    func mismatch() {
        #expect(throws: WebhookDecodingError.self) {
            try LinqWebhookEvent.decode(eventType: "reaction.added", from: Data(#"{"event_type":"reaction.added"}"#.utf8))
        }
        do {
            _ = try LinqWebhookEvent.decode(eventType: "reaction.added", from: Data(#"{"event_type":"reaction.added"}"#.utf8))
        } catch {
            #expect(error.name == "reaction.added.v2026")
        }
    }
}

@Suite("The full Linq SDK verifies deliveries signed as its spec documents")
struct LinqFullVerificationTests {
    @Test("A delivery signed with hex HMAC-SHA256 of <timestamp>.<body> verifies and decodes; a tampered one does not")
    func signedDelivery() throws {
        let secret: Secret = "whsec-not-needed-plain-secret"
        let body = Data(deliveryJSON(type: "chat.typing_indicator.started", version: "2026-02-03", data: typingData).utf8)
        let timestamp: Int64 = 1_770_000_000
        let signature = try TimestampedHMACVerifier(secret: secret).signature(timestamp: timestamp, body: body)
        var fields = HTTPFields()
        fields[try #require(HTTPField.Name("X-Webhook-Timestamp"))] = String(timestamp)
        fields[try #require(HTTPField.Name("X-Webhook-Signature"))] = signature
        fields[try #require(HTTPField.Name("X-Webhook-Event"))] = "chat.typing_indicator.started"
        let now = Date(timeIntervalSince1970: TimeInterval(timestamp + 5))
        let event = try LinqWebhookEvent.verify(headerFields: fields, body: body, secret: secret, now: now)
        guard case .chatTypingIndicatorStarted = event else {
            Issue.record("unexpected \(event)")
            return
        }
        #expect(LinqWebhookEvent.signingSecretEnvironmentVariable == "LINQ_WEBHOOK_SECRET")
        #expect(throws: WebhookVerificationError.noMatchingSignature(count: 1)) {
            try LinqWebhookEvent.verify(headerFields: fields, body: body + Data(" ".utf8), secret: secret, now: now)
        }
    }
}
