import SDKModel
import Testing

/// Which schema defaults become the memberwise `init`'s defaults, spelled for the property's type.
@Suite("Defaults in init")
struct DefaultValueTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: Defaults, version: '1'}
        paths:
          /things:
            post:
              operationId: createThing
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Thing'}
              responses: {'204': {description: ok}}
          /things/{id}:
            patch:
              operationId: updateThing
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/ThingUpdate'}
              responses: {'204': {description: ok}}
        components:
          schemas:
            Thing:
              type: object
              properties:
                name: {type: string, default: "untitled \\"one\\""}
                count: {type: integer, default: 10}
                ratio: {type: number, default: 0.5}
                enabled: {type: boolean, default: false}
                size: {type: string, enum: [small, large], default: large}
                level: {type: integer, enum: [1, 2, 3], default: 2}
                label: {type: string, default: none}
                output: {type: string, enum: [none, file], default: none}
                when: {type: string, format: date-time, default: '2024-01-01T00:00:00Z'}
                bad: {type: integer, default: many}
                unknownSize: {type: string, enum: [small, large], default: medium}
                tags: {type: array, items: {type: string}, default: [a]}
            ThingUpdate:
              type: object
              properties:
                count: {type: integer, default: 10}
        """

    @Test("Strings, integers, numbers, booleans and enum cases are spelled (a case named none with its type); other defaults are not")
    func spelled() throws {
        let sdk = try #require(try build(Self.spec).sdk)
        guard case .structure(let properties, _)? = sdk.models.first(where: { $0.typeName == "Thing" })?.kind else {
            Issue.record("no Thing struct")
            return
        }
        let defaults = Dictionary(uniqueKeysWithValues: properties.map { ($0.swiftName, $0.defaultLiteral ?? "-") })
        #expect(
            defaults == [
                "name": #""untitled \"one\"""#, "count": "10", "ratio": "0.5", "enabled": "false", "size": ".large", "level": ".value2",
                "label": #""none""#, "output": "ThingOutput.none", "when": "-", "bad": "-", "unknownSize": "-", "tags": "-",
            ])
        let create = try #require(sdk.resources.flatMap(\.methods).first { $0.name == "create" })
        #expect(create.bodyFields?.first { $0.label == "count" }?.defaultLiteral == "10")
    }

    @Test("A PATCH body keeps its defaults documented only: sending them would overwrite stored values")
    func patchBodies() throws {
        let sdk = try #require(try build(Self.spec).sdk)
        guard case .structure(let properties, _)? = sdk.models.first(where: { $0.typeName == "ThingUpdate" })?.kind else {
            Issue.record("no ThingUpdate struct")
            return
        }
        #expect(properties.first?.defaultValue == "10")
        #expect(properties.first?.defaultLiteral == nil)
        let update = try #require(sdk.resources.flatMap(\.methods).first { $0.httpMethod == "PATCH" })
        #expect(update.bodyFields?.first?.defaultLiteral == nil)
    }
}
