import SDKModel
import Testing

private let shapesSpec = """
    openapi: 3.1.0
    info: {title: T, version: '1'}
    paths: {}
    components:
      schemas:
        Expr:
          oneOf:
            - {$ref: '#/components/schemas/Literal'}
            - {$ref: '#/components/schemas/Sum'}
        Literal:
          type: object
          properties: {value: {type: integer}}
        Sum:
          type: object
          properties:
            left: {$ref: '#/components/schemas/Expr'}
        Part:
          oneOf:
            - {$ref: '#/components/schemas/Literal'}
            - {type: string}
        Code:
          type: integer
          enum: [1001, 2005]
          x-enum-varnames: [MissingRequiredField, GroupChatNotSupported]
        Half:
          type: string
          enum: [a, b]
          x-enum-varnames: [only_one]
    """

@Suite("Model shapes: indirect unions and given enum names")
struct ModelShapeTests {
    private func model(_ name: String, in sdk: SDK) throws -> Model.Kind {
        try #require(sdk.models.first { $0.typeName == name }).kind
    }

    @Test("Only a oneOf that contains itself is marked recursive (declared indirect)")
    func recursiveUnions() throws {
        let sdk = try #require(try build(shapesSpec).sdk)
        guard case .oneOf(let expr) = try model("Expr", in: sdk), case .oneOf(let part) = try model("Part", in: sdk) else {
            Issue.record("Expr and Part are not unions")
            return
        }
        #expect(expr.isRecursive)
        #expect(!part.isRecursive)
    }

    @Test("A discriminator value two members claim selects the first, with a warning; the later keeps its schema name")
    func sharedDiscriminatorValue() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Item:
                  oneOf:
                    - {$ref: '#/components/schemas/InputMessage'}
                    - {$ref: '#/components/schemas/OutputMessage'}
                    - {$ref: '#/components/schemas/Call'}
                  discriminator: {propertyName: type}
                InputMessage:
                  type: object
                  properties: {type: {type: string, enum: [message]}, text: {type: string}}
                OutputMessage:
                  type: object
                  properties: {type: {type: string, enum: [message]}, id: {type: string}}
                Call:
                  type: object
                  properties: {type: {type: string, enum: [call]}}
            """
        let (sdk, diagnostics) = try build(spec)
        guard case .oneOf(let item) = try model("Item", in: try #require(sdk)) else {
            Issue.record("Item is not a union")
            return
        }
        #expect(item.variants.map(\.discriminatorValues) == [["message", "InputMessage"], ["OutputMessage"], ["call", "Call"]])
        let warnings = diagnostics.filter { $0.severity == .warning }.map(\.message)
        #expect(warnings == ["discriminator value 'message' of 'Item' selects both 'InputMessage' and 'OutputMessage'; it decodes as 'InputMessage'"])
    }

    @Test("x-enum-varnames names the cases; a list of the wrong length is ignored")
    func givenEnumNames() throws {
        let sdk = try #require(try build(shapesSpec).sdk)
        guard case .integerEnum(let code) = try model("Code", in: sdk), case .stringEnum(let half) = try model("Half", in: sdk) else {
            Issue.record("Code and Half are not enums")
            return
        }
        #expect(code.map(\.name) == ["missingRequiredField", "groupChatNotSupported"])
        #expect(code.map(\.rawValue) == [1001, 2005])
        #expect(half.map(\.name) == ["a", "b"])
    }
}

@Suite("Which properties hold secrets")
struct SecretPropertyRuleTests {
    @Test("Secret, password, api key, a trailing token or format: password are secrets; token counts are not")
    func rule() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Subscription:
                  type: object
                  properties:
                    signing_secret: {type: string}
                    access_token: {type: string}
                    apiKey: {type: string}
                    pin: {type: string, format: password}
                    max_tokens: {type: integer}
                    token_type: {type: string}
                    name: {type: string}
            """
        let sdk = try #require(try build(spec).sdk)
        guard case .structure(let properties, _)? = sdk.models.first?.kind else {
            Issue.record("no struct")
            return
        }
        #expect(properties.filter(\.isSecret).map(\.jsonKey) == ["signing_secret", "access_token", "apiKey", "pin"])
    }
}
