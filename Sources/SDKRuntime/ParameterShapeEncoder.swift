import Foundation

extension ParameterShape {
    /// One value as text: its ``ParameterValue/parameterText``.
    public init<T: ParameterValue>(_ value: T) {
        self = .primitive(value.parameterText)
    }

    /// A list of values as text.
    public init<T: ParameterValue>(_ values: [T]) {
        self = .array(values.map(\.parameterText))
    }

    /// Any `Encodable` value taken apart as it encodes itself: a generated model gives its
    /// properties in declaration order (`nil` ones left out), a `[String: …]` dictionary its
    /// entries sorted by key, a list its elements, a single value its text.
    ///
    /// Each property or element is written as its ``ParameterValue/parameterText`` when it is
    /// one (so dates are RFC 3339 and enums their raw value), as the text of a value that
    /// encodes as one scalar (a one-of wrapper), and otherwise as its JSON text (OpenAPI leaves
    /// nested objects undefined); a value that cannot be encoded at all is left out.
    public init<T: Encodable>(encoding value: T) {
        if let value = value as? any ParameterValue {
            self = .primitive(value.parameterText)
            return
        }
        let encoder = ShapeEncoder()
        try? value.encode(to: encoder)
        if let single = encoder.single, encoder.pairs.isEmpty, encoder.elements.isEmpty {
            self = .primitive(single)
        } else if !encoder.elements.isEmpty {
            self = .array(encoder.elements)
        } else if value is any StringKeyedDictionary {
            self = .object(encoder.pairs.sorted { $0.key < $1.key })
        } else {
            self = .object(encoder.pairs)
        }
    }

    /// The text of one property or element; `nil` when it cannot be encoded or is `null`.
    static func text<T: Encodable>(of value: T) -> String? {
        if let value = value as? any ParameterValue { return value.parameterText }
        let encoder = ShapeEncoder()
        do {
            try value.encode(to: encoder)
        } catch {
            return nil
        }
        if encoder.isNull { return nil }
        if let single = encoder.single, encoder.pairs.isEmpty, encoder.elements.isEmpty { return single }
        guard let data = try? JSONCoding.makeEncoder().encode(value) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Dictionaries with `String` keys, whose entries are sent sorted by key.
protocol StringKeyedDictionary {}
extension Dictionary: StringKeyedDictionary where Key == String {}

/// Records what a value encodes: the keyed pairs, unkeyed elements or single value at its top.
private final class ShapeEncoder: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    var pairs: [(key: String, value: String)] = []
    var elements: [String] = []
    var single: String?
    var isNull = false

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedShapeContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedShapeContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleShapeContainer(encoder: self)
    }
}

private struct KeyedShapeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: ShapeEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {}

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        guard let text = ParameterShape.text(of: value) else { return }
        encoder.pairs.append((key.stringValue, text))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        ShapeEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ShapeEncoder().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { ShapeEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { ShapeEncoder() }
}

private struct UnkeyedShapeContainer: UnkeyedEncodingContainer {
    let encoder: ShapeEncoder
    var codingPath: [any CodingKey] { [] }
    var count: Int { encoder.elements.count }

    mutating func encodeNil() throws {}

    mutating func encode<T: Encodable>(_ value: T) throws {
        guard let text = ParameterShape.text(of: value) else { return }
        encoder.elements.append(text)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        ShapeEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { ShapeEncoder().unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { ShapeEncoder() }
}

private struct SingleShapeContainer: SingleValueEncodingContainer {
    let encoder: ShapeEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoder.isNull = true }

    mutating func encode<T: Encodable>(_ value: T) throws {
        if let value = value as? any ParameterValue {
            encoder.single = value.parameterText
        } else {
            // A wrapper around another value (a one-of case): take that value apart instead.
            try value.encode(to: encoder)
        }
    }
}
