/// Stores a value behind a reference, so that a model can contain a value of its own type
/// (`Comment.parent: Comment?`). Value semantics are kept: the storage is immutable.
public struct Indirect<Value: Sendable>: Sendable {
    private final class Storage: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private let storage: Storage

    /// Wraps `value`.
    public init(_ value: Value) {
        storage = Storage(value)
    }

    /// The wrapped value.
    public var value: Value { storage.value }
}

extension Indirect: Equatable where Value: Equatable {
    /// Equal when the values are.
    public static func == (lhs: Indirect, rhs: Indirect) -> Bool { lhs.value == rhs.value }
}

extension Indirect: Hashable where Value: Hashable {
    /// Hashes the value.
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

extension Indirect: Decodable where Value: Decodable {
    /// Decodes the wrapped value in place: the JSON has no extra level.
    public init(from decoder: any Decoder) throws {
        self.init(try Value(from: decoder))
    }
}

extension Indirect: Encodable where Value: Encodable {
    /// Encodes the wrapped value in place.
    public func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}
