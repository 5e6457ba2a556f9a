import Foundation

/// A value that can travel as text in a path segment, query item or header.
///
/// `String`-backed `RawRepresentable` types (such as generated enums) get ``parameterText``
/// for free: their raw value.
public protocol ParameterValue: Sendable {
    /// The value as text on the wire, before any percent-encoding.
    var parameterText: String { get }
}

extension ParameterValue where Self: RawRepresentable, RawValue == String {
    /// The raw value.
    public var parameterText: String { rawValue }
}

extension ParameterValue where Self: LosslessStringConvertible {
    /// The value's `description`, for example `42`, `true` or `1.5`.
    public var parameterText: String { description }
}

extension String: ParameterValue {}
extension Substring: ParameterValue {}
extension Int: ParameterValue {}
extension Int8: ParameterValue {}
extension Int16: ParameterValue {}
extension Int32: ParameterValue {}
extension Int64: ParameterValue {}
extension UInt: ParameterValue {}
extension UInt8: ParameterValue {}
extension UInt16: ParameterValue {}
extension UInt32: ParameterValue {}
extension UInt64: ParameterValue {}
extension Double: ParameterValue {}
extension Float: ParameterValue {}
extension Bool: ParameterValue {}

extension UUID: ParameterValue {
    /// The lower-case UUID string.
    public var parameterText: String { uuidString.lowercased() }
}

extension Date: ParameterValue {
    /// An RFC 3339 UTC timestamp, as ``JSONCoding`` encodes dates.
    public var parameterText: String { RFC3339.format(self) }
}

extension URL: ParameterValue {
    /// The absolute URL string.
    public var parameterText: String { absoluteString }
}
