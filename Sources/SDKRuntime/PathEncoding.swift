import Foundation

/// Percent-encodes values for use as one path segment.
///
/// Everything except RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`) is encoded, so
/// `/`, `?`, `#`, `%`, spaces and non-ASCII characters cannot change the path's structure.
/// The dot-segments `.` and `..` are encoded as `%2E` and `%2E%2E` so they cannot
/// climb out of the path.
public enum PathEncoding {
    /// Encodes a string as one path segment; for example `"a/b"` becomes `"a%2Fb"`.
    public static func segment(_ value: String) -> String {
        switch value {
        case ".": "%2E"
        case "..": "%2E%2E"
        default: PercentEncoding.encodeAllButUnreserved(value)
        }
    }

    /// Encodes a UUID as its lower-case string form.
    public static func segment(_ value: UUID) -> String {
        value.uuidString.lowercased()
    }

    /// Encodes a value's ``ParameterValue/parameterText`` as one path segment, for example a
    /// generated enum's raw value or a `Date` as an RFC 3339 timestamp.
    public static func segment<T: ParameterValue>(_ value: T) -> String {
        segment(value.parameterText)
    }

    /// The text a path parameter puts in place of `{name}` in `style`: `blue`, `.blue` or
    /// `;color=blue` (see ``ParameterSerializer/path(_:_:style:explode:)``).
    public static func parameter<T: ParameterValue>(_ name: String, _ value: T, style: ParameterStyle = .simple, explode: Bool = false) -> String {
        ParameterSerializer.path(name, ParameterShape(value), style: style, explode: explode)
    }

    /// A list path parameter in `style`: `blue,black`, `.blue.black` or `;color=blue;color=black`.
    public static func parameter<T: ParameterValue>(_ name: String, _ values: [T], style: ParameterStyle = .simple, explode: Bool = false) -> String {
        ParameterSerializer.path(name, ParameterShape(values), style: style, explode: explode)
    }

    /// An object path parameter (a model or a dictionary, see ``ParameterShape/init(encoding:)``)
    /// in `style`: `R,100,G,200`, `R=100,G=200` exploded, `.R=100.G=200` or `;R=100;G=200`.
    public static func parameter<T: Encodable & Sendable>(
        _ name: String, object: T, style: ParameterStyle = .simple, explode: Bool = false
    ) -> String {
        ParameterSerializer.path(name, ParameterShape(encoding: object), style: style, explode: explode)
    }

    /// Encodes a value's `description` as one path segment; used for types that are not
    /// ``ParameterValue``.
    @_disfavoredOverload
    public static func segment<T: CustomStringConvertible>(_ value: T) -> String {
        segment(value.description)
    }
}
