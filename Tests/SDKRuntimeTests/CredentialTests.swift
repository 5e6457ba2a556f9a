import Foundation
import SDKRuntime
import Testing

/// How each kind of credential goes on the request, which security alternative is chosen, and
/// the token provider's second chance after a `401`.
@Suite struct CredentialTests {
    private func core(
        _ credentials: Credentials, security: [[String]], transport: ScriptedTransport, logger: Logger? = nil
    ) throws -> APIClientCore {
        var configuration = ClientConfiguration(
            baseURL: try #require(URL(string: "https://api.example.com/base")), credentials: credentials, security: security,
            userAgent: testUserAgent, transport: transport, retryPolicy: .none, logger: logger)
        configuration.sleep = { _ in }
        return APIClientCore(configuration: configuration)
    }

    private func sent(_ credentials: Credentials, security: [[String]], request: APIRequest? = nil) async throws -> HTTPRequest? {
        let transport = ScriptedTransport([.respond(APIResponse(statusCode: 204))])
        _ = try await core(credentials, security: security, transport: transport).send(request ?? APIRequest(method: .get, path: "/x"))
        return transport.requests.all.first
    }

    @Test func eachPlacementPutsTheValueExactlyWhereTheSchemeSays() async throws {
        let bearer = try await sent(Credentials(scheme: "b", .bearer, .secret("tok")), security: [["b"]])
        #expect(bearer?.headerFields[.authorization] == "Bearer tok")

        let basic = try await sent(Credentials(scheme: "basic", .basic, .basic(username: "user", password: "pa:ss")), security: [["basic"]])
        let encoded = try #require(basic?.headerFields[.authorization]?.dropFirst("Basic ".count))
        #expect(basic?.headerFields[.authorization]?.hasPrefix("Basic ") == true)
        #expect(Data(base64Encoded: String(encoded)).flatMap { String(data: $0, encoding: .utf8) } == "user:pa:ss")

        let header = try await sent(Credentials(scheme: "bot", .header(name: "Authorization"), .secret("Bot abc")), security: [["bot"]])
        #expect(header?.headerFields[.authorization] == "Bot abc")

        let custom = try await sent(Credentials(scheme: "k", .header(name: "X-API-Key"), .secret("k1")), security: [["k"]])
        #expect(custom?.headerFields.value(named: "x-api-key") == "k1")

        let query = try await sent(
            Credentials(scheme: "q", .query(name: "api_key"), .secret("a b&c")), security: [["q"]],
            request: APIRequest(method: .get, path: "/x", query: [URLQueryItem(name: "limit", value: "1")]))
        #expect(query?.path == "/x?limit=1&api_key=a%20b%26c")

        let cookie = try await sent(
            Credentials(scheme: "c", .cookie(name: "session"), .secret("s1")), security: [["c"]],
            request: APIRequest(method: .get, path: "/x", headers: fields(["Cookie": "theme=dark"])))
        #expect(cookie?.headerFields[.cookie] == "theme=dark; session=s1")
    }

    @Test func emptySecurityOrAnEmptyAlternativeSendsNothing() async throws {
        let credentials = Credentials(scheme: "b", .bearer, .secret("tok"))
        let none = try await sent(credentials, security: [])
        #expect(none?.headerFields[.authorization] == nil)
        let optional = try await sent(credentials, security: [[]], request: APIRequest(method: .get, path: "/x", security: [[]]))
        #expect(optional?.headerFields[.authorization] == nil)
        let operationOptOut = try await sent(credentials, security: [["b"]], request: APIRequest(method: .get, path: "/x", security: []))
        #expect(operationOptOut?.headerFields[.authorization] == nil)
    }

    @Test func theFirstAlternativeTheClientCanMeetIsSentWhole() async throws {
        var credentials = Credentials()
        credentials.set(scheme: "key", .header(name: "X-Key"), .secret("k"))
        credentials.set(scheme: "app", .query(name: "app"), .secret("a"))
        let request = try await sent(credentials, security: [["oauth"], ["key", "app"], ["key"]])
        #expect(request?.headerFields.value(named: "X-Key") == "k")
        #expect(request?.path == "/x?app=a")
    }

    @Test func noAlternativeMetIsAMissingCredentialsFailureWithoutSending() async throws {
        let transport = ScriptedTransport([.respond(APIResponse(statusCode: 204))])
        let core = try core(Credentials(), security: [["bearerAuth"]], transport: transport)
        let failure = await failureOf { () async throws(RequestFailure) in _ = try await core.send(APIRequest(method: .get, path: "/x")) }
        guard case .missingCredentials(let message) = failure else {
            Issue.record("expected .missingCredentials, got \(String(describing: failure))")
            return
        }
        #expect(message.contains("bearerAuth"))
        #expect(transport.requests.all.isEmpty)
    }

    @Test func optionsHeadersWinOverTheCredential() async throws {
        let request = try await sent(
            Credentials(scheme: "b", .bearer, .secret("tok")), security: [["b"]],
            request: APIRequest(method: .get, path: "/x", headers: fields(["Authorization": "Bearer other"])))
        #expect(request?.headerFields[.authorization] == "Bearer other")
    }

    @Test func aRejectedTokenIsRefreshedOnceAndTheRequestSentAgain() async throws {
        let asked = Recorder<Bool>()
        let provider = TokenProvider { request in
            asked.append(request.isRefresh)
            return request.isRefresh ? "tok-fresh-2" : "tok-stale-1"
        }
        let lines = Recorder<String>()
        let transport = ScriptedTransport([.respond(APIResponse(statusCode: 401)), .respond(APIResponse(statusCode: 204))])
        let core = try core(
            Credentials(scheme: "oauth", .bearer, .provider(provider)), security: [["oauth"]], transport: transport,
            logger: SDKLogging.logger(label: "test", level: .debug) { lines.append($0) })
        #expect(try await core.send(APIRequest(method: .get, path: "/x")).statusCode == 204)
        #expect(asked.all == [false, true])
        #expect(transport.requests.all.map { $0.headerFields[.authorization] } == ["Bearer tok-stale-1", "Bearer tok-fresh-2"])
        #expect(lines.all.allSatisfy { !$0.contains("tok-stale-1") && !$0.contains("tok-fresh-2") })

        // A second 401 is the caller's: the provider is asked once more only.
        let rejecting = ScriptedTransport([.respond(APIResponse(statusCode: 401)), .respond(APIResponse(statusCode: 401))])
        let stubborn = try self.core(Credentials(scheme: "oauth", .bearer, .provider(provider)), security: [["oauth"]], transport: rejecting)
        let failure = await failureOf { () async throws(RequestFailure) in _ = try await stubborn.send(APIRequest(method: .get, path: "/x")) }
        #expect(failure?.statusCode == 401)
        #expect(rejecting.requests.all.count == 2)
    }

    @Test func aFixedTokenIsNotRetriedAfter401() async throws {
        let transport = ScriptedTransport([.respond(APIResponse(statusCode: 401)), .respond(APIResponse(statusCode: 204))])
        let core = try core(Credentials(scheme: "b", .bearer, .secret("tok")), security: [["b"]], transport: transport)
        let failure = await failureOf { () async throws(RequestFailure) in _ = try await core.send(APIRequest(method: .get, path: "/x")) }
        #expect(failure?.statusCode == 401)
        #expect(transport.requests.all.count == 1)
    }

    @Test func argumentsWinOverTheEnvironmentAndEmptyMeansAbsent() {
        let name = "SDKRUNTIME_CRED_\(UUID().uuidString.replacingOccurrences(of: "-", with: "_"))"
        setenv(name, "from-env", 1)
        defer { unsetenv(name) }
        guard case .secret(let fromArgument)? = Credentials.secret("arg", environmentVariable: name) else {
            Issue.record("expected a secret")
            return
        }
        #expect(fromArgument == "arg")
        guard case .secret(let fromEnvironment)? = Credentials.secret("", environmentVariable: name) else {
            Issue.record("expected a secret")
            return
        }
        #expect(fromEnvironment == "from-env")
        #expect(Credentials.secret(nil, environmentVariable: nil) == nil)
        #expect(Credentials.basic(username: "u", password: nil, usernameEnvironmentVariable: nil, passwordEnvironmentVariable: nil) == nil)
    }

    @Test func descriptionsNameTheSchemesOnly() {
        var credentials = Credentials(scheme: "bearerAuth", .bearer, .secret(Secret(testKeyValue)))
        credentials.set(scheme: "basic", .basic, .basic(username: "u", password: Secret(testKeyValue)))
        for text in [String(describing: credentials), String(reflecting: credentials), dumped(credentials)] {
            #expect(!text.contains(testKeyValue))
        }
        #expect(String(describing: credentials) == "Credentials(bearerAuth: <redacted>, basic: <redacted>)")
    }
}
