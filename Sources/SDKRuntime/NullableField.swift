/// An optional property the API allows to be `null`, which tells "left out" from "set to null":
/// what a `PATCH` needs to clear a value, and what a response said.
///
/// Reads are as for any optional property (`chat.displayName` is a `String?`, `nil` for both);
/// the projected value tells them apart and sets `null`:
///
/// ```swift
/// var update = UpdateChatRequest()
/// update.$displayName = .null          // sends "display_name": null
/// update.displayName = "Team"          // sends "display_name": "Team"
/// update.displayName = nil             // leaves it out
/// if chat.$displayName.isNull { … }    // the response said null, not nothing
/// ```
@propertyWrapper
public struct NullableField<Value> {
    /// What the JSON holds for the property.
    public enum State {
        /// The key is not there.
        case absent
        /// The key is there with `null`.
        case null
        /// The key is there with a value.
        case value(Value)
    }

    /// What the property holds.
    public var state: State

    /// A field holding `state`.
    public init(_ state: State) {
        self.state = state
    }

    /// A field holding `wrappedValue`, or absent for `nil` (what a memberwise `init` passes).
    public init(wrappedValue: Value?) {
        state = wrappedValue.map(State.value) ?? .absent
    }

    /// The value, `nil` when the property is absent or `null`; setting `nil` leaves it out.
    public var wrappedValue: Value? {
        get {
            if case .value(let value) = state { return value }
            return nil
        }
        set { state = newValue.map(State.value) ?? .absent }
    }

    /// The field itself: `$displayName = .null`, `$displayName.isNull`.
    public var projectedValue: NullableField<Value> {
        get { self }
        set { self = newValue }
    }

    /// A field set to `null`.
    public static var null: NullableField<Value> { NullableField(.null) }

    /// A field left out.
    public static var absent: NullableField<Value> { NullableField(.absent) }

    /// Whether the JSON has (or will send) `null` for the property.
    public var isNull: Bool {
        if case .null = state { return true }
        return false
    }

    /// Whether the JSON does not have (or will not send) the property at all.
    public var isAbsent: Bool {
        if case .absent = state { return true }
        return false
    }
}

extension NullableField.State: Sendable where Value: Sendable {}
extension NullableField.State: Equatable where Value: Equatable {}
extension NullableField.State: Hashable where Value: Hashable {}
extension NullableField: Sendable where Value: Sendable {}
extension NullableField: Equatable where Value: Equatable {}
extension NullableField: Hashable where Value: Hashable {}

extension KeyedDecodingContainer {
    /// The property under `key`: absent, `null`, or a value of `type`.
    public func decodeNullableField<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> NullableField<Value> {
        guard contains(key) else { return .absent }
        if try decodeNil(forKey: key) { return .null }
        return NullableField(.value(try decode(type, forKey: key)))
    }
}

extension KeyedEncodingContainer {
    /// Writes `field` under `key`: nothing when absent, `null`, or the value.
    public mutating func encodeNullableField<Value: Encodable>(_ field: NullableField<Value>, forKey key: Key) throws {
        switch field.state {
        case .absent: return
        case .null: try encodeNil(forKey: key)
        case .value(let value): try encode(value, forKey: key)
        }
    }
}
