import Diagnostics
import YAML

extension Loader {
    /// The Security Requirement Objects of a `security` list (of the document or an operation),
    /// in spec order; scopes are checked to be strings and then dropped.
    func securityRequirements(_ node: YAMLNode, of owner: String) -> [SecurityRequirement] {
        guard let items = sequence(node, "the security of \(owner)") else { return [] }
        return items.compactMap { item in
            guard let pairs = mapping(item, "a security requirement of \(owner)") else { return nil }
            var schemes: [String] = []
            for pair in pairs {
                guard let name = string(pair.key, "a security scheme name") else { continue }
                if let scopes = sequence(pair.value, "the scopes of '\(name)'") {
                    for scope in scopes { _ = string(scope, "a scope of '\(name)'") }
                }
                schemes.append(name)
            }
            return SecurityRequirement(schemes: schemes, mark: item.mark)
        }
    }

    /// The entries of `components/securitySchemes`, references resolved, in spec order.
    func securitySchemes(_ node: YAMLNode?) -> [SecurityScheme] {
        guard let node, let pairs = mapping(node, "'components/securitySchemes'") else { return [] }
        return pairs.compactMap { pair in
            guard let name = string(pair.key, "a security scheme name"),
                let schemeNode = resolved(pair.value),
                let schemePairs = mapping(schemeNode, "security scheme '\(name)'"),
                let type = required("type", in: schemePairs, of: "security scheme '\(name)'", at: schemeNode.mark).flatMap({ string($0, "'type'") }),
                let kind = securitySchemeKind(type, pairs: schemePairs, name: name, at: schemeNode.mark)
            else { return nil }
            return SecurityScheme(
                name: name, kind: kind, description: optionalString(value("description", in: schemePairs), "'description'"), mark: pair.key.mark)
        }
    }

    /// The kind of a scheme of `type`; `nil` (with an error) when a field its type needs is missing or wrong.
    private func securitySchemeKind(_ type: String, pairs: [YAMLPair], name: String, at mark: SourceMark) -> SecurityScheme.Kind? {
        let what = "security scheme '\(name)'"
        switch type {
        case "http":
            guard let schemeNode = required("scheme", in: pairs, of: what, at: mark), let scheme = string(schemeNode, "'scheme'") else { return nil }
            // HTTP authentication scheme names are case-insensitive (RFC 9110, section 11.1).
            switch scheme.lowercased() {
            case "bearer": return .httpBearer(format: optionalString(value("bearerFormat", in: pairs), "'bearerFormat'"))
            case "basic": return .httpBasic
            default: return .other("http \(scheme.lowercased())")
            }
        case "apiKey":
            guard let nameNode = required("name", in: pairs, of: what, at: mark), let keyName = string(nameNode, "'name'"),
                let inNode = required("in", in: pairs, of: what, at: mark), let location = string(inNode, "'in'")
            else { return nil }
            guard ["header", "query", "cookie"].contains(location) else {
                log.error("\(what) has 'in: \(location)'; expected header, query or cookie", at: inNode.mark)
                return nil
            }
            return .apiKey(name: keyName, location: location)
        case "oauth2":
            return .oauth2
        case "openIdConnect":
            return .openIDConnect
        default:
            return .other(type)
        }
    }
}
