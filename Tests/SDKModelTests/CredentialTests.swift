import Diagnostics
import OpenAPI
import SDKModel
import Testing

/// A spec with document-level `security` (when given), the operations `listThings` (following the
/// document) and `getThing` with `getSecurity` (when given), and the schemes `schemes`, each on
/// its own line under `securitySchemes` (line 17 on).
func securitySpec(security: String? = nil, getSecurity: String? = nil, schemes: [String]) -> String {
    """
    openapi: 3.1.0
    info: {title: Shop, version: '1'}
    \(security.map { "security: \($0)" } ?? "")
    paths:
      /things:
        get:
          operationId: listThings
          responses: {'204': {description: none}}
      /things/{id}:
        get:
          operationId: getThing
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          \(getSecurity.map { "security: \($0)" } ?? "")
          responses: {'204': {description: none}}
    components:
      securitySchemes:
    \(schemes.map { "    " + $0 }.joined(separator: "\n"))
    """
}

/// The method for `operationID` anywhere in `sdk`.
func method(_ operationID: String, in sdk: SDK) -> Method? {
    func search(_ resources: [Resource]) -> Method? {
        for resource in resources {
            if let found = resource.methods.first(where: { $0.operationID == operationID }) ?? search(resource.children) { return found }
        }
        return nil
    }
    return sdk.rootMethods.first { $0.operationID == operationID } ?? search(sdk.resources)
}

@Suite("Security requirements in the SDK model")
struct SecurityModelTests {
    static let bearerAndKey = ["bearer: {type: http, scheme: bearer}", "key: {type: apiKey, name: X-Key, in: header}"]

    @Test("Without security the SDK has no credentials, no document alternatives, and methods follow the document")
    func none() throws {
        let sdk = try #require(try build(securitySpec(schemes: Self.bearerAndKey)).sdk)
        #expect(sdk.credentials == [])
        #expect(sdk.security == [])
        #expect(method("listThings", in: sdk)?.security == nil)
        #expect(method("getThing", in: sdk)?.security == nil)
    }

    @Test("The document's alternatives; an operation's own list, combination and empty alternative included")
    func alternatives() throws {
        let sdk = try #require(
            try build(securitySpec(security: "[{bearer: []}]", getSecurity: "[{}, {bearer: [], key: []}]", schemes: Self.bearerAndKey)).sdk)
        #expect(sdk.security == [["bearer"]])
        #expect(method("listThings", in: sdk)?.security == nil)
        #expect(method("getThing", in: sdk)?.security == [[], ["bearer", "key"]])
        #expect(sdk.credentials.map(\.schemeName) == ["bearer", "key"])
    }

    @Test("'security: []' on an operation means no credential; on the document it leaves nothing to follow")
    func emptyLists() throws {
        let sdk = try #require(try build(securitySpec(security: "[]", getSecurity: "[]", schemes: Self.bearerAndKey)).sdk)
        #expect(sdk.security == [])
        #expect(method("getThing", in: sdk)?.security == [])
        #expect(sdk.credentials == [])
    }

    @Test("Credentials are the used schemes in components order, not in the order requirements name them")
    func credentialOrder() throws {
        let schemes = ["unused: {type: http, scheme: basic}"] + Self.bearerAndKey
        let sdk = try #require(try build(securitySpec(security: "[{key: []}]", getSecurity: "[{bearer: []}]", schemes: schemes)).sdk)
        #expect(sdk.credentials.map(\.schemeName) == ["bearer", "key"])
        #expect(sdk.credentials.map(\.kind) == [.bearer, .apiKey(name: "X-Key", location: .header)])
    }

    @Test("A requirement naming an undefined scheme is dropped with a warning at its position")
    func unknownScheme() throws {
        let result = try build(
            securitySpec(security: "[{missing: []}, {bearer: []}]", getSecurity: "[{nope: [], bearer: []}]", schemes: Self.bearerAndKey))
        let sdk = try #require(result.sdk)
        #expect(sdk.security == [["bearer"]])
        #expect(method("getThing", in: sdk)?.security == [])
        #expect(
            result.diagnostics.map(\.description) == [
                "spec.yaml:3:12: warning: the security requirement of the document names 'missing', which 'components/securitySchemes' does not define; the alternative is dropped",
                "spec.yaml:13:18: warning: the security requirement of operation 'getThing' names 'nope', which 'components/securitySchemes' does not define; the alternative is dropped; no alternative is left, so operation 'getThing' is called without credentials",
            ])
    }

    @Test("A scheme the SDK cannot send drops its alternatives; when none is left the document says so")
    func unsendableScheme() throws {
        let schemes = ["mtls: {type: mutualTLS}", "digest: {type: http, scheme: digest}", "bearer: {type: http, scheme: bearer}"]
        let result = try build(securitySpec(security: "[{mtls: []}, {digest: []}]", getSecurity: "[{digest: []}, {bearer: []}]", schemes: schemes))
        let sdk = try #require(result.sdk)
        #expect(sdk.security == [])
        #expect(method("getThing", in: sdk)?.security == [["bearer"]])
        #expect(sdk.credentials.map(\.schemeName) == ["bearer"])
        #expect(
            result.diagnostics.map(\.description) == [
                "spec.yaml:3:12: warning: the security requirement of the document names 'mtls' (mutualTLS), which the SDK cannot send; the alternative is dropped",
                "spec.yaml:3:24: warning: the security requirement of the document names 'digest' (http digest), which the SDK cannot send; the alternative is dropped; no alternative is left, so operations without their own 'security' are called without credentials",
                "spec.yaml:13:18: warning: the security requirement of operation 'getThing' names 'digest' (http digest), which the SDK cannot send; the alternative is dropped",
            ])
    }

    @Test("OAuth 2 and OpenID Connect schemes are credentials of their own kinds")
    func tokenKinds() throws {
        let schemes = ["oauth: {type: oauth2, flows: {}}", "oidc: {type: openIdConnect, openIdConnectUrl: 'https://example.com/oidc'}"]
        let sdk = try #require(try build(securitySpec(security: "[{oauth: []}, {oidc: []}]", schemes: schemes)).sdk)
        #expect(sdk.credentials.map(\.kind) == [.oauth2, .openIDConnect])
        #expect(sdk.credentials.map(\.labels) == [["oauth"], ["oidc"]])
        #expect(sdk.credentials.map(\.environmentVariables) == [[nil], [nil]])
    }
}

@Suite("Credential labels and environment variables")
struct CredentialLabelTests {
    @Test(
        "A single credential takes the conventional labels",
        arguments: [
            ("{type: http, scheme: bearer, description: The token.}", ["apiKey"]),
            ("{type: apiKey, name: key, in: query}", ["apiKey"]),
            ("{type: oauth2, flows: {}}", ["accessToken"]),
            ("{type: openIdConnect, openIdConnectUrl: 'https://example.com'}", ["accessToken"]),
            ("{type: http, scheme: basic}", ["username", "password"]),
        ])
    func singleLabels(scheme: String, labels: [String]) throws {
        let sdk = try #require(try build(securitySpec(security: "[{auth: []}]", schemes: ["auth: \(scheme)"])).sdk)
        #expect(sdk.credentials.map(\.labels) == [labels])
        #expect(sdk.credentials.first?.schemeName == "auth")
    }

    @Test("A credential keeps its scheme's description")
    func description() throws {
        let sdk = try #require(
            try build(securitySpec(security: "[{auth: []}]", schemes: ["auth: {type: http, scheme: bearer, description: The token.}"])).sdk)
        #expect(sdk.credentials.first?.description == "The token.")
    }

    @Test("Several credentials are labelled by scheme name, unique against each other and the client's own arguments")
    func severalLabels() throws {
        let schemes = [
            "bearer_auth: {type: http, scheme: bearer}", "BasicAuth: {type: http, scheme: basic}",
            "timeout: {type: apiKey, name: t, in: header}", "bearerAuth: {type: apiKey, name: b, in: cookie}",
        ]
        let result = try build(securitySpec(security: "[{bearer_auth: [], BasicAuth: [], timeout: [], bearerAuth: []}]", schemes: schemes))
        let sdk = try #require(result.sdk)
        #expect(sdk.credentials.map(\.labels) == [["bearerAuth"], ["basicAuthUsername", "basicAuthPassword"], ["timeout2"], ["bearerAuth2"]])
        #expect(
            result.diagnostics.map(\.description) == [
                "spec.yaml:19:5: warning: credential 'timeout' would take the label 'timeout', which is taken; it is named 'timeout2' (set 'credentials.timeout.label' in sdkgen.yaml to choose)",
                "spec.yaml:20:5: warning: credential 'bearerAuth' would take the label 'bearerAuth', which is taken; it is named 'bearerAuth2' (set 'credentials.bearerAuth.label' in sdkgen.yaml to choose)",
            ])
    }

    @Test("environment.apiKey belongs to the only credential; for basic, to its password")
    func apiKeyVariableSingle() throws {
        let config = "environment: {apiKey: SHOP_KEY}"
        let bearer = try #require(
            try build(securitySpec(security: "[{auth: []}]", schemes: ["auth: {type: http, scheme: bearer}"]), config: config).sdk)
        #expect(bearer.credentials.map(\.environmentVariables) == [["SHOP_KEY"]])
        #expect(bearer.apiKeyEnvironmentVariable == "SHOP_KEY")
        let basic = try #require(
            try build(securitySpec(security: "[{auth: []}]", schemes: ["auth: {type: http, scheme: basic}"]), config: config).sdk)
        #expect(basic.credentials.map(\.environmentVariables) == [[nil, "SHOP_KEY"]])
    }

    @Test("With several credentials environment.apiKey belongs to the first bearer or API key")
    func apiKeyVariableSeveral() throws {
        let schemes = ["basic: {type: http, scheme: basic}", "oauth: {type: oauth2, flows: {}}", "key: {type: apiKey, name: k, in: header}"]
        let spec = securitySpec(security: "[{basic: []}, {oauth: []}, {key: []}]", schemes: schemes)
        let sdk = try #require(try build(spec, config: "environment: {apiKey: SHOP_KEY}").sdk)
        #expect(sdk.credentials.map(\.environmentVariables) == [[nil, nil], [nil], ["SHOP_KEY"]])
    }

    @Test("sdkgen.yaml sets labels and environment variables per scheme")
    func configured() throws {
        let schemes = ["basic: {type: http, scheme: basic}", "bearer: {type: http, scheme: bearer}"]
        let spec = securitySpec(security: "[{basic: []}, {bearer: []}]", schemes: schemes)
        let config = """
            environment: {apiKey: SHOP_KEY}
            credentials:
              basic: {label: partner, environment: PARTNER_SECRET, usernameEnvironment: PARTNER_ID}
              bearer: {label: token}
            """
        let result = try build(spec, config: config)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let sdk = try #require(result.sdk)
        #expect(sdk.credentials.map(\.labels) == [["partnerUsername", "partnerPassword"], ["token"]])
        #expect(sdk.credentials.map(\.environmentVariables) == [["PARTNER_ID", "PARTNER_SECRET"], ["SHOP_KEY"]])
    }

    @Test("A configured label is used for a single credential too, and its environment wins over environment.apiKey")
    func configuredSingle() throws {
        let spec = securitySpec(security: "[{auth: []}]", schemes: ["auth: {type: http, scheme: bearer}"])
        let config = "environment: {apiKey: SHOP_KEY}\ncredentials: {auth: {label: token, environment: SHOP_TOKEN}}"
        let sdk = try #require(try build(spec, config: config).sdk)
        #expect(sdk.credentials.map(\.labels) == [["token"]])
        #expect(sdk.credentials.map(\.environmentVariables) == [["SHOP_TOKEN"]])
        #expect(sdk.apiKeyEnvironmentVariable == "SHOP_KEY")
    }

    @Test("Config entries for schemes the spec lacks or does not use, and a username variable on a non-basic scheme, are warnings")
    func configWarnings() throws {
        let schemes = ["bearer: {type: http, scheme: bearer}", "spare: {type: http, scheme: bearer}"]
        let spec = securitySpec(security: "[{bearer: []}]", schemes: schemes)
        let config = """
            credentials:
              bearer: {usernameEnvironment: USER}
              spare: {label: spare}
              ghost: {label: ghost}
            """
        let result = try build(spec, config: config)
        #expect(
            result.diagnostics.map(\.description) == [
                "spec.yaml: warning: sdkgen.yaml names credential 'spare', which no security requirement of the spec uses",
                "spec.yaml: warning: sdkgen.yaml names credential 'ghost', which the spec does not define",
                "spec.yaml: warning: sdkgen.yaml sets 'credentials.bearer.usernameEnvironment', but 'bearer' is not an http basic scheme; it is ignored",
            ])
        #expect(result.sdk?.credentials.map(\.environmentVariables) == [[nil]])
    }

    @Test("The credentials section has the same errors as the rest of the config")
    func configErrors() {
        let unknown = GeneratorConfig.load(SourceFile(path: "sdkgen.yaml", text: "credentials:\n  auth: {lable: x}\n"))
        #expect(unknown.config == nil)
        #expect(
            unknown.diagnostics.map(\.description) == [
                "sdkgen.yaml:2:10: error: unknown key 'lable'; expected one of: label, environment, usernameEnvironment"
            ])
        let label = GeneratorConfig.load(SourceFile(path: "sdkgen.yaml", text: "credentials:\n  auth: {label: 'my key'}\n"))
        #expect(
            label.diagnostics.map(\.description) == [
                "sdkgen.yaml:2:17: error: 'credentials.auth.label' must be a Swift identifier (ASCII letters, digits and '_', not starting with a digit), found 'my key'"
            ])
        let shape = GeneratorConfig.load(SourceFile(path: "sdkgen.yaml", text: "credentials: [auth]\n"))
        #expect(shape.diagnostics.map(\.description) == ["sdkgen.yaml:1:14: error: expected a mapping for 'credentials', found a sequence"])
        let parsed = GeneratorConfig.load(SourceFile(path: "sdkgen.yaml", text: "credentials:\n  auth: {label: key, environment: KEY}\n"))
        let entry = parsed.config?.credentialOverride(for: "auth")
        #expect(parsed.config?.credentials.map(\.schemeName) == ["auth"])
        #expect(entry?.label == "key")
        #expect(entry?.environment == "KEY")
        #expect(entry?.usernameEnvironment == nil)
    }
}
