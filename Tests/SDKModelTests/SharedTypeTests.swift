import SDKModel
import Testing

private let sharedSpec = """
    openapi: 3.1.0
    info: {title: T, version: '1'}
    paths:
      /sends:
        get:
          parameters:
            - {name: service, in: query, schema: {type: string, enum: [SMS, iMessage]}}
          responses:
            '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Send'}}}}
    components:
      schemas:
        Send:
          type: object
          properties:
            service: {type: string, enum: [iMessage, SMS], description: first}
            preferred_service: {type: string, enum: [iMessage, SMS], description: second}
            kind: {type: string, enum: [a, b]}
            id: {type: string, format: uuid}
            chat_id: {type: string, format: uuid}
            count: {type: integer, format: int32}
            part_index: {type: integer, format: int32}
            project_id: {type: string, format: uuid}
            message_sender: {type: object, properties: {name: {type: string, description: two}, phone: {type: string}}}
            parts: {type: array, items: {oneOf: [{$ref: '#/components/schemas/Other'}, {$ref: '#/components/schemas/Event'}]}}
        Event:
          type: object
          properties:
            kind: {type: string, enum: [b, a]}
            mode: {type: string, enum: [a, b, c]}
            sender: {type: object, properties: {name: {type: string, description: one}, phone: {type: string}}}
            receiver: {type: object, required: [name], properties: {name: {type: string}, phone: {type: string}}}
            requested_service: {type: string, enum: [iMessage, SMS, auto]}
            id: {type: string}
            chat_id: {type: string, example: 550e8400-e29b-41d4-a716-446655440000}
            message_id: {type: string}
            count: {type: integer}
            part_index: {type: integer, example: 1}
            parts: {type: array, items: {oneOf: [{$ref: '#/components/schemas/Other'}, {$ref: '#/components/schemas/Event'}]}}
            other_parts: {type: array, items: {oneOf: [{$ref: '#/components/schemas/Event'}, {$ref: '#/components/schemas/Other'}]}}
        Other:
          type: object
          properties:
            project_id: {type: string, example: my-project}
            part_index: {type: integer}
            kind: {type: string, enum: [x, y]}
            other_kind: {type: string, enum: [x, y]}
    """

@Suite("One type per meaning: shared inline enums and formats")
struct SharedTypeTests {
    private func properties(_ name: String, in sdk: SDK) throws -> [String: String] {
        guard case .structure(let properties, _) = try #require(sdk.models.first { $0.typeName == name }).kind else { return [:] }
        return Dictionary(uniqueKeysWithValues: properties.map { ($0.jsonKey, $0.type.swiftSource) })
    }

    @Test("Inline enums with the same values are one type, named by the words their names end with")
    func sharedEnums() throws {
        let sdk = try #require(try build(sharedSpec).sdk)
        let send = try properties("Send", in: sdk)
        let event = try properties("Event", in: sdk)
        #expect(send["service"] == "Service")
        #expect(send["preferred_service"] == "Service", "the query parameter's [SMS, iMessage] too: order does not matter")
        #expect(send["kind"] == event["kind"])
        #expect(event["mode"] == "EventMode", "other values, another type")
        let service = try #require(sdk.models.first { $0.typeName == "Service" })
        #expect(service.description == nil, "the uses' descriptions disagree")
        #expect(event["requested_service"] == "Service", "a wider set of values under a name ending in the same word")
        guard case .stringEnum(let cases) = service.kind else {
            Issue.record("Service is not a string enum")
            return
        }
        #expect(cases.map(\.rawValue) == ["iMessage", "SMS", "auto"], "declared with the widest values")
        #expect(sdk.models.filter { $0.typeName.hasSuffix("Service") }.count == 1)
        // `kind` (in Send and Event) and `kind`/`other_kind` (in Other) both want `Kind`: neither gets it.
        #expect(send["kind"] == "SendKind")
        #expect(try properties("Other", in: sdk)["other_kind"] == "OtherKind")
    }

    @Test("Inline unions of the same references are one type, named from the property (array items: Item)")
    func sharedUnions() throws {
        let sdk = try #require(try build(sharedSpec).sdk)
        let send = try properties("Send", in: sdk)
        let event = try properties("Event", in: sdk)
        #expect(send["parts"] == "[PartsItem]")
        #expect(event["parts"] == "[PartsItem]")
        #expect(event["other_parts"] == "[EventOtherPartsItem]", "other members' order, another type")
    }

    @Test("Inline objects with the same properties are one type; another requiredness is another type")
    func sharedObjects() throws {
        let sdk = try #require(try build(sharedSpec).sdk)
        let send = try properties("Send", in: sdk)
        let event = try properties("Event", in: sdk)
        #expect(send["message_sender"] == "Sender" && event["sender"] == "Sender", "named by the shared last word; descriptions do not count")
        #expect(event["receiver"] == "EventReceiver", "'name' is required here")
    }

    @Test("A format is never carried over from another schema with the same key: the spec allows any string there")
    func formatsStayTheirSchemas() throws {
        let event = try properties("Event", in: try #require(try build(sharedSpec).sdk))
        let send = try properties("Send", in: try #require(try build(sharedSpec).sdk))
        #expect(send["chat_id"] == "UUID")
        #expect(event["chat_id"] == "String", "a UUID would reject the strings Event's schema allows")
        #expect(event["part_index"] == "Int")
    }
}
