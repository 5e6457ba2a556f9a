import Foundation

// Generated models code their `Date` properties as RFC 3339 text themselves, through these, so
// they decode and encode the same with any `JSONDecoder`/`JSONEncoder` (a plain one, Vapor's
// `req.content.decode`, a caller's own) and not only with ``JSONCoding``'s: Foundation's own
// `.iso8601` strategy rejects fractional seconds, and the default strategy expects a number.

extension KeyedDecodingContainer {
    /// The RFC 3339 date-time at `key` (fractional seconds and numeric offsets accepted).
    public func decodeRFC3339Date(forKey key: Key) throws -> Date {
        let text = try decode(String.self, forKey: key)
        guard let date = RFC3339.parse(text) else { throw Self.notADate(text, key: key, in: self) }
        return date
    }

    /// The RFC 3339 date-time at `key`, or `nil` when the key is absent or `null`.
    public func decodeRFC3339DateIfPresent(forKey key: Key) throws -> Date? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let date = RFC3339.parse(text) else { throw Self.notADate(text, key: key, in: self) }
        return date
    }

    private static func notADate(_ text: String, key: Key, in container: Self) -> DecodingError {
        DecodingError.dataCorruptedError(
            forKey: key, in: container,
            debugDescription: "expected an RFC 3339 date-time such as 2024-01-31T12:00:00Z, found \"\(text)\"")
    }
}

extension KeyedEncodingContainer {
    /// Writes `date` at `key` as RFC 3339 text in UTC, as ``JSONCoding/makeEncoder()`` does.
    public mutating func encodeRFC3339Date(_ date: Date, forKey key: Key) throws {
        try encode(RFC3339.format(date), forKey: key)
    }

    /// Writes `date` at `key` as RFC 3339 text, or nothing when it is `nil`.
    public mutating func encodeRFC3339DateIfPresent(_ date: Date?, forKey key: Key) throws {
        guard let date else { return }
        try encode(RFC3339.format(date), forKey: key)
    }
}
