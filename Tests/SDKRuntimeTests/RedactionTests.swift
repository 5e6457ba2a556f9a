import Foundation
import LoopbackSupport
import SDKRuntime
import Testing

/// The API key must never appear in any textual or reflected representation.
@Suite struct RedactionTests {
    private let key = Secret(testKeyValue)

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
        #expect(String(describing: key) == "Secret(<redacted>)")
        #expect(String(reflecting: key) == "Secret(<redacted>)")
        #expect(Mirror(reflecting: key).children.isEmpty)
        let literal: Secret = "sk-test-SECRET-7f3a9c"
        #expect(literal == key)
        #expect(!key.isEmpty)
        #expect(Secret("").isEmpty)
    }

    @Test func configurationIsRedacted() throws {
        let configuration = ClientConfiguration(
            baseURL: try #require(URL(string: "https://api.example.com/api")),
            credentials: Credentials(scheme: "bearerAuth", .bearer, .secret(key)),
            userAgent: testUserAgent,
            defaultHeaders: fields(["X-API-Key": testKeyValue])
        )
        expectNoKey(String(describing: configuration), "ClientConfiguration description")
        expectNoKey(String(reflecting: configuration), "ClientConfiguration debugDescription")
        expectNoKey(dumped(configuration), "dump(ClientConfiguration)")
        expectNoKey(dumped(APIClientCore(configuration: configuration)), "dump(APIClientCore)")
        #expect(String(describing: configuration).contains("Credentials(bearerAuth: <redacted>)"))
        #expect(configuration.timeout == .seconds(60))
    }

    @Test func middlewaresNeverSeeTheCredentialButTheTransportGetsIt() async throws {
        struct Peeking: ClientMiddleware {
            let seen: Recorder<String>
            func intercept(
                _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
                next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
            ) async throws -> (HTTPResponse, HTTPBody?) {
                seen.append(dumped(request) + String(describing: request.headerFields) + (request.path ?? ""))
                return try await next(request, body, baseURL)
            }
        }
        let seen = Recorder<String>()
        let transport = ScriptedTransport([.respond(APIResponse(statusCode: 204))])
        let core = APIClientCore(
            configuration: ClientConfiguration(
                baseURL: try #require(URL(string: "https://api.example.com/api")), credentials: testCredentials,
                userAgent: testUserAgent, transport: transport, retryPolicy: .none, middlewares: [Peeking(seen: seen)]))
        _ = try await core.send(APIRequest(method: .post, path: "/v3/chats", body: Data("{}".utf8)))
        #expect(seen.all.count == 1)
        for text in seen.all {
            expectNoKey(text, "what a middleware sees")
        }
        #expect(transport.requests.all.map { $0.headerFields[.authorization] } == ["Bearer \(testKeyValue)"])
    }

    @Test func requestFailureDescriptionsNeverShowTheKey() throws {
        let response = APIResponse(statusCode: 401, headerFields: fields(["Set-Cookie": testKeyValue]), body: Data(#"{"error":"bad key"}"#.utf8))
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
