// A stand-in for another library an app imports beside a generated SDK: a server framework that
// re-exports NIO's HTTP module (`HTTPHeaders`, `HTTPMethod`), or any library with a
// `Configuration` or its own error types. Its names are ones that swift-http-types and
// swift-openapi-runtime also declare or that such apps commonly see; GeneratedSDKTests'
// ReexportTests uses them unqualified next to `import Linq`, which compiles only while the SDK
// does not bring same-named types into scope.

/// An HTTP method, as NIO's `HTTPMethod`.
public enum HTTPMethod: String, Sendable {
    case GET, POST
}

/// Header fields as name-value pairs, as NIO's `HTTPHeaders`.
public struct HTTPHeaders: Sendable {
    /// The fields, in order.
    public var fields: [(name: String, value: String)]

    /// Creates the headers.
    public init(_ fields: [(name: String, value: String)]) {
        self.fields = fields
    }
}

/// A library's settings; swift-openapi-runtime also has a `Configuration`.
public struct Configuration: Sendable {
    /// The application's name.
    public var appName: String

    /// Creates the settings.
    public init(appName: String) {
        self.appName = appName
    }
}

/// A client-side failure of this library; swift-openapi-runtime also has a `ClientError`.
public struct ClientError: Error, Sendable {
    /// What went wrong.
    public var reason: String

    /// Creates the error.
    public init(reason: String) {
        self.reason = reason
    }
}

/// A server-side failure of this library; swift-openapi-runtime also has a `ServerError`.
public struct ServerError: Error, Sendable {
    /// The status to answer with.
    public var status: Int

    /// Creates the error.
    public init(status: Int) {
        self.status = status
    }
}
