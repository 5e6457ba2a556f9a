import Foundation
import SDKRuntime
import Testing

/// Every row of the OpenAPI 3.1 "Style Examples" table (§4.8.12.4), as the published table writes
/// it (3.1.1 and later print the query's `|`, `[` and `]` percent-encoded), for a parameter named
/// `color`: empty (an empty string), the string `blue`, the array `[blue, black, brown]` and the
/// object `{R: 100, G: 200, B: 150}`. `nil` marks the table's n/a.
@Suite struct ParameterStyleTests {
    struct Row: Sendable, CustomStringConvertible {
        let style: ParameterStyle
        let explode: Bool
        let empty: String?
        let string: String?
        let array: String?
        let object: String?
        var description: String { "\(style.rawValue) explode=\(explode)" }
    }

    /// The colour as a model: its properties are sent in declaration order.
    struct RGB: Encodable, Sendable {
        let R: Int
        let G: Int
        let B: Int
    }

    static let pathRows: [Row] = [
        Row(
            style: .matrix, explode: false, empty: ";color", string: ";color=blue", array: ";color=blue,black,brown",
            object: ";color=R,100,G,200,B,150"),
        Row(
            style: .matrix, explode: true, empty: ";color", string: ";color=blue", array: ";color=blue;color=black;color=brown",
            object: ";R=100;G=200;B=150"),
        Row(style: .label, explode: false, empty: ".", string: ".blue", array: ".blue,black,brown", object: ".R,100,G,200,B,150"),
        Row(style: .label, explode: true, empty: ".", string: ".blue", array: ".blue.black.brown", object: ".R=100.G=200.B=150"),
        Row(style: .simple, explode: false, empty: nil, string: "blue", array: "blue,black,brown", object: "R,100,G,200,B,150"),
        Row(style: .simple, explode: true, empty: nil, string: "blue", array: "blue,black,brown", object: "R=100,G=200,B=150"),
    ]

    static let queryRows: [Row] = [
        Row(style: .form, explode: false, empty: "color=", string: "color=blue", array: "color=blue,black,brown", object: "color=R,100,G,200,B,150"),
        Row(
            style: .form, explode: true, empty: "color=", string: "color=blue", array: "color=blue&color=black&color=brown",
            object: "R=100&G=200&B=150"),
        Row(
            style: .spaceDelimited, explode: false, empty: nil, string: nil, array: "color=blue%20black%20brown",
            object: "color=R%20100%20G%20200%20B%20150"),
        Row(
            style: .pipeDelimited, explode: false, empty: nil, string: nil, array: "color=blue%7Cblack%7Cbrown",
            object: "color=R%7C100%7CG%7C200%7CB%7C150"),
        Row(style: .deepObject, explode: true, empty: nil, string: nil, array: nil, object: "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"),
    ]

    static let colors = ["blue", "black", "brown"]
    static let rgb = RGB(R: 100, G: 200, B: 150)

    @Test(arguments: pathRows)
    func path(row: Row) {
        func path(_ shape: ParameterShape) -> String { ParameterSerializer.path("color", shape, style: row.style, explode: row.explode) }
        if let empty = row.empty { #expect(path(.primitive("")) == empty) }
        #expect(PathEncoding.parameter("color", "blue", style: row.style, explode: row.explode) == row.string)
        #expect(PathEncoding.parameter("color", Self.colors, style: row.style, explode: row.explode) == row.array)
        #expect(PathEncoding.parameter("color", object: Self.rgb, style: row.style, explode: row.explode) == row.object)
    }

    @Test(arguments: queryRows)
    func query(row: Row) {
        func query(_ fill: (inout APIRequest) -> Void) -> String {
            var request = APIRequest(method: .get, path: "/")
            fill(&request)
            return request.encodedQuery.joined(separator: "&")
        }
        if let empty = row.empty { #expect(query { $0.appendQuery("color", "", style: row.style, explode: row.explode) } == empty) }
        if let string = row.string { #expect(query { $0.appendQuery("color", "blue", style: row.style, explode: row.explode) } == string) }
        if let array = row.array { #expect(query { $0.appendQuery("color", Self.colors, style: row.style, explode: row.explode) } == array) }
        if let object = row.object {
            #expect(query { $0.appendQuery("color", object: Self.rgb, style: row.style, explode: row.explode) } == object)
        }
    }

    /// Headers are `simple`, as in the table's simple rows, and are not percent-encoded.
    @Test(arguments: [false, true])
    func header(explode: Bool) {
        var request = APIRequest(method: .get, path: "/")
        request.setHeader("X-String", "blue", explode: explode)
        request.setHeader("X-Array", Self.colors, explode: explode)
        request.setHeader("X-Object", object: Self.rgb, explode: explode)
        #expect(request.headers.value(named: "X-String") == "blue")
        #expect(request.headers.value(named: "X-Array") == "blue,black,brown")
        #expect(request.headers.value(named: "X-Object") == (explode ? "R=100,G=200,B=150" : "R,100,G,200,B,150"))
    }

    /// Cookies are `form`; several share one `Cookie` header, joined with `; `.
    @Test func cookies() {
        var request = APIRequest(method: .get, path: "/")
        request.appendCookie("session", "a b")
        request.appendCookie("color", Self.colors, explode: false)
        request.appendCookie("shade", Self.colors)
        request.appendCookie("rgb", object: Self.rgb, explode: false)
        request.appendCookie("absent", String?.none)
        #expect(
            request.headers.value(named: "Cookie")
                == "session=a%20b; color=blue,black,brown; shade=blue; shade=black; shade=brown; rgb=R,100,G,200,B,150")
    }

    @Test func pathEncodesEverythingOutsideUnreserved() {
        #expect(PathEncoding.parameter("c", ["a/b", "c,d"]) == "a%2Fb,c%2Cd")
        #expect(PathEncoding.parameter("c", ".") == "%2E")
        #expect(PathEncoding.parameter("c", "..", style: .label) == "...")
        #expect(PathEncoding.parameter("c;x", "v", style: .matrix) == ";c%3Bx=v")
    }

    @Test func queryEncodesReservedUnlessAllowed() {
        var request = APIRequest(method: .get, path: "/")
        request.appendQuery("q", "a/b:c?d&e+f#g[h]%2F%zz é")
        request.appendQuery("r", "a/b:c?d&e+f#g[h]%2F%zz é", allowReserved: true)
        #expect(
            request.encodedQuery == [
                "q=a%2Fb%3Ac%3Fd%26e%2Bf%23g%5Bh%5D%252F%25zz%20%C3%A9",
                "r=a/b:c?d%26e%2Bf%23g%5Bh%5D%2F%25zz%20%C3%A9",
            ])
    }

    @Test func objectsFromDictionariesAndModels() {
        struct Filter: Encodable, Sendable {
            let name: String
            let since: Date?
            let tags: [String]
        }
        var request = APIRequest(method: .get, path: "/")
        request.appendQuery("metadata", object: ["b": "2", "a": "1 2"], style: .deepObject)
        request.appendQuery("f", object: Filter(name: "x", since: nil, tags: ["t"]), style: .deepObject)
        request.appendQuery("g", object: Filter(name: "y", since: Date(timeIntervalSince1970: 0), tags: []))
        request.appendQuery("empty", object: [String: String](), style: .deepObject)
        #expect(
            request.encodedQuery == [
                "metadata%5Ba%5D=1%202", "metadata%5Bb%5D=2",
                "f%5Bname%5D=x", "f%5Btags%5D=%5B%22t%22%5D",
                "name=y", "since=1970-01-01T00%3A00%3A00Z", "tags=%5B%5D",
            ])
    }

    @Test func sentOverTheWireInOrder() {
        var request = APIRequest(method: .get, path: "/p", query: [URLQueryItem(name: "raw", value: "1")])
        request.appendQuery("color", ["blue", "black"], style: .pipeDelimited, explode: false)
        let path = APIClientCore.makePath(
            baseURL: URL(string: "https://example.com/v1?k=v") ?? URL(fileURLWithPath: "/"), path: request.path,
            encodedQuery: request.encodedQuery, query: request.query)
        #expect(path == "/p?k=v&color=blue%7Cblack&raw=1")
    }
}
