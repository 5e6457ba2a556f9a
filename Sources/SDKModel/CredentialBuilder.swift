import Diagnostics
import OpenAPI

/// Decides what the client authenticates with. Security requirements are filtered first (an
/// alternative naming a scheme that is not defined, or that the SDK cannot send, is dropped
/// with a warning); then every scheme a kept alternative names becomes a credential, with its
/// argument labels and environment variables.
struct CredentialBuilder {
    /// Labels the client's `init` already uses.
    static let reservedLabels: Set<String> = ["baseURL", "timeout", "maxRetries", "transport", "core", "self"]

    /// Whose security a list is, for messages.
    enum Owner {
        case document
        /// An operation, by its name in messages (`operation 'listChats'`).
        case operation(String)

        var description: String {
            switch self {
            case .document: return "the document"
            case .operation(let name): return name
            }
        }

        /// What goes out without credentials when no alternative is left.
        var withoutCredentials: String {
            switch self {
            case .document: return "operations without their own 'security' are called without credentials"
            case .operation: return "\(description) is called without credentials"
            }
        }
    }

    private let schemes: [SecurityScheme]
    /// Where each scheme sits in `schemes`, by name (the first, should a name repeat).
    private var schemeIndex: [String: Int] = [:]
    /// The positions in `schemes` of the schemes a kept alternative names.
    private var used: Set<Int> = []

    init(schemes: [SecurityScheme]) {
        self.schemes = schemes
        for (index, scheme) in schemes.enumerated() where schemeIndex[scheme.name] == nil {
            schemeIndex[scheme.name] = index
        }
    }

    /// How the SDK sends `scheme`, `nil` when it cannot.
    static func kind(of scheme: SecurityScheme) -> Credential.Kind? {
        switch scheme.kind {
        case .httpBearer: return .bearer
        case .httpBasic: return .basic
        case .apiKey(let name, let location): return Credential.APIKeyLocation(rawValue: location).map { .apiKey(name: name, location: $0) }
        case .oauth2: return .oauth2
        case .openIDConnect: return .openIDConnect
        case .other: return nil
        }
    }

    /// The alternatives of `requirements` that the SDK can send, as scheme-name lists in spec
    /// order; each dropped alternative is warned about at its mark.
    mutating func alternatives(_ requirements: [SecurityRequirement], of owner: Owner, log: inout DiagnosticLog) -> [[String]] {
        var kept: [[String]] = []
        var dropped: [(requirement: SecurityRequirement, problems: [String])] = []
        for requirement in requirements {
            var problems: [String] = []
            for name in requirement.schemes {
                guard let index = schemeIndex[name] else {
                    problems.append("'\(name)', which 'components/securitySchemes' does not define")
                    continue
                }
                if Self.kind(of: schemes[index]) == nil {
                    var type = "a kind"
                    if case .other(let other) = schemes[index].kind { type = other }
                    problems.append("'\(name)' (\(type)), which the SDK cannot send")
                }
            }
            if problems.isEmpty {
                kept.append(requirement.schemes)
                for name in requirement.schemes {
                    if let index = schemeIndex[name] { used.insert(index) }
                }
            } else {
                dropped.append((requirement, problems))
            }
        }
        for (position, entry) in dropped.enumerated() {
            var message =
                "the security requirement of \(owner.description) names \(entry.problems.joined(separator: " and ")); the alternative is dropped"
            if kept.isEmpty && position == dropped.count - 1 {
                message += "; no alternative is left, so \(owner.withoutCredentials)"
            }
            log.warning(message, at: entry.requirement.mark)
        }
        return kept
    }

    /// The credentials: every scheme a kept alternative named, in `components/securitySchemes`
    /// order, with labels and environment variables from the config.
    func credentials(config: GeneratorConfig, log: inout DiagnosticLog) -> [Credential] {
        let chosen = schemes.indices.filter { used.contains($0) }.compactMap { index -> (scheme: SecurityScheme, kind: Credential.Kind)? in
            Self.kind(of: schemes[index]).map { (schemes[index], $0) }
        }
        for override in config.credentials where !chosen.contains(where: { $0.scheme.name == override.schemeName }) {
            let reason = schemeIndex[override.schemeName] == nil ? "which the spec does not define" : "which no security requirement of the spec uses"
            log.warning("sdkgen.yaml names credential '\(override.schemeName)', \(reason)", at: nil)
        }
        // `environment.apiKey` belongs to the only credential, or to the first bearer or API key.
        let apiKeyOwner =
            chosen.count == 1
            ? 0
            : chosen.firstIndex {
                if case .bearer = $0.kind { return true }
                if case .apiKey = $0.kind { return true }
                return false
            }
        var taken = Self.reservedLabels
        var result: [Credential] = []
        for (position, (scheme, kind)) in chosen.enumerated() {
            let override = config.credentialOverride(for: scheme.name)
            var labels: [String] = []
            for wanted in Self.labels(for: kind, schemeName: scheme.name, label: override?.label, alone: chosen.count == 1) {
                let unique = SwiftNaming.unique(wanted, in: taken)
                if unique != wanted {
                    log.warning(
                        "credential '\(scheme.name)' would take the label '\(wanted)', which is taken; it is named '\(unique)' (set 'credentials.\(scheme.name).label' in sdkgen.yaml to choose)",
                        at: scheme.mark)
                }
                taken.insert(unique)
                labels.append(unique)
            }
            var variables: [String?] = labels.map { _ in nil }
            if position == apiKeyOwner { variables[variables.count - 1] = config.apiKeyEnvironmentVariable }
            if let environment = override?.environment { variables[variables.count - 1] = environment }
            if let username = override?.usernameEnvironment {
                if kind == .basic {
                    variables[0] = username
                } else {
                    log.warning(
                        "sdkgen.yaml sets 'credentials.\(scheme.name).usernameEnvironment', but '\(scheme.name)' is not an http basic scheme; it is ignored",
                        at: nil)
                }
            }
            result.append(
                Credential(
                    schemeName: scheme.name, kind: kind, labels: labels, environmentVariables: variables, description: scheme.description,
                    origin: Origin(scheme.mark)))
        }
        return result
    }

    /// The labels a credential wants before they are made unique.
    static func labels(for kind: Credential.Kind, schemeName: String, label: String?, alone: Bool) -> [String] {
        let base: String?
        if let label {
            base = label
        } else if alone {
            base = nil
        } else {
            base = SwiftNaming.memberName(schemeName)
        }
        switch kind {
        case .basic:
            return base.map { [$0 + "Username", $0 + "Password"] } ?? ["username", "password"]
        case .bearer, .apiKey:
            return [base ?? "apiKey"]
        case .oauth2, .openIDConnect:
            return [base ?? "accessToken"]
        }
    }
}
