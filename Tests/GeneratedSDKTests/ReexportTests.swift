import Foundation
import Linq
import LoopbackSupport
import OtherHTTPLibrary
import Testing

// What `import Linq` brings into scope: the HTTP types a caller needs to name (through the client's
// `@_exported import SDKRuntime` and the runtime's scoped re-exports), and nothing else of
// swift-http-types or swift-openapi-runtime. This file compiles only if so: it names
// OtherHTTPLibrary's `Configuration`, `ClientError` and `ServerError` unqualified, which
// swift-openapi-runtime declares too and which were ambiguous here while the runtime re-exported
// that module whole. (`HTTPHeaders` and `HTTPMethod`, NIO's names, were never re-exported; they
// are here for the app that imports a server framework beside an SDK.) A type declared in this
// module itself would not show a clash: declarations of the current module shadow imported ones.

/// A middleware written with nothing but `import Linq` (and Foundation for `URL`): it adds a header.
private struct AppNameMiddleware: ClientMiddleware {
    let settings: Configuration

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        let name = try #require(HTTPField.Name("X-App-Name"))
        request.headerFields[name] = settings.appName
        return try await next(request, body, baseURL)
    }
}

@Suite("import Linq re-exports only the HTTP types callers name")
struct ReexportTests {
    @Test("Another library's HTTPHeaders, HTTPMethod, Configuration, ClientError and ServerError need no qualification")
    func otherLibrarysNames() {
        let method: HTTPMethod = .POST
        let headers: HTTPHeaders = HTTPHeaders([(name: "Accept", value: "application/json")])
        let settings: Configuration = Configuration(appName: "Messenger")
        let failures: [any Error] = [ClientError(reason: "offline"), ServerError(status: 503)]
        #expect(method.rawValue == "POST")
        #expect(headers.fields.map(\.name) == ["Accept"])
        #expect(settings.appName == "Messenger")
        #expect(failures.compactMap { ($0 as? ClientError)?.reason } == ["offline"])
        #expect(failures.compactMap { ($0 as? ServerError)?.status } == [503])
    }

    @Test("The HTTP types a caller names come with import Linq: a middleware of the app's own runs")
    func callersTypesStillCome() async throws {
        try await withLoopbackServer([.empty()]) { server in
            var configuration = try faultClient(server).core.configuration
            configuration.middlewares = [AppNameMiddleware(settings: Configuration(appName: "Messenger"))]
            let transport: any ClientTransport = configuration.transport
            #expect(transport is URLSessionTransport)
            let client = LinqClient(core: APIClientCore(configuration: configuration))
            try await client.chats.typing.start(chatID: chatID)
            let request = try #require(await server.requests.first)
            #expect(request.header("X-App-Name") == "Messenger")
            let fields: HTTPFields = [.accept: "application/json"]
            let response = HTTPResponse(status: .noContent, headerFields: fields)
            #expect(APIResponse(head: response).statusCode == 204)
        }
    }
}
