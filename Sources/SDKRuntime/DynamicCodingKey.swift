/// A coding key made from any string, for reading a discriminator property by name.
public struct DynamicCodingKey: CodingKey, Hashable, Sendable {
    public let stringValue: String
    public let intValue: Int?

    /// A key for `name`.
    public init(_ name: String) {
        stringValue = name
        intValue = nil
    }

    public init?(stringValue: String) {
        self.init(stringValue)
    }

    public init?(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}
