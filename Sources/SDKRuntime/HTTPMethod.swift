/// An HTTP request method such as `GET` or `POST`.
///
/// Methods are compared by their exact raw value; the predefined methods use the
/// canonical upper-case spelling.
public struct HTTPMethod: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The method token as sent on the wire, for example `"GET"`.
    public var rawValue: String

    /// Creates a method from its wire token, for example `"GET"`.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The `GET` method.
    public static let get = HTTPMethod(rawValue: "GET")
    /// The `POST` method.
    public static let post = HTTPMethod(rawValue: "POST")
    /// The `PUT` method.
    public static let put = HTTPMethod(rawValue: "PUT")
    /// The `PATCH` method.
    public static let patch = HTTPMethod(rawValue: "PATCH")
    /// The `DELETE` method.
    public static let delete = HTTPMethod(rawValue: "DELETE")
    /// The `HEAD` method.
    public static let head = HTTPMethod(rawValue: "HEAD")
    /// The `OPTIONS` method.
    public static let options = HTTPMethod(rawValue: "OPTIONS")

    /// The method token, for example `"GET"`.
    public var description: String { rawValue }
}
