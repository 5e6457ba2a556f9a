import Foundation
import SDKRuntime
import Testing

/// The retry policy's defaults, decisions and waits, as values (no waiting).
@Suite struct RetryPolicyTests {
    private let policy = RetryPolicy.default

    @Test func defaultsMatchTheOtherLinqSDKs() throws {
        #expect(policy.maxRetries == 2)
        #expect(RetryPolicy.defaultMaxRetries == 2)
        #expect(policy.initialDelay == .milliseconds(500))
        #expect(policy.maxDelay == .seconds(8))
        #expect(policy.jitter == 0.25)
        #expect(policy.maxRetryAfter == .seconds(60))
        #expect(policy.attemptHeaderName == "X-Retry-Attempt")
        #expect(RetryPolicy.none.maxRetries == 0)
        let configuration = ClientConfiguration(
            baseURL: try #require(URL(string: "https://api.example.com")),
            credentials: Credentials(scheme: "k", .bearer, .secret("k")),
            userAgent: testUserAgent
        )
        #expect(configuration.timeout == .seconds(60))
        #expect(configuration.retryPolicy == .default)
        #expect(configuration.middlewares.isEmpty)
    }

    @Test func retryableStatuses() {
        for status in [408, 409, 429, 500, 502, 503, 504, 599] {
            #expect(policy.shouldRetry(.status(APIResponse(statusCode: status))), "\(status)")
        }
        for status in [300, 400, 401, 403, 404, 405, 410, 413, 422, 451, 499] {
            #expect(!policy.shouldRetry(.status(APIResponse(statusCode: status))), "\(status)")
        }
    }

    @Test func serverCanForceOrForbidARetry() {
        #expect(policy.shouldRetry(.status(APIResponse(statusCode: 400, headerFields: fields(["x-should-retry": "true"])))))
        #expect(!policy.shouldRetry(.status(APIResponse(statusCode: 503, headerFields: fields(["X-Should-Retry": "false"])))))
        #expect(policy.shouldRetry(.status(APIResponse(statusCode: 503, headerFields: fields(["x-should-retry": "maybe"])))))
    }

    @Test func failuresWithoutAResponse() {
        #expect(policy.shouldRetry(.transport("connection reset")))
        #expect(policy.shouldRetry(.timedOut(.seconds(1))))
        #expect(!policy.shouldRetry(.cancelled))
        #expect(!policy.shouldRetry(.encodingFailed("bad")))
        #expect(!policy.shouldRetry(.undecodableBody(APIResponse(statusCode: 200), reason: "x")))
    }

    @Test func backoffDoublesFromHalfASecondUpToEightSeconds() {
        let waits = (1...7).map { policy.backoff(beforeRetry: $0, random: 0) }
        #expect(waits == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8), .seconds(8)])
        #expect(policy.backoff(beforeRetry: 1_000, random: 0) == .seconds(8))
    }

    @Test func jitterShortensByAtMostAQuarter() {
        #expect(policy.backoff(beforeRetry: 1, random: 1) == .milliseconds(375))
        #expect(policy.backoff(beforeRetry: 2, random: 0.5) == .milliseconds(875))
        for _ in 0..<100 {
            let wait = policy.backoff(beforeRetry: 2, random: Double.random(in: 0..<1))
            #expect(wait > .milliseconds(749) && wait <= .seconds(1))
        }
        var exact = policy
        exact.jitter = 0
        #expect(exact.backoff(beforeRetry: 3, random: 0.9) == .seconds(2))
    }

    @Test func retryAfterInSecondsMillisecondsOrAnHTTPDate() throws {
        let now = Date(timeIntervalSince1970: 784_111_767)  // Sun, 06 Nov 1994 08:49:27 GMT
        #expect(policy.serverRequestedDelay(in: fields(["Retry-After": "1"]), now: now) == .seconds(1))
        #expect(policy.serverRequestedDelay(in: fields(["Retry-After": "2.5"]), now: now) == .milliseconds(2_500))
        #expect(policy.serverRequestedDelay(in: fields(["retry-after-ms": "250"]), now: now) == .milliseconds(250))
        #expect(policy.serverRequestedDelay(in: fields(["retry-after-ms": "250", "Retry-After": "9"]), now: now) == .milliseconds(250))
        #expect(policy.serverRequestedDelay(in: fields(["Retry-After": "60"]), now: now) == .seconds(60))
        for date in ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"] {
            #expect(policy.serverRequestedDelay(in: fields(["Retry-After": date]), now: now) == .seconds(10), "\(date)")
        }
    }

    @Test func unusableRetryAfterFallsBackToBackoff() {
        let now = Date(timeIntervalSince1970: 784_111_767)
        for value in ["61", "0", "-3", "soon", "", "nan", "inf", "Sun, 06 Nov 1994 08:49:00 GMT", "Sun, 06 Nov 1994 09:49:37 GMT"] {
            #expect(policy.serverRequestedDelay(in: fields(["Retry-After": value]), now: now) == nil, "\(value)")
        }
        let response = APIResponse(statusCode: 503, headerFields: fields(["Retry-After": "120"]))
        #expect(policy.delay(beforeRetry: 2, after: .status(response), now: now, random: 0) == .seconds(1))
        let asked = APIResponse(statusCode: 429, headerFields: fields(["Retry-After": "3"]))
        #expect(policy.delay(beforeRetry: 2, after: .status(asked), now: now, random: 0.9) == .seconds(3))
        #expect(policy.delay(beforeRetry: 1, after: .timedOut(.seconds(1)), now: now, random: 0) == .milliseconds(500))
    }

    @Test func descriptionNamesTheSettings() {
        #expect(policy.description.contains("maxRetries: 2"))
        #expect(policy.description.contains("X-Retry-Attempt"))
    }
}
