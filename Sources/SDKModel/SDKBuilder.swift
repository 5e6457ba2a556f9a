import Diagnostics
import OpenAPI
import YAML

/// Builds the `SDK` from a loaded document and the config: every Swift name and type is
/// decided here, so templates only fill them in.
public enum SDKBuilder {
    /// The SDK, or `nil` when an error was found; diagnostics point into the document's file.
    public static func build(_ document: Document, config: GeneratorConfig) -> (sdk: SDK?, diagnostics: [Diagnostic]) {
        let specFile = document.file
        let moduleName = config.moduleName ?? SwiftNaming.typeName(document.info.title)
        let clientName = config.clientName ?? moduleName + "Client"
        let errorName = config.errorName ?? moduleName + "Error"
        var types = TypeResolver(
            log: DiagnosticLog(files: document.files.isEmpty ? [specFile] : document.files), reservedNames: [moduleName, clientName, errorName])
        types.census = SchemaCensus(document)
        types.overrides = ConfigNaming(config)
        types.declareComponents(document.schemas)
        var configWarnings: [(message: String, mark: SourceMark)] = []
        let operations = config.filter.apply(to: document.operations) { configWarnings.append(($0, $1)) }

        var security = CredentialBuilder(schemes: document.securitySchemes)
        let documentSecurity = security.alternatives(document.security ?? [], of: .document, log: &types.log)
        var resources = ResourceBuilder()
        let naming = ResourceNaming(operations: operations)
        // A PATCH body sends only what the caller sets: its defaults would overwrite stored values.
        var patchBodies: Set<String> = []
        for operation in operations {
            var placed = MethodBuilder.method(for: operation, config: config, naming: naming, types: &types)
            placed.method.bodyFields = BodyFlattening.fields(for: placed.method, types: types)
            if placed.method.httpMethod == "PATCH", let body = placed.method.body?.type.name { patchBodies.insert(body) }
            placed.method.idempotencyKeyPaths = IdempotencyKeys.paths(in: placed.method.body, types: types)
            for index in placed.method.parameters.indices where IdempotencyKeys.fills(placed.method.parameters[index]) {
                placed.method.parameters[index].fillsIdempotencyKey = true
            }
            placed.method.security = operation.security.map {
                security.alternatives($0, of: .operation(MethodBuilder.describe(operation)), log: &types.log)
            }
            resources.add(placed.method, under: placed.resource, foldedName: placed.foldedName, mark: operation.mark)
        }
        let credentials = security.credentials(config: config, log: &types.log)
        for override in config.operations where !document.operations.contains(where: { $0.operationID == override.operationID }) {
            types.log.warning("sdkgen.yaml names operation '\(override.operationID)', which the spec does not have", at: nil)
        }
        let errorCases = ErrorCaseBuilder.cases(for: operations, types: &types)
        let webhooks = WebhookBuilder.webhooks(
            document.webhooks, moduleName: moduleName, clientName: clientName, config: config, types: &types)
        let tree = resources.resources(avoiding: types.takenTypeNames, log: &types.log)
        configWarnings += types.overrides.unmatched(schemas: document.schemas)
        log(configWarnings, in: config.filePath, to: &types.log)
        if types.log.hasErrors { return (nil, types.log.all) }
        let sdk = SDK(
            moduleName: moduleName, clientName: clientName, errorName: errorName, version: config.version,
            title: document.info.title, apiVersion: document.info.version, description: document.info.description,
            specFileName: specFile.split(separator: "/").last.map(String.init) ?? specFile,
            specFiles: document.files.isEmpty ? [document.file] : document.files,
            defaultBaseURL: config.baseURL ?? document.servers.first?.url,
            apiKeyEnvironmentVariable: config.apiKeyEnvironmentVariable,
            baseURLEnvironmentVariable: config.baseURLEnvironmentVariable,
            logEnvironmentVariable: config.logEnvironmentVariable ?? Self.logVariable(moduleName),
            resources: tree.resources, rootMethods: tree.rootMethods,
            models: RecursionAnalysis.markIndirectProperties(
                DefaultValues.mark(BodyFlattening.markSingleCases(types.models, types: types), types: types, skipping: patchBodies)),
            errorCases: errorCases,
            webhooks: webhooks,
            credentials: credentials, security: documentSecurity,
            accessModifier: config.accessModifier
        )
        return (sdk, types.log.all)
    }

    /// Adds warnings about what the config file `path` says, at their marks in that file.
    private static func log(_ warnings: [(message: String, mark: SourceMark)], in path: String, to log: inout DiagnosticLog) {
        guard !warnings.isEmpty else { return }
        let fileIndex = log.files.count
        log.addFile(path)
        for warning in warnings {
            var mark = warning.mark
            mark.fileIndex = fileIndex
            log.warning(warning.message, at: mark)
        }
    }

    /// `LINQ_LOG` for `Linq`, `LINQ_FULL_LOG` for `LinqFull`: the module's words in upper snake case.
    static func logVariable(_ moduleName: String) -> String {
        (SwiftNaming.words(moduleName).map { $0.uppercased() } + ["LOG"]).joined(separator: "_")
    }
}
