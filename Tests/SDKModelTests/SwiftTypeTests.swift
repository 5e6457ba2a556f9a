import SDKModel
import Testing

@Suite("Swift types and their source text")
struct SwiftTypeTests {
    @Test(
        "Each case renders as Swift writes it",
        arguments: [
            (SwiftType.named("Chat"), "Chat"),
            (.array(.string), "[String]"),
            (.dictionary(value: .jsonValue), "[String: JSONValue]"),
            (.optional(.named("UUID")), "UUID?"),
            (.generic("Indirect", arguments: [.named("Node")]), "Indirect<Node>"),
        ])
    func cases(type: SwiftType, source: String) {
        #expect(type.swiftSource == source)
    }

    @Test(
        "Nested types render inside out",
        arguments: [
            (SwiftType.array(.array(.named("Int"))), "[[Int]]"),
            (.dictionary(value: .array(.named("Chat"))), "[String: [Chat]]"),
            (.array(.dictionary(value: .string)), "[[String: String]]"),
            (.optional(.dictionary(value: .array(.optional(.named("Chat"))))), "[String: [Chat?]]?"),
            (.optional(.generic("Indirect", arguments: [.array(.named("Node"))])), "Indirect<[Node]>?"),
            (.generic("PagedSequence", arguments: [.dictionary(value: .data), .named("LinqError")]), "PagedSequence<[String: Data], LinqError>"),
        ])
    func nested(type: SwiftType, source: String) {
        #expect(type.swiftSource == source)
    }

    @Test("Only a named type has a name")
    func names() {
        #expect(SwiftType.named("Chat").name == "Chat")
        #expect(SwiftType.array(.named("Chat")).name == nil)
        #expect(SwiftType.optional(.named("Chat")).name == nil)
    }

    @Test("Schemas become typed Swift types, nested as written")
    func resolvedTypes() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Chat:
                  type: object
                  required: [id, tags]
                  properties:
                    id: {type: string, format: uuid}
                    tags: {type: array, items: {type: string}}
                    members: {type: object, additionalProperties: {type: array, items: {$ref: '#/components/schemas/Chat'}}}
                    grid: {type: array, items: {type: array, items: {type: integer, format: int64}}}
                    extra: {}
            """
        let sdk = try #require(try build(spec).sdk)
        let chat = try #require(sdk.models.first { $0.typeName == "Chat" })
        guard case .structure(let properties, _) = chat.kind else {
            Issue.record("Chat is not a struct: \(chat.kind)")
            return
        }
        #expect(
            properties.map(\.type) == [
                .named("UUID"),
                .array(.string),
                .dictionary(value: .array(.named("Chat"))),
                .array(.array(.named("Int64"))),
                .jsonValue,
            ])
        #expect(properties.map(\.type.swiftSource) == ["UUID", "[String]", "[String: [Chat]]", "[[Int64]]", "JSONValue"])
    }
}
