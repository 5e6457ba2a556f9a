import Foundation

/// How a security scheme of the API puts its credential on a request (one entry of the spec's
/// `components/securitySchemes`).
public enum CredentialPlacement: Sendable, Hashable {
    /// `Authorization: Bearer <token>` (`http` bearer, `oauth2`, `openIdConnect`).
    case bearer
    /// `Authorization: Basic <base64(username:password)>` (`http` basic).
    case basic
    /// The value as it is, no prefix added, in the header called `name`.
    case header(name: String)
    /// The value as it is in the query item called `name`.
    case query(name: String)
    /// The value as it is in the cookie called `name`.
    case cookie(name: String)
}

/// The value of one credential.
public enum CredentialValue: Sendable {
    /// A fixed secret: a token or API key.
    case secret(Secret)
    /// A user name and password, for HTTP basic authentication.
    case basic(username: String, password: Secret)
    /// A token asked for before each request (and again after a `401`), for tokens that expire.
    case provider(TokenProvider)
}

/// Supplies access tokens that expire (OAuth 2, OpenID Connect): an async closure the client
/// calls before each request, and once more after the server answers `401`, so that it can
/// refresh the token; the request is then sent again with the new one.
///
/// ```swift
/// let client = try ExampleClient(accessToken: TokenProvider { request in
///     try await tokenStore.token(forceRefresh: request.isRefresh)
/// })
/// ```
///
/// The client calls `fetch` from its own tasks, so it is `Sendable`; to keep the token in an
/// actor's state (a `@MainActor` model, say) make the closure isolated to it, which the client
/// awaits: `TokenProvider { @MainActor request in try await model.token(refresh: request.isRefresh) }`.
public struct TokenProvider: Sendable {
    /// What the client asks the provider for.
    public struct Request: Sendable, Hashable {
        /// `true` when the server rejected the last token with `401`: return a fresh one.
        public var isRefresh: Bool

        /// Creates a request.
        public init(isRefresh: Bool) {
            self.isRefresh = isRefresh
        }
    }

    private let fetch: @Sendable (Request) async throws -> String

    /// A provider that calls `fetch` for every token.
    public init(_ fetch: @escaping @Sendable (Request) async throws -> String) {
        self.fetch = fetch
    }

    /// A provider that always returns `token`.
    public static func constant(_ token: String) -> TokenProvider {
        TokenProvider { _ in token }
    }

    /// A token; `isRefresh` says the previous one was rejected.
    func token(isRefresh: Bool) async throws -> String {
        try await fetch(Request(isRefresh: isRefresh))
    }
}

/// The credentials a client holds, by security scheme name, and how each is sent.
///
/// Descriptions and reflection never show a value: `Credentials(bearerAuth: <redacted>)`.
public struct Credentials: Sendable, CustomStringConvertible, CustomReflectable {
    /// One credential.
    struct Entry: Sendable {
        var scheme: String
        var placement: CredentialPlacement
        var value: CredentialValue
    }

    private(set) var entries: [Entry] = []
    /// What to pass or set for each scheme, for messages, by scheme name (set or not).
    private var hints: [(scheme: String, text: String)] = []

    /// No credentials.
    public init() {}

    /// Credentials for one scheme, e.g. `Credentials(scheme: "bearerAuth", .bearer, .secret("sk-…"))`.
    public init(scheme: String, _ placement: CredentialPlacement, _ value: CredentialValue?) {
        set(scheme: scheme, placement, value)
    }

    /// Sets (or, with `nil`, removes) the credential for `scheme`; `hint` says how a caller
    /// supplies it (`pass apiKey or set LINQ_API_V3_API_KEY`), for the message when it is missing.
    public mutating func set(scheme: String, _ placement: CredentialPlacement, _ value: CredentialValue?, hint: String? = nil) {
        entries.removeAll { $0.scheme == scheme }
        if let value {
            entries.append(Entry(scheme: scheme, placement: placement, value: value))
        }
        if let hint {
            hints.removeAll { $0.scheme == scheme }
            hints.append((scheme, hint))
        }
    }

    /// `basicAuth (pass adminUsername and adminPassword)`: a scheme name with its hint, when there is one.
    func describe(scheme: String) -> String {
        guard let hint = hints.first(where: { $0.scheme == scheme }) else { return scheme }
        return "\(scheme) (\(hint.text))"
    }

    /// The scheme names that have a credential, in the order they were set.
    public var schemes: [String] { entries.map(\.scheme) }

    /// The first alternative of `requirements` (each a list of scheme names that must all be
    /// sent) whose schemes all have a credential; an empty alternative needs none. `nil` when no
    /// alternative can be met; an empty `requirements` needs nothing.
    public func alternative(meeting requirements: [[String]]) -> [String]? {
        guard !requirements.isEmpty else { return [] }
        let available = Set(schemes)
        return requirements.first { $0.allSatisfy(available.contains) }
    }

    /// Every fixed secret (tokens, keys, passwords and basic's encoded form), for redaction.
    var fixedSecrets: [String] {
        entries.flatMap { entry -> [String] in
            switch entry.value {
            case .secret(let secret): return [secret.value]
            case .basic(let username, let password):
                return [password.value, Self.basicToken(username: username, password: password.value)]
            case .provider: return []
            }
        }
    }

    /// The entry for `scheme`.
    func entry(for scheme: String) -> Entry? {
        entries.first { $0.scheme == scheme }
    }

    /// `base64(username:password)`.
    static func basicToken(username: String, password: String) -> String {
        Data("\(username):\(password)".utf8).base64EncodedString()
    }

    // MARK: Building from arguments and the environment

    /// A secret from an argument, or when it is `nil` or empty, from the environment variable
    /// `variable`; `nil` when neither gives a non-empty value.
    public static func secret(_ argument: String?, environmentVariable variable: String?) -> CredentialValue? {
        guard let text = nonEmpty(argument) ?? variable.flatMap({ nonEmpty(EnvironmentVariables.value($0)) }) else { return nil }
        return .secret(Secret(text))
    }

    /// A token provider from an argument, or a fixed token from the environment variable `variable`.
    public static func token(_ argument: TokenProvider?, environmentVariable variable: String?) -> CredentialValue? {
        if let argument { return .provider(argument) }
        return secret(nil, environmentVariable: variable)
    }

    /// A user name and password from arguments or their environment variables; `nil` unless both are found.
    public static func basic(
        username: String?, password: String?, usernameEnvironmentVariable: String?, passwordEnvironmentVariable: String?
    ) -> CredentialValue? {
        guard let user = nonEmpty(username) ?? usernameEnvironmentVariable.flatMap({ nonEmpty(EnvironmentVariables.value($0)) }),
            let secret = nonEmpty(password) ?? passwordEnvironmentVariable.flatMap({ nonEmpty(EnvironmentVariables.value($0)) })
        else { return nil }
        return .basic(username: user, password: Secret(secret))
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    // MARK: Descriptions

    /// `Credentials(bearerAuth: <redacted>, …)`.
    public var description: String {
        "Credentials(" + entries.map { "\($0.scheme): \(Redaction.placeholder)" }.joined(separator: ", ") + ")"
    }

    /// A mirror naming the schemes only.
    public var customMirror: Mirror {
        Mirror(self, children: ["schemes": schemes], displayStyle: .struct)
    }
}
