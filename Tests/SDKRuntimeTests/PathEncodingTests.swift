import Foundation
import SDKRuntime
import Testing

@Suite struct PathEncodingTests {
    @Test(arguments: [
        ("a/b", "a%2Fb"),
        ("..", "%2E%2E"),
        (".", "%2E"),
        ("...", "..."),
        ("a..b", "a..b"),
        ("v1.2_x-y~z", "v1.2_x-y~z"),
        ("what? #1 100%", "what%3F%20%231%20100%25"),
        ("héllo wörld", "h%C3%A9llo%20w%C3%B6rld"),
        ("日本", "%E6%97%A5%E6%9C%AC"),
        ("👍", "%F0%9F%91%8D"),
        ("a+b&c=d;e:f@g", "a%2Bb%26c%3Dd%3Be%3Af%40g"),
        ("", ""),
    ])
    func encodesStrings(input: String, expected: String) {
        #expect(PathEncoding.segment(input) == expected)
    }

    @Test func encodesUUIDsInLowerCase() throws {
        let id = try #require(UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"))
        #expect(PathEncoding.segment(id) == "e621e1f8-c36c-495a-93fc-0c247a3e6e5f")
    }

    @Test func encodesOtherValuesByDescription() {
        #expect(PathEncoding.segment(42) == "42")
        #expect(PathEncoding.segment(true) == "true")
        #expect(PathEncoding.segment(HTTPRequest.Method.get) == "GET")
    }
}

/// Where a request goes: the base URL handed to the transport, and the path and query after it.
@Suite struct URLBuildingTests {
    private func build(_ base: String, _ path: String, _ query: [URLQueryItem] = []) throws -> String? {
        let baseURL = try #require(URL(string: base))
        let core = APIClientCore(configuration: ClientConfiguration(baseURL: baseURL, userAgent: "t"))
        return core.transportBaseURL.absoluteString + APIClientCore.makePath(baseURL: baseURL, path: path, query: query)
    }

    @Test func joinsBasePathWithoutDoubleSlash() throws {
        #expect(try build("https://api.linqapp.com/api/partner", "/v3/chats") == "https://api.linqapp.com/api/partner/v3/chats")
        #expect(try build("https://api.linqapp.com/api/partner/", "/v3/chats") == "https://api.linqapp.com/api/partner/v3/chats")
        #expect(try build("https://api.linqapp.com", "/v3/chats") == "https://api.linqapp.com/v3/chats")
        #expect(try build("https://api.linqapp.com/", "v3/chats") == "https://api.linqapp.com/v3/chats")
        #expect(try build("http://127.0.0.1:8080/api", "/x") == "http://127.0.0.1:8080/api/x")
    }

    @Test func encodesQueryNamesAndValues() throws {
        let query = [
            URLQueryItem(name: "q", value: "a+b&c=d e"),
            URLQueryItem(name: "gone", value: nil),
            URLQueryItem(name: "tag[]", value: "x"),
            URLQueryItem(name: "tag[]", value: "y"),
            URLQueryItem(name: "empty", value: ""),
        ]
        #expect(
            try build("https://h/api", "/s", query)
                == "https://h/api/s?q=a%2Bb%26c%3Dd%20e&tag%5B%5D=x&tag%5B%5D=y&empty="
        )
    }

    @Test func keepsAQueryAlreadyOnTheBaseURL() throws {
        #expect(try build("https://h/api?v=2", "/s", [URLQueryItem(name: "a", value: "1")]) == "https://h/api/s?v=2&a=1")
        #expect(try build("https://h/api/?v=2#top", "/s") == "https://h/api/s?v=2")
    }
}
