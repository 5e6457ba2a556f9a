import Diagnostics
import OpenAPI
import SDKModel
import Testing

/// A spec with the given `webhooks` entries (each `key: payload schema`, example optional) and
/// the components `Envelope`-based payloads use.
func webhookSpec(_ hooks: [(key: String, schema: String, example: String?)]) -> String {
    var text = "openapi: 3.1.0\ninfo: {title: Hooks, version: '1'}\nwebhooks:\n"
    for hook in hooks {
        text += "  \(hook.key):\n    post:\n      requestBody:\n        content:\n          application/json:\n"
        text += "            schema: \(hook.schema)\n"
        if let example = hook.example { text += "            example: \(example)\n" }
        text += "      responses: {'200': {description: ok}}\n"
    }
    text += """
        components:
          schemas:
            Base:
              type: object
              required: [type, id, at]
              properties:
                type: {type: string}
                version: {type: string}
                id: {type: string, format: uuid}
                at: {type: string, format: date-time}
            Old:
              allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {text: {type: string}}}]
            New:
              allOf: [{$ref: '#/components/schemas/Base'}, {type: object, required: [parts], properties: {parts: {type: array, items: {type: string}}}}]
            Plain:
              type: object
              required: [id]
              properties:
                id: {type: string, format: uuid}
        """
    return text
}

@Suite("Webhook events: event types, shared versions, envelope, names")
struct WebhookBuilderTests {
    let config = "webhooks:\n  discriminators: [type, version]\n"

    @Test("Versions with one payload are one case named after the event type; differing payloads keep their keys")
    func sharedVersions() throws {
        let spec = webhookSpec([
            ("message.sent.v2", "{$ref: '#/components/schemas/New'}", "{type: message.sent, version: '2'}"),
            ("message.sent.v1", "{$ref: '#/components/schemas/Old'}", "{type: message.sent, version: '1'}"),
            ("chat.created.v2", "{$ref: '#/components/schemas/Old'}", nil),
            ("chat.created.v1", "{$ref: '#/components/schemas/Old'}", nil),
        ])
        let hooks = try #require(try build(spec, config: config).sdk?.webhooks)
        #expect(hooks.events.map(\.caseName) == ["messageSentV2", "messageSentV1", "chatCreated"])
        #expect(hooks.events.map(\.eventType) == ["message.sent", "message.sent", "chat.created"])
        #expect(hooks.events.map(\.names) == [["message.sent.v2"], ["message.sent.v1"], ["chat.created.v2", "chat.created.v1"]])
        #expect(hooks.events.map(\.versionValues) == [["2"], ["1"], []])
        #expect(hooks.names == ["message.sent.v2", "message.sent.v1", "chat.created.v2", "chat.created.v1"])
    }

    @Test("Structurally equal inline payloads are one type")
    func structuralSharing() throws {
        let inline = "{type: object, required: [id], properties: {id: {type: string, format: uuid}}}"
        let spec = webhookSpec([
            ("thing.done.v2", inline, nil), ("thing.done.v1", inline, nil), ("other", "{$ref: '#/components/schemas/Plain'}", nil),
        ])
        let sdk = try #require(try build(spec, config: config).sdk)
        let hooks = try #require(sdk.webhooks)
        #expect(hooks.events.map(\.caseName) == ["thingDone", "other"])
        #expect(hooks.events[0].payloadType == .named("ThingDoneV2Payload"))
        #expect(!sdk.models.contains { $0.typeName == "ThingDoneV1Payload" })
    }

    @Test("Fields every payload has with one type are the envelope; others are not")
    func envelope() throws {
        let spec = webhookSpec([
            ("a.v1", "{$ref: '#/components/schemas/Old'}", nil), ("b.v1", "{$ref: '#/components/schemas/New'}", nil),
        ])
        let hooks = try #require(try build(spec, config: config).sdk?.webhooks)
        #expect(hooks.envelope.map(\.name) == ["type", "version", "id", "at"])
        #expect(hooks.envelope.map(\.required) == [true, false, true, true])
        #expect(hooks.envelope[3].type == .named("Date"))
        let mixed = webhookSpec([("a", "{$ref: '#/components/schemas/Old'}", nil), ("b", "{$ref: '#/components/schemas/Plain'}", nil)])
        #expect(try #require(try build(mixed, config: config).sdk?.webhooks).envelope.map(\.name) == ["id"])
        let single = webhookSpec([("a", "{$ref: '#/components/schemas/Old'}", nil)])
        #expect(try #require(try build(single, config: config).sdk?.webhooks).envelope.isEmpty)
    }

    @Test("A version that cannot be told apart is reached only by name, with a warning")
    func ambiguousVersions() throws {
        let spec = webhookSpec([
            ("message.sent.v2", "{$ref: '#/components/schemas/New'}", nil), ("message.sent.v1", "{$ref: '#/components/schemas/Old'}", nil),
        ])
        let built = try build(spec, config: config)
        let hooks = try #require(built.sdk?.webhooks)
        #expect(hooks.events.map(\.versionValues) == [nil, nil])
        #expect(built.diagnostics.filter { $0.message.contains("decoded only by its name") }.count == 2)
    }

    @Test("The type is named after the client's stem unless sdkgen.yaml names it; the header is read")
    func typeNameAndHeader() throws {
        let spec = webhookSpec([("a", "{$ref: '#/components/schemas/Plain'}", nil)])
        #expect(try build(spec).sdk?.webhooks?.typeName == "HooksWebhookEvent")
        #expect(try build(spec, config: "module: HooksKit\nclient: HooksClient\n").sdk?.webhooks?.typeName == "HooksWebhookEvent")
        #expect(try build(spec, config: "module: HooksKit\nclient: Api\n").sdk?.webhooks?.typeName == "HooksKitWebhookEvent")
        let named = try build(spec, config: "webhooks:\n  type: Deliveries\n  header: X-Hook-Event\n").sdk?.webhooks
        #expect(named?.typeName == "Deliveries")
        #expect(named?.eventHeader == "X-Hook-Event")
        let bad = GeneratorConfig.load(SourceFile(path: "sdkgen.yaml", bytes: Array("webhooks:\n  header: 'X Event'\n".utf8)))
        #expect(bad.config == nil)
        #expect(bad.diagnostics.first?.message.contains("'webhooks.header' must be an HTTP header name") == true)
    }
}
