import Foundation
import SDKRuntime
import Testing

/// The runtime's few additions to swift-http-types' `HTTPFields`.
@Suite struct HTTPFieldsAdditionsTests {
    @Test func lookupByNameIsCaseInsensitiveAndJoinsRepeatedFields() {
        var headers = fields(["Content-Type": "application/json", "X-A": "1", "x-a": "2"])
        #expect(headers.value(named: "content-type") == "application/json")
        #expect(headers.value(named: "X-A") == "1, 2")
        #expect(headers.value(named: "missing") == nil)
        #expect(headers.value(named: "not a name") == nil)
        headers.setValue("9", named: "x-A")
        #expect(headers.value(named: "X-A") == "9")
        headers.setValue(nil, named: "X-A")
        #expect(headers.value(named: "X-A") == nil)
        headers.setValue("ignored", named: "bad name")
        #expect(headers.count == 1)
    }

    @Test func mergeLetsTheOtherFieldsWin() {
        var headers = fields(["Accept": "application/json", "X-Keep": "1"])
        headers.merge(fields(["accept": "text/csv", "X-New": "n"]))
        #expect(headers.value(named: "Accept") == "text/csv")
        #expect(headers.map(\.name.rawName) == ["X-Keep", "accept", "X-New"])
    }

    @Test func secretHeadersAreRedactedInTheRedactedDescription() {
        let headers = fields([
            "Authorization": "Bearer s1", "proxy-authorization": "Basic s2", "Cookie": "s3",
            "X-API-Key": "s4", "Set-Cookie": "s5", "X-Visible": "shown",
        ])
        let text = headers.redactedDescription
        for secret in ["s1", "s2", "s3", "s4", "s5"] {
            #expect(!text.contains(secret), "\(secret) leaked in \(text)")
        }
        #expect(text.contains("X-Visible: shown"))
        #expect(text.contains("Authorization: <redacted>"))
    }

    @Test func redactionRemovesSecretsAndTheirPercentEncodedForm() {
        let text = "GET /x?key=a%2Bb%2Fc and a+b/c and sk-1"
        #expect(Redaction.redact(text, secrets: ["a+b/c", "sk-1", ""]) == "GET /x?key=<redacted> and <redacted> and <redacted>")
    }
}

@Suite struct APIResponseTests {
    @Test func bodyTextIsNilForInvalidUTF8() {
        #expect(APIResponse(statusCode: 200, body: Data([0xFF, 0xFE, 0x00])).bodyText == nil)
        #expect(APIResponse(statusCode: 200, body: Data("ok ✓".utf8)).bodyText == "ok ✓")
        #expect(APIResponse(statusCode: 200, body: Data()).bodyText == "")
    }

    @Test func responseDescriptionShowsStatusAndBodyPreview() {
        let response = APIResponse(statusCode: 503, headerFields: fields(["Retry-After": "1"]), body: Data("down".utf8))
        let text = String(describing: response)
        #expect(text.contains("503"))
        #expect(text.contains("Retry-After: 1"))
        #expect(text.contains("down"))
        #expect(response.summary == #"HTTP 503: "down""#)
        let long = APIResponse(statusCode: 500, body: Data(String(repeating: "x", count: 2_000).utf8))
        #expect(long.summary.count < 600)
        #expect(long.summary.contains("2000 bytes"))
        #expect(APIResponse(statusCode: 204).summary == "HTTP 204: empty body")
        let cookie = APIResponse(statusCode: 401, headerFields: fields(["Set-Cookie": "session=s1"]))
        #expect(!String(describing: cookie).contains("s1"))
    }

    @Test func environmentVariablesTreatEmptyAsUnset() {
        let name = "SDKRUNTIME_TEST_\(UUID().uuidString.replacingOccurrences(of: "-", with: "_"))"
        #expect(EnvironmentVariables.value(name) == nil)
        setenv(name, "", 1)
        #expect(EnvironmentVariables.value(name) == nil)
        setenv(name, "value", 1)
        #expect(EnvironmentVariables.value(name) == "value")
        unsetenv(name)
        #expect(EnvironmentVariables.value("PATH") != nil)
    }
}
