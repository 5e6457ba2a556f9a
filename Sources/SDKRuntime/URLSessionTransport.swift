import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An ``HTTPTransport`` backed by `URLSession` (FoundationNetworking on Linux).
///
/// Each request honours the timeout twice: as the `URLRequest.timeoutInterval` (an idle
/// timeout, rounded up to whole seconds) and as a precise overall deadline after which the
/// request is cancelled and ``TransportError/timedOut`` is thrown. Cancelling the calling `Task` cancels the
/// underlying `URLSessionTask` and throws ``TransportError/cancelled`` at once.
public struct URLSessionTransport: HTTPTransport {
    /// Owns the session and invalidates it once no transport refers to it any more.
    private final class SessionOwner: Sendable {
        let session: URLSession
        let invalidatesOnDeinit: Bool

        init(session: URLSession, invalidatesOnDeinit: Bool) {
            self.session = session
            self.invalidatesOnDeinit = invalidatesOnDeinit
        }

        deinit {
            if invalidatesOnDeinit {
                session.finishTasksAndInvalidate()
            }
        }
    }

    private let owner: SessionOwner

    /// Creates a transport with its own `URLSession` using `configuration`
    /// (ephemeral by default: no cookies, credentials or cache kept on disk).
    public init(configuration: URLSessionConfiguration = .ephemeral) {
        owner = SessionOwner(session: URLSession(configuration: configuration), invalidatesOnDeinit: true)
    }

    /// Creates a transport that sends through an existing session, which the caller owns.
    public init(session: URLSession) {
        owner = SessionOwner(session: session, invalidatesOnDeinit: false)
    }

    /// The session requests are sent through.
    public var session: URLSession { owner.session }

    /// Sends `request` and waits for the complete response, at most `timeout`.
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let urlRequest = Self.makeURLRequest(request, timeout: timeout)
        let call = InFlightCall(url: request.url)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = owner.session.dataTask(with: urlRequest) { data, response, error in
                    call.complete(data: data, response: response, error: error)
                }
                call.start(task, continuation: continuation, timeout: timeout)
            }
        } onCancel: {
            call.abort(with: .cancelled)
        }
    }

    /// Converts an ``HTTPRequest`` into a `URLRequest`.
    static func makeURLRequest(_ request: HTTPRequest, timeout: Duration) -> URLRequest {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.httpBody = request.body
        urlRequest.cachePolicy = .reloadIgnoringLocalCacheData
        // FoundationNetworking truncates `timeoutInterval` to whole seconds (0.3 s would time out
        // at once), so round up to at least one second; the overall deadline keeps the precise limit.
        urlRequest.timeoutInterval = max(timeout.timeInterval.rounded(.up), 1)
        for (name, value) in request.headers {
            urlRequest.addValue(value, forHTTPHeaderField: name)
        }
        return urlRequest
    }
}

/// One request in flight: resumes its continuation exactly once, with the response, a
/// transport error, or early on cancellation or when the deadline passes.
private final class InFlightCall: @unchecked Sendable {
    // All mutable state is guarded by `lock`.
    private let lock = NSLock()
    private let url: URL
    private var continuation: CheckedContinuation<HTTPResponse, any Error>?
    private var task: URLSessionDataTask?
    private var deadline: Task<Void, Never>?
    /// Set once the call has been aborted (before or after starting) or completed.
    private var abortReason: TransportError?
    private var finished = false

    init(url: URL) {
        self.url = url
    }

    /// Registers the task and continuation, then starts the task and its deadline,
    /// unless the call was already aborted.
    func start(_ task: URLSessionDataTask, continuation: CheckedContinuation<HTTPResponse, any Error>, timeout: Duration) {
        lock.lock()
        if let reason = abortReason {
            finished = true
            lock.unlock()
            task.cancel()  // Never resumed; cancelling lets the session release it.
            continuation.resume(throwing: reason)
            return
        }
        self.task = task
        self.continuation = continuation
        self.deadline = Task { [weak self] in
            do {
                try await Task.sleep(for: timeout)
            } catch {
                return  // Completed first; the deadline was cancelled.
            }
            self?.abort(with: .timedOut)
        }
        lock.unlock()
        task.resume()
    }

    /// Ends the call early with `reason` and cancels the URL session task.
    func abort(with reason: TransportError) {
        lock.lock()
        guard !finished, abortReason == nil else {
            lock.unlock()
            return
        }
        abortReason = reason
        let task = self.task
        let continuation = takeContinuation()
        lock.unlock()
        task?.cancel()
        continuation?.resume(throwing: reason)
    }

    /// Handles the data task's completion.
    func complete(data: Data?, response: URLResponse?, error: (any Error)?) {
        let result = Self.result(data: data, response: response, error: error, url: url)
        lock.lock()
        let continuation = takeContinuation()
        lock.unlock()
        continuation?.resume(with: result)
    }

    /// Takes the continuation and marks the call finished; call with `lock` held.
    private func takeContinuation() -> CheckedContinuation<HTTPResponse, any Error>? {
        finished = true
        deadline?.cancel()
        deadline = nil
        task = nil
        defer { continuation = nil }
        return continuation
    }

    /// Converts what the data task produced into a response or a ``TransportError``.
    private static func result(data: Data?, response: URLResponse?, error: (any Error)?, url: URL) -> Result<HTTPResponse, any Error> {
        if let error {
            return .failure(transportError(for: error, url: url))
        }
        guard let http = response as? HTTPURLResponse else {
            return .failure(TransportError.connectionFailed("\(endpoint(of: url)) sent a response that is not HTTP"))
        }
        var headers = HTTPHeaders()
        let fields = http.allHeaderFields.compactMap { key, value -> (name: String, value: String)? in
            guard let name = key as? String else { return nil }
            return (name: name, value: "\(value)")
        }
        for field in fields.sorted(by: { $0.name.lowercased() < $1.name.lowercased() }) {
            headers.add(name: field.name, value: field.value)
        }
        return .success(HTTPResponse(statusCode: http.statusCode, headers: headers, body: data ?? Data()))
    }

    /// Maps a URL loading error to a ``TransportError`` whose message names the endpoint.
    private static func transportError(for error: any Error, url: URL) -> TransportError {
        guard let urlError = error as? URLError else {
            return .connectionFailed("request to \(endpoint(of: url)) failed: \(error.localizedDescription)")
        }
        switch urlError.code {
        case .timedOut:
            return .timedOut
        case .cancelled:
            return .cancelled
        case .cannotConnectToHost:
            return .connectionFailed("could not connect to \(endpoint(of: url)) (connection refused or unreachable)")
        case .cannotFindHost, .dnsLookupFailed:
            return .connectionFailed("could not resolve host \(endpoint(of: url))")
        case .networkConnectionLost:
            return .connectionFailed("the connection to \(endpoint(of: url)) was lost before a complete response arrived")
        case .notConnectedToInternet:
            return .connectionFailed("not connected to the internet; could not reach \(endpoint(of: url))")
        default:
            return .connectionFailed(
                "request to \(endpoint(of: url)) failed: \(urlError.localizedDescription) (URLError \(urlError.code.rawValue))"
            )
        }
    }

    /// `host:port` of `url`, using the scheme's default port when none is given.
    static func endpoint(of url: URL) -> String {
        let host = url.host ?? "?"
        let port = url.port ?? (url.scheme?.lowercased() == "http" ? 80 : 443)
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var timeInterval: TimeInterval {
        let parts = components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
