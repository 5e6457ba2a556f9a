import Foundation
import HTTPTypes

/// Removes secrets from text that may be shown to people: messages, log lines, descriptions.
public enum Redaction {
    /// The placeholder shown instead of a secret.
    public static let placeholder = "<redacted>"

    /// Lower-cased header names whose values are always redacted in descriptions:
    /// `authorization`, `proxy-authorization`, `cookie`, `set-cookie` and `x-api-key`.
    public static let alwaysSecretHeaderNames: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key",
    ]

    /// `text` with every occurrence of each non-empty secret replaced by ``placeholder``.
    public static func redact(_ text: String, secrets: [String]) -> String {
        var result = text
        // Longest first, so a secret that contains another is removed whole.
        for secret in secrets.filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) {
            result = result.replacingOccurrences(of: secret, with: placeholder)
            // A secret may also appear percent-encoded, as in a query item.
            let encoded = PercentEncoding.encodeAllButUnreserved(secret)
            if encoded != secret {
                result = result.replacingOccurrences(of: encoded, with: placeholder)
            }
        }
        return result
    }
}

extension HTTPFields {
    /// The value of the header called `name` (case-insensitive), repeated fields joined with
    /// `", "`; `nil` when absent or when `name` is not a valid field name.
    public func value(named name: String) -> String? {
        guard let fieldName = HTTPField.Name(name) else { return nil }
        return self[fieldName]
    }

    /// Sets the header called `name`, replacing every field of that name; `nil` removes them.
    /// Does nothing when `name` is not a valid field name.
    public mutating func setValue(_ value: String?, named name: String) {
        guard let fieldName = HTTPField.Name(name) else { return }
        self[fieldName] = value
    }

    /// Adds `other`'s fields so that they win: every field whose name occurs in `other` is
    /// removed from `self`, then all of `other`'s fields are appended in their order.
    public mutating func merge(_ other: HTTPFields) {
        let overridden = Set(other.map(\.name))
        self = HTTPFields(filter { !overridden.contains($0.name) } + Array(other))
    }

    /// `[Name: value, …]` with the values of ``Redaction/alwaysSecretHeaderNames`` shown as `<redacted>`.
    public var redactedDescription: String {
        let fields = map { field in
            let secret = Redaction.alwaysSecretHeaderNames.contains(field.name.canonicalName)
            return "\(field.name.rawName): \(secret ? Redaction.placeholder : field.value)"
        }
        return "[" + fields.joined(separator: ", ") + "]"
    }
}
