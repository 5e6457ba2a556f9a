import SDKModel
import Testing

/// Four operations answering 400: two with `Problem`, one with `Other`, one with a shared
/// response whose inline schema is one type however many operations use it.
private let disagreeingSpec = """
    openapi: 3.1.0
    info: {title: T, version: '1'}
    paths:
      /a:
        get:
          operationId: getA
          responses:
            '400': {description: bad, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}
        post:
          operationId: createA
          responses:
            '400': {description: bad, content: {application/json: {schema: {$ref: '#/components/schemas/Other'}}}}
      /b:
        get:
          responses:
            '400': {description: bad, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}
            '404': {$ref: '#/components/responses/Missing'}
        delete:
          operationId: deleteB
          responses:
            '404': {$ref: '#/components/responses/Missing'}
    components:
      responses:
        Missing:
          description: gone
          content:
            application/json:
              schema: {type: object, properties: {reason: {type: string}}}
      schemas:
        Problem: {type: object, properties: {message: {type: string}}}
        Other: {type: object, properties: {detail: {type: string}}}
    """

@Suite("Error bodies that differ between operations")
struct ErrorBodyTests {
    @Test("Every documented body of a status is kept, with the operations that document it, and no warning")
    func bodiesPerStatus() throws {
        let (sdk, diagnostics) = try build(disagreeingSpec)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let cases = try #require(sdk).errorCases
        #expect(cases.filter(\.documented).map(\.statusCode) == [400, 404])
        #expect(cases[0].bodyType?.swiftSource == "Problem")
        #expect(
            cases[0].bodies.map { "\($0.caseName): \($0.type.swiftSource) \($0.operations)" } == [
                #"problem: Problem ["getA", "GET /b"]"#, #"other: Other ["createA"]"#,
            ])
        #expect(cases[1].bodies.isEmpty, "one shared response is one body: \(cases[1].bodies)")
    }

    @Test("The key a method's errors go by is its operationId, or its method and path")
    func errorKeys() throws {
        let sdk = try #require(try build(disagreeingSpec).sdk)
        let methods = sdk.resources.flatMap(\.methods)
        #expect(methods.map(\.errorKey).sorted() == ["GET /b", "createA", "deleteB", "getA"])
    }
}
