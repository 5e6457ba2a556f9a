// What an SDK's users can name without importing anything else: exactly the types of
// swift-http-types, swift-openapi-runtime and swift-log that this runtime's public API and generated SDKs'
// signatures use, so that any transport or middleware written for that ecosystem plugs into a
// generated client. Each is re-exported by itself, not its whole module: the rest of
// OpenAPIRuntime (`Configuration`, `ClientError`, `ServerError`, `MultipartPart`, …) would
// otherwise be in scope in every file that imports an SDK and make an app's or another library's
// types of the same names ambiguous. A caller who wants more imports the module itself.
//
// Generated SDKs import only SDKRuntime; the runtime's own files import the modules they use.

// Requests, responses and header fields: what middlewares, transports, `APIResponse` and
// `RequestOptions` speak (`HTTPField` for `HTTPField.Name`, the key of `HTTPFields`).
@_exported import struct HTTPTypes.HTTPField
@_exported import struct HTTPTypes.HTTPFields
@_exported import struct HTTPTypes.HTTPRequest
@_exported import struct HTTPTypes.HTTPResponse
// What generated clients take to log to: swift-log's logger, so a server's logging backend gets
// the SDK's lines.
@_exported import struct Logging.Logger
// What `ClientConfiguration` plugs in (`transport`, `middlewares`), the streaming body they pass
// around, and the Server-Sent Events that generated streaming methods return.
@_exported import protocol OpenAPIRuntime.ClientMiddleware
@_exported import protocol OpenAPIRuntime.ClientTransport
@_exported import class OpenAPIRuntime.HTTPBody
@_exported import struct OpenAPIRuntime.ServerSentEvent
@_exported import struct OpenAPIRuntime.ServerSentEventWithJSONData
