// What an SDK's users see without importing anything else: the ecosystem's HTTP currency types
// (`HTTPRequest`, `HTTPResponse`, `HTTPFields` from swift-http-types) and swift-openapi-runtime's
// transport and body types (`ClientTransport`, `ClientMiddleware`, `HTTPBody`, `ServerSentEvent`),
// so any transport or middleware written for that ecosystem plugs into a generated client.

@_exported import HTTPTypes
@_exported import OpenAPIRuntime
