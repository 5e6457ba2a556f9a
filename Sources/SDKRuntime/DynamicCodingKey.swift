/// A coding key made from any string, for reading a discriminator property by name.
public struct DynamicCodingKey: CodingKey, Hashable, Sendable {
    /// The key as text.
    public let stringValue: String
    /// The key as an index, for keys made from one.
    public let intValue: Int?

    /// A key for `name`.
    public init(_ name: String) {
        stringValue = name
        intValue = nil
    }

    /// A key for `stringValue`; never fails.
    public init?(stringValue: String) {
        self.init(stringValue)
    }

    /// A key for the index `intValue`; never fails.
    public init?(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}
