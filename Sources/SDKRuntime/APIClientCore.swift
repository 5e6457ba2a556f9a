import Foundation
import HTTPTypes
import OpenAPIRuntime

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The API-independent engine behind every generated client: builds requests, sends them
/// through the configured middlewares and transport (any swift-openapi-runtime `ClientTransport`),
/// puts the credentials on, retries what may succeed on a second try, and classifies failures.
///
/// Per attempt: middlewares (outermost first) → credentials (so no middleware sees them) →
/// transport, all within the timeout → status check → retry decision (``RetryPolicy``) →
/// cancellable wait. A `401` answered to a token from a ``TokenProvider`` asks the provider for
/// a fresh token and sends the request once more, without counting as a retry.
public struct APIClientCore: Sendable {
    /// The configuration every request uses.
    public let configuration: ClientConfiguration

    /// Creates a core for `configuration`.
    public init(configuration: ClientConfiguration) {
        self.configuration = configuration
    }

    /// Sends `request` and returns the `2xx` response with its whole body, retrying as
    /// ``ClientConfiguration/retryPolicy`` allows (2 retries by default) with the overrides in `options`.
    ///
    /// Throws, after the last attempt: ``RequestFailure/status(_:)`` for any other status,
    /// ``RequestFailure/timedOut(_:)`` when an attempt (head and body) took longer than the
    /// timeout, ``RequestFailure/transport(_:)`` when the server cannot be reached, and
    /// ``RequestFailure/missingCredentials(_:)`` when the client holds no credential the operation
    /// accepts. Throws ``RequestFailure/cancelled`` as soon as the calling task is cancelled, also
    /// during the wait between attempts.
    public func send(_ request: APIRequest, options: RequestOptions? = nil) async throws(RequestFailure) -> APIResponse {
        switch try await perform(request, options: options ?? RequestOptions(), buffered: true) {
        case .buffered(let response): return response
        case .streamed(let head, let body): return try await Self.collect(head, body, limit: configuration.maxBufferedBodyBytes)
        }
    }

    /// Sends `request` and returns the `2xx` response's head as soon as it arrives, with its body
    /// still streaming. Retries and failures as ``send(_:options:)``; the timeout covers the
    /// head only, and an error status's body is read whole.
    public func stream(_ request: APIRequest, options: RequestOptions? = nil) async throws(RequestFailure) -> (head: HTTPResponse, body: HTTPBody) {
        switch try await perform(request, options: options ?? RequestOptions(), buffered: false) {
        case .buffered(let response): return (response.head, HTTPBody(response.body))
        case .streamed(let head, let body): return (head, body)
        }
    }

    /// What one call produced.
    private enum Outcome: Sendable {
        case buffered(APIResponse)
        case streamed(HTTPResponse, HTTPBody)
    }

    /// The retry loop.
    private func perform(_ request: APIRequest, options: RequestOptions, buffered: Bool) async throws(RequestFailure) -> Outcome {
        let policy = configuration.retryPolicy
        let timeout = options.timeout ?? configuration.timeout
        let maxRetries = max(0, options.maxRetries ?? policy.maxRetries)
        let prepared = try makeHTTPRequest(request, options: options)
        let credentials = try credentialApplication(for: request, prepared: prepared)
        let usesProvider = credentials.entries.contains { if case .provider = $0.value { true } else { false } }
        let seen = SecretsSeen(configuration.credentials.fixedSecrets)
        let clock = ContinuousClock()
        var attempt = 0
        var refreshed = false
        var isRefresh = false
        while true {
            var head = prepared.head
            if let name = policy.attemptHeaderName {
                head.headerFields.setValue(String(attempt), named: name)
            }
            let started = clock.now
            let failure: RequestFailure
            do {
                let outcome = try await transmit(
                    head, body: prepared.body, streamed: prepared.streamedBody, operationID: request.operationID, credentials: credentials,
                    isRefresh: isRefresh, buffered: buffered, timeout: timeout, seen: seen)
                let status: Int
                switch outcome {
                case .buffered(let response): status = response.statusCode
                case .streamed(let head, _): status = head.status.code
                }
                log(head, "attempt \(attempt) → HTTP \(status) in \(Self.milliseconds(clock.now - started))", seen: seen)
                switch outcome {
                case .buffered(let response) where !response.isSuccess:
                    failure = .status(response)
                case .buffered(let response):
                    ResponseCapture.current?.record(response.head)
                    return outcome
                case .streamed(let head, _):
                    ResponseCapture.current?.record(head)
                    return outcome
                }
            } catch {
                log(head, "attempt \(attempt) → \(error) after \(Self.milliseconds(clock.now - started))", seen: seen)
                failure = error
            }
            if usesProvider, !refreshed, failure.statusCode == 401 {
                refreshed = true
                isRefresh = true
                log(head, "HTTP 401: asking the token provider for a fresh token and sending again", seen: seen)
                continue
            }
            isRefresh = false
            guard attempt < maxRetries, policy.shouldRetry(failure) else {
                throw failure
            }
            let delay = policy.delay(beforeRetry: attempt + 1, after: failure, now: Date(), random: configuration.random())
            log(head, "retry \(attempt + 1) of \(maxRetries) in \(Self.seconds(delay)) (\(Self.reason(failure)))", seen: seen)
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

    // MARK: Building requests

    /// A request ready to send: its head (path and query relative to the base URL), its body,
    /// and the header names the operation or the options set themselves.
    package struct PreparedRequest: Sendable {
        /// Method, path with query, and header fields (no credentials yet).
        package var head: HTTPRequest
        /// The body bytes, or `nil` for no body.
        package var body: Data?
        /// A body read afresh for every attempt, sent when ``body`` is `nil`.
        package var streamedBody: StreamedRequestBody? = nil
        /// Header names set by the operation or ``RequestOptions/headers``; credentials never replace them.
        package var explicitHeaderNames: Set<HTTPField.Name>
    }

    /// Builds the request for `request`: path and query, headers and body.
    ///
    /// Header order: ``ClientConfiguration/defaultHeaders``, then `Accept`, `User-Agent` and (with a
    /// body) `Content-Type`, each replacing a same-named default; then ``APIRequest/headers``,
    /// then ``RequestOptions/headers``, each replacing any same-named header. Query items of the
    /// base URL come first, then the operation's, then ``RequestOptions/query``. Credentials are
    /// added later, per attempt.
    package func makeHTTPRequest(_ request: APIRequest, options: RequestOptions = RequestOptions()) throws(RequestFailure) -> PreparedRequest {
        let path = Self.makePath(
            baseURL: configuration.baseURL, path: request.path, encodedQuery: request.encodedQuery, query: request.query + options.query)
        var headers = configuration.defaultHeaders
        headers[.accept] = request.accept ?? "application/json"
        headers[.userAgent] = configuration.userAgent
        if request.body != nil || request.streamedBody != nil {
            headers[.contentType] = request.contentType ?? "application/json"
        }
        headers.merge(request.headers)
        headers.merge(options.headers)
        let head = HTTPRequest(method: request.method, scheme: nil, authority: nil, path: path, headerFields: headers)
        return PreparedRequest(
            head: head, body: request.body, streamedBody: request.body == nil ? request.streamedBody : nil,
            explicitHeaderNames: Set(request.headers.map(\.name)).union(options.headers.map(\.name)))
    }

    /// The base URL without its query and fragment and without a trailing `/`: what transports
    /// append the request path to.
    package var transportBaseURL: URL {
        var components = URLComponents(url: configuration.baseURL, resolvingAgainstBaseURL: false)
        components?.query = nil
        components?.fragment = nil
        var path = components?.percentEncodedPath ?? ""
        while path.hasSuffix("/") { path.removeLast() }
        components?.percentEncodedPath = path
        return components?.url ?? configuration.baseURL
    }

    /// `path` + `?` + the base URL's query items, then `encodedQuery` as it is, then the encoded `query`.
    ///
    /// Query names and values are percent-encoded except for RFC 3986 unreserved characters
    /// (so `+`, `&`, `=` are encoded and a space is `%20`); items with a `nil` value are left out.
    package static func makePath(baseURL: URL, path: String, encodedQuery: [String] = [], query: [URLQueryItem]) -> String {
        var queryParts: [String] = []
        if let baseQuery = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)?.percentEncodedQuery, !baseQuery.isEmpty {
            queryParts.append(baseQuery)
        }
        queryParts += encodedQuery
        for item in query {
            guard let value = item.value else { continue }
            queryParts.append(
                PercentEncoding.encodeAllButUnreserved(item.name) + "=" + PercentEncoding.encodeAllButUnreserved(value)
            )
        }
        var text = path.isEmpty || path.hasPrefix("/") ? path : "/" + path
        if text.isEmpty { text = "/" }
        if !queryParts.isEmpty {
            text += "?" + queryParts.joined(separator: "&")
        }
        return text
    }

    /// The full URL of a request, for messages and logs.
    package func url(of request: HTTPRequest) -> String {
        transportBaseURL.absoluteString + (request.path ?? "")
    }

    /// The credentials of the first security alternative the client can meet.
    private func credentialApplication(for request: APIRequest, prepared: PreparedRequest) throws(RequestFailure) -> CredentialApplication {
        let requirements = request.security ?? configuration.security
        let available = configuration.credentials
        guard let alternative = available.alternative(meeting: requirements) else {
            let wanted = requirements.map { $0.map(available.describe(scheme:)).joined(separator: " and ") }.joined(separator: ", or ")
            throw .missingCredentials("this operation needs credentials for \(wanted); the client has none for them")
        }
        return CredentialApplication(
            entries: alternative.compactMap(available.entry(for:)), explicitHeaderNames: prepared.explicitHeaderNames)
    }

    // MARK: Sending

    /// Sends one attempt through the middlewares, the credentials and the transport, within
    /// `timeout`; reads the body whole when `buffered` or when the status is not `2xx`. A
    /// `streamed` body is a new `HTTPBody` for each attempt, which reads its files again.
    private func transmit(
        _ head: HTTPRequest, body: Data?, streamed: StreamedRequestBody?, operationID: String, credentials: CredentialApplication, isRefresh: Bool,
        buffered: Bool, timeout: Duration, seen: SecretsSeen
    ) async throws(RequestFailure) -> Outcome {
        if Task.isCancelled {
            throw .cancelled
        }
        let baseURL = transportBaseURL
        let limit = configuration.maxBufferedBodyBytes
        do {
            return try await withDeadline(timeout) { [self] in
                let (responseHead, responseBody) = try await pass(
                    head, body: body.map { HTTPBody($0) } ?? streamed?.makeHTTPBody(), baseURL: baseURL, operationID: operationID, middlewareAt: 0,
                    credentials: credentials, isRefresh: isRefresh, seen: seen)
                if buffered || responseHead.status.kind != .successful {
                    return .buffered(try await Self.collect(responseHead, responseBody, limit: limit))
                }
                return .streamed(responseHead, responseBody ?? HTTPBody())
            }
        } catch {
            throw failure(for: error, timeout: timeout, seen: seen)
        }
    }

    /// Hands the request to the middleware at `index`, or after the last middleware puts the
    /// credentials on and calls the transport (the one place it is called).
    private func pass(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String, middlewareAt index: Int,
        credentials: CredentialApplication, isRefresh: Bool, seen: SecretsSeen
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let middlewares = configuration.middlewares
        guard index < middlewares.count else {
            let (authorized, secrets) = try await credentials.apply(to: request, isRefresh: isRefresh)
            seen.add(secrets)
            return try await configuration.transport.send(authorized, body: body, baseURL: baseURL, operationID: operationID)
        }
        return try await middlewares[index].intercept(request, body: body, baseURL: baseURL, operationID: operationID) {
            [self] next, nextBody, nextBaseURL in
            try await pass(
                next, body: nextBody, baseURL: nextBaseURL, operationID: operationID, middlewareAt: index + 1,
                credentials: credentials, isRefresh: isRefresh, seen: seen)
        }
    }

    /// The whole response: its head and every byte of its body, at most `limit` bytes.
    static func collect(_ head: HTTPResponse, _ body: HTTPBody?, limit: Int) async throws(RequestFailure) -> APIResponse {
        guard let body else { return APIResponse(head: head) }
        do {
            return APIResponse(head: head, body: try await Data(collecting: body, upTo: limit))
        } catch is CancellationError {
            throw .cancelled
        } catch {
            throw .transport("the body of the HTTP \(head.status.code) response could not be read: \(error)")
        }
    }

    /// Classifies an error thrown by a middleware or the transport; messages never contain a credential.
    func failure(for error: any Error, timeout: Duration, seen: SecretsSeen) -> RequestFailure {
        switch error {
        case let failure as RequestFailure:
            return redacted(failure, seen: seen)
        case is CancellationError:
            return .cancelled
        case let error as TransportError:
            switch error {
            case .timedOut: return .timedOut(timeout)
            case .cancelled: return .cancelled
            case .connectionFailed(let message): return .transport(seen.redact(message))
            }
        case let error as URLError where error.code == .timedOut:
            return .timedOut(timeout)
        case let error as URLError where error.code == .cancelled && Task.isCancelled:
            return .cancelled
        default:
            return .transport(seen.redact(Self.message(for: error)))
        }
    }

    /// A failure passed through from a middleware or transport, with the secrets removed from its messages.
    private func redacted(_ failure: RequestFailure, seen: SecretsSeen) -> RequestFailure {
        switch failure {
        case .transport(let message): .transport(seen.redact(message))
        case .encodingFailed(let message): .encodingFailed(seen.redact(message))
        case .missingCredentials(let message): .missingCredentials(seen.redact(message))
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

    /// Logs `METHOD url <what>` at `debug`, when the logger's level lets it through, without any credential.
    private func log(_ request: HTTPRequest, _ what: @autoclosure () -> String, seen: SecretsSeen) {
        guard let logger = configuration.logger, logger.logLevel <= .debug else { return }
        let line = seen.redact("\(request.method) \(url(of: request)) \(what())")
        logger.debug("\(line)")
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
        case .missingCredentials: "missing credentials"
        }
    }
}

/// The secrets one call has sent so far (fixed ones and tokens from providers), for redaction.
final class SecretsSeen: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var secrets: [String]

    init(_ secrets: [String]) {
        self.secrets = secrets
    }

    func add(_ more: [String]) {
        lock.lock()
        defer { lock.unlock() }
        for secret in more where !secrets.contains(secret) {
            secrets.append(secret)
        }
    }

    func redact(_ text: String) -> String {
        lock.lock()
        let current = secrets
        lock.unlock()
        return Redaction.redact(text, secrets: current)
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var timeInterval: TimeInterval {
        let parts = components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
