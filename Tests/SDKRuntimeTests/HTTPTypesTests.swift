import Foundation
import SDKRuntime
import Testing

@Suite struct HTTPHeadersTests {
    @Test func lookupIsCaseInsensitiveAndOrderIsKept() {
        var headers: HTTPHeaders = ["Content-Type": "application/json", "X-A": "1"]
        headers.add(name: "x-a", value: "2")
        headers.add(name: "Accept", value: "*/*")
        #expect(headers["content-type"] == "application/json")
        #expect(headers["X-A"] == "1, 2")
        #expect(headers.values(for: "X-a") == ["1", "2"])
        #expect(headers.map(\.name) == ["Content-Type", "X-A", "x-a", "Accept"])
        #expect(headers.names == ["Content-Type", "X-A", "Accept"])
        #expect(headers.count == 4)
        #expect(headers["missing"] == nil)
    }

    @Test func settingReplacesAllFieldsOfThatNameAndNilRemoves() {
        var headers: HTTPHeaders = ["A": "1", "B": "2", "a": "3"]
        headers["a"] = "9"
        #expect(headers.map(\.value) == ["9", "2"])
        #expect(headers.map(\.name) == ["A", "B"])
        headers["C"] = "new"
        #expect(headers.map(\.name) == ["A", "B", "C"])
        headers["b"] = nil
        #expect(headers.map(\.name) == ["A", "C"])
        #expect(!headers.contains(name: "B"))
    }

    @Test func mergeLetsTheOtherHeadersWin() {
        var headers: HTTPHeaders = ["Accept": "application/json", "X-Keep": "1"]
        headers.merge(["accept": "text/csv", "X-New": "n"])
        #expect(headers["Accept"] == "text/csv")
        #expect(headers.map(\.name) == ["X-Keep", "accept", "X-New"])
    }

    @Test func equalityIgnoresNameCaseButNotOrderOrValues() {
        let a: HTTPHeaders = ["Content-Type": "a", "X": "1"]
        #expect(a == ["content-type": "a", "x": "1"])
        #expect(a.hashValue == HTTPHeaders(["content-type": "a", "x": "1"] as HTTPHeaders).hashValue)
        #expect(a != ["X": "1", "Content-Type": "a"])
        #expect(a != ["Content-Type": "A", "X": "1"])
    }

    @Test func secretHeadersAreRedactedInDescriptions() {
        var headers: HTTPHeaders = [
            "Authorization": "Bearer s1", "proxy-authorization": "Basic s2", "Cookie": "s3",
            "X-API-Key": "s4", "X-Custom-Token": "s5", "X-Visible": "shown",
        ]
        headers.markSecret("x-custom-token")
        let texts = [String(describing: headers), String(reflecting: headers), dumped(headers)]
        for text in texts {
            for secret in ["s1", "s2", "s3", "s4", "s5"] {
                #expect(!text.contains(secret), "\(secret) leaked in \(text)")
            }
            #expect(text.contains("shown"))
            #expect(text.contains("<redacted>"))
        }
        #expect(headers["Authorization"] == "Bearer s1")
    }
}

@Suite struct HTTPTypesTests {
    @Test func methodsUseCanonicalTokens() {
        let methods: [HTTPMethod] = [.get, .post, .put, .patch, .delete, .head, .options]
        #expect(methods.map(\.rawValue) == ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
        #expect(HTTPMethod(rawValue: "GET") == .get)
        #expect("\(HTTPMethod.patch)" == "PATCH")
    }

    @Test func bodyTextIsNilForInvalidUTF8() {
        #expect(HTTPResponse(statusCode: 200, body: Data([0xFF, 0xFE, 0x00])).bodyText == nil)
        #expect(HTTPResponse(statusCode: 200, body: Data("ok ✓".utf8)).bodyText == "ok ✓")
        #expect(HTTPResponse(statusCode: 200, body: Data()).bodyText == "")
    }

    @Test func responseDescriptionShowsStatusAndBodyPreview() {
        let response = HTTPResponse(statusCode: 503, headers: ["Retry-After": "1"], body: Data("down".utf8))
        let text = String(describing: response)
        #expect(text.contains("503"))
        #expect(text.contains("Retry-After: 1"))
        #expect(text.contains("down"))
        #expect(response.summary == #"HTTP 503: "down""#)
        let long = HTTPResponse(statusCode: 500, body: Data(String(repeating: "x", count: 2_000).utf8))
        #expect(long.summary.count < 600)
        #expect(long.summary.contains("2000 bytes"))
        #expect(HTTPResponse(statusCode: 204).summary == "HTTP 204: empty body")
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
