import Foundation
import SDKRuntime
import SDKWebhooks
import Testing

/// The signatures against Python's own `hmac` and `base64` modules, on random inputs: an
/// implementation that shares no code with swift-crypto or with this verifier.
@Suite struct IndependentHMACTests {
    /// Python's signature of the delivery (`v1,<base64>`), or `nil` when `python3` cannot be run.
    func pythonSignature(secret: Data, id: String, timestamp: Int64, body: Data) throws -> String? {
        let script = """
            from base64 import b64decode, b64encode
            from hashlib import sha256
            from hmac import new
            from sys import argv
            content = argv[2].encode() + b"." + argv[3].encode() + b"." + b64decode(argv[4])
            print("v1," + b64encode(new(b64decode(argv[1]), content, sha256).digest()).decode())
            """
        return pythonOutput(script, [secret.base64EncodedString(), id, String(timestamp), body.base64EncodedString()])
    }

    func randomBytes(_ count: Int, using generator: inout SystemRandomNumberGenerator) -> Data {
        Data((0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    @Test func swiftCryptoAgreesWithPython() throws {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<4 {
            let secret = randomBytes(24 + round * 8, using: &generator)
            let body = randomBytes(Int.random(in: 0...4_096, using: &generator), using: &generator)
            let id = "msg_\(UUID().uuidString)"
            let timestamp = Int64.random(in: 1_600_000_000...1_900_000_000, using: &generator)
            guard let expected = try pythonSignature(secret: secret, id: id, timestamp: timestamp, body: body) else {
                Issue.record("python3 is needed for this test and could not be run")
                return
            }
            let verifier = try StandardWebhookVerifier(secret: Secret("whsec_" + secret.base64EncodedString()))
            #expect(verifier.signature(id: id, timestamp: timestamp, body: body) == expected, "round \(round)")
            let headers = fields([("webhook-id", id), ("webhook-timestamp", String(timestamp)), ("webhook-signature", expected)])
            try verifier.verify(headerFields: headers, body: body, now: Date(timeIntervalSince1970: TimeInterval(timestamp)))
        }
    }
}
