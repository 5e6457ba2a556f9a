import Foundation
import LoopbackSupport
import SDKRuntime
import Testing

/// The API key must never appear in any textual or reflected representation.
@Suite struct RedactionTests {
    private let key = APIKey(testKeyValue)

    private func expectNoKey(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!text.contains(testKeyValue), "\(what) leaks the key: \(text)", sourceLocation: sourceLocation)
        #expect(!text.contains("7f3a9c"), "\(what) leaks part of the key: \(text)", sourceLocation: sourceLocation)
    }

    @Test func apiKeyIsRedactedEverywhere() {
        expectNoKey(String(describing: key), "String(describing:)")
        expectNoKey(String(reflecting: key), "String(reflecting:)")
        expectNoKey("\(key)", "interpolation")
        expectNoKey(dumped(key), "dump")
        expectNoKey(String(describing: [key]), "array description")
        expectNoKey(String(describing: Optional(key)), "optional description")
        #expect(String(describing: key) == "APIKey(<redacted>)")
        #expect(String(reflecting: key) == "APIKey(<redacted>)")
        #expect(Mirror(reflecting: key).children.isEmpty)
        let literal: APIKey = "sk-test-SECRET-7f3a9c"
        #expect(literal == key)
        #expect(!key.isEmpty)
        #expect(APIKey("").isEmpty)
    }

    @Test func configurationIsRedacted() throws {
        let configuration = ClientConfiguration(
            baseURL: try #require(URL(string: "https://api.example.com/api")),
            apiKey: key,
            userAgent: testUserAgent,
            defaultHeaders: ["X-API-Key": testKeyValue]
        )
        expectNoKey(String(describing: configuration), "ClientConfiguration description")
        expectNoKey(String(reflecting: configuration), "ClientConfiguration debugDescription")
        expectNoKey(dumped(configuration), "dump(ClientConfiguration)")
        expectNoKey(dumped(APIClientCore(configuration: configuration)), "dump(APIClientCore)")
        #expect(String(describing: configuration).contains("APIKey(<redacted>)"))
        #expect(configuration.timeout == .seconds(60))
    }

    @Test func preparedRequestCarriesTheKeyButNeverShowsIt() throws {
        let core = try makeCore(failingWith: CancellationError())
        let request = try core.makeHTTPRequest(
            APIRequest(method: .post, path: "/v3/chats", headers: ["Cookie": "session=\(testKeyValue)"], body: Data("{}".utf8))
        )
        #expect(request.headers["Authorization"] == "Bearer \(testKeyValue)")
        expectNoKey(String(describing: request), "HTTPRequest description")
        expectNoKey(String(reflecting: request), "HTTPRequest debugDescription")
        expectNoKey(dumped(request), "dump(HTTPRequest)")
        expectNoKey(String(describing: request.headers), "HTTPHeaders description")
        expectNoKey(dumped(request.headers), "dump(HTTPHeaders)")
        #expect(String(describing: request).contains("Authorization: <redacted>"))
        #expect(String(describing: request).contains("POST https://api.example.com/api/v3/chats"))
    }

    @Test func requestFailureDescriptionsNeverShowTheKey() throws {
        let response = HTTPResponse(statusCode: 401, headers: ["Set-Cookie": testKeyValue], body: Data(#"{"error":"bad key"}"#.utf8))
        let failures: [RequestFailure] = [
            .transport("could not connect to 127.0.0.1:1"),
            .timedOut(.seconds(1)),
            .cancelled,
            .status(response),
            .undecodableBody(response, reason: "missing key \"id\" at (root)"),
            .encodingFailed("invalid value"),
        ]
        for failure in failures {
            expectNoKey(String(describing: failure), "description of \(failure)")
            expectNoKey(String(reflecting: failure), "reflection of \(failure)")
            expectNoKey(failure.localizedDescription, "localizedDescription of \(failure)")
        }
        #expect(String(describing: RequestFailure.status(response)).contains("401"))
    }

    @Test func realFailuresNeverShowTheKey() async throws {
        let port = try LoopbackServer.unusedPort()
        let core = makeCore(baseURL: try #require(URL(string: "http://127.0.0.1:\(port)")))
        let refused = await failureOf { () async throws(RequestFailure) in
            _ = try await core.send(APIRequest(method: .get, path: "/x"))
        }
        expectNoKey(String(describing: refused), "refused connection failure")

        try await withLoopbackServer([.json(#"{"error":"nope"}"#, status: 403)]) { server in
            let core = makeCore(baseURL: try url(server))
            let status = await failureOf { () async throws(RequestFailure) in
                _ = try await core.send(APIRequest(method: .get, path: "/x"))
            }
            #expect(status?.statusCode == 403)
            expectNoKey(String(describing: status), "status failure")
            expectNoKey(dumped(status), "dump(status failure)")
        }
    }
}
