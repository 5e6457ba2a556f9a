import Diagnostics
import SDKModel
import Testing

@Suite("Parameter types")
struct ParameterTypeTests {
    @Test("A parameter whose schema refers to a named plain string keeps that type, without a warning; an object is sent as one")
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
        #expect(method.parameters.map(\.type.swiftSource) == ["Snowflake", "[Snowflake]", "Filter"])
        #expect(method.parameters.map(\.encoding) == [.text, .text, .object])
        #expect(diagnostics.isEmpty)
    }

    @Test("Styles, cookies, objects and JSON content reach the method; only an unsendable list of objects warns")
    func stylesCookiesObjectsAndContent() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: Styles, version: '1'}
            paths:
              /items/{id}:
                get:
                  operationId: getItem
                  parameters:
                    - {name: id, in: path, required: true, style: matrix, explode: true, schema: {type: array, items: {type: string}}}
                    - {name: metadata, in: query, style: deepObject, explode: true, schema: {type: object, additionalProperties: {type: string}}}
                    - {name: filter, in: query, content: {application/json: {schema: {type: object, properties: {a: {type: integer}}}}}}
                    - {name: session, in: cookie, schema: {type: string}}
                    - {name: rows, in: query, schema: {type: array, items: {type: object, properties: {b: {type: integer}}}}}
                  responses: {'204': {description: ok}}
            """
        let (sdk, diagnostics) = try build(spec)
        let method = try #require(sdk?.resources.first?.methods.first)
        #expect(method.parameters.map(\.kind) == [.path, .query, .query, .cookie, .query])
        #expect(method.parameters.map(\.style) == ["matrix", "deepObject", "form", "form", "form"])
        #expect(method.parameters.map(\.explode) == [true, true, true, true, true])
        #expect(method.parameters.map(\.encoding) == [.text, .object, .json, .text, .text])
        #expect(method.parameters.map(\.type.swiftSource) == ["[String]", "[String: String]", "GetItemFilter", "String", "String"])
        #expect(
            diagnostics.map(\.message) == [
                "query parameter 'rows' has a schema that cannot be sent in the form style ([GetItemRowsItem]); it is generated as String"
            ])
    }
}
