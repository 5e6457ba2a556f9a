import Diagnostics
import OpenAPI
import SDKModel
import Testing

/// Loads `spec` and builds the SDK with `config`.
func build(_ spec: String, config: String = "") throws -> (sdk: SDK?, diagnostics: [Diagnostic]) {
    let loaded = DocumentLoader.load(SourceFile(path: "spec.yaml", bytes: Array(spec.utf8)))
    let document = try #require(loaded.document, "\(loaded.diagnostics)")
    let configResult = GeneratorConfig.load(SourceFile(path: "sdkgen.yaml", bytes: Array(config.utf8)))
    let parsed = try #require(configResult.config, "\(configResult.diagnostics)")
    return SDKBuilder.build(document, config: parsed)
}

let typingSpec = """
    openapi: 3.1.0
    info: {title: Linq Partner API, version: '3'}
    paths:
      /v3/chats/{chatId}/typing:
        parameters:
          - {name: chatId, in: path, required: true, schema: {type: string, format: uuid}}
        post:
          operationId: startTyping
          responses: {'204': {description: ok}}
        delete:
          operationId: stopTyping
          responses:
            '204': {description: ok}
            '404':
              description: missing
              content:
                application/json:
                  schema: {type: object, properties: {message: {type: string}}}
    """

@Suite("Resources, methods and error cases")
struct SDKBuilderTests {
    @Test("Resources come from the path and method names from the operationId minus the noun")
    func typingResources() throws {
        let sdk = try #require(try build(typingSpec).sdk)
        #expect(sdk.moduleName == "LinqPartnerAPI")
        #expect(sdk.clientName == "LinqPartnerAPIClient")
        #expect(sdk.resources.map(\.propertyName) == ["chats"])
        let typing = try #require(sdk.resources.first?.children.first)
        #expect(typing.typePath == ["Chats", "Typing"])
        #expect(typing.accessPath == ["chats", "typing"])
        #expect(typing.methods.map(\.name) == ["start", "stop"])
        #expect(typing.methods[1].parameters.map(\.label) == ["chatID"])
        #expect(typing.methods[1].parameters.map(\.type) == [.named("UUID")])
        #expect(typing.methods[1].pathPieces == [.literal("/v3/chats/"), .parameter(label: "chatID"), .literal("/typing")])
        #expect(sdk.errorCases.map(\.name) == ["notFound", "conflict", "tooManyRequests", "serverError"])
        #expect(sdk.errorCases.map(\.documented) == [true, false, false, false])
        #expect(sdk.errorCases.map(\.bodyType) == Array(repeating: .named("Error404"), count: 4), "the body most statuses document")
        #expect(sdk.errorCases.first?.bodyType == .named("Error404"))
    }

    @Test("The log level's environment variable is the module's own, or the one sdkgen.yaml names")
    func logVariable() throws {
        #expect(try build(typingSpec, config: "module: LinqFull").sdk?.logEnvironmentVariable == "LINQ_FULL_LOG")
        #expect(try build(typingSpec, config: "module: Linq").sdk?.logEnvironmentVariable == "LINQ_LOG")
        #expect(try build(typingSpec, config: "module: Linq\nenvironment:\n  log: LINQ_DEBUG").sdk?.logEnvironmentVariable == "LINQ_DEBUG")
        let bad = GeneratorConfig.load(SourceFile(path: "sdkgen.yaml", bytes: Array("environment:\n  log: 'not a name'".utf8)))
        #expect(bad.config == nil)
        #expect(
            bad.diagnostics.map(\.description) == [
                "sdkgen.yaml:2:8: error: 'environment.log' must be a Swift identifier (ASCII letters, digits and '_', not starting with a digit), found 'not a name'"
            ])
    }

    @Test("sdkgen.yaml overrides names, resources and method names")
    func overrides() throws {
        let config = """
            module: Linq
            client: Messaging
            operations:
              stopTyping: {resource: conversations.indicator, method: hide}
            """
        let sdk = try #require(try build(typingSpec, config: config).sdk)
        #expect(sdk.moduleName == "Linq")
        #expect(sdk.clientName == "Messaging")
        #expect(sdk.errorName == "LinqError")
        #expect(sdk.resources.map(\.propertyName) == ["chats", "conversations"])
        #expect(sdk.resources[1].children.first?.methods.map(\.name) == ["hide"])
    }

    @Test("Method names without an operationId follow the HTTP method")
    func defaultMethodNames() throws {
        let spec = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /items:
                get: {responses: {'200': {description: ok}}}
                post: {responses: {'201': {description: ok}}}
              /items/{id}:
                parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
                get: {responses: {'200': {description: ok}}}
                delete: {responses: {'204': {description: ok}}}
            """
        let sdk = try #require(try build(spec).sdk)
        #expect(sdk.resources.first?.methods.map(\.name) == ["list", "create", "retrieve", "delete"])
    }

    @Test("Colliding method names get a suffix and a warning")
    func methodCollision() throws {
        let spec = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /items:
                get: {operationId: listItems, responses: {'200': {description: ok}}}
              /v2/items:
                get: {operationId: listItem, responses: {'200': {description: ok}}}
            """
        let result = try build(spec)
        #expect(result.sdk?.resources.first?.methods.map(\.name) == ["list", "list2"])
        #expect(
            result.diagnostics.map(\.description) == [
                "spec.yaml:7:5: warning: operation 'listItem' would be named 'list' in 'items', which is taken; it is named 'list2' (set 'operations.<id>.method' in sdkgen.yaml to choose)"
            ])
    }

    @Test("Config errors point at the key")
    func configErrors() {
        let result = GeneratorConfig.load(SourceFile(path: "sdkgen.yaml", bytes: Array("module: Linq\nclinet: X\n".utf8)))
        #expect(result.config == nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "sdkgen.yaml:2:1: error: unknown key 'clinet'; expected one of: module, client, error, version, baseURL, environment, pagination, webhooks, operations, credentials, tests, accessModifier, filter, typeOverrides, names"
            ])
        let variable = GeneratorConfig.load(SourceFile(path: "sdkgen.yaml", bytes: Array("environment:\n  apiKey: 'KEY\"); evil(\"'\n".utf8)))
        #expect(
            variable.diagnostics.map(\.description) == [
                "sdkgen.yaml:2:11: error: 'environment.apiKey' must be a Swift identifier (ASCII letters, digits and '_', not starting with a digit), found 'KEY\"); evil(\"'"
            ])
        let bad = GeneratorConfig.load(SourceFile(path: "sdkgen.yaml", bytes: Array("module: 'my module'\n".utf8)))
        #expect(
            bad.diagnostics.map(\.description) == [
                "sdkgen.yaml:1:9: error: 'module' must be a Swift identifier (ASCII letters, digits and '_', not starting with a digit), found 'my module'"
            ])
    }
}

@Suite("Resource access paths")
struct ResourceAccessPathTests {
    @Test("A child resource renamed to avoid a method's name keeps the new name in its access path")
    func renamedChild() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: Shop, version: '1'}
            paths:
              /things:
                get:
                  operationId: listThings
                  responses: {'204': {description: none}}
              /things/list/{id}:
                get:
                  operationId: getThingsListEntry
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: none}}
                delete:
                  operationId: deleteThingsListEntry
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: none}}
            """
        let sdk = try #require(try build(spec).sdk)
        let things = try #require(sdk.resources.first { $0.propertyName == "things" })
        #expect(things.methods.map(\.name).contains("list"))
        let child = try #require(things.children.first)
        #expect(child.propertyName != "list", "the child may not share the method's name")
        #expect(child.accessPath == ["things", child.propertyName])
        #expect(child.propertyName == "list2")
    }
}
