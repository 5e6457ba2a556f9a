import Foundation
import LoopbackSupport
import SDKRuntime
import Signed
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Webhook deliveries POSTed over real HTTP (URLSession) to a server on 127.0.0.1, whose handler
/// verifies and decodes them with the generated `SignedWebhookEvent.verify(headerFields:body:secret:now:)`
/// of the golden Signed SDK (Tests/Golden/Signed), and answers 204 or 401 with the reason.
@Suite struct LoopbackDeliveryTests {
    static let paid = Data(#"{"type":"order.paid","order_id":"ord_1","amount":1200,"created_at":"2026-01-01T00:00:00Z"}"#.utf8)

    /// A random `whsec_` secret, as an endpoint would be given.
    static func makeSecretText() -> String {
        var generator = SystemRandomNumberGenerator()
        return "whsec_" + Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }).base64EncodedString()
    }

    static func makeSecret() -> Secret { Secret(makeSecretText()) }

    /// What the handler answers: 204 with the decoded event in a header, or 401 with the error.
    static func handler(secret: Secret?) -> @Sendable (RecordedRequest) -> ScriptedResponse {
        { request in
            var headerFields = HTTPFields()
            for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
                if let name = HTTPField.Name(name) { headerFields.append(HTTPField(name: name, value: value)) }
            }
            do {
                let event = try SignedWebhookEvent.verify(headerFields: headerFields, body: request.body, secret: secret)
                switch event {
                case .orderPaid(let paid): return .text("orderPaid \(paid.orderID) \(paid.amount)", status: 200)
                case .orderRefunded(let refunded): return .text("orderRefunded \(refunded.orderID)", status: 200)
                case .unknown(let name, _): return .text("unknown \(name ?? "-")", status: 200)
                }
            } catch {
                return .text(String(describing: error), status: 401)
            }
        }
    }

    /// POSTs `body` with the Standard Webhooks headers signed by `signer` at `timestamp`.
    static func deliver(
        to server: LoopbackServer, body: Data, signedBody: Data? = nil, signer: StandardWebhookVerifier, timestamp: Int64,
        event: String = "order.paid"
    ) async throws -> (status: Int, text: String) {
        var request = URLRequest(url: server.baseURL.appendingPathComponent("webhooks"))
        request.httpMethod = "POST"
        request.httpBody = body
        let id = "msg_\(UUID().uuidString)"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(event, forHTTPHeaderField: "X-Signed-Event")
        request.setValue(id, forHTTPHeaderField: "webhook-id")
        request.setValue(String(timestamp), forHTTPHeaderField: "webhook-timestamp")
        request.setValue(signer.signature(id: id, timestamp: timestamp, body: signedBody ?? body), forHTTPHeaderField: "webhook-signature")
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    static var now: Int64 { Int64(Date().timeIntervalSince1970) }

    @Test func aSignedDeliveryVerifiesAndDecodes() async throws {
        let secret = Self.makeSecret()
        let signer = try StandardWebhookVerifier(secret: secret)
        let server = try await LoopbackServer.start(responder: Self.handler(secret: secret))
        defer { Task { await server.stop() } }
        let answer = try await Self.deliver(to: server, body: Self.paid, signer: signer, timestamp: Self.now)
        #expect(answer.status == 200)
        #expect(answer.text == "orderPaid ord_1 1200")
        let requests = await server.requests
        #expect(requests.count == 1)
        #expect(requests.first?.header("webhook-signature")?.hasPrefix("v1,") == true)
    }

    @Test func aTamperedDeliveryIsRejected() async throws {
        let secret = Self.makeSecret()
        let signer = try StandardWebhookVerifier(secret: secret)
        let server = try await LoopbackServer.start(responder: Self.handler(secret: secret))
        defer { Task { await server.stop() } }
        let tampered = Data(String(decoding: Self.paid, as: UTF8.self).replacingOccurrences(of: "1200", with: "1").utf8)
        let answer = try await Self.deliver(to: server, body: tampered, signedBody: Self.paid, signer: signer, timestamp: Self.now)
        #expect(answer.status == 401)
        #expect(answer.text == WebhookVerificationError.noMatchingSignature(count: 1).description)
        // Signed with another endpoint's secret.
        let other = try StandardWebhookVerifier(secret: Self.makeSecret())
        let foreign = try await Self.deliver(to: server, body: Self.paid, signer: other, timestamp: Self.now)
        #expect(foreign.status == 401)
        #expect(foreign.text == WebhookVerificationError.noMatchingSignature(count: 1).description)
    }

    @Test func aReplayedDeliveryIsRejected() async throws {
        let secret = Self.makeSecret()
        let signer = try StandardWebhookVerifier(secret: secret)
        let server = try await LoopbackServer.start(responder: Self.handler(secret: secret))
        defer { Task { await server.stop() } }
        let answer = try await Self.deliver(to: server, body: Self.paid, signer: signer, timestamp: Self.now - 3_600)
        #expect(answer.status == 401)
        #expect(answer.text.contains("more than the 300 s allowed"))
    }

    @Test func aVerifiedBodyThatIsNotItsEventIsUndecodable() async throws {
        let secret = Self.makeSecret()
        let signer = try StandardWebhookVerifier(secret: secret)
        let server = try await LoopbackServer.start(responder: Self.handler(secret: secret))
        defer { Task { await server.stop() } }
        let missingAmount = Data(#"{"type":"order.paid","order_id":"ord_1","created_at":"2026-01-01T00:00:00Z"}"#.utf8)
        let answer = try await Self.deliver(to: server, body: missingAmount, signer: signer, timestamp: Self.now)
        #expect(answer.status == 401)
        #expect(answer.text.hasPrefix("the webhook delivery's signature verified, but its body did not decode"))
    }

    @Test func theGeneratedMethodReadsTheSecretFromItsEnvironmentVariable() async throws {
        #expect(SignedWebhookEvent.signingSecretEnvironmentVariable == "SIGNED_WEBHOOK_SECRET")
        #expect(SignedWebhookEvent.signatureTolerance == 300)
        let secretText = Self.makeSecretText()
        let signer = try StandardWebhookVerifier(secret: Secret(secretText))
        let server = try await LoopbackServer.start(responder: Self.handler(secret: nil))
        defer { Task { await server.stop() } }
        let unset = try await Self.deliver(to: server, body: Self.paid, signer: signer, timestamp: Self.now)
        #expect(unset.status == 401)
        #expect(unset.text == WebhookVerificationError.secretMissing(environmentVariable: "SIGNED_WEBHOOK_SECRET").description)
        setenv("SIGNED_WEBHOOK_SECRET", secretText, 1)
        defer { unsetenv("SIGNED_WEBHOOK_SECRET") }
        let answer = try await Self.deliver(to: server, body: Self.paid, signer: signer, timestamp: Self.now)
        #expect(answer.status == 200)
        #expect(answer.text == "orderPaid ord_1 1200")
    }
}
