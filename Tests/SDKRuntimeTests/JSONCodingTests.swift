import Foundation
import SDKRuntime
import Testing

@Suite struct JSONCodingTests {
    private struct Stamp: Codable, Equatable {
        let at: Date
    }

    private func decodeDate(_ text: String) throws -> Date {
        try JSONCoding.makeDecoder().decode(Stamp.self, from: Data(#"{"at":"\#(text)"}"#.utf8)).at
    }

    @Test(arguments: [
        ("2024-01-31T12:34:56Z", 1_706_704_496.0),
        ("2024-01-31T12:34:56.789Z", 1_706_704_496.789),
        ("2024-01-31T12:34:56.5Z", 1_706_704_496.5),
        ("2024-01-31T12:34:56.123456Z", 1_706_704_496.123456),
        ("2024-01-31t12:34:56z", 1_706_704_496.0),
        ("2024-01-31T14:34:56+02:00", 1_706_704_496.0),
        ("2024-01-31T07:04:56.250-05:30", 1_706_704_496.25),
        ("2024-01-31T12:34:56", 1_706_704_496.0),
        ("2024-01-31", 1_706_659_200.0),
        ("1970-01-01T00:00:00Z", 0.0),
        ("1969-12-31T23:59:59.5Z", -0.5),
        ("2000-02-29T00:00:00Z", 951_782_400.0),
    ])
    func decodesDatesWithAndWithoutFractionalSeconds(text: String, expected: TimeInterval) throws {
        let date = try decodeDate(text)
        #expect(abs(date.timeIntervalSince1970 - expected) < 0.000_01, "\(text) → \(date.timeIntervalSince1970)")
    }

    @Test(arguments: [
        "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-01-31T24:00:00Z", "yesterday", "2024-01-31T12:34:56.Z", "2024-01-31T12:34:56Zjunk",
    ])
    func rejectsInvalidDates(text: String) {
        #expect(throws: DecodingError.self) { try decodeDate(text) }
    }

    @Test func encodesDatesWithFractionOnlyWhenNonZero() throws {
        let encoder = JSONCoding.makeEncoder()
        let whole = try encoder.encode(Stamp(at: Date(timeIntervalSince1970: 1_706_704_496)))
        let fractional = try encoder.encode(Stamp(at: Date(timeIntervalSince1970: 1_706_704_496.789)))
        let beforeEpoch = try encoder.encode(Stamp(at: Date(timeIntervalSince1970: -0.5)))
        #expect(String(decoding: whole, as: UTF8.self) == #"{"at":"2024-01-31T12:34:56Z"}"#)
        #expect(String(decoding: fractional, as: UTF8.self) == #"{"at":"2024-01-31T12:34:56.789Z"}"#)
        #expect(String(decoding: beforeEpoch, as: UTF8.self) == #"{"at":"1969-12-31T23:59:59.500Z"}"#)
    }

    @Test func datesRoundTrip() throws {
        let original = Stamp(at: Date(timeIntervalSince1970: 1_714_979_289.25))
        let data = try JSONCoding.makeEncoder().encode(original)
        #expect(try JSONCoding.makeDecoder().decode(Stamp.self, from: data) == original)
    }

    @Test func encoderIsDeterministicWithSortedKeysAndUnescapedSlashes() throws {
        let value: [String: String] = ["zeta": "1", "alpha": "https://a/b", "mid": "x"]
        let first = try JSONCoding.makeEncoder().encode(value)
        let second = try JSONCoding.makeEncoder().encode(value)
        #expect(first == second)
        #expect(String(decoding: first, as: UTF8.self) == #"{"alpha":"https://a/b","mid":"x","zeta":"1"}"#)
    }

    @Test func coreEncodeAndDecode() throws {
        let core = try makeCore(failingWith: CancellationError())
        let data = try core.encode(["b": 2, "a": 1])
        #expect(String(decoding: data, as: UTF8.self) == #"{"a":1,"b":2}"#)
        let decoded = try core.decode([String: Int].self, from: APIResponse(statusCode: 200, body: data))
        #expect(decoded == ["a": 1, "b": 2])
    }

    @Test func encodingFailureIsReported() throws {
        let core = try makeCore(failingWith: CancellationError())
        let failure = failureOfEncoding { () throws(RequestFailure) in _ = try core.encode(["x": Double.nan]) }
        guard case .encodingFailed(let message) = failure else {
            Issue.record("expected .encodingFailed, got \(String(describing: failure))")
            return
        }
        #expect(!message.isEmpty)
    }

    @Test func missingKeyReasonNamesKeyAndPath() throws {
        struct Inner: Decodable { let name: String }
        struct Outer: Decodable { let inner: Inner }
        let core = try makeCore(failingWith: CancellationError())
        let response = APIResponse(statusCode: 200, body: Data(#"{"inner":{}}"#.utf8))
        let failure = failureOfEncoding { () throws(RequestFailure) in _ = try core.decode(Outer.self, from: response) }
        guard case .undecodableBody(_, let reason) = failure else {
            Issue.record("expected .undecodableBody, got \(String(describing: failure))")
            return
        }
        #expect(reason.contains("\"name\""), "reason: \(reason)")
        #expect(reason.contains("inner"), "reason: \(reason)")
    }

    private func failureOfEncoding(_ operation: () throws(RequestFailure) -> Void) -> RequestFailure? {
        do {
            try operation()
            return nil
        } catch {
            return error
        }
    }
}
