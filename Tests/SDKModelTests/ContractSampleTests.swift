import Diagnostics
import Foundation
import OpenAPI
import SDKModel
import Testing

/// The suite of a spec with one `POST /things` operation whose JSON body is `bodySchema`, and
/// whose query parameter `q` is `querySchema` (sent only when documented).
func contractSuite(body bodySchema: String, query querySchema: String = "{type: string}", extra: String = "") throws -> ContractSuite {
    let spec = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /things:
            post:
              operationId: createThing
              parameters:
                - {name: q, in: query, required: true, schema: \(querySchema)}
              requestBody:
                required: true
                content:
                  application/json:
                    schema: \(bodySchema)
              responses: {'204': {description: ok}}
        components:
          schemas:
            Node:
              type: object
              required: [child]
              properties:
                child: {$ref: '#/components/schemas/Node'}
        \(extra)
        """
    let loaded = DocumentLoader.load(SourceFile(path: "spec.yaml", bytes: Array(spec.utf8)))
    let document = try #require(loaded.document, "\(loaded.diagnostics)")
    let sdk = try #require(SDKBuilder.build(document, config: GeneratorConfig()).sdk)
    return ContractSuiteBuilder.build(document, sdk: sdk)
}

/// The JSON of each argument of the suite's one test, by label.
func sampleArguments(_ suite: ContractSuite) throws -> [String: String] {
    let test = try #require(suite.tests.first)
    return Dictionary(uniqueKeysWithValues: test.arguments.map { ($0.label, $0.value.jsonText) })
}

@Suite("Contract tests: values made up from the spec")
struct ContractSampleTests {
    @Test("The spec's example comes first, read as the schema's type; then the default; then a value of the format")
    func examplesFirst() throws {
        let suite = try contractSuite(
            body: """
                {type: object, required: [id, count, when, name, flag], properties: {id: {type: string, format: uuid}, count: {type: integer, example: 7}, when: {type: string, format: date-time}, name: {type: string, example: 123}, flag: {type: boolean, default: false}, extra: {type: string}}}
                """)
        let arguments = try sampleArguments(suite)
        #expect(
            arguments["body"] == #"{"id":"3fa85f64-5717-4562-b3fc-2c963f66afa6","count":7,"when":"2026-01-02T03:04:05Z","name":"123","flag":false}"#)
        #expect(arguments["q"] == #""sample""#)
    }

    @Test(
        "Bounds, lengths, multiples and item counts are met",
        arguments: [
            ("{type: integer, minimum: 10, maximum: 20}", "10"),
            ("{type: integer, exclusiveMinimum: 10}", "11"),
            ("{type: integer, maximum: 0}", "0"),
            ("{type: number, minimum: 2.5}", "2.5"),
            ("{type: integer, minimum: 3, multipleOf: 5}", "5"),
            ("{type: string, minLength: 10}", #""samplexxxx""#),
            ("{type: string, maxLength: 3}", #""sam""#),
            ("{type: array, minItems: 2, items: {type: string, enum: [b, c]}}", #"["b","b"]"#),
            ("{type: string, const: fixed}", #""fixed""#),
            ("{type: string, format: snowflake, pattern: '^(0|[1-9][0-9]*)$'}", #""0""#),
        ])
    func constraints(_ schema: String, _ expected: String) throws {
        let arguments = try sampleArguments(try contractSuite(body: "{type: object}", query: schema))
        #expect(arguments["q"] == expected)
    }

    @Test(
        "A pattern's value matches it, judged by Foundation's regular expressions",
        arguments: [
            #"'^\+?[1-9]\d{1,14}$'"#, #"'^[A-Z]{2}-[0-9]{3,}$'"#, #"'^(?:ab|cd)+x?$'"#, #"'^[^0-9]+@[a-z]+\.com$'"#, #"'^https://'"#,
        ])
    func pattern(_ pattern: String) throws {
        let arguments = try sampleArguments(try contractSuite(body: "{type: object}", query: "{type: string, pattern: \(pattern)}"))
        let value = try #require(arguments["q"]).dropFirst().dropLast()
        let regex = try NSRegularExpression(pattern: String(pattern.dropFirst().dropLast()))
        let range = NSRange(value.startIndex..<value.endIndex, in: value)
        #expect(regex.firstMatch(in: String(value), range: NSRange(location: 0, length: range.length)) != nil, "\(value)")
    }

    @Test("A oneOf takes its first member and sets the discriminator to the mapped value; an example outside an enum is not used")
    func oneOfAndEnums() throws {
        let suite = try contractSuite(
            body: "{$ref: '#/components/schemas/Pet'}", query: "{type: string, enum: [a, b], example: z}",
            extra: """
                    Cat: {type: object, required: [kind, lives], properties: {kind: {type: string}, lives: {type: integer}}}
                    Pet:
                      oneOf: [{$ref: '#/components/schemas/Cat'}]
                      discriminator: {propertyName: kind, mapping: {cat: '#/components/schemas/Cat'}}
                """)
        let arguments = try sampleArguments(suite)
        #expect(arguments["body"] == #"{"kind":"cat","lives":1}"#)
        #expect(arguments["q"] == #""a""#)
    }

    @Test("A body that can only recurse gets a skipped test with the reason")
    func recursionSkips() throws {
        let suite = try contractSuite(body: "{$ref: '#/components/schemas/Node'}")
        let test = try #require(suite.tests.first)
        #expect(test.skipReason == "no value can be made up for the request body (application/json): its schema recurses")
        #expect(test.functionName == "thingsCreate")
    }
}

@Suite("Contract tests: examples that break their own schema")
struct ContractExampleRepairTests {
    @Test("An object example without a required property gets it made up; a string example that breaks its pattern is not used")
    func repaired() throws {
        let suite = try contractSuite(
            body:
                "{type: object, required: [from, url], properties: {from: {type: string, format: email}, url: {type: string}}, example: {url: 'https://x'}}",
            query: #"{type: string, pattern: '^\+?[1-9]\d{1,14}$', example: '%2B13343284472'}"#)
        let arguments = try sampleArguments(suite)
        #expect(arguments["body"] == #"{"url":"https://x","from":"user@example.com"}"#)
        #expect(arguments["q"] == #""11""#)
    }
}

@Suite("Contract tests: arrays of distinct items, and an enum beside an allOf")
struct ContractDistinctItemTests {
    @Test("A uniqueItems array gets distinct items: the next pattern match, enum value, number or format value")
    func uniqueItems() throws {
        let suite = try contractSuite(
            body: """
                {type: object, required: [ids, kinds, counts, keys, repeated], properties: {\
                ids: {type: array, minItems: 3, uniqueItems: true, items: {type: string, pattern: '^(0|[1-9][0-9]*)$'}}, \
                kinds: {type: array, minItems: 2, uniqueItems: true, items: {type: string, enum: [a, b]}}, \
                counts: {type: array, minItems: 2, uniqueItems: true, items: {type: integer, minimum: 4, maximum: 5}}, \
                keys: {type: array, minItems: 2, uniqueItems: true, items: {type: string, format: uuid}}, \
                repeated: {type: array, minItems: 2, items: {type: integer}}}}
                """)
        let arguments = try sampleArguments(suite)
        #expect(
            arguments["body"]
                == #"{"ids":["0","1","2"],"kinds":["a","b"],"counts":[4,5],"keys":["3fa85f64-5717-4562-b3fc-2c963f66afa6","3fa85f64-5717-4562-b3fc-2c963f66afa7"],"repeated":[1,1]}"#
        )
    }

    @Test("An array that cannot have that many distinct items keeps its repeated item (the validator says so)")
    func tooFewDistinctValues() throws {
        let suite = try contractSuite(
            body: "{type: array, minItems: 3, uniqueItems: true, items: {type: string, enum: [a, b]}}")
        #expect(try sampleArguments(suite)["body"] == #"["a","a","a"]"#)
    }

    @Test("A schema's own enum wins over its allOf (Discord's entity_type: enum [3] with allOf of all entity types)")
    func enumBesideAllOf() throws {
        let suite = try contractSuite(
            body: """
                {type: object, required: [entity_type], properties: {entity_type: \
                {type: integer, enum: [3], allOf: [{$ref: '#/components/schemas/EntityType'}]}}}
                """,
            extra: """
                    EntityType: {type: integer, oneOf: [{title: NONE, const: 0}, {title: EXTERNAL, const: 3}]}
                """)
        #expect(try sampleArguments(suite)["body"] == #"{"entity_type":3}"#)
    }
}

@Suite("Contract tests: what allOf members require, and readOnly behind a reference")
struct ContractAllOfSampleTests {
    @Test("'required' beside an allOf names properties its members define: they are made up too")
    func requiredBesideAllOf() throws {
        let suite = try contractSuite(
            body: """
                {type: object, allOf: [{$ref: '#/components/schemas/Named'}], required: [name]}
                """,
            extra: """
                    Named: {type: object, properties: {name: {type: string, example: web}, note: {type: string}}}
                """)
        #expect(try sampleArguments(suite)["body"] == #"{"name":"web"}"#)
        let nested = try contractSuite(
            body: "{allOf: [{$ref: '#/components/schemas/Project'}], required: [name, purpose]}",
            extra: """
                    Base: {type: object, properties: {name: {type: string}, purpose: {type: string, enum: [web]}}}
                    Project: {allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {tag: {type: string}}}]}
                """)
        #expect(try sampleArguments(nested)["body"] == #"{"name":"sample","purpose":"web"}"#)
    }

    @Test("A property whose referenced schema is readOnly is left out of a request, also from an example")
    func readOnlyThroughReference() throws {
        let suite = try contractSuite(
            body: """
                {type: object, required: [name, vpc], properties: {name: {type: string}, vpc: {$ref: '#/components/schemas/VPC'}}, \
                example: {name: app, vpc: {id: v1}}}
                """,
            extra: """
                    VPC: {type: object, readOnly: true, properties: {id: {type: string}}}
                """)
        #expect(try sampleArguments(suite)["body"] == #"{"name":"app"}"#)
    }
}
