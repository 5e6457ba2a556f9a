import Foundation
import SDKRuntime
import SDKWebhooks
import Testing

/// The example of the Standard Webhooks reference libraries: `test_sign_function` in
/// standard-webhooks/standard-webhooks, libraries/python/tests/test_webhooks.py (the same values
/// are in the other reference libraries' tests). Secret, message id, timestamp and payload are
/// theirs, and so is the signature they expect.
enum SpecExample {
    static let secret: Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let secretBase64 = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let id = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    static let timestamp: Int64 = 1_614_265_330
    static let body = Data(#"{"test": 2432232314}"#.utf8)
    static let signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    /// The moment the example was signed.
    static let now = Date(timeIntervalSince1970: TimeInterval(timestamp))

    /// The three headers, with any of them replaced or (with `nil`) left out.
    static func headers(id: String? = id, timestamp: String? = String(timestamp), signature: String? = signature) -> HTTPFields {
        fields([("webhook-id", id), ("webhook-timestamp", timestamp), ("webhook-signature", signature)])
    }
}

/// Header fields from name–value pairs, leaving out the `nil` values.
func fields(_ pairs: [(String, String?)]) -> HTTPFields {
    var fields = HTTPFields()
    for (name, value) in pairs {
        if let value, let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
    }
    return fields
}

/// The error `body` throws, or `nil` when it throws none (an error of another type is a test failure).
func verificationError(_ body: () throws -> Void) -> WebhookVerificationError? {
    do {
        try body()
        return nil
    } catch let error as WebhookVerificationError {
        return error
    } catch {
        Issue.record("expected a WebhookVerificationError, got \(error)")
        return nil
    }
}

/// What `python3 -c script arguments…` prints, trimmed; `nil` when python3 cannot be run or fails.
func pythonOutput(_ script: String, _ arguments: [String]) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let output = Pipe()
    process.standardOutput = output
    do {
        try process.run()
    } catch {
        return nil
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}
