import Foundation
import LoopbackSupport
import SDKRuntime
import Testing

/// Shaped like a generated enum: string raw values plus an `unknown` case.
private enum ChatKind: RawRepresentable, Codable, Hashable, Sendable, ParameterValue {
    case group
    case oneOnOne
    case unknown(String)

    init(rawValue: String) {
        switch rawValue {
        case "group": self = .group
        case "one_on_one": self = .oneOnOne
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: String {
        switch self {
        case .group: "group"
        case .oneOnOne: "one_on_one"
        case .unknown(let value): value
        }
    }
}

/// Shaped like a generated error type.
private enum SampleError: Error, Equatable {
    case failed(RequestFailure)

    init(_ failure: RequestFailure) {
        self = .failed(failure)
    }
}

@Suite struct ParameterValueTests {
    @Test func parameterTextOfScalars() throws {
        #expect("a b".parameterText == "a b")
        #expect(42.parameterText == "42")
        #expect(Int64(-7).parameterText == "-7")
        #expect(true.parameterText == "true")
        #expect(1.5.parameterText == "1.5")
        #expect(ChatKind.oneOnOne.parameterText == "one_on_one")
        #expect(ChatKind.unknown("new").parameterText == "new")
        #expect(Date(timeIntervalSince1970: 1_706_704_496.5).parameterText == "2024-01-31T12:34:56.500Z")
        let id = try #require(UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"))
        #expect(id.parameterText == "e621e1f8-c36c-495a-93fc-0c247a3e6e5f")
        #expect(try #require(URL(string: "https://a.example/x?y=1")).parameterText == "https://a.example/x?y=1")
    }

    @Test func pathSegmentsUseParameterText() {
        #expect(PathEncoding.segment(ChatKind.oneOnOne) == "one_on_one")
        #expect(PathEncoding.segment(Date(timeIntervalSince1970: 0)) == "1970-01-01T00%3A00%3A00Z")
        #expect(PathEncoding.segment(7) == "7")
    }

    @Test func appendQueryAndSetHeader() {
        var request = APIRequest(method: .get, path: "/v3/chats")
        let limit: Int? = 20
        let cursor: String? = nil
        let kinds: [ChatKind]? = [.group, .oneOnOne]
        let none: [String]? = nil
        request.appendQuery("limit", limit)
        request.appendQuery("cursor", cursor)
        request.appendQuery("kind", kinds)
        request.appendQuery("tags", none)
        request.appendQuery("after", Date(timeIntervalSince1970: 0))
        #expect(request.encodedQuery == ["limit=20", "kind=group", "kind=one_on_one", "after=1970-01-01T00%3A00%3A00Z"])

        let idempotencyKey: String? = "k1"
        let absent: Int? = nil
        request.setHeader("Idempotency-Key", idempotencyKey)
        request.setHeader("X-Absent", absent)
        request.setHeader("X-Kinds", kinds)
        #expect(request.headers.value(named: "idempotency-key") == "k1")
        #expect(request.headers.value(named: "X-Absent") == nil)
        #expect(request.headers.value(named: "X-Kinds") == "group,one_on_one")
    }

    @Test func mapErrorOverloadsOverRealHTTP() async throws {
        try await withLoopbackServer([.json(#"{"kind":"group"}"#), .json(#"{"kind":1}"#), .empty(status: 409)]) { server in
            struct Chat: Codable, Equatable { let kind: ChatKind }
            let core = makeCore(baseURL: try url(server))
            let request = APIRequest(method: .post, path: "/chats", body: try core.encode(Chat(kind: .oneOnOne), mapError: SampleError.init))

            let response = try await core.send(request, mapError: SampleError.init)
            #expect(try core.decode(Chat.self, from: response, mapError: SampleError.init) == Chat(kind: .group))
            #expect(await server.requests.first?.bodyText == #"{"kind":"one_on_one"}"#)

            let undecodable = try await core.send(request, mapError: SampleError.init)
            #expect(throws: SampleError.self) {
                try core.decode(Chat.self, from: undecodable, mapError: SampleError.init)
            }

            do throws(SampleError) {
                _ = try await core.send(request, mapError: SampleError.init)
                Issue.record("expected a 409 failure")
            } catch {
                #expect(error.statusCode == 409)
            }
        }
    }
}

extension SampleError {
    fileprivate var statusCode: Int? {
        switch self {
        case .failed(let failure): failure.statusCode
        }
    }
}
