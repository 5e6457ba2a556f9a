import Diagnostics
import YAML

/// The part of an OpenAPI 3.0/3.1 description that sdkgen understands, with every `$ref` to a
/// response, parameter or request body resolved, and schema references kept as names.
public struct Document: Sendable, Hashable {
    /// The file the description was read from, as the user named it; diagnostics of later stages point into it.
    public var file: String
    /// Every file the load read, by `SourceMark.fileIndex`: `file` first, then the files its
    /// references named; a later stage's `DiagnosticLog(files:)` points into the right one.
    public var files: [String] = []
    /// The `openapi` version string, e.g. `3.1.0`.
    public var openAPIVersion: String
    /// The `info` object.
    public var info: Info
    /// The servers, in spec order.
    public var servers: [Server]
    /// The security schemes from `components/securitySchemes`, in spec order.
    public var securitySchemes: [SecurityScheme]
    /// The document-level `security`: the alternatives every operation without its own uses, in
    /// spec order; `nil` when the key is absent, empty for `security: []`.
    public var security: [SecurityRequirement]? = nil
    /// The tags, in spec order.
    public var tags: [Tag]
    /// The operations, in spec order (path by path, then method order within a path item).
    public var operations: [Operation]
    /// The schemas of `components/schemas`, in spec order, then the schema objects in other
    /// files that references made named types, in the order first referenced.
    public var schemas: [NamedSchema]
    /// The `webhooks` (OpenAPI 3.1): requests the API sends to the user, in spec order.
    public var webhooks: [Webhook] = []
}

/// One entry of `webhooks`: an event the API delivers to the user's server.
public struct Webhook: Sendable, Hashable {
    /// The key under `webhooks`, e.g. `message.sent.v2026`.
    public var name: String
    /// The delivery's operationId, when given.
    public var operationID: String?
    /// A one-line summary.
    public var summary: String?
    /// A longer description.
    public var description: String?
    /// The schema of the delivered JSON body.
    public var payload: Schema?
    /// The example body, when the spec gives one.
    public var example: YAMLNode?
    /// Where the webhook is defined.
    public var mark: SourceMark
}

/// The `info` object.
public struct Info: Sendable, Hashable {
    /// The API's title.
    public var title: String
    /// The API's version (of the description, not of OpenAPI).
    public var version: String
    /// A longer description, CommonMark.
    public var description: String?
}

/// One entry of `servers`.
public struct Server: Sendable, Hashable {
    /// The server URL, possibly with `{variables}`.
    public var url: String
    /// What the server is.
    public var description: String?
}

/// One entry of `components/securitySchemes`.
public struct SecurityScheme: Sendable, Hashable {
    /// What kind of scheme it is.
    public enum Kind: Sendable, Hashable {
        /// `type: http` with `scheme: bearer` (the bearer format, e.g. `JWT`, when given).
        case httpBearer(format: String?)
        /// `type: http` with `scheme: basic`.
        case httpBasic
        /// `type: apiKey`: `name` is the header, query item or cookie name, and `location` is the
        /// `in` value, which the loader has checked to be `header`, `query` or `cookie`.
        case apiKey(name: String, location: String)
        /// `type: oauth2`: a bearer token obtained through one of the scheme's flows.
        case oauth2
        /// `type: openIdConnect`: a bearer token obtained through OpenID Connect.
        case openIDConnect
        /// Anything else, kept by name: `mutualTLS`, an unknown type, or an `http` scheme other
        /// than bearer and basic as `http <scheme>` (e.g. `http digest`).
        case other(String)
    }

    /// The key in `components/securitySchemes`.
    public var name: String
    /// The scheme.
    public var kind: Kind
    /// What the scheme is for.
    public var description: String?
    /// Where the scheme's key is.
    public var mark: SourceMark
}

/// One Security Requirement Object: the schemes that must all be satisfied together. A list of
/// requirements is a list of alternatives, any one of which is enough.
public struct SecurityRequirement: Sendable, Hashable {
    /// The scheme names (keys of `components/securitySchemes`), in spec order; empty for `{}`,
    /// which means that no credential is needed. Scopes are not kept.
    public var schemes: [String]
    /// Where the requirement is written.
    public var mark: SourceMark

    /// Creates a requirement for `schemes` written at `mark`.
    public init(schemes: [String], mark: SourceMark) {
        self.schemes = schemes
        self.mark = mark
    }
}

/// One entry of `tags`.
public struct Tag: Sendable, Hashable {
    /// The tag's name.
    public var name: String
    /// What the tag groups.
    public var description: String?
}

/// An HTTP method of an operation.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case get, put, post, delete, options, head, patch, trace
}

/// One operation: a method on a path.
public struct Operation: Sendable, Hashable {
    /// The HTTP method.
    public var method: HTTPMethod
    /// The path template, e.g. `/v3/chats/{chatId}/typing`.
    public var path: String
    /// The `operationId`, when given.
    public var operationID: String?
    /// A one-line summary.
    public var summary: String?
    /// A longer description.
    public var description: String?
    /// The tags it is grouped under.
    public var tags: [String]
    /// Whether the operation is deprecated.
    public var deprecated: Bool
    /// Path-item and operation parameters merged (the operation's win), in spec order.
    public var parameters: [Parameter]
    /// The request body, when there is one.
    public var requestBody: RequestBody?
    /// The responses, in spec order.
    public var responses: [Response]
    /// The operation's own `security`, in spec order; `nil` when the key is absent (the
    /// document's applies), empty for `security: []` (no credential is sent).
    public var security: [SecurityRequirement]? = nil
    /// Where the operation's method key is.
    public var mark: SourceMark
}

/// Where a parameter travels.
public enum ParameterLocation: String, Sendable, Hashable {
    case path, query, header, cookie
}

/// A parameter of an operation.
public struct Parameter: Sendable, Hashable {
    /// The name on the wire.
    public var name: String
    /// Where it travels.
    public var location: ParameterLocation
    /// Whether it must be given.
    public var required: Bool
    /// What it means.
    public var description: String?
    /// Whether it is deprecated.
    public var deprecated: Bool
    /// Its schema, when given.
    public var schema: Schema?
    /// Where the parameter is defined.
    public var mark: SourceMark
    /// How the value is serialised; OpenAPI's default for the location when `style` is absent.
    public var style: ParameterStyle = .simple
    /// Whether lists and objects are spread into separate values (`explode`; by default true
    /// only for `form`).
    public var explode: Bool = false
    /// Whether reserved characters travel unencoded in a query (`allowReserved`).
    public var allowReserved: Bool = false
    /// The media type the value is encoded in (e.g. `application/json`) when the parameter has
    /// `content` instead of `schema`.
    public var contentMediaType: String? = nil
    /// The parameter's `example`, or the value of the first of its `examples`.
    public var example: YAMLNode? = nil
}

/// A parameter's `style`.
public enum ParameterStyle: String, Sendable, Hashable, CaseIterable {
    case matrix, label, form, simple, spaceDelimited, pipeDelimited, deepObject

    /// The styles OpenAPI allows in `location`.
    public static func allowed(in location: ParameterLocation) -> [ParameterStyle] {
        switch location {
        case .path: [.simple, .label, .matrix]
        case .query: [.form, .spaceDelimited, .pipeDelimited, .deepObject]
        case .header: [.simple]
        case .cookie: [.form]
        }
    }

    /// OpenAPI's default for `location`: `simple` for path and header, `form` for query and cookie.
    public static func `default`(in location: ParameterLocation) -> ParameterStyle {
        switch location {
        case .path, .header: .simple
        case .query, .cookie: .form
        }
    }
}

/// A request body.
public struct RequestBody: Sendable, Hashable {
    /// What the body is.
    public var description: String?
    /// Whether the body must be sent.
    public var required: Bool
    /// The media types it may be sent as, in spec order.
    public var content: [MediaType]
    /// Where the body is defined.
    public var mark: SourceMark
}

/// One media type of a body, e.g. `application/json` with its schema.
public struct MediaType: Sendable, Hashable {
    /// The media type name.
    public var name: String
    /// The schema, when given.
    public var schema: Schema?
    /// The schema of each item of a sequential media type (OpenAPI 3.2 `itemSchema`, e.g. each
    /// event of `text/event-stream`), when given.
    public var itemSchema: Schema? = nil
    /// The `example`, or the value of the first of its `examples`, when given.
    public var example: YAMLNode? = nil
    /// The `encoding` of the body's properties (multipart and form bodies), in spec order.
    public var encoding: [PropertyEncoding] = []
}

/// The status a response is for.
public enum ResponseStatus: Sendable, Hashable, CustomStringConvertible {
    /// One status code, e.g. 204.
    case code(Int)
    /// A class of codes, e.g. `4XX` is `range(4)`.
    case range(Int)
    /// `default`: every status not listed.
    case `default`

    /// The status as the spec writes it.
    public var description: String {
        switch self {
        case .code(let code): return String(code)
        case .range(let first): return "\(first)XX"
        case .default: return "default"
        }
    }
}

/// One response of an operation.
public struct Response: Sendable, Hashable {
    /// The status it is for.
    public var status: ResponseStatus
    /// What the response means.
    public var description: String?
    /// Its body's media types, in spec order (empty for no body).
    public var content: [MediaType]
    /// Where the response is defined.
    public var mark: SourceMark
}

/// A schema with the name it has under `components/schemas`.
public struct NamedSchema: Sendable, Hashable {
    /// The component name.
    public var name: String
    /// The schema.
    public var schema: Schema
}
