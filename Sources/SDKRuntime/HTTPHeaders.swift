/// An ordered list of HTTP header fields with case-insensitive name lookup.
///
/// Fields keep the order in which they were added, and a name may occur more than once.
/// Equality and hashing compare names case-insensitively and values exactly, in order.
///
/// The textual and reflected representations (`description`, `debugDescription`, `dump`,
/// `Mirror`) replace the values of secret headers with `"<redacted>"`: see
/// ``HTTPHeaders/alwaysSecretNames`` and ``HTTPHeaders/markSecret(_:)``.
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible,
    CustomDebugStringConvertible, CustomReflectable
{
    /// One header field as stored: the name as given, plus its lower-cased form for lookups.
    private struct Field: Sendable {
        var name: String
        var value: String
        var key: String

        init(name: String, value: String) {
            self.name = name
            self.value = value
            self.key = name.lowercased()
        }
    }

    /// The fields, in order.
    private var fields: [Field] = []

    /// Lower-cased names of headers marked secret on this value, in addition to ``alwaysSecretNames``.
    private var extraSecretKeys: Set<String> = []

    /// Lower-cased names whose values are always redacted in descriptions:
    /// `authorization`, `proxy-authorization`, `cookie`, `set-cookie` and `x-api-key`.
    public static let alwaysSecretNames: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key",
    ]

    /// The placeholder shown instead of a secret header's value.
    public static let redactedValue = "<redacted>"

    /// Creates an empty header list.
    public init() {}

    /// Creates a header list from `(name, value)` pairs, keeping their order.
    public init<S: Sequence>(_ fields: S) where S.Element == (name: String, value: String) {
        for field in fields {
            add(name: field.name, value: field.value)
        }
    }

    /// Creates a header list from a literal, keeping the literal's order; repeated names are all kept.
    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements {
            add(name: name, value: value)
        }
    }

    /// The number of fields, counting repeated names separately.
    public var count: Int { fields.count }

    /// Whether there are no fields.
    public var isEmpty: Bool { fields.isEmpty }

    /// The distinct field names, in order of first appearance, spelled as first added.
    public var names: [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for field in fields where seen.insert(field.key).inserted {
            result.append(field.name)
        }
        return result
    }

    /// The value of the named header, matched case-insensitively.
    ///
    /// Reading joins repeated fields with `", "` (RFC 9110 §5.3); `nil` when absent.
    /// Writing replaces every field of that name with a single field at the position of the
    /// first one (or at the end when absent); writing `nil` removes every field of that name.
    public subscript(name: String) -> String? {
        get {
            let values = values(for: name)
            return values.isEmpty ? nil : values.joined(separator: ", ")
        }
        set {
            let key = name.lowercased()
            guard let newValue else {
                fields.removeAll { $0.key == key }
                return
            }
            if let first = fields.firstIndex(where: { $0.key == key }) {
                fields[first] = Field(name: fields[first].name, value: newValue)
                var index = fields.index(after: first)
                while index < fields.endIndex {
                    if fields[index].key == key {
                        fields.remove(at: index)
                    } else {
                        index = fields.index(after: index)
                    }
                }
            } else {
                fields.append(Field(name: name, value: newValue))
            }
        }
    }

    /// Every value of the named header, matched case-insensitively, in order.
    public func values(for name: String) -> [String] {
        let key = name.lowercased()
        return fields.filter { $0.key == key }.map(\.value)
    }

    /// Whether a field with this name (matched case-insensitively) is present.
    public func contains(name: String) -> Bool {
        let key = name.lowercased()
        return fields.contains { $0.key == key }
    }

    /// Appends a field, keeping any existing fields of the same name.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Removes every field of this name (matched case-insensitively).
    public mutating func remove(name: String) {
        self[name] = nil
    }

    /// Adds `other`'s fields so that they win: every field whose name occurs in `other` is
    /// removed from `self`, then all of `other`'s fields are appended in their order.
    /// Names marked secret in `other` stay secret.
    public mutating func merge(_ other: HTTPHeaders) {
        let overridden = Set(other.fields.map(\.key))
        fields.removeAll { overridden.contains($0.key) }
        fields.append(contentsOf: other.fields)
        extraSecretKeys.formUnion(other.extraSecretKeys)
    }

    /// Returns a copy with `other` merged in as by ``merge(_:)``.
    public func merging(_ other: HTTPHeaders) -> HTTPHeaders {
        var copy = self
        copy.merge(other)
        return copy
    }

    /// Marks a header name (case-insensitively) as secret, so its values are redacted in
    /// descriptions and reflection of this value, in addition to ``alwaysSecretNames``.
    public mutating func markSecret(_ name: String) {
        extraSecretKeys.insert(name.lowercased())
    }

    /// Whether the named header's values are redacted in descriptions of this value.
    public func isSecret(_ name: String) -> Bool {
        let key = name.lowercased()
        return Self.alwaysSecretNames.contains(key) || extraSecretKeys.contains(key)
    }

    // MARK: Sequence

    /// Iterates over the fields as `(name, value)` pairs, in order.
    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.map { (name: $0.name, value: $0.value) }.makeIterator()
    }

    // MARK: Equatable & Hashable

    /// Two header lists are equal when they hold the same fields in the same order,
    /// comparing names case-insensitively and values exactly. Secret markings are ignored.
    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    /// Hashes the lower-cased names and the values, in order, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(fields.count)
        for field in fields {
            hasher.combine(field.key)
            hasher.combine(field.value)
        }
    }

    // MARK: Descriptions

    /// The fields with secret values redacted, in order.
    private var redactedFields: [(name: String, value: String)] {
        fields.map { field in
            (name: field.name, value: isSecret(field.key) ? Self.redactedValue : field.value)
        }
    }

    /// The fields as `[Name: value, ...]`, with secret values shown as `<redacted>`.
    public var description: String {
        "[" + redactedFields.map { "\($0.name): \($0.value)" }.joined(separator: ", ") + "]"
    }

    /// Same as ``description``: secret values are shown as `<redacted>`.
    public var debugDescription: String { description }

    /// A mirror whose children are the fields with secret values redacted.
    public var customMirror: Mirror {
        Mirror(
            self,
            unlabeledChildren: redactedFields.map { "\($0.name): \($0.value)" },
            displayStyle: .collection
        )
    }
}
