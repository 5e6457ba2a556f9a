import Foundation
import SDKRuntime
import Testing

@Suite("Filling idempotency keys into an encoded JSON body")
struct IdempotencyKeyTests {
    private func filled(_ json: String, _ paths: [[String]]) throws -> JSONValue {
        var request = APIRequest(method: .post, path: "/", body: Data(json.utf8))
        request.fillIdempotencyKeys(at: paths)
        return try JSONDecoder().decode(JSONValue.self, from: try #require(request.body))
    }

    @Test("Absent and null keys are filled, one per array item; given keys and other values are kept")
    func fills() throws {
        let value = try filled(
            #"{"message":{"parts":[{"v":1},{"v":2,"idempotency_key":"k"},{"v":3,"idempotency_key":null}]},"n":1.5}"#,
            [["message", "parts", "*", "idempotency_key"]])
        guard case .object(let top) = value, case .object(let message)? = top["message"], case .array(let parts)? = message["parts"] else {
            Issue.record("unexpected shape \(value)")
            return
        }
        let keys = parts.map { part -> String? in
            if case .object(let object) = part, case .string(let key)? = object["idempotency_key"] { return key }
            return nil
        }
        #expect(keys[1] == "k")
        #expect(keys[0] != nil && keys[2] != nil && keys[0] != keys[2])
        #expect(UUID(uuidString: keys[0] ?? "") != nil)
        #expect(top["n"] == .number(1.5))
    }

    @Test("A body without the path's objects, or not JSON, is left byte for byte")
    func leavesOthers() {
        for body in [#"{"message":"text"}"#, #"[1,2]"#, "not json", #"{"message":{"parts":{"a":1}}}"#] {
            var request = APIRequest(method: .post, path: "/", body: Data(body.utf8))
            request.fillIdempotencyKeys(at: [["message", "parts", "*", "idempotency_key"]])
            #expect(request.body == Data(body.utf8), "\(body)")
        }
        for body in [#"{"idempotency_key":"given"}"#, "[]"] {
            var request = APIRequest(method: .post, path: "/", body: Data(body.utf8))
            request.fillIdempotencyKeys(at: [["idempotency_key"]])
            #expect(request.body == Data(body.utf8), "\(body)")
        }
    }
}
