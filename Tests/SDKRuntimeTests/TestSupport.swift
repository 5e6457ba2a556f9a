import Foundation
import LoopbackSupport
import SDKRuntime
import Testing

/// The API key used by tests; it must never show up in any description.
let testKeyValue = "sk-test-SECRET-7f3a9c"

/// The `User-Agent` configured in tests.
let testUserAgent = "sdkgen-runtime-tests/1.0"

/// A core talking to `baseURL` through a real `URLSessionTransport`; one attempt per request
/// unless `retryPolicy` says otherwise (the retry tests pass their own).
func makeCore(
    baseURL: URL,
    timeout: Duration = .seconds(10),
    defaultHeaders: HTTPHeaders = [:],
    retryPolicy: RetryPolicy = .none,
    middlewares: [any HTTPMiddleware] = [],
    debugLogger: DebugLogger? = nil
) -> APIClientCore {
    APIClientCore(
        configuration: ClientConfiguration(
            baseURL: baseURL,
            apiKey: APIKey(testKeyValue),
            userAgent: testUserAgent,
            timeout: timeout,
            transport: URLSessionTransport(),
            defaultHeaders: defaultHeaders,
            retryPolicy: retryPolicy,
            middlewares: middlewares,
            debugLogger: debugLogger
        )
    )
}

/// `server.baseURL` followed by `suffix`, for example a path prefix.
func url(_ server: LoopbackServer, _ suffix: String = "") throws -> URL {
    guard let url = URL(string: server.baseURL.absoluteString + suffix) else {
        throw LoopbackServerError(description: "bad URL suffix \(suffix)")
    }
    return url
}

/// Runs `operation` and returns the failure it threw, or `nil` when it succeeded.
func failureOf(_ operation: () async throws(RequestFailure) -> Void) async -> RequestFailure? {
    do {
        try await operation()
        return nil
    } catch {
        return error
    }
}

/// Everything `dump` prints for `value`.
func dumped(_ value: some Any) -> String {
    var output = ""
    dump(value, to: &output)
    return output
}

/// A transport that throws a fixed error, for testing the core's error mapping.
struct FailingTransport: HTTPTransport {
    let error: any Error & Sendable

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        throw error
    }
}

/// A core whose transport always throws `error`.
func makeCore(failingWith error: any Error & Sendable) throws -> APIClientCore {
    guard let baseURL = URL(string: "https://api.example.com/api") else {
        throw LoopbackServerError(description: "bad URL")
    }
    return APIClientCore(
        configuration: ClientConfiguration(
            baseURL: baseURL,
            apiKey: APIKey(testKeyValue),
            userAgent: testUserAgent,
            timeout: .seconds(7),
            transport: FailingTransport(error: error),
            retryPolicy: .none
        )
    )
}

/// A thread-safe list that tests append to from concurrent code (loggers, middlewares, sleeps).
final class Recorder<Element: Sendable>: @unchecked Sendable {
    // `items` is guarded by `lock`.
    private let lock = NSLock()
    private var items: [Element] = []

    func append(_ item: Element) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }

    var all: [Element] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}

/// A transport that answers from a script without any network, recording what it was sent.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    /// What one attempt produces.
    enum Step: Sendable {
        case respond(HTTPResponse)
        case fail(any Error & Sendable)
    }

    // `steps` is guarded by `lock`.
    private let lock = NSLock()
    private var steps: [Step]
    let requests = Recorder<HTTPRequest>()
    let timeouts = Recorder<Duration>()

    init(_ steps: [Step]) {
        self.steps = steps
    }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        requests.append(request)
        timeouts.append(timeout)
        switch nextStep() {
        case .respond(let response)?: return response
        case .fail(let error)?: throw error
        case nil: return HTTPResponse(statusCode: 418, body: Data("script ran out".utf8))
        }
    }

    private func nextStep() -> Step? {
        lock.lock()
        defer { lock.unlock() }
        return steps.isEmpty ? nil : steps.removeFirst()
    }
}

/// A core over `transport` whose waits between attempts are recorded in `sleeps` instead of
/// slept, with the jitter's random value fixed at `random`.
func makeCore(
    transport: ScriptedTransport,
    retryPolicy: RetryPolicy = .default,
    sleeps: Recorder<Duration>,
    random: Double = 0
) throws -> APIClientCore {
    var configuration = ClientConfiguration(
        baseURL: try #require(URL(string: "https://api.example.com/api")),
        apiKey: APIKey(testKeyValue),
        userAgent: testUserAgent,
        transport: transport,
        retryPolicy: retryPolicy,
        debugLogger: nil
    )
    configuration.sleep = { sleeps.append($0) }
    configuration.random = { random }
    return APIClientCore(configuration: configuration)
}
