import Diagnostics
import SDKModel
import Testing

@Suite("Parameter types")
struct ParameterTypeTests {
    @Test("A parameter whose schema refers to a named plain string keeps that type, without a warning; an object still warns")
    func aliasOfAScalarTravelsAsText() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: Guilds, version: '1'}
            paths:
              /guilds/{guildId}/members:
                get:
                  operationId: listMembers
                  parameters:
                    - {name: guildId, in: path, required: true, schema: {$ref: '#/components/schemas/Snowflake'}}
                    - {name: ids, in: query, schema: {type: array, items: {$ref: '#/components/schemas/Snowflake'}}}
                    - {name: filter, in: query, schema: {$ref: '#/components/schemas/Filter'}}
                  responses: {'204': {description: ok}}
            components:
              schemas:
                Snowflake: {type: string, pattern: '^(0|[1-9][0-9]*)$'}
                Filter: {type: object, properties: {name: {type: string}}}
            """
        let (sdk, diagnostics) = try build(spec)
        let method = try #require(sdk?.resources.first?.methods.first)
        #expect(method.parameters.map(\.type.swiftSource) == ["Snowflake", "[Snowflake]", "String"])
        #expect(
            diagnostics.map(\.message) == [
                "parameter 'filter' has a schema that cannot be sent as text (Filter); it is generated as String"
            ])
    }
}
