import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The API-independent engine behind every generated client: builds requests, sends them
/// through the configured transport, classifies failures and decodes JSON.
///
/// The pipeline is `send` → ``makeHTTPRequest(_:)`` → `transmit` (the one place the
/// transport is called) → status check. Retries, per-request options, middleware and
/// logging are meant to hook in around `transmit`.
public struct APIClientCore: Sendable {
    /// The configuration every request uses.
    public let configuration: ClientConfiguration

    /// Creates a core for `configuration`.
    public init(configuration: ClientConfiguration) {
        self.configuration = configuration
    }

    /// Sends `request` and returns the `2xx` response.
    ///
    /// Throws ``RequestFailure/status(_:)`` for any other status, ``RequestFailure/cancelled``
    /// when the calling task is cancelled, ``RequestFailure/timedOut(_:)`` after
    /// ``ClientConfiguration/timeout``, and ``RequestFailure/transport(_:)`` when the server
    /// cannot be reached.
    public func send(_ request: APIRequest) async throws(RequestFailure) -> HTTPResponse {
        let httpRequest = try makeHTTPRequest(request)
        let response = try await transmit(httpRequest, timeout: configuration.timeout)
        guard response.isSuccess else {
            throw .status(response)
        }
        return response
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
    /// then ``APIRequest/headers``, which replace any same-named header.
    package func makeHTTPRequest(_ request: APIRequest) throws(RequestFailure) -> HTTPRequest {
        guard let url = Self.makeURL(baseURL: configuration.baseURL, path: request.path, query: request.query) else {
            throw .encodingFailed("cannot form a URL from base \(configuration.baseURL.absoluteString) and path \(request.path)")
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

    /// The one place the transport is called; maps whatever it throws to a ``RequestFailure``.
    func transmit(_ request: HTTPRequest, timeout: Duration) async throws(RequestFailure) -> HTTPResponse {
        if Task.isCancelled {
            throw .cancelled
        }
        do {
            return try await configuration.transport.send(request, timeout: timeout)
        } catch {
            throw failure(for: error, timeout: timeout)
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
}
