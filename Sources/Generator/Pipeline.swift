import Foundation
import OpenAPI
import Rendering
import SDKModel

/// What one generation reads.
public struct GenerationInput: Sendable, Hashable {
    /// The OpenAPI description, as the user named it (diagnostics show this path).
    public var specPath: String
    /// The `sdkgen.yaml`, when there is one.
    public var configPath: String?
    /// A folder of template overrides, when given.
    public var templatesPath: String?

    /// Creates an input.
    public init(specPath: String, configPath: String? = nil, templatesPath: String? = nil) {
        self.specPath = specPath
        self.configPath = configPath
        self.templatesPath = templatesPath
    }
}

/// What one generation produced, all in memory.
public struct GenerationOutput: Sendable {
    /// The SDK model the files were rendered from.
    public var sdk: SDK
    /// The rendered files.
    public var files: FileSet
    /// Warnings found on the way.
    public var diagnostics: [Diagnostic]
}

/// The whole generator as one composition of its stages:
/// bytes → YAML tree → OpenAPI document → SDK model → rendered files. Nothing is written here.
public enum Pipeline {
    /// Reads and checks the spec (and the config, when given); returns every diagnostic.
    public static func validate(_ input: GenerationInput) -> [Diagnostic] {
        inspect(input).diagnostics
    }

    /// Reads and checks the spec (and the config, when given): the document when it loaded, and
    /// every diagnostic.
    public static func inspect(_ input: GenerationInput) -> (document: Document?, diagnostics: [Diagnostic]) {
        let loaded = load(input.specPath)
        var diagnostics = loaded.diagnostics
        if let configPath = input.configPath {
            diagnostics += loadConfig(configPath).diagnostics
        }
        return (loaded.document, diagnostics)
    }

    /// Runs every stage; throws every diagnostic when any stage found an error.
    public static func generate(_ input: GenerationInput) throws(DiagnosticsError) -> GenerationOutput {
        let loaded = load(input.specPath)
        var diagnostics = loaded.diagnostics
        var config = GeneratorConfig()
        if let configPath = input.configPath {
            let result = loadConfig(configPath)
            diagnostics += result.diagnostics
            config = result.config ?? config
        }
        guard let document = loaded.document, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw DiagnosticsError(diagnostics)
        }
        let built = SDKBuilder.build(document, config: config, specFile: input.specPath)
        diagnostics += built.diagnostics
        guard let sdk = built.sdk else { throw DiagnosticsError(diagnostics) }
        let templates: TemplateSet
        do {
            templates = try TemplateSet.load(overrideDirectory: input.templatesPath)
        } catch {
            throw DiagnosticsError(diagnostics + error.diagnostics)
        }
        return GenerationOutput(sdk: sdk, files: SwiftRenderer.render(sdk, templates: templates), diagnostics: diagnostics)
    }

    static func load(_ path: String) -> LoadResult {
        guard let bytes = readBytes(path) else {
            return LoadResult(document: nil, diagnostics: [Diagnostic(.error, "cannot read the file", file: path, at: nil)])
        }
        return DocumentLoader.load(bytes: bytes, file: path)
    }

    static func loadConfig(_ path: String) -> (config: GeneratorConfig?, diagnostics: [Diagnostic]) {
        guard let bytes = readBytes(path) else {
            return (nil, [Diagnostic(.error, "cannot read the file", file: path, at: nil)])
        }
        return GeneratorConfig.load(bytes: bytes, file: path)
    }

    static func readBytes(_ path: String) -> [UInt8]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }
}
