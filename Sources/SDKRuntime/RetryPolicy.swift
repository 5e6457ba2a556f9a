import Foundation
import HTTPTypes

/// When and how long ``APIClientCore`` waits before sending a failed request again.
///
/// The defaults are those of the Linq SDKs for Go, Python and Node:
/// - **2 retries** (3 attempts in all);
/// - retried: connection failures, timeouts, and HTTP `408`, `409`, `429` and `5xx`; no other
///   status is retried, unless the server sends `x-should-retry: true` (and `x-should-retry: false`
///   stops a retry the status would allow);
/// - the wait before retry *n* is `0.5 s × 2ⁿ⁻¹`, at most `8 s`, shortened by up to 25 % at random
///   (jitter), unless the response asks for a wait with `retry-after-ms` (milliseconds) or
///   `Retry-After` (seconds or an HTTP date) of more than 0 and at most 60 s, which is used as is;
/// - every attempt carries `X-Retry-Attempt: <n>`, `0` for the first try, `1` for the first retry.
///
/// Cancelling the calling task ends the wait at once with ``RequestFailure/cancelled``.
public struct RetryPolicy: Sendable, Hashable, CustomStringConvertible {
    /// The number of retries after the first attempt by default: `2`.
    public static let defaultMaxRetries = 2
    /// The header that carries the attempt number by default: `X-Retry-Attempt`.
    public static let defaultAttemptHeaderName = "X-Retry-Attempt"

    /// How many times a failed request is sent again; `0` disables retries. Negative values count as `0`.
    public var maxRetries: Int
    /// The wait before the first retry, before jitter: `0.5 s` by default.
    public var initialDelay: Duration
    /// The longest computed wait between attempts, before jitter: `8 s` by default.
    public var maxDelay: Duration
    /// The largest fraction (`0...1`) by which a computed wait is shortened at random: `0.25` by default.
    /// `0` makes the waits exact.
    public var jitter: Double
    /// The longest server-requested wait (`Retry-After`, `retry-after-ms`) that is honoured: `60 s`.
    /// A longer (or non-positive, or unreadable) request falls back to the computed wait.
    public var maxRetryAfter: Duration
    /// The header that tells the server which attempt this is (`0` for the first try);
    /// `nil` sends no such header.
    public var attemptHeaderName: String?

    /// Creates a policy; every parameter defaults to the value the Linq SDKs use.
    public init(
        maxRetries: Int = RetryPolicy.defaultMaxRetries,
        initialDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(8),
        jitter: Double = 0.25,
        maxRetryAfter: Duration = .seconds(60),
        attemptHeaderName: String? = RetryPolicy.defaultAttemptHeaderName
    ) {
        self.maxRetries = maxRetries
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
        self.maxRetryAfter = maxRetryAfter
        self.attemptHeaderName = attemptHeaderName
    }

    /// The defaults described above.
    public static let `default` = RetryPolicy()

    /// One attempt only, otherwise the defaults.
    public static let none = RetryPolicy(maxRetries: 0)

    /// The settings, for example `RetryPolicy(maxRetries: 2, delay: 0.5 seconds…8.0 seconds, jitter: 0.25, …)`.
    public var description: String {
        "RetryPolicy(maxRetries: \(maxRetries), delay: \(initialDelay)…\(maxDelay), jitter: \(jitter), "
            + "maxRetryAfter: \(maxRetryAfter), attemptHeader: \(attemptHeaderName ?? "none"))"
    }

    // MARK: Deciding

    /// Whether a status is worth retrying without further hints: `408`, `409`, `429` and `500...599`.
    public static func isRetryable(statusCode: Int) -> Bool {
        statusCode == 408 || statusCode == 409 || statusCode == 429 || (500...599).contains(statusCode)
    }

    /// Whether `failure` may succeed when the request is sent again.
    ///
    /// Connection failures and timeouts: yes. A status response: what its `x-should-retry`
    /// header says (`true` or `false`), otherwise ``isRetryable(statusCode:)``. Cancellation,
    /// encoding and decoding failures: no.
    public func shouldRetry(_ failure: RequestFailure) -> Bool {
        switch failure {
        case .transport, .timedOut:
            return true
        case .status(let response):
            switch response.headerFields.value(named: "x-should-retry")?.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true": return true
            case "false": return false
            default: return Self.isRetryable(statusCode: response.statusCode)
            }
        case .cancelled, .undecodableBody, .encodingFailed, .missingCredentials:
            return false
        }
    }

    // MARK: Waiting

    /// The computed wait before retry number `retry` (1 for the first retry):
    /// `initialDelay × 2^(retry − 1)`, at most ``maxDelay``, times `1 − random × jitter`.
    ///
    /// - Parameter random: a value in `0..<1` (clamped); `0` gives the full wait.
    public func backoff(beforeRetry retry: Int, random: Double) -> Duration {
        let exponent = Double(min(max(retry - 1, 0), 62))
        let base = min(initialDelay.timeInterval * pow(2, exponent), maxDelay.timeInterval)
        let fraction = min(max(jitter, 0), 1) * min(max(random.isFinite ? random : 0, 0), 1)
        return .seconds(max(base * (1 - fraction), 0))
    }

    /// The wait before retry number `retry` after `failure`: the server's requested wait when
    /// ``serverRequestedDelay(in:now:)`` finds one, otherwise ``backoff(beforeRetry:random:)``.
    public func delay(beforeRetry retry: Int, after failure: RequestFailure, now: Date, random: Double) -> Duration {
        if let headers = failure.response?.headerFields, let requested = serverRequestedDelay(in: headers, now: now) {
            return requested
        }
        return backoff(beforeRetry: retry, random: random)
    }

    /// The wait a response asks for, when it is more than zero and at most ``maxRetryAfter``.
    ///
    /// `retry-after-ms` (milliseconds, possibly fractional) is read first, then `Retry-After`
    /// (seconds, possibly fractional, or an HTTP date, counted from `now`).
    public func serverRequestedDelay(in headers: HTTPFields, now: Date) -> Duration? {
        var seconds: Double?
        if let text = headers.value(named: "retry-after-ms"), let milliseconds = Double(text.trimmingCharacters(in: .whitespaces)) {
            seconds = milliseconds / 1_000
        } else if let text = headers.value(named: "retry-after")?.trimmingCharacters(in: .whitespaces) {
            if let value = Double(text) {
                seconds = value
            } else if let date = HTTPDate.parse(text) {
                seconds = date.timeIntervalSince(now)
            }
        }
        guard let seconds, seconds.isFinite, seconds > 0, seconds <= maxRetryAfter.timeInterval else { return nil }
        return .seconds(seconds)
    }
}
