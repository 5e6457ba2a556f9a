/// Case names for HTTP statuses: the error type's cases, and the cases of a method that returns
/// a different body per 2xx status.
enum StatusNaming {
    /// Conventional names for the statuses APIs document most.
    static let names: [Int: String] = [
        200: "ok", 201: "created", 202: "accepted", 203: "nonAuthoritativeInformation", 204: "noContent",
        205: "resetContent", 206: "partialContent",
        400: "badRequest", 401: "unauthorized", 402: "paymentRequired", 403: "forbidden", 404: "notFound",
        405: "methodNotAllowed", 406: "notAcceptable", 408: "requestTimeout", 409: "conflict", 410: "gone",
        412: "preconditionFailed", 413: "contentTooLarge", 415: "unsupportedMediaType", 422: "unprocessableEntity",
        423: "locked", 428: "preconditionRequired", 429: "tooManyRequests", 500: "internalServerError",
        501: "notImplemented", 502: "badGateway", 503: "serviceUnavailable", 504: "gatewayTimeout",
    ]

    /// The reason phrase for the statuses every error type has a case for.
    static func reasonPhrase(for code: Int) -> String {
        switch code {
        case 409: return "The request conflicts with the current state of the resource."
        case 429: return "Too many requests; the `Retry-After` header says when to try again."
        default: return "HTTP \(code)."
        }
    }

    /// The case name for `code`: its conventional name, else `status<code>`.
    static func caseName(for code: Int) -> String {
        names[code] ?? "status\(code)"
    }
}
