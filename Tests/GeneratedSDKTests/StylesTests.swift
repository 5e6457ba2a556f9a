import Foundation
import LoopbackSupport
import Styles
import Testing

// The generated Styles SDK (Tests/Golden/Styles) over real HTTP: each operation sends a parameter
// `color` in one style, and the loopback server's raw request target and headers must read as the
// OpenAPI 3.1 Style Examples table writes them (3.1.1 and later percent-encode `|`, `[` and `]`).

private let colors = ["blue", "black", "brown"]
private let rgb = Rgb(r: 100, g: 200, b: 150)

/// The raw request target the server received for `call`.
private func target(_ call: @Sendable (StylesClient) async throws -> Void) async throws -> String {
    try await recorded(call).target
}

/// The request the server received for `call`, made with a client of the loopback server.
private func recorded(_ call: @Sendable (StylesClient) async throws -> Void) async throws -> RecordedRequest {
    try await withLoopbackServer([.empty()]) { server in
        try await call(try StylesClient(baseURL: server.baseURL, maxRetries: 0))
        return try #require(await server.requests.first)
    }
}

@Suite("Parameter styles on the wire (Styles golden SDK)")
struct StylesTests {
    @Test func pathStyles() async throws {
        #expect(try await target { try await $0.simple.path(color: colors) } == "/simple/blue,black,brown")
        #expect(try await target { try await $0.simpleObject.pathExploded(color: rgb) } == "/simple-object/R=100,G=200,B=150")
        #expect(try await target { try await $0.label.pathExploded(color: colors) } == "/label/.blue.black.brown")
        #expect(try await target { try await $0.labelObject.path(color: rgb) } == "/label-object/.R,100,G,200,B,150")
        #expect(try await target { try await $0.matrix.path(color: colors) } == "/matrix/;color=blue,black,brown")
        #expect(try await target { try await $0.matrixExploded.path(color: rgb) } == "/matrix-exploded/;R=100;G=200;B=150")
    }

    @Test func queryStyles() async throws {
        #expect(try await target { try await $0.form.query(color: colors) } == "/form?color=blue&color=black&color=brown")
        #expect(try await target { try await $0.formJoined.query(color: colors) } == "/form-joined?color=blue,black,brown")
        #expect(try await target { try await $0.formObject.query(color: rgb) } == "/form-object?R=100&G=200&B=150")
        #expect(try await target { try await $0.space.queryDelimited(color: colors) } == "/space?color=blue%20black%20brown")
        #expect(try await target { try await $0.pipe.queryDelimited(color: colors) } == "/pipe?color=blue%7Cblack%7Cbrown")
        #expect(
            try await target { try await $0.deep.queryObject(color: rgb) } == "/deep?color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150")
        #expect(
            try await target { try await $0.metadata.queryDeepDictionary(metadata: ["b": "x y", "a": "1"]) }
                == "/metadata?metadata%5Ba%5D=1&metadata%5Bb%5D=x%20y")
        #expect(try await target { try await $0.form.query(color: nil) } == "/form")
    }

    @Test func reservedCharactersAndJSONContent() async throws {
        #expect(
            try await target { try await $0.reserved.query(next: "/a/b?c=d&e", plain: "/a/b?c=d&e") }
                == "/reserved?next=/a/b?c=d%26e&plain=%2Fa%2Fb%3Fc%3Dd%26e")
        #expect(
            try await target { try await $0.json.queryContent(filter: rgb) }
                == "/json?filter=%7B%22B%22%3A150%2C%22G%22%3A200%2C%22R%22%3A100%7D")
    }

    @Test func headersAndCookies() async throws {
        let headers = try await recorded { try await $0.headers.simple(xColors: colors, xRgb: rgb) }
        #expect(headers.header("X-Colors") == "blue,black,brown")
        #expect(headers.header("X-RGB") == "R=100,G=200,B=150")
        let cookies = try await recorded { try await $0.cookies.form(session: "s 1", colors: colors) }
        #expect(cookies.header("Cookie") == "session=s%201; colors=blue,black,brown")
        let onlySession = try await recorded { try await $0.cookies.form(session: "abc") }
        #expect(onlySession.header("Cookie") == "session=abc")
    }
}
