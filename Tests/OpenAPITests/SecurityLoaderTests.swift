import Diagnostics
import OpenAPI
import Testing

/// `security` lists of the document and of operations, and the kinds of `components/securitySchemes`.
@Suite("Security requirements and schemes")
struct SecurityLoaderTests {
    /// A document with `security` (when given) at the top, one operation with `operationSecurity`
    /// (when given), and the schemes of `schemes` (indented under `securitySchemes`).
    static func spec(
        security: String? = nil, operationSecurity: String? = nil, schemes: String = "bearerAuth: {type: http, scheme: bearer}"
    ) -> String {
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        \(security.map { "security: \($0)" } ?? "")
        paths:
          /items:
            get:
              operationId: listItems
              \(operationSecurity.map { "security: \($0)" } ?? "")
              responses: {'204': {description: none}}
        components:
          securitySchemes:
            \(schemes)
        """
    }

    @Test("Without 'security' keys both lists are nil")
    func absent() throws {
        let result = load(Self.spec())
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let document = try #require(result.document)
        #expect(document.security == nil)
        #expect(document.operations.first?.security == nil)
    }

    @Test("'security: []' is an empty list, not nil")
    func empty() throws {
        let result = load(Self.spec(security: "[]", operationSecurity: "[]"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let document = try #require(result.document)
        #expect(document.security == [])
        #expect(document.operations.first?.security == [])
    }

    @Test("Alternatives keep spec order; a requirement lists its schemes in spec order; '{}' is an alternative of its own")
    func alternatives() throws {
        let result = load(
            Self.spec(
                security: "[{bearerAuth: []}, {keyAuth: [read], bearerAuth: []}, {}]",
                schemes: "bearerAuth: {type: http, scheme: bearer}\n    keyAuth: {type: apiKey, name: X-Key, in: header}"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let security = try #require(result.document?.security)
        #expect(security.map(\.schemes) == [["bearerAuth"], ["keyAuth", "bearerAuth"], []])
        #expect(security.map(\.mark.description) == ["3:12", "3:30", "3:65"])
    }

    @Test("An operation's own 'security' is kept beside the document's")
    func operationOverride() throws {
        let result = load(Self.spec(security: "[{bearerAuth: []}]", operationSecurity: "[{}]"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let document = try #require(result.document)
        #expect(document.security?.map(\.schemes) == [["bearerAuth"]])
        #expect(document.operations.first?.security?.map(\.schemes) == [[]])
        #expect(document.operations.first?.security?.first?.mark.description == "8:18")
    }

    @Test("Every scheme type has its kind; http schemes are case-insensitive; each scheme has its key's mark")
    func kinds() throws {
        let schemes = """
            bearer: {type: http, scheme: Bearer, bearerFormat: JWT}
                basic: {type: http, scheme: basic}
                digest: {type: http, scheme: Digest}
                header: {type: apiKey, name: Authorization, in: header, description: Bot token.}
                query: {type: apiKey, name: key, in: query}
                cookie: {type: apiKey, name: session, in: cookie}
                oauth: {type: oauth2, flows: {}}
                oidc: {type: openIdConnect, openIdConnectUrl: 'https://example.com/.well-known/openid-configuration'}
                mtls: {type: mutualTLS}
                strange: {type: carrierPigeon}
            """
        let result = load(Self.spec(schemes: schemes))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let loaded = try #require(result.document?.securitySchemes)
        #expect(
            loaded.map(\.kind) == [
                .httpBearer(format: "JWT"), .httpBasic, .other("http digest"), .apiKey(name: "Authorization", location: "header"),
                .apiKey(name: "key", location: "query"), .apiKey(name: "session", location: "cookie"), .oauth2, .openIDConnect,
                .other("mutualTLS"), .other("carrierPigeon"),
            ])
        #expect(loaded.map(\.name) == ["bearer", "basic", "digest", "header", "query", "cookie", "oauth", "oidc", "mtls", "strange"])
        #expect(loaded[3].description == "Bot token.")
        #expect(loaded.map(\.mark.line) == Array(12...21))
        #expect(loaded[0].mark.column == 5)
    }

    @Test("An apiKey scheme in a place a key cannot travel is an error at that value")
    func apiKeyLocation() {
        #expect(
            onlyError(Self.spec(schemes: "key: {type: apiKey, name: k, in: body}"))
                == "spec.yaml:12:38: error: security scheme 'key' has 'in: body'; expected header, query or cookie")
    }

    @Test("An apiKey scheme needs its name and location; an http scheme its scheme")
    func missingFields() {
        #expect(
            onlyError(Self.spec(schemes: "key: {type: apiKey, in: header}"))
                == "spec.yaml:12:10: error: security scheme 'key' is missing the required field 'name'")
        #expect(
            onlyError(Self.spec(schemes: "key: {type: apiKey, name: k}"))
                == "spec.yaml:12:10: error: security scheme 'key' is missing the required field 'in'")
        #expect(
            onlyError(Self.spec(schemes: "web: {type: http}"))
                == "spec.yaml:12:10: error: security scheme 'web' is missing the required field 'scheme'")
    }

    @Test("Wrong shapes of 'security' are errors at their position")
    func wrongShapes() {
        #expect(
            onlyError(Self.spec(security: "{bearerAuth: []}"))
                == "spec.yaml:3:11: error: expected a sequence for the security of the document, found a mapping")
        #expect(
            onlyError(Self.spec(operationSecurity: "[bearerAuth]"))
                == "spec.yaml:8:18: error: expected a mapping for a security requirement of operation 'listItems', found a scalar")
        #expect(
            onlyError(Self.spec(security: "[{bearerAuth: read}]"))
                == "spec.yaml:3:25: error: expected a sequence for the scopes of 'bearerAuth', found a scalar")
        #expect(
            onlyError(Self.spec(security: "[{bearerAuth: [[read]]}]"))
                == "spec.yaml:3:26: error: expected a string for a scope of 'bearerAuth', found a sequence")
    }

    @Test("A media type's 'itemSchema' is read beside its 'schema'")
    func itemSchema() throws {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /events:
                get:
                  responses:
                    '200':
                      description: events
                      content:
                        text/event-stream:
                          itemSchema: {type: object, properties: {data: {type: string}}}
            """
        let result = load(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let media = try #require(result.document?.operations.first?.responses.first?.content.first)
        #expect(media.schema == nil)
        guard case .object(let object)? = media.itemSchema?.kind else {
            Issue.record("expected an object item schema, got \(String(describing: media.itemSchema))")
            return
        }
        #expect(object.properties.map(\.name) == ["data"])
    }
}
