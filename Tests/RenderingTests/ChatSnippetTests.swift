import Testing

/// A chat API: a nested resource, form and binary bodies, a `oneOf` with a discriminator, a
/// string enum, a recursive model and a webhook.
let chatSpec = """
    openapi: 3.1.0
    info: {title: Chat, version: '2'}
    paths:
      /chats/{chatId}/typing:
        post:
          operationId: startTyping
          parameters:
            - {name: chatId, in: path, required: true, schema: {type: string}}
          requestBody:
            required: true
            content:
              application/x-www-form-urlencoded:
                schema: {type: object, properties: {until: {type: string}}}
          responses: {'204': {description: ok}}
        delete:
          operationId: stopTyping
          parameters:
            - {name: chatId, in: path, required: true, schema: {type: string}}
          responses: {'204': {description: ok}}
      /chats/{chatId}/attachments:
        put:
          operationId: uploadAttachment
          parameters:
            - {name: chatId, in: path, required: true, schema: {type: string}}
          requestBody:
            content:
              image/png: {}
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Part'}
    webhooks:
      message.sent:
        post:
          summary: A message went out.
          requestBody:
            content:
              application/json:
                schema: {$ref: '#/components/schemas/Part'}
          responses: {'200': {description: ok}}
    components:
      schemas:
        Kind:
          type: string
          enum: [text, media-file]
        Part:
          oneOf:
            - {$ref: '#/components/schemas/TextPart'}
            - {$ref: '#/components/schemas/MediaPart'}
          discriminator:
            propertyName: type
            mapping: {text: '#/components/schemas/TextPart', media: '#/components/schemas/MediaPart'}
        TextPart:
          type: object
          required: [type, text]
          properties:
            type: {type: string}
            text: {type: string}
        MediaPart:
          type: object
          required: [type]
          properties:
            type: {type: string}
            url: {type: string, format: uri}
        Node:
          type: object
          required: [parent]
          properties:
            parent: {$ref: '#/components/schemas/Node'}
            children: {type: array, items: {$ref: '#/components/schemas/Node'}}
    """

@Suite("Snippets: resources, bodies, unions, enums and webhooks")
struct ChatSnippetTests {
    @Test("A `oneOf` with a discriminator switches on the property's value")
    func oneOfWithDiscriminator() throws {
        expectSnippet(
            #"""
            /// The `type` property says which case a value is; other values decode as `.unknown`.
            public indirect enum Part: Codable, Hashable, Sendable {
                case text(TextPart)
                case media(MediaPart)
                /// A variant this version of the SDK does not know, kept as raw JSON.
                case unknown(JSONValue)

                public init(from decoder: any Decoder) throws {
                    let container = try? decoder.container(keyedBy: DynamicCodingKey.self)
                    switch try container?.decodeIfPresent(String.self, forKey: DynamicCodingKey("type")) {
                    case "text":
                        self = .text(try TextPart(from: decoder))
                    case "media":
                        self = .media(try MediaPart(from: decoder))
                    default:
                        self = .unknown(try JSONValue(from: decoder))
                    }
                }
            """#, in: "Models/", of: try generate(chatSpec))
    }

    @Test("A string enum is open: known cases plus `unknown`")
    func stringEnum() throws {
        expectSnippet(
            #"""
            /// Values this version of the SDK does not know decode as `.unknown` instead of failing.
            public enum Kind: RawRepresentable, Codable, Hashable, Sendable, ParameterValue {
                case text
                case mediaFile
                /// A value this version of the SDK does not know yet.
                case unknown(String)
            """#, in: "Models/", of: try generate(chatSpec))
    }

    @Test("A property whose type contains its model is stored behind `Indirect`")
    func recursiveProperty() throws {
        let files = try generate(chatSpec)
        expectSnippet(
            #"""
            public struct Node: Codable, Hashable, Sendable {
                public var parent: Node {
                    get { _parent.value }
                    set { _parent = Indirect(newValue) }
                }
                public var children: [Node]?

                private var _parent: Indirect<Node>

                /// Creates a value from its properties.
                public init(parent: Node, children: [Node]? = nil) {
                    self._parent = Indirect(parent)
                    self.children = children
                }
            """#, in: "Models/", of: files)
        expectSnippet(
            #"""
                    self._parent = try container.decode(Indirect<Node>.self, forKey: DynamicCodingKey("parent"))
            """#, in: "Models/", of: files)
    }

    @Test("A nested resource is a property of its parent, documented with its path from the client")
    func nestedResource() throws {
        let files = try generate(chatSpec)
        expectSnippet(
            #"""
                    /// Calls under `client.chats.typing`.
                    public var typing: Typing { Typing(core: core) }
            """#, in: "Resources/Chats.swift", of: files)
        expectSnippet(
            #"""
            extension ChatClient.Chats {
                /// Calls under `client.chats.typing`.
                public struct Typing: Sendable {
            """#, in: "Resources/Chats.Typing.swift", of: files)
    }

    @Test("A form body is required when the spec says so, and encoded as a form")
    func formBody() throws {
        expectSnippet(
            #"""
                public func start(chatID: String, body: StartTypingRequest, options: RequestOptions? = nil) async throws(ChatError) {
                    var request = APIRequest(method: .post, path: "/chats/" + PathEncoding.segment(chatID) + "/typing", operationID: "startTyping")
                    request.setBody(try core.encodeForm(body, mapError: ChatError.init))
            """#, in: "Resources/Chats.Typing.swift", of: try generate(chatSpec))
    }

    @Test("A body of another media type is optional `Data` sent as it is")
    func binaryBody() throws {
        expectSnippet(
            #"""
                public func uploadAttachment(chatID: String, body: Data? = nil, options: RequestOptions? = nil) async throws(ChatError) -> Part {
                    var request = APIRequest(method: .put, path: "/chats/" + PathEncoding.segment(chatID) + "/attachments", operationID: "uploadAttachment")
                    if let body {
                        request.setBody(EncodedBody(data: body, contentType: "image/png"))
                    }
            """#, in: "Resources/Chats.swift", of: try generate(chatSpec))
    }

    @Test("A webhook is a case of the event enum, decoded by its name")
    func webhook() throws {
        let files = try generate(chatSpec)
        expectSnippet(
            #"""
            public enum ChatWebhookEvent: Sendable {
                /// `message.sent`: A message went out.
                case messageSent(Part)
            """#, in: "ChatWebhookEvent.swift", of: files)
        expectSnippet(
            #"""
                    case "message.sent":
                        return .messageSent(try payload(Part.self, from: body, name: name))
            """#, in: "ChatWebhookEvent.swift", of: files)
    }
}
