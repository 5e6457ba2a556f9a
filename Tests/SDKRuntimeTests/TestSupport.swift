import LoopbackSupport
import Foundation
import SDKRuntime

/// The API key used by tests; it must never show up in any description.
let testKeyValue = "sk-test-SECRET-7f3a9c"

/// The `User-Agent` configured in tests.
let testUserAgent = "sdkgen-runtime-tests/1.0"

/// A core talking to `baseURL` through a real `URLSessionTransport`.
func makeCore(
    baseURL: URL,
    timeout: Duration = .seconds(10),
    defaultHeaders: HTTPHeaders = [:]
) -> APIClientCore {
    APIClientCore(
        configuration: ClientConfiguration(
            baseURL: baseURL,
            apiKey: APIKey(testKeyValue),
            userAgent: testUserAgent,
            timeout: timeout,
            transport: URLSessionTransport(),
            defaultHeaders: defaultHeaders
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
            transport: FailingTransport(error: error)
        )
    )
}
