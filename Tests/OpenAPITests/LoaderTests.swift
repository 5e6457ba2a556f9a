import Diagnostics
import Foundation
import OpenAPI
import Testing
import YAML

@Suite("Loading good documents")
struct GoodDocumentTests {
    @Test("The Linq typing spec loads with both operations and every documented error")
    func linqSpec() throws {
        let data = try #require(FileManager.default.contents(atPath: packageRoot + "/Specs/linq.yaml"))
        let result = DocumentLoader.load(SourceFile(path: "Specs/linq.yaml", bytes: [UInt8](data)))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let document = try #require(result.document)
        #expect(document.openAPIVersion == "3.1.0")
        #expect(document.info.title == "Linq Partner API")
        #expect(document.servers.map(\.url) == ["https://api.linqapp.com/api/partner"])
        #expect(document.securitySchemes.map(\.kind) == [.httpBearer(format: nil)])
        #expect(document.operations.map(\.operationID) == ["startTyping", "stopTyping"])
        #expect(document.operations.map(\.method) == [.post, .delete])
        let stop = document.operations[1]
        #expect(stop.path == "/v3/chats/{chatId}/typing")
        #expect(stop.parameters.map(\.name) == ["chatId"])
        #expect(stop.parameters.first?.schema?.kind == .string(format: "uuid", enumValues: nil))
        #expect(stop.responses.map(\.status) == [.code(204), .code(400), .code(401), .code(403), .code(404), .code(500)])
        #expect(stop.responses[4].content.first?.schema?.kind == .reference("ErrorResponse"))
        #expect(stop.responses[4].description == "No chat has this identifier.")
        #expect(document.schemas.map(\.name) == ["ErrorResponse", "ErrorDetail"])
    }

    @Test("Nullable in both dialects, recursive schemas and inline refs")
    func schemas() throws {
        let text = document(
            extra: """
                components:
                  schemas:
                    Node:
                      type: object
                      properties:
                        children:
                          type: array
                          items: {$ref: '#/components/schemas/Node'}
                        label: {type: [string, 'null']}
                        legacy: {type: string, nullable: true}
                        size: {$ref: '#/components/schemas/Node/properties/count'}
                        count: {type: integer, format: int64}
                """)
        let result = load(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let node = try #require(result.document?.schemas.first)
        guard case .object(let object) = node.schema.kind else {
            Issue.record("expected an object, got \(node.schema.kind)")
            return
        }
        #expect(object.properties.map(\.name) == ["children", "label", "legacy", "size", "count"])
        if case .array(let items?) = object.properties[0].schema.kind {
            #expect(items.kind == .reference("Node"))
        } else {
            Issue.record("children should be an array of Node")
        }
        #expect(object.properties[1].schema.nullable && object.properties[1].schema.kind == .string(format: nil, enumValues: nil))
        #expect(object.properties[2].schema.nullable)
        #expect(object.properties[3].schema.kind == .integer(format: "int64", enumValues: nil))
    }

    @Test("Path-level parameters merge with operation parameters; the operation's win")
    func parameterMerge() throws {
        let text = document(
            paths: """

                  /items/{id}:
                    parameters:
                      - {name: id, in: path, required: true, schema: {type: string}}
                      - {name: verbose, in: query, schema: {type: boolean}}
                    get:
                      operationId: getItem
                      parameters:
                        - {name: verbose, in: query, required: true, schema: {type: boolean}}
                      responses:
                        '200': {description: ok}
                """)
        let result = load(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let operation = try #require(result.document?.operations.first)
        #expect(operation.parameters.map(\.name) == ["id", "verbose"])
        #expect(operation.parameters.map(\.required) == [true, true])
    }

    @Test("JSON specs load too")
    func json() throws {
        let text =
            #"{"openapi": "3.0.3", "info": {"title": "J", "version": "1"}, "paths": {"/a": {"get": {"operationId": "a", "responses": {"204": {"description": "none"}}}}}}"#
        let result = load(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.document?.operations.map(\.operationID) == ["a"])
    }

    @Test("Webhooks load with their payload schema and example; an empty one is reported, not dropped silently")
    func webhooks() throws {
        let result = load(
            document(
                extra: """
                    webhooks:
                      chat.created:
                        post:
                          operationId: chatCreated
                          summary: A chat was created.
                          requestBody:
                            content:
                              application/json:
                                schema: {type: object, properties: {event_type: {type: string}}}
                                example: {event_type: chat.created}
                          responses: {'200': {description: ok}}
                      empty: {}
                    """))
        #expect(result.diagnostics.map(\.description) == ["spec.yaml:17:3: warning: webhook 'empty' has no operation and was skipped"])
        let webhook = try #require(result.document?.webhooks.first)
        #expect(result.document?.webhooks.count == 1)
        #expect(webhook.name == "chat.created")
        #expect(webhook.operationID == "chatCreated")
        #expect(webhook.summary == "A chat was created.")
        #expect(webhook.example?["event_type"]?.string == "chat.created")
        guard case .object(let object)? = webhook.payload?.kind else {
            Issue.record("expected an object payload")
            return
        }
        #expect(object.properties.map(\.name) == ["event_type"])
    }
}
