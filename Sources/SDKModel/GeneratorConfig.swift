import Diagnostics
import OpenAPI
import YAML

/// The settings of one SDK, read from `sdkgen.yaml`. Every field has a default derived from the
/// spec, so the file is optional.
public struct GeneratorConfig: Sendable, Hashable {
    /// Where one operation goes and what its method is called. Each field set here wins over every
    /// default naming rule (versions, format suffixes, nouns, bare verbs, folding); a method whose
    /// resource is set never folds into a parent.
    public struct OperationOverride: Sendable, Hashable {
        /// The operationId this override is for.
        public var operationID: String
        /// The resource path, e.g. `chats.typing`; `nil` keeps the one derived from the URL path.
        public var resource: [String]?
        /// The method name, e.g. `stop`; `nil` keeps the one derived from the operationId.
        public var method: String?
    }

    /// How the client takes the credential of one security scheme.
    public struct CredentialOverride: Sendable, Hashable {
        /// The key in `components/securitySchemes` this override is for.
        public var schemeName: String
        /// The argument label in the client's `init`; for http basic, the prefix of the two
        /// labels (`<label>Username`, `<label>Password`). `nil` keeps the derived one.
        public var label: String?
        /// The environment variable the credential (for http basic: the password) is read from.
        public var environment: String?
        /// The environment variable an http basic username is read from.
        public var usernameEnvironment: String?
    }

    /// The Swift module (and `Generated/` folder) name; default: the spec title in UpperCamelCase.
    public var moduleName: String?
    /// The client type's name; default: `<module>Client`.
    public var clientName: String?
    /// The error type's name; default: `<module>Error`.
    public var errorName: String?
    /// The SDK's own version, sent in the `User-Agent`; default `0.1.0`.
    public var version: String = "0.1.0"
    /// The base URL; default: the spec's first server.
    public var baseURL: String?
    /// The environment variable the client reads the API key from when none is passed.
    public var apiKeyEnvironmentVariable: String?
    /// The environment variable the client reads the base URL from when none is passed.
    public var baseURLEnvironmentVariable: String?
    /// The environment variable that sets the client's log level (`debug`, …); `nil`: the
    /// module's name in upper snake case with `_LOG` (`LINQ_LOG`).
    public var logEnvironmentVariable: String?
    /// The query parameter that takes a page cursor.
    public var cursorParameter = "cursor"
    /// The response field that holds the next page's cursor.
    public var nextCursorField = "next_cursor"
    /// Properties of webhook payloads whose example values tell the events apart: the first is
    /// the event's type (what `webhookEventHeader` carries too), the others tell apart versions
    /// of one event type (e.g. `webhook_version`).
    public var webhookDiscriminators: [String] = []
    /// The webhook event enum's name; default: the client name's stem (`LinqClient` →
    /// `LinqWebhookEvent`), or `<module>WebhookEvent` when the client name does not end in `Client`.
    public var webhookTypeName: String?
    /// The HTTP header each delivery carries its event type in (e.g. `X-Webhook-Event`), when
    /// the API sends one.
    public var webhookEventHeader: String?
    /// How webhook deliveries are signed (`webhooks.signature`); `nil` when the SDK does not verify them.
    public var webhookSignature: WebhookSignatureScheme?
    /// The environment variable the webhook signing secret is read from when none is passed
    /// (`webhooks.secretEnvironment`); without it the secret must be passed.
    public var webhookSecretEnvironmentVariable: String?
    /// How many seconds a delivery's timestamp may be from now (`webhooks.tolerance`).
    public var webhookSignatureTolerance = 300
    /// Per-operationId overrides, in file order.
    public var operations: [OperationOverride] = []
    /// Per-security-scheme credential settings, in file order.
    public var credentials: [CredentialOverride] = []
    /// The name of the contract-test target to generate beside the SDK's folder (`tests:`), when wanted.
    public var testsTarget: String?
    /// The access level of every generated declaration (`accessModifier:`); default `public`.
    public var accessModifier: AccessModifier = .public
    /// Which operations are generated (`filter:`); default: all of them.
    public var filter = OperationFilter()
    /// Component schemas generated as Swift types the user names (`typeOverrides:`), in file order.
    public var typeOverrides: [TypeOverride] = []
    /// Swift type names chosen for component schemas (`names.schemas:`), in file order.
    public var schemaNames: [NameOverride] = []
    /// Swift names chosen for properties (`names.properties:`), in file order.
    public var propertyNames: [NameOverride] = []
    /// The config file's path as the user named it, for diagnostics about what it says.
    public var filePath = "sdkgen.yaml"

    /// A config with every default.
    public init() {}

    /// The override for `operationID`, when the config has one.
    public func override(for operationID: String?) -> OperationOverride? {
        guard let operationID else { return nil }
        return operations.first { $0.operationID == operationID }
    }

    /// The credential settings for the security scheme `schemeName`, when the config has them.
    public func credentialOverride(for schemeName: String) -> CredentialOverride? {
        credentials.first { $0.schemeName == schemeName }
    }

    /// Reads a config file; unknown keys and wrong types are errors at their position.
    public static func load(_ source: SourceFile) -> (config: GeneratorConfig?, diagnostics: [Diagnostic]) {
        let file = source.path
        let root: YAMLNode?
        do {
            root = try YAMLParser().parse(source.bytes)
        } catch {
            return (nil, [Diagnostic(.error, error.message, file: file, at: error.mark)])
        }
        var reader = ConfigReader(log: DiagnosticLog(file: file))
        var config = reader.read(root)
        config.filePath = file
        return (reader.log.hasErrors ? nil : config, reader.log.all)
    }
}

/// Reads the YAML tree of a config file into a `GeneratorConfig`; the keys that shape the SDK
/// (`accessModifier`, `filter`, `typeOverrides`, `names`) are read in `ConfigReader+Shape.swift`.
struct ConfigReader {
    var log: DiagnosticLog

    static let topLevelKeys = [
        "module", "client", "error", "version", "baseURL", "environment", "pagination", "webhooks", "operations", "credentials", "tests",
        "accessModifier", "filter", "typeOverrides", "names",
    ]

    static let webhookKeys = ["discriminators", "type", "header", "signature", "secretEnvironment", "tolerance"]

    mutating func read(_ root: YAMLNode?) -> GeneratorConfig {
        var config = GeneratorConfig()
        guard let root, !root.isNull else { return config }
        guard let pairs = mapping(root, "the config") else { return config }
        for pair in pairs {
            guard let key = pair.key.string else { continue }
            switch key {
            case "module": config.moduleName = identifier(pair.value, key)
            case "client": config.clientName = identifier(pair.value, key)
            case "error": config.errorName = identifier(pair.value, key)
            case "version": config.version = string(pair.value, key) ?? config.version
            case "baseURL": config.baseURL = string(pair.value, key)
            case "environment": readEnvironment(pair.value, into: &config)
            case "operations": config.operations = readOperations(pair.value)
            case "pagination": readPagination(pair.value, into: &config)
            case "webhooks": readWebhooks(pair.value, into: &config)
            case "credentials": config.credentials = readCredentials(pair.value)
            case "tests": config.testsTarget = identifier(pair.value, key)
            case "accessModifier": config.accessModifier = accessModifier(pair.value) ?? config.accessModifier
            case "filter": config.filter = readFilter(pair.value, at: pair.key.mark)
            case "typeOverrides": config.typeOverrides = readTypeOverrides(pair.value)
            case "names": readNames(pair.value, into: &config)
            default: unknown(key, at: pair.key.mark, expected: Self.topLevelKeys)
            }
        }
        return config
    }

    mutating func readEnvironment(_ node: YAMLNode, into config: inout GeneratorConfig) {
        guard let pairs = mapping(node, "'environment'") else { return }
        for pair in pairs {
            switch pair.key.string {
            case "apiKey": config.apiKeyEnvironmentVariable = identifier(pair.value, "environment.apiKey")
            case "baseURL": config.baseURLEnvironmentVariable = identifier(pair.value, "environment.baseURL")
            case "log": config.logEnvironmentVariable = identifier(pair.value, "environment.log")
            default: unknown(pair.key.string ?? "", at: pair.key.mark, expected: ["apiKey", "baseURL", "log"])
            }
        }
    }

    mutating func readPagination(_ node: YAMLNode, into config: inout GeneratorConfig) {
        guard let pairs = mapping(node, "'pagination'") else { return }
        for pair in pairs {
            switch pair.key.string {
            case "cursorParameter": config.cursorParameter = string(pair.value, "pagination.cursorParameter") ?? config.cursorParameter
            case "nextCursorField": config.nextCursorField = string(pair.value, "pagination.nextCursorField") ?? config.nextCursorField
            default: unknown(pair.key.string ?? "", at: pair.key.mark, expected: ["cursorParameter", "nextCursorField"])
            }
        }
    }

    mutating func readWebhooks(_ node: YAMLNode, into config: inout GeneratorConfig) {
        guard let pairs = mapping(node, "'webhooks'") else { return }
        for pair in pairs {
            switch pair.key.string {
            case "discriminators":
                guard let items = pair.value.sequence else {
                    log.error(
                        "expected a sequence of property names for 'webhooks.discriminators', found \(pair.value.kindDescription)",
                        at: pair.value.mark)
                    continue
                }
                config.webhookDiscriminators = items.compactMap { string($0, "webhooks.discriminators") }
            case "type": config.webhookTypeName = identifier(pair.value, "webhooks.type")
            case "header":
                guard let name = string(pair.value, "webhooks.header") else { continue }
                if Self.isHeaderName(name) {
                    config.webhookEventHeader = name
                } else {
                    log.error(
                        "'webhooks.header' must be an HTTP header name (letters, digits and !#$%&'*+-.^_`|~), found '\(name)'", at: pair.value.mark)
                }
            case "signature":
                guard let name = string(pair.value, "webhooks.signature") else { continue }
                if let scheme = WebhookSignatureScheme(rawValue: name) {
                    config.webhookSignature = scheme
                } else {
                    log.error(
                        "unknown 'webhooks.signature' '\(name)'; expected one of: \(WebhookSignatureScheme.allCases.map(\.rawValue).joined(separator: ", "))",
                        at: pair.value.mark)
                }
            case "secretEnvironment": config.webhookSecretEnvironmentVariable = identifier(pair.value, "webhooks.secretEnvironment")
            case "tolerance":
                guard let text = string(pair.value, "webhooks.tolerance") else { continue }
                if let seconds = Int(text), text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), (1...86_400).contains(seconds) {
                    config.webhookSignatureTolerance = seconds
                } else {
                    log.error("'webhooks.tolerance' must be a whole number of seconds from 1 to 86400, found '\(text)'", at: pair.value.mark)
                }
            default: unknown(pair.key.string ?? "", at: pair.key.mark, expected: Self.webhookKeys)
            }
        }
        if config.webhookSignature == nil, let pair = pairs.first(where: { $0.key.string == "secretEnvironment" || $0.key.string == "tolerance" }) {
            log.error("'webhooks.\(pair.key.string ?? "")' applies only to signed webhooks; add 'signature: standard-webhooks'", at: pair.key.mark)
        }
    }

    mutating func readOperations(_ node: YAMLNode) -> [GeneratorConfig.OperationOverride] {
        guard let pairs = mapping(node, "'operations'") else { return [] }
        var result: [GeneratorConfig.OperationOverride] = []
        for pair in pairs {
            guard let operationID = string(pair.key, "an operationId"), let fields = mapping(pair.value, "operation '\(operationID)'") else {
                continue
            }
            var override = GeneratorConfig.OperationOverride(operationID: operationID)
            for field in fields {
                switch field.key.string {
                case "resource":
                    if let path = string(field.value, "resource") {
                        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                        if parts.contains(where: \.isEmpty) {
                            log.error("resource '\(path)' must be dot-separated names, e.g. 'chats.typing'", at: field.value.mark)
                        } else {
                            override.resource = parts
                        }
                    }
                case "method": override.method = identifier(field.value, "method")
                default: unknown(field.key.string ?? "", at: field.key.mark, expected: ["resource", "method"])
                }
            }
            result.append(override)
        }
        return result
    }

    mutating func readCredentials(_ node: YAMLNode) -> [GeneratorConfig.CredentialOverride] {
        guard let pairs = mapping(node, "'credentials'") else { return [] }
        var result: [GeneratorConfig.CredentialOverride] = []
        for pair in pairs {
            guard let schemeName = string(pair.key, "a security scheme name"), let fields = mapping(pair.value, "credential '\(schemeName)'") else {
                continue
            }
            var override = GeneratorConfig.CredentialOverride(schemeName: schemeName)
            for field in fields {
                let key = field.key.string ?? ""
                switch key {
                case "label": override.label = identifier(field.value, "credentials.\(schemeName).label")
                case "environment": override.environment = identifier(field.value, "credentials.\(schemeName).environment")
                case "usernameEnvironment": override.usernameEnvironment = identifier(field.value, "credentials.\(schemeName).usernameEnvironment")
                default: unknown(key, at: field.key.mark, expected: ["label", "environment", "usernameEnvironment"])
                }
            }
            result.append(override)
        }
        return result
    }

    mutating func mapping(_ node: YAMLNode, _ what: String) -> [YAMLPair]? {
        if let pairs = node.mapping { return pairs }
        log.error("expected a mapping for \(what), found \(node.kindDescription)", at: node.mark)
        return nil
    }

    mutating func string(_ node: YAMLNode, _ what: String) -> String? {
        if let scalar = node.scalar, !scalar.isNull { return scalar.value }
        log.error("expected a string for '\(what)', found \(node.kindDescription)", at: node.mark)
        return nil
    }

    /// Whether `text` is an HTTP field name (an RFC 9110 token).
    static func isHeaderName(_ text: String) -> Bool {
        let punctuation = Array("!#$%&'*+-.^_`|~".utf8)
        let bytes = Array(text.utf8)
        return !bytes.isEmpty
            && bytes.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || punctuation.contains($0) }
    }

    /// A string that must already be a Swift identifier (the user chose it on purpose).
    mutating func identifier(_ node: YAMLNode, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        let bytes = Array(text.utf8)
        let valid =
            !bytes.isEmpty && !(bytes[0] >= 48 && bytes[0] <= 57)
            && bytes.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
        guard valid else {
            log.error(
                "'\(what)' must be a Swift identifier (ASCII letters, digits and '_', not starting with a digit), found '\(text)'", at: node.mark)
            return nil
        }
        return text
    }

    mutating func unknown(_ key: String, at mark: SourceMark, expected: [String]) {
        log.error("unknown key '\(key)'; expected one of: \(expected.joined(separator: ", "))", at: mark)
    }
}
