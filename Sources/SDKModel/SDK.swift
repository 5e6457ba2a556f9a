/// What the generated SDK is, with every Swift name and type decided: the stage after the
/// OpenAPI document and before any template sees it.
public struct SDK: Sendable, Hashable {
    /// The Swift module name, e.g. `Linq`.
    public var moduleName: String
    /// The client type, e.g. `LinqClient`.
    public var clientName: String
    /// The error type, e.g. `LinqError`.
    public var errorName: String
    /// The SDK's version, for the `User-Agent`.
    public var version: String
    /// The API's title from `info`.
    public var title: String
    /// The API's version from `info`.
    public var apiVersion: String
    /// The API's description from `info`.
    public var description: String?
    /// The spec's file name, named in every file header.
    public var specFileName: String
    /// Every file the spec was read from, by `SourceMark.fileIndex`, as the user named them
    /// (what `Origin` marks point into).
    public var specFiles: [String] = []
    /// The base URL the client uses when none is given.
    public var defaultBaseURL: String?
    /// The environment variable holding the API key.
    public var apiKeyEnvironmentVariable: String?
    /// The environment variable holding the base URL.
    public var baseURLEnvironmentVariable: String?
    /// The environment variable that sets the log level, e.g. `LINQ_LOG`.
    public var logEnvironmentVariable: String = ""
    /// The top-level resources (`client.chats`), each with its children.
    public var resources: [Resource]
    /// Methods on the client itself, for operations whose path names no resource.
    public var rootMethods: [Method]
    /// The model types, in spec order.
    public var models: [Model]
    /// The error cases for documented error statuses, by status code.
    public var errorCases: [ErrorCase]
    /// The webhook events, when the spec has `webhooks`.
    public var webhooks: Webhooks? = nil
    /// The credentials the client takes: every security scheme that the document's or some
    /// operation's security uses, in `components/securitySchemes` order.
    public var credentials: [Credential] = []
    /// The document-level security alternatives, each the scheme names that must be sent
    /// together (an empty list: no credential needed); empty when the document has none.
    public var security: [[String]] = []
    /// The access level of every declaration (`accessModifier` in `sdkgen.yaml`).
    public var accessModifier: AccessModifier = .public
}

/// One credential the client takes: a security scheme that the document or some operation uses.
public struct Credential: Sendable, Hashable {
    /// How the credential is sent.
    public enum Kind: Sendable, Hashable {
        /// HTTP bearer: `Authorization: Bearer <token>`.
        case bearer
        /// HTTP basic: `Authorization: Basic <base64(username:password)>`.
        case basic
        /// An API key in the header, query item or cookie called `name`.
        case apiKey(name: String, location: APIKeyLocation)
        /// OAuth 2: a bearer token from a token provider the caller supplies.
        case oauth2
        /// OpenID Connect: a bearer token from a token provider the caller supplies.
        case openIDConnect
    }

    /// Where an API key travels.
    public enum APIKeyLocation: String, Sendable, Hashable {
        case header, query, cookie
    }

    /// The key in `components/securitySchemes`.
    public var schemeName: String
    /// How it is sent.
    public var kind: Kind
    /// The Swift argument labels in the client's `init`: one, or two for basic (username, password).
    public var labels: [String]
    /// The environment variable each label is read from when not passed, `nil` when none is configured.
    public var environmentVariables: [String?]
    /// The scheme's description.
    public var description: String?
    /// Where the scheme is defined.
    public var origin: Origin = .none
}

/// The events of the spec's `webhooks`, as one enum with a decoder.
public struct Webhooks: Sendable, Hashable {
    /// One enum case: the webhooks of one event type that deliver the same payload type (the
    /// versions of an event whose payload did not change share their case).
    public struct Event: Sendable, Hashable {
        /// The enum case name: from the event type (`messageReceived`) when the case is the only
        /// one of its type, else from its first webhook's key (`messageReceivedV2026`).
        public var caseName: String
        /// The keys under `webhooks` this case decodes, in spec order, e.g. `message.sent.v2026`.
        public var names: [String]
        /// The event type the API sends (the first discriminator's value, else the key without
        /// its version suffix), e.g. `message.sent`.
        public var eventType: String
        /// The Swift type of the delivered body.
        public var payloadType: SwiftType
        /// The first webhook's summary.
        public var summary: String?
        /// The first webhook's description.
        public var description: String?
        /// The values of the discriminators after the first (e.g. `webhook_version`) that tell
        /// this case from the other cases of its event type, in config order: empty when it is
        /// the only case of its type, `nil` when it is not and the spec does not give them (then
        /// only `decode(name:from:)` reaches it).
        public var versionValues: [String]?
        /// Where its first webhook is defined.
        public var origin: Origin = .none
    }

    /// A property every payload has with the same type: a computed property of the enum.
    public struct EnvelopeProperty: Sendable, Hashable {
        /// The enum's property name, e.g. `createdAt`.
        public var name: String
        /// The payload types' property name.
        public var payloadName: String
        /// The Swift type without optionality.
        public var type: SwiftType
        /// Whether every payload always has it.
        public var required: Bool
        /// The first payload's description of it.
        public var description: String?
    }

    /// The enum's type name, e.g. `LinqWebhookEvent`.
    public var typeName: String
    /// The cases in spec order (of their first webhook).
    public var events: [Event]
    /// Every webhook's key, in spec order.
    public var names: [String]
    /// Payload properties that tell the events apart (from `sdkgen.yaml`), the event type first;
    /// decoding by the body alone is generated when there is at least one.
    public var discriminators: [String]
    /// The header a delivery carries its event type in (from `sdkgen.yaml`), when the API sends one.
    public var eventHeader: String? = nil
    /// The properties every payload shares, in the first payload's order.
    public var envelope: [EnvelopeProperty] = []
    /// How deliveries are verified before they are decoded (from `sdkgen.yaml`); `nil` when they are not.
    public var verification: Verification? = nil

    /// The signature check generated into `<typeName>+Verification.swift`.
    public struct Verification: Sendable, Hashable {
        /// The signature scheme.
        public var scheme: WebhookSignatureScheme
        /// The environment variable the secret is read from when none is passed; `nil`: it must be passed.
        public var secretEnvironmentVariable: String?
        /// How many seconds a delivery's timestamp may be before or after now.
        public var toleranceSeconds: Int
    }
}

/// A group of methods under one property of the client, e.g. `chats` or `chats.typing`.
public struct Resource: Sendable, Hashable {
    /// The property name, e.g. `typing`.
    public var propertyName: String
    /// The nested type name, e.g. `Typing` (declared inside its parent's type).
    public var typeName: String
    /// The type path from the client, e.g. `["Chats", "Typing"]`.
    public var typePath: [String]
    /// The property names from the client, e.g. `["chats", "typing"]` for `client.chats.typing`.
    public var accessPath: [String]
    /// The resource's child resources.
    public var children: [Resource]
    /// The methods, in spec order.
    public var methods: [Method]
}

/// One generated method: one operation of the spec.
public struct Method: Sendable, Hashable {
    /// The Swift method name, e.g. `stop`.
    public var name: String
    /// The spec's operationId.
    public var operationID: String?
    /// The key the SDK's error type knows the method's operation by (`ErrorBody.operations`):
    /// its operationId, or its HTTP method and path template.
    public var errorKey: String { operationID ?? "\(httpMethod) \(pathTemplate)" }
    /// `GET`, `POST`, …
    public var httpMethod: String
    /// The path template as in the spec.
    public var pathTemplate: String
    /// The path, split into literal text and parameters.
    public var pathPieces: [PathPiece]
    /// The spec's summary.
    public var summary: String?
    /// The spec's description.
    public var description: String?
    /// Whether the operation is deprecated.
    public var deprecated: Bool
    /// The parameters in signature order: required first, then optional, each in spec order.
    public var parameters: [MethodParameter]
    /// The JSON request body, when the operation has one.
    public var body: MethodBody?
    /// The Swift type of the decoded 2xx body, `nil` when there is none.
    public var returnType: SwiftType?
    /// How to walk every page, when the operation is a cursor-paged list.
    public var pagination: Pagination? = nil
    /// What the method returns for its 2xx responses (`returnType` is the type of a single JSON body).
    public var response: MethodResponse = .single(.empty)
    /// The `Accept` header the method sends: the media types of its 2xx bodies, distinct, in spec
    /// order, joined with `, `; `application/json` when there is no body or only JSON.
    public var accept: String = "application/json"
    /// A second method for the same operation that streams its response, when there is one.
    public var streamVariant: StreamVariant? = nil
    /// The operation's own security alternatives (scheme names sent together); `nil` when it
    /// follows the document's, empty when it sends no credential.
    public var security: [[String]]? = nil
    /// Where the JSON body holds optional idempotency keys the SDK fills in when absent (JSON
    /// keys, `*` for every array item), so a retried call cannot act twice; empty when none.
    public var idempotencyKeyPaths: [[String]] = []
    /// The JSON body's properties, when the method also takes them as parameters of its own
    /// (an overload beside the one taking the body value); `nil` when it does not.
    public var bodyFields: [BodyField]? = nil
    /// Whether callers often ignore the answer (it changes something: not `GET` or `HEAD`), so
    /// the method is `@discardableResult`.
    public var discardableResult: Bool { returnType != nil && httpMethod != "GET" && httpMethod != "HEAD" }
    /// Where the operation is defined.
    public var origin: Origin = .none
}

/// A property of a method's JSON body, taken as a parameter of the method.
public struct BodyField: Sendable, Hashable {
    /// The Swift name: the parameter label and the memberwise `init` label.
    public var label: String
    /// The Swift type without optionality.
    public var type: SwiftType
    /// Whether it must be given (optional ones default to `nil`).
    public var required: Bool
    /// What it means.
    public var description: String?
    /// The one case of its enum type, which the parameter defaults to (a discriminator such as
    /// `type: {enum: [text]}`); `nil` otherwise.
    public var singleCase: String?
    /// The Swift expression the parameter defaults to, from the property's schema `default`
    /// (see ``Property/defaultLiteral``); `nil` when there is none.
    public var defaultLiteral: String? = nil

    /// Whether a call must pass it: required, with no single case or default to fall back on.
    public var mustBeGiven: Bool { required && singleCase == nil && defaultLiteral == nil }
}

/// What one success response carries, as the method returns it.
public enum ResponseBody: Sendable, Hashable {
    /// No content.
    case empty
    /// `application/json` or `*/*+json`, decoded as the type.
    case json(SwiftType)
    /// `text/*` (except `text/event-stream`), `application/xml` or `*/*+xml`, as a `String`.
    case text
    /// Any other media type (`application/octet-stream`, `image/*`, `application/pdf`, `*/*`, …), as `Data`.
    case bytes
    /// `text/event-stream`: server-sent events whose JSON `data` decodes as the type; `nil` when
    /// the spec gives no object or reference schema for them.
    case eventStream(SwiftType?)
    /// JSON Lines (`application/jsonl`, `application/x-ndjson`, `application/jsonlines`): one value of the type per line.
    case jsonLines(SwiftType)
    /// `application/json-seq` (RFC 7464): a sequence of values of the type.
    case jsonSequence(SwiftType)
}

/// The value a method returns for its 2xx responses.
public enum MethodResponse: Sendable, Hashable {
    /// Every 2xx response has the same body shape (or there is one, or none).
    case single(ResponseBody)
    /// Several 2xx statuses with different bodies: an enum with a case per status.
    case byStatus(StatusResponses)
}

/// The 2xx responses of a method whose statuses carry different bodies.
public struct StatusResponses: Sendable, Hashable {
    /// One status.
    public struct Case: Sendable, Hashable {
        /// The case name: `ok`, `created`, `accepted`, `noContent`, …; `success` for a `2XX` range.
        public var name: String
        /// The status code; `nil` for a `2XX` range.
        public var statusCode: Int?
        /// What the response carries.
        public var body: ResponseBody
        /// The spec's description of the response.
        public var description: String?
    }

    /// The enum's Swift type name (reserved like a model's), e.g. `CreatePostResult`.
    public var typeName: String
    /// The cases, in spec order.
    public var cases: [Case]
}

/// A second method for the same operation that streams its response.
public struct StreamVariant: Sendable, Hashable {
    /// The method name, `<method>Stream` (with a suffix when that is taken).
    public var name: String
    /// What it streams: `.eventStream`, `.jsonLines`, `.jsonSequence`, or `.bytes` for a raw byte stream.
    public var body: ResponseBody
    /// The `Accept` header it sends.
    public var accept: String
    /// The Swift name of the request body's `Bool` property with JSON key `stream`, which the
    /// variant sets to `true`; `nil` when the body has none.
    public var streamProperty: String?
}

/// A cursor-paged list: a `cursor` query parameter in, a next-cursor field and an array of
/// items out. The SDK adds `<method>All`, returning a lazily paging `AsyncSequence` of the items.
public struct Pagination: Sendable, Hashable {
    /// The Swift type of one item.
    public var itemType: SwiftType
    /// The response property holding the items.
    public var itemsProperty: String
    /// The response property holding the next cursor.
    public var nextCursorProperty: String
    /// The label of the cursor parameter.
    public var cursorLabel: String
}

/// A piece of a path template.
public enum PathPiece: Sendable, Hashable {
    /// Text sent as written.
    case literal(String)
    /// A path parameter, by its Swift label.
    case parameter(label: String)
}

/// Where a method parameter travels.
public enum ParameterKind: String, Sendable, Hashable {
    case path, query, header, cookie
}

/// How a parameter's value is handed to the runtime.
public enum ParameterEncoding: Sendable, Hashable {
    /// A scalar, enum, or list of them, as text in the parameter's style.
    case text
    /// A model or dictionary, taken apart into named values in the parameter's style.
    case object
    /// The whole value as JSON text (a parameter with `content: application/json`).
    case json
}

/// One parameter of a generated method.
public struct MethodParameter: Sendable, Hashable {
    /// The Swift argument label, e.g. `chatID`.
    public var label: String
    /// The name on the wire, e.g. `chatId`.
    public var wireName: String
    /// Where it travels.
    public var kind: ParameterKind
    /// The Swift type without optionality, e.g. `UUID` or `[String]`.
    public var type: SwiftType
    /// Whether it must be given (optional ones default to `nil`).
    public var required: Bool
    /// What it means.
    public var description: String?
    /// Whether it is deprecated.
    public var deprecated: Bool
    /// OpenAPI's `style` name (`form`, `simple`, `deepObject`, …), as the runtime's `ParameterStyle` spells it.
    public var style: String = "simple"
    /// Whether lists and objects are spread into separate values.
    public var explode: Bool = false
    /// Whether reserved characters travel unencoded in the query.
    public var allowReserved: Bool = false
    /// How the value is handed to the runtime.
    public var encoding: ParameterEncoding = .text
    /// Whether the value is a list (an array, or a named alias of one).
    public var isList: Bool = false
    /// Whether it is an optional idempotency-key header that the SDK fills with a new key when
    /// the caller gives none (the same key on every attempt of the call).
    public var fillsIdempotencyKey: Bool = false
    /// Where the parameter is defined.
    public var origin: Origin = .none
}

/// How a request body is put on the wire.
public enum BodyEncoding: Sendable, Hashable {
    /// JSON.
    case json
    /// `application/x-www-form-urlencoded`.
    case form
    /// `multipart/form-data`: `files` are the properties sent as file parts, `parts` what the
    /// spec's `encoding` says about the others (their content type and headers).
    case multipart(files: [MultipartFile], parts: [MultipartPart])
    /// The bytes as they are (`application/octet-stream` and other non-structured types).
    case binary
}

/// A property of a multipart body sent as a file part (an `UploadFile`, or a list of them).
public struct MultipartFile: Sendable, Hashable {
    /// The Swift property name.
    public var swiftName: String
    /// The part name (the JSON key).
    public var partName: String
    /// Whether the property is optional.
    public var optional: Bool
    /// Whether the property is a list of files, each sent as a part of the same name.
    public var isList: Bool = false
    /// The spec's `encoding` for the part, when it has one.
    public var encoding: MultipartPart? = nil
}

/// What the spec's `encoding` says about one part of a multipart body.
public struct MultipartPart: Sendable, Hashable {
    /// The part name (the JSON key).
    public var partName: String
    /// The `Content-Type` of the part, when the spec names one.
    public var contentType: String?
    /// Extra headers of the part, with the values the spec gives, in spec order.
    public var headers: [PartHeaderValue] = []
}

/// A header of a multipart part and the value sent.
public struct PartHeaderValue: Sendable, Hashable {
    /// The header name.
    public var name: String
    /// The value.
    public var value: String
}

/// The request body of a generated method.
public struct MethodBody: Sendable, Hashable {
    /// How it is encoded.
    public var encoding: BodyEncoding = .json
    /// The Swift type of the body.
    public var type: SwiftType
    /// Whether it must be given.
    public var required: Bool
    /// The media type sent.
    public var contentType: String
    /// What the body is.
    public var description: String?
}

/// A generated model type.
public struct Model: Sendable, Hashable {
    /// What kind of type it is.
    public enum Kind: Sendable, Hashable {
        /// A `struct` with stored properties.
        case structure([Property], additionalPropertiesType: SwiftType?)
        /// An open string enum: known cases plus `unknown(String)`.
        case stringEnum([EnumCase])
        /// An open integer enum: known cases plus `unknown(Int)`.
        case integerEnum([IntegerEnumCase])
        /// A `oneOf`/`anyOf`: one case per member plus `unknown(JSONValue)`.
        case oneOf(OneOf)
        /// A `typealias` to another type.
        case alias(SwiftType)
    }

    /// The Swift type name.
    public var typeName: String
    /// What it is.
    public var kind: Kind
    /// What it means.
    public var description: String?
    /// Whether it is deprecated.
    public var deprecated: Bool
    /// Where its schema is defined.
    public var origin: Origin = .none
}

/// A case of an integer enum.
public struct IntegerEnumCase: Sendable, Hashable {
    /// The Swift case name.
    public var name: String
    /// The raw value.
    public var rawValue: Int
}

/// The variants of a `oneOf`/`anyOf` model.
public struct OneOf: Sendable, Hashable {
    /// One variant.
    public struct Variant: Sendable, Hashable {
        /// The Swift case name.
        public var name: String
        /// The associated value's Swift type.
        public var type: SwiftType
        /// The discriminator values that select this variant (empty without a discriminator).
        public var discriminatorValues: [String]
        /// Where the member schema is written.
        public var origin: Origin = .none
    }

    /// The variants in spec order.
    public var variants: [Variant]
    /// The property that names the variant; `nil` means "the first variant that decodes".
    public var discriminatorProperty: String?
    /// Whether the enum contains itself through its variants' types, so it must be `indirect`.
    public var isRecursive: Bool = false
}

/// A stored property of a model struct.
public struct Property: Sendable, Hashable {
    /// The Swift name.
    public var swiftName: String
    /// The JSON key.
    public var jsonKey: String
    /// The Swift type without optionality.
    public var type: SwiftType
    /// Whether the property is always present (and non-null).
    public var required: Bool
    /// What it means.
    public var description: String?
    /// Whether it is deprecated.
    public var deprecated: Bool
    /// Whether it must be stored behind a reference because its type contains this model.
    public var isIndirect: Bool = false
    /// The documented default value, as written in the spec.
    public var defaultValue: String? = nil
    /// The one case of the property's enum type when it has only one (a discriminator such as
    /// `type: {enum: [text]}`): the memberwise `init` defaults to it.
    public var singleCase: String? = nil
    /// Whether it holds a secret (`format: password`, or a name such as `signing_secret`,
    /// `access_token`, `password`, `api_key`), which descriptions and dumps of the model hide.
    public var isSecret: Bool = false
    /// The Swift expression the memberwise `init` defaults the property to: its schema's
    /// `default` spelled for its type (`"en"`, `10`, `true`, `.active`); `nil` when there is none
    /// or Swift cannot spell it simply (it is then documented only).
    public var defaultLiteral: String? = nil
    /// Whether the property may be left out and may be `null` (3.0 `nullable`, 3.1 `type: [T,
    /// "null"]`): it is kept in a `NullableField`, so a request can send `null` and a decoded
    /// value tells `null` from absent.
    public var keepsNull: Bool = false
    /// Whether the object lists the property as required but allows `null`: `nil` is sent as `null`.
    public var sendsNull: Bool = false
    /// Where the property's schema is written.
    public var origin: Origin = .none

    /// Whether the memberwise `init` needs it: required, with no single case or default to fall back on.
    public var mustBeGiven: Bool { required && singleCase == nil && defaultLiteral == nil }
}

/// A case of a string enum.
public struct EnumCase: Sendable, Hashable {
    /// The Swift case name.
    public var name: String
    /// The raw value.
    public var rawValue: String
}

/// A case of the SDK's error type for one documented error status.
public struct ErrorCase: Sendable, Hashable {
    /// The case name, e.g. `notFound`.
    public var name: String
    /// The HTTP status, e.g. 404.
    public var statusCode: Int
    /// The Swift type of the documented body, `nil` when the spec documents none (the case then
    /// carries the response only); a value of it is optional in the case, `nil` when the body
    /// received is not that one (an HTML page from a proxy, say); when
    /// operations document different bodies for the status, the first of them (see `bodies`).
    public var bodyType: SwiftType?
    /// The spec's description of the response (the first operation's).
    public var description: String?
    /// Every body operations document for this status, in the order first documented, when
    /// there are several (OpenAI's spec has `ErrorResponse` for some 400s and `Error` for
    /// others); empty when all agree, the common case. The case then carries an enum of them.
    public var bodies: [ErrorBody] = []
    /// Whether the spec documents the status; `false` for the cases every error type has
    /// (409, 429 and the other 5xx), which carry the body type most error statuses document.
    public var documented: Bool = true
    /// Whether the case stands for every 5xx status without a case of its own (`statusCode` is 500).
    public var coversServerErrors: Bool = false
    /// Where the first operation documenting the status defines its response; none for the
    /// cases every error type has.
    public var origin: Origin = .none
}

/// One of several bodies documented for an error status.
public struct ErrorBody: Sendable, Hashable {
    /// The case name in the status's body enum, e.g. `errorResponse`.
    public var caseName: String
    /// The Swift type of the body.
    public var type: SwiftType
    /// The operations documenting this body, by `Method.errorKey`, in spec order.
    public var operations: [String]
}
