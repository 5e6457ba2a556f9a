import Foundation
import LoopbackSupport
import SDKRuntime
import Testing

/// Requests and responses over real HTTP to a loopback server.
@Suite struct HTTPRoundTripTests {
    @Test func methodPathQueryHeadersAndBodyArriveAsSent() async throws {
        try await withLoopbackServer([.json(#"{"id":"m1"}"#, status: 201)]) { server in
            let core = makeCore(baseURL: try url(server), defaultHeaders: fields(["X-Default": "yes"]))
            let body = Data(#"{"text":"hi / there"}"#.utf8)
            let response = try await core.send(
                APIRequest(
                    method: .post,
                    path: "/v3/chats/\(PathEncoding.segment("a/b c"))/messages",
                    query: [
                        URLQueryItem(name: "limit", value: "10"),
                        URLQueryItem(name: "skipped", value: nil),
                        URLQueryItem(name: "q", value: "a+b&c=d e/é"),
                    ],
                    headers: fields(["X-Request-Id": "req-1"]),
                    body: body
                )
            )
            #expect(response.statusCode == 201)
            #expect(response.bodyText == #"{"id":"m1"}"#)
            #expect(response.headerFields.value(named: "content-type") == "application/json")

            let requests = await server.requests
            try #require(requests.count == 1)
            let received = requests[0]
            #expect(received.method == "POST")
            #expect(received.path == "/v3/chats/a%2Fb%20c/messages")
            #expect(received.query == "limit=10&q=a%2Bb%26c%3Dd%20e%2F%C3%A9")
            #expect(received.header("Authorization") == "Bearer \(testKeyValue)")
            #expect(received.header("Accept") == "application/json")
            #expect(received.header("User-Agent") == testUserAgent)
            #expect(received.header("Content-Type") == "application/json")
            #expect(received.header("X-Request-Id") == "req-1")
            #expect(received.header("X-Default") == "yes")
            #expect(received.body == body)
        }
    }

    @Test(arguments: ["/api/partner", "/api/partner/"])
    func baseURLPathPrefixIsKept(prefix: String) async throws {
        try await withLoopbackServer([.json("{}")]) { server in
            let core = makeCore(baseURL: try url(server, prefix))
            _ = try await core.send(APIRequest(method: .get, path: "/v3/chats"))
            let requests = await server.requests
            #expect(requests.map(\.target) == ["/api/partner/v3/chats"])
            #expect(requests.first?.method == "GET")
            #expect(requests.first?.header("Content-Type") == nil)
            #expect(requests.first?.body.isEmpty == true)
        }
    }

    @Test func baseURLWithoutPathAndWithTrailingSlash() async throws {
        try await withLoopbackServer([.json("{}")]) { server in
            let core = makeCore(baseURL: try url(server, "/"))
            _ = try await core.send(APIRequest(method: .get, path: "/health"))
            #expect(await server.requests.map(\.target) == ["/health"])
        }
    }

    @Test func dotSegmentsStayInsideThePath() async throws {
        try await withLoopbackServer([.json("{}")]) { server in
            let core = makeCore(baseURL: try url(server, "/api"))
            _ = try await core.send(APIRequest(method: .get, path: "/files/\(PathEncoding.segment(".."))/meta"))
            #expect(await server.requests.map(\.target) == ["/api/files/%2E%2E/meta"])
        }
    }

    @Test func operationHeadersWinOverDefaultsAndRuntimeHeaders() async throws {
        try await withLoopbackServer([.text("a,b", status: 200, contentType: "text/csv")]) { server in
            let core = makeCore(
                baseURL: try url(server),
                defaultHeaders: fields(["User-Agent": "overridden-by-config", "X-Tenant": "t1"])
            )
            let response = try await core.send(
                APIRequest(
                    method: .put,
                    path: "/export",
                    headers: fields(["accept": "text/csv"]),
                    body: Data("x=1".utf8),
                    contentType: "application/x-www-form-urlencoded"
                )
            )
            #expect(response.bodyText == "a,b")
            let received = try #require(await server.requests.first)
            #expect(received.method == "PUT")
            #expect(received.header("Accept") == "text/csv")
            #expect(received.header("User-Agent") == testUserAgent)
            #expect(received.header("X-Tenant") == "t1")
            #expect(received.header("Content-Type") == "application/x-www-form-urlencoded")
            #expect(received.bodyText == "x=1")
        }
    }

    @Test func largeBodyArrivesIntact() async throws {
        try await withLoopbackServer([.json("{}")]) { server in
            let core = makeCore(baseURL: try url(server))
            let body = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
            _ = try await core.send(
                APIRequest(method: .post, path: "/upload", body: body, contentType: "application/octet-stream")
            )
            let received = try #require(await server.requests.first)
            #expect(received.body.count == body.count)
            #expect(received.body == body)
        }
    }

    @Test func noContentResponseHasEmptyBody() async throws {
        try await withLoopbackServer([.empty(status: 204)]) { server in
            let core = makeCore(baseURL: try url(server))
            let response = try await core.send(APIRequest(method: .delete, path: "/v3/chats/1"))
            #expect(response.statusCode == 204)
            #expect(response.body.isEmpty)
            #expect(await server.requests.first?.method == "DELETE")
        }
    }

    @Test func requestsAreAnsweredInScriptOrder() async throws {
        try await withLoopbackServer([.json(#"{"n":1}"#), .json(#"{"n":2}"#, status: 202)]) { server in
            let core = makeCore(baseURL: try url(server))
            let first = try await core.send(APIRequest(method: .patch, path: "/one"))
            let second = try await core.send(APIRequest(method: .get, path: "/two"))
            #expect(first.bodyText == #"{"n":1}"#)
            #expect(second.statusCode == 202)
            let requests = await server.requests
            #expect(requests.map(\.method) == ["PATCH", "GET"])
            #expect(requests.map(\.path) == ["/one", "/two"])
        }
    }

    @Test func errorStatusKeepsStatusHeadersAndBody() async throws {
        let envelope = #"{"error":{"code":"chat_not_found","message":"No chat 42"}}"#
        try await withLoopbackServer([.json(envelope, status: 404, headers: [(name: "X-Trace", value: "abc")])]) { server in
            let core = makeCore(baseURL: try url(server))
            let failure = await failureOf { () async throws(RequestFailure) in
                _ = try await core.send(APIRequest(method: .get, path: "/v3/chats/42"))
            }
            guard case .status(let response) = failure else {
                Issue.record("expected .status, got \(String(describing: failure))")
                return
            }
            #expect(response.statusCode == 404)
            #expect(response.headerFields.value(named: "x-trace") == "abc")
            #expect(response.headerFields.value(named: "Content-Type") == "application/json")
            #expect(response.bodyText == envelope)
            #expect(failure?.statusCode == 404)

            struct Envelope: Decodable {
                struct Detail: Decodable {
                    let code: String
                    let message: String
                }
                let error: Detail
            }
            #expect(response.decodeJSON(Envelope.self)?.error.code == "chat_not_found")
            #expect(response.decodeJSON([Int].self) == nil)
        }
    }

    @Test func htmlBadGatewayIsAStatusFailure() async throws {
        let html = "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"
        try await withLoopbackServer([.text(html, status: 502, contentType: "text/html")]) { server in
            let core = makeCore(baseURL: try url(server))
            let failure = await failureOf { () async throws(RequestFailure) in
                _ = try await core.send(APIRequest(method: .get, path: "/v3/chats"))
            }
            guard case .status(let response) = failure else {
                Issue.record("expected .status, got \(String(describing: failure))")
                return
            }
            #expect(response.statusCode == 502)
            #expect(response.headerFields.value(named: "content-type") == "text/html")
            #expect(response.bodyText == html)
            #expect(response.decodeJSON([String: String].self) == nil)
            #expect(String(describing: failure).contains("502"))
        }
    }

    @Test func decodesASuccessfulBody() async throws {
        struct Chat: Decodable, Equatable {
            let id: String
            let createdAt: Date
        }
        let json = #"{"id":"c1","createdAt":"2024-05-06T07:08:09.250Z"}"#
        try await withLoopbackServer([.json(json)]) { server in
            let core = makeCore(baseURL: try url(server))
            let response = try await core.send(APIRequest(method: .get, path: "/v3/chats/c1"))
            let chat = try core.decode(Chat.self, from: response)
            #expect(chat.id == "c1")
            #expect(chat.createdAt == Date(timeIntervalSince1970: 1_714_979_289.25))
        }
    }

    @Test func undecodableBodyNamesTheKeyPath() async throws {
        struct Item: Decodable { let id: Int }
        struct Page: Decodable { let data: [Item] }
        let json = #"{"data":[{"id":1},{"id":"two"}]}"#
        try await withLoopbackServer([.json(json)]) { server in
            let core = makeCore(baseURL: try url(server))
            let response = try await core.send(APIRequest(method: .get, path: "/items"))
            let failure = await failureOf { () throws(RequestFailure) in
                _ = try core.decode(Page.self, from: response)
            }
            guard case .undecodableBody(let kept, let reason) = failure else {
                Issue.record("expected .undecodableBody, got \(String(describing: failure))")
                return
            }
            #expect(kept == response)
            #expect(reason.contains("data[1].id"), "reason: \(reason)")
        }
    }
}
