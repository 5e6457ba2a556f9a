import Foundation
import HTTPTypes

/// Settings for one call that override the client's: extra headers and query items, a timeout,
/// and the number of retries.
///
/// ```swift
/// try await client.chats.typing.stop(chatID: id, options: RequestOptions(timeout: .seconds(5), maxRetries: 0))
/// ```
///
/// Descriptions redact secret headers (such as `Authorization`).
public struct RequestOptions: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// Headers added last, replacing any same-named header of the configuration, the runtime or
    /// the operation; a credential the client would send in a header set here is not sent (so
    /// `Authorization` here replaces the client's token for this call).
    public var headers: HTTPFields
    /// Query items appended after the operation's own; items with a `nil` value are left out.
    public var query: [URLQueryItem]
    /// The time each attempt may take; `nil` uses ``ClientConfiguration/timeout``.
    public var timeout: Duration?
    /// How many times a failed call is sent again; `nil` uses the configuration's
    /// ``RetryPolicy/maxRetries``, `0` sends it once.
    public var maxRetries: Int?

    /// Creates options; everything left out keeps the client's setting.
    public init(
        headers: HTTPFields = [:],
        query: [URLQueryItem] = [],
        timeout: Duration? = nil,
        maxRetries: Int? = nil
    ) {
        self.headers = headers
        self.query = query
        self.timeout = timeout
        self.maxRetries = maxRetries
    }

    /// Creates options with headers written as `name: value` pairs, in order:
    /// `RequestOptions(headers: ["X-Request-Id": "abc"], timeout: .seconds(5))`. Pairs whose
    /// name is not a valid header name are left out.
    public init(
        headers: KeyValuePairs<String, String>,
        query: [URLQueryItem] = [],
        timeout: Duration? = nil,
        maxRetries: Int? = nil
    ) {
        var fields = HTTPFields()
        for (name, value) in headers {
            if let fieldName = HTTPField.Name(name) {
                fields.append(HTTPField(name: fieldName, value: value))
            }
        }
        self.init(headers: fields, query: query, timeout: timeout, maxRetries: maxRetries)
    }

    /// The options with secret header values shown as `<redacted>`.
    public var description: String {
        let queryText = query.map { "\($0.name)=\($0.value ?? "nil")" }.joined(separator: "&")
        return "RequestOptions(headers: \(headers.redactedDescription), query: [\(queryText)], timeout: \(timeout.map { "\($0)" } ?? "default"), "
            + "maxRetries: \(maxRetries.map(String.init) ?? "default"))"
    }

    /// A mirror showing the options, with secret header values redacted.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "headers": headers.redactedDescription,
                "query": query.map { "\($0.name)=\($0.value ?? "nil")" },
                "timeout": timeout as Any,
                "maxRetries": maxRetries as Any,
            ],
            displayStyle: .struct
        )
    }
}
