import Foundation
import LoopbackSupport
import SDKRuntime
import Testing

/// The API key used by tests; it must never show up in any description.
let testKeyValue = "sk-test-SECRET-7f3a9c"

/// The credentials of the tests' clients: the test key as a bearer token of the scheme `bearerAuth`.
let testCredentials = Credentials(scheme: "bearerAuth", .bearer, .secret(Secret(testKeyValue)))

/// Header fields from `(name, value)` pairs, in order; names must be valid field names.
func fields(_ pairs: KeyValuePairs<String, String>) -> HTTPFields {
    var result = HTTPFields()
    for (name, value) in pairs {
        if let fieldName = HTTPField.Name(name) {
            result.append(HTTPField(name: fieldName, value: value))
        }
    }
    return result
}

/// The `User-Agent` configured in tests.
let testUserAgent = "sdkgen-runtime-tests/1.0"

/// A core talking to `baseURL` through a real `URLSessionTransport`; one attempt per request
/// unless `retryPolicy` says otherwise (the retry tests pass their own).
func makeCore(
    baseURL: URL,
    timeout: Duration = .seconds(10),
    defaultHeaders: HTTPFields = [:],
    retryPolicy: RetryPolicy = .none,
    middlewares: [any ClientMiddleware] = [],
    logger: Logger? = nil
) -> APIClientCore {
    APIClientCore(
        configuration: ClientConfiguration(
            baseURL: baseURL,
            credentials: testCredentials,
            userAgent: testUserAgent,
            timeout: timeout,
            transport: URLSessionTransport(),
            defaultHeaders: defaultHeaders,
            retryPolicy: retryPolicy,
            middlewares: middlewares,
            logger: logger
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
struct FailingTransport: ClientTransport {
    let error: any Error & Sendable

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
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
            credentials: testCredentials,
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
final class ScriptedTransport: ClientTransport, @unchecked Sendable {
    /// What one attempt produces.
    enum Step: Sendable {
        case respond(APIResponse)
        case fail(any Error & Sendable)
        /// Waits this long (cancellably), then answers `204`.
        case delay(Duration)
    }

    // `steps` is guarded by `lock`.
    private let lock = NSLock()
    private var steps: [Step]
    let requests = Recorder<HTTPRequest>()
    let baseURLs = Recorder<URL>()
    let operationIDs = Recorder<String>()

    init(_ steps: [Step]) {
        self.steps = steps
    }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        requests.append(request)
        baseURLs.append(baseURL)
        operationIDs.append(operationID)
        switch nextStep() {
        case .respond(let response)?: return (response.head, HTTPBody(response.body))
        case .fail(let error)?: throw error
        case .delay(let duration)?:
            try await Task.sleep(for: duration)
            return (HTTPResponse(status: .noContent), nil)
        case nil: return (HTTPResponse(status: .init(code: 418)), HTTPBody("script ran out"))
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
        credentials: testCredentials,
        userAgent: testUserAgent,
        transport: transport,
        retryPolicy: retryPolicy
    )
    configuration.sleep = { sleeps.append($0) }
    configuration.random = { random }
    return APIClientCore(configuration: configuration)
}
