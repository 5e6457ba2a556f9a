import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The API-independent engine behind every generated client: builds requests, sends them
/// through the configured middlewares and transport, retries what may succeed on a second try,
/// classifies failures and decodes JSON.
///
/// The pipeline is `send` → ``makeHTTPRequest(_:options:)`` → for each attempt: `transmit`
/// (middlewares, then the one place the transport is called) → status check → retry decision
/// (``RetryPolicy``) → cancellable wait.
public struct APIClientCore: Sendable {
    /// The configuration every request uses.
    public let configuration: ClientConfiguration

    /// Creates a core for `configuration`.
    public init(configuration: ClientConfiguration) {
        self.configuration = configuration
    }

    /// Sends `request` and returns the `2xx` response, retrying as ``ClientConfiguration/retryPolicy``
    /// allows (2 retries by default) with the overrides in `options`.
    ///
    /// Throws, after the last attempt: ``RequestFailure/status(_:)`` for any other status,
    /// ``RequestFailure/timedOut(_:)`` when an attempt took longer than the timeout, and
    /// ``RequestFailure/transport(_:)`` when the server cannot be reached. Throws
    /// ``RequestFailure/cancelled`` as soon as the calling task is cancelled, also during the
    /// wait between attempts.
    public func send(_ request: APIRequest, options: RequestOptions? = nil) async throws(RequestFailure) -> HTTPResponse {
        let options = options ?? RequestOptions()
        let policy = configuration.retryPolicy
        let timeout = options.timeout ?? configuration.timeout
        let maxRetries = max(0, options.maxRetries ?? policy.maxRetries)
        let prepared = try makeHTTPRequest(request, options: options)
        let clock = ContinuousClock()
        var attempt = 0
        while true {
            var attemptRequest = prepared
            if let name = policy.attemptHeaderName {
                attemptRequest.headers[name] = String(attempt)
            }
            let context = MiddlewareContext(attempt: attempt, maxRetries: maxRetries, timeout: timeout)
            let started = clock.now
            let failure: RequestFailure
            do {
                let response = try await transmit(attemptRequest, context: context)
                log(attemptRequest, "attempt \(attempt) → HTTP \(response.statusCode) in \(Self.milliseconds(clock.now - started))")
                if response.isSuccess {
                    return response
                }
                failure = .status(response)
            } catch {
                log(attemptRequest, "attempt \(attempt) → \(error) after \(Self.milliseconds(clock.now - started))")
                failure = error
            }
            guard attempt < maxRetries, policy.shouldRetry(failure) else {
                throw failure
            }
            let delay = policy.delay(beforeRetry: attempt + 1, after: failure, now: Date(), random: configuration.random())
            log(attemptRequest, "retry \(attempt + 1) of \(maxRetries) in \(Self.seconds(delay)) (\(Self.reason(failure)))")
            do {
                try await configuration.sleep(delay)
            } catch {
                throw .cancelled
            }
            if Task.isCancelled {
                throw .cancelled
            }
            attempt += 1
        }
    }

    /// Decodes a response body as JSON with ``JSONCoding/makeDecoder()``.
    ///
    /// Throws ``RequestFailure/undecodableBody(_:reason:)`` whose reason names the coding path.
    public func decode<T: Decodable>(_ type: T.Type, from response: HTTPResponse) throws(RequestFailure) -> T {
        do {
            return try JSONCoding.makeDecoder().decode(T.self, from: response.body)
        } catch {
            throw .undecodableBody(response, reason: JSONCoding.describe(error))
        }
    }

    /// Encodes a request body as JSON with ``JSONCoding/makeEncoder()``.
    ///
    /// Throws ``RequestFailure/encodingFailed(_:)`` when the value cannot be encoded.
    public func encode<T: Encodable>(_ value: T) throws(RequestFailure) -> Data {
        do {
            return try JSONCoding.makeEncoder().encode(value)
        } catch {
            throw .encodingFailed(configuration.apiKey.redact(in: JSONCoding.describe(error)))
        }
    }

    // MARK: Building requests

    /// Builds the full ``HTTPRequest`` for `request`: URL, headers and body.
    ///
    /// Header order: ``ClientConfiguration/defaultHeaders``, then `Authorization`, `Accept`,
    /// `User-Agent` and (with a body) `Content-Type`, each replacing a same-named default;
    /// then ``APIRequest/headers``, then ``RequestOptions/headers``, each replacing any
    /// same-named header. ``RequestOptions/query`` items follow the request's own.
    package func makeHTTPRequest(_ request: APIRequest, options: RequestOptions = RequestOptions()) throws(RequestFailure) -> HTTPRequest {
        guard let url = Self.makeURL(baseURL: configuration.baseURL, path: request.path, query: request.query + options.query) else {
            throw .encodingFailed(
                configuration.apiKey.redact(
                    in: "cannot form a URL from base \(configuration.baseURL.absoluteString) and path \(request.path)"
                )
            )
        }
        var headers = configuration.defaultHeaders
        if !configuration.apiKey.isEmpty {
            headers["Authorization"] = configuration.apiKey.authorizationHeaderValue
        }
        headers["Accept"] = "application/json"
        headers["User-Agent"] = configuration.userAgent
        if request.body != nil {
            headers["Content-Type"] = request.contentType ?? "application/json"
        }
        headers.merge(request.headers)
        headers.merge(options.headers)
        return HTTPRequest(method: request.method, url: url, headers: headers, body: request.body)
    }

    /// `baseURL` (keeping its path, without a doubled `/`) + `path` + the encoded `query`.
    ///
    /// Query names and values are percent-encoded except for RFC 3986 unreserved characters
    /// (so `+`, `&`, `=` are encoded and a space is `%20`); items with a `nil` value are left out.
    package static func makeURL(baseURL: URL, path: String, query: [URLQueryItem]) -> URL? {
        var base = baseURL.absoluteString
        if let hash = base.firstIndex(of: "#") {
            base = String(base[..<hash])
        }
        var queryParts: [String] = []
        if let mark = base.firstIndex(of: "?") {
            let baseQuery = String(base[base.index(after: mark)...])
            if !baseQuery.isEmpty { queryParts.append(baseQuery) }
            base = String(base[..<mark])
        }
        while base.hasSuffix("/") {
            base.removeLast()
        }
        let joinedPath = path.isEmpty || path.hasPrefix("/") ? path : "/" + path
        for item in query {
            guard let value = item.value else { continue }
            queryParts.append(
                PercentEncoding.encodeAllButUnreserved(item.name) + "=" + PercentEncoding.encodeAllButUnreserved(value)
            )
        }
        var text = base + joinedPath
        if !queryParts.isEmpty {
            text += "?" + queryParts.joined(separator: "&")
        }
        return URL(string: text)
    }

    // MARK: Sending

    /// Sends one attempt through the middlewares and the transport; maps whatever they throw
    /// to a ``RequestFailure``.
    func transmit(_ request: HTTPRequest, context: MiddlewareContext) async throws(RequestFailure) -> HTTPResponse {
        if Task.isCancelled {
            throw .cancelled
        }
        do {
            return try await pass(request, throughMiddlewareAt: 0, context: context)
        } catch {
            throw failure(for: error, timeout: context.timeout)
        }
    }

    /// Hands `request` to the middleware at `index`, or to the transport (the one place it is
    /// called) after the last middleware.
    private func pass(_ request: HTTPRequest, throughMiddlewareAt index: Int, context: MiddlewareContext) async throws -> HTTPResponse {
        let middlewares = configuration.middlewares
        guard index < middlewares.count else {
            return try await configuration.transport.send(request, timeout: context.timeout)
        }
        return try await middlewares[index].intercept(request, context: context) { next in
            try await pass(next, throughMiddlewareAt: index + 1, context: context)
        }
    }

    /// Classifies an error thrown by the transport; messages never contain the API key.
    func failure(for error: any Error, timeout: Duration) -> RequestFailure {
        switch error {
        case let failure as RequestFailure:
            return redacted(failure)
        case is CancellationError:
            return .cancelled
        case let error as TransportError:
            switch error {
            case .timedOut: return .timedOut(timeout)
            case .cancelled: return .cancelled
            case .connectionFailed(let message): return .transport(configuration.apiKey.redact(in: message))
            }
        case let error as URLError where error.code == .timedOut:
            return .timedOut(timeout)
        case let error as URLError where error.code == .cancelled && Task.isCancelled:
            return .cancelled
        default:
            return .transport(configuration.apiKey.redact(in: Self.message(for: error)))
        }
    }

    /// A failure passed through from a transport, with the key removed from its messages.
    private func redacted(_ failure: RequestFailure) -> RequestFailure {
        switch failure {
        case .transport(let message): .transport(configuration.apiKey.redact(in: message))
        case .encodingFailed(let message): .encodingFailed(configuration.apiKey.redact(in: message))
        case .timedOut, .cancelled, .status, .undecodableBody: failure
        }
    }

    /// A readable message for an arbitrary transport error.
    private static func message(for error: any Error) -> String {
        if let error = error as? URLError {
            return "\(error.localizedDescription) (URLError \(error.code.rawValue))"
        }
        let described = String(describing: error)
        let localized = error.localizedDescription
        return described == localized || localized.isEmpty ? described : "\(localized) (\(described))"
    }

    // MARK: Debug log

    /// Writes `[sdkgen] METHOD url <what>` to the debug logger, if any, without the API key.
    private func log(_ request: HTTPRequest, _ what: @autoclosure () -> String) {
        guard let logger = configuration.debugLogger else { return }
        logger.log(configuration.apiKey.redact(in: "[sdkgen] \(request.method) \(request.url.absoluteString) \(what())"))
    }

    /// `12 ms`.
    private static func milliseconds(_ duration: Duration) -> String {
        "\(Int((duration.timeInterval * 1_000).rounded())) ms"
    }

    /// `0.47 s`.
    private static func seconds(_ duration: Duration) -> String {
        "\((duration.timeInterval * 100).rounded() / 100) s"
    }

    /// Why a retry happens, in a few words: `HTTP 503`, `timed out`, `transport failure`.
    private static func reason(_ failure: RequestFailure) -> String {
        switch failure {
        case .status(let response), .undecodableBody(let response, _): "HTTP \(response.statusCode)"
        case .timedOut: "timed out"
        case .transport: "transport failure"
        case .cancelled: "cancelled"
        case .encodingFailed: "encoding failed"
        }
    }
}
