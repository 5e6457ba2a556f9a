import Foundation
import LoopbackSupport
import Testing
import Widgets

let widgetJSON = """
    {"id":"0f8fad5b-d9cb-469f-a165-70867728950e","name":"Sprocket","status":"paused",\
    "created_at":"2026-11-25T08:00:00.125Z","tags":["gear"],"notes":null,"default":true,\
    "dimensions":{"width":2.5,"height":4},"metadata":{"color":"blue"}}
    """

func widgetsClient(_ server: LoopbackServer) throws -> WidgetsClient {
    try WidgetsClient(baseURL: server.baseURL, maxRetries: 0)
}

func widgetsError<T>(_ body: () async throws(WidgetsError) -> T) async -> WidgetsError? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}

@Suite("Generated Widgets SDK: query, header and JSON bodies over real HTTP")
struct WidgetsClientTests {
    @Test("create sends a JSON body and a header, and decodes the 201 body; unknown enum values survive")
    func create() async throws {
        try await withLoopbackServer([.json(widgetJSON, status: 201)]) { server in
            let client = try widgetsClient(server)
            let widget = try await client.widgets.create(
                idempotencyKey: "key-1", body: WidgetDraft(name: "Sprocket", status: .inReview, tags: ["gear"]))
            let request = try #require(await server.requests.first)
            #expect(request.method == "POST")
            #expect(request.target == "/v1/widgets")
            #expect(request.header("Idempotency-Key") == "key-1")
            #expect(request.header("Content-Type") == "application/json")
            #expect(request.bodyText == #"{"name":"Sprocket","status":"in-review","tags":["gear"]}"#)

            #expect(widget.id == UUID(uuidString: "0f8fad5b-d9cb-469f-a165-70867728950e"))
            #expect(widget.status == .unknown("paused"))
            #expect(widget.createdAt == Date(timeIntervalSince1970: 1_795_593_600.125))
            #expect(widget.notes == nil)
            #expect(widget.default == true)
            #expect(widget.dimensions == WidgetDimensions(width: 2.5, height: 4))
            #expect(widget.metadata == ["color": "blue"])
        }
    }

    @Test("list sends query items (arrays exploded, values percent-encoded) and a header")
    func list() async throws {
        let page = #"{"data":[\#(widgetJSON)],"next_cursor":null}"#
        try await withLoopbackServer([.json(page)]) { server in
            let client = try widgetsClient(server)
            let requestID = try #require(UUID(uuidString: "A3F1C2D4-0000-4000-8000-000000000001"))
            let result = try await client.widgets.list(limit: 10, tag: ["a", "b c&d"], status: .inReview, xRequestID: requestID)
            let request = try #require(await server.requests.first)
            #expect(request.method == "GET")
            #expect(request.target == "/v1/widgets?limit=10&tag=a&tag=b%20c%26d&status=in-review")
            #expect(request.header("X-Request-ID") == "a3f1c2d4-0000-4000-8000-000000000001")
            #expect(request.body.isEmpty)
            #expect(result.data.map(\.name) == ["Sprocket"])
            #expect(result.nextCursor == nil)
        }
    }

    @Test("Documented errors decode their own body types; a bodiless one carries the response")
    func errors() async throws {
        let problem = #"{"title":"Invalid","errors":[{"field":"name","message":"is empty"}]}"#
        try await withLoopbackServer([
            .json(#"{"title":"Not found"}"#, status: 404),
            .json(problem, status: 422),
            .empty(status: 409),
        ]) { server in
            let client = try widgetsClient(server)
            let id = UUID()
            let notFound = await widgetsError { () async throws(WidgetsError) in try await client.widgets.retrieve(widgetID: id) }
            guard case .notFound(let body, let response)? = notFound else {
                Issue.record("expected notFound, got \(String(describing: notFound))")
                return
            }
            #expect(body?.title == "Not found")
            #expect(response.statusCode == 404)

            let invalid = await widgetsError { () async throws(WidgetsError) in
                try await client.widgets.create(idempotencyKey: "k", body: WidgetDraft(name: ""))
            }
            guard case .unprocessableEntity(let problemBody, _)? = invalid else {
                Issue.record("expected unprocessableEntity, got \(String(describing: invalid))")
                return
            }
            #expect(problemBody?.errors == [ProblemErrorsItem(field: "name", message: "is empty")])

            let conflict = await widgetsError { () async throws(WidgetsError) in try await client.widgets.delete(widgetID: id) }
            guard case .conflict(let conflictResponse)? = conflict else {
                Issue.record("expected conflict, got \(String(describing: conflict))")
                return
            }
            #expect(conflictResponse.statusCode == 409)
            #expect(
                await server.requests.map(\.target) == [
                    "/v1/widgets/\(id.uuidString.lowercased())", "/v1/widgets", "/v1/widgets/\(id.uuidString.lowercased())",
                ])
        }
    }

    @Test("A 2xx body that does not decode is undecodableBody with a reason naming the field")
    func undecodable() async throws {
        try await withLoopbackServer([.json(#"{"data":[{"id":"not-a-uuid"}]}"#)]) { server in
            let client = try widgetsClient(server)
            let error = await widgetsError { () async throws(WidgetsError) in try await client.widgets.list() }
            guard case .undecodableBody(let response, let reason)? = error else {
                Issue.record("expected undecodableBody, got \(String(describing: error))")
                return
            }
            #expect(response.statusCode == 200)
            #expect(reason.contains("data"), "\(reason)")
        }
    }
}
