import Foundation

/// What one generation reads, and where its output goes.
public struct GenerationInput: Sendable, Hashable {
    /// The OpenAPI description, as the user named it (diagnostics show this path).
    public var specPath: String
    /// The `sdkgen.yaml`, when there is one.
    public var configPath: String?
    /// A folder of template overrides, when given.
    public var templatesPath: String?
    /// Where the SDK is written (or compared, for `check`).
    public var output: OutputFolder
    /// Where the contract tests are written (`--tests`); when `nil`, beside the SDK's folder if
    /// `sdkgen.yaml` names a `tests:` target, else nowhere.
    public var tests: String? = nil

    /// Creates an input; without `output`, the SDK goes to `Generated/<Module>`.
    public init(specPath: String, configPath: String? = nil, templatesPath: String? = nil, output: OutputFolder = .moduleFolder(in: "Generated")) {
        self.specPath = specPath
        self.configPath = configPath
        self.templatesPath = templatesPath
        self.output = output
    }

    /// The input for the command-line options, each `nil` when not given:
    /// - with a spec, the config defaults to `sdkgen.yaml` beside it and the output to `Generated/<Module>`;
    /// - without one, the project layout is searched upward from `workingDirectory` (`ProjectLayout`).
    ///
    /// Paths below `workingDirectory` are shown relative to it in messages.
    public static func resolve(
        spec: String?, config: String?, templates: String?, output: String?, tests: String? = nil, workingDirectory: String
    ) throws(LayoutError) -> GenerationInput {
        var input = try resolveFolders(spec: spec, config: config, templates: templates, output: output, workingDirectory: workingDirectory)
        input.tests = tests
        return input
    }

    private static func resolveFolders(
        spec: String?, config: String?, templates: String?, output: String?, workingDirectory: String
    ) throws(LayoutError) -> GenerationInput {
        if let spec {
            let specDirectory = URL(fileURLWithPath: spec).deletingLastPathComponent().path
            let besideSpec = specDirectory + "/sdkgen.yaml"
            let configPath = config ?? (FileManager.default.fileExists(atPath: besideSpec) ? relative(besideSpec, to: workingDirectory) : nil)
            return GenerationInput(
                specPath: spec, configPath: configPath, templatesPath: templates,
                output: output.map(OutputFolder.exactly) ?? .moduleFolder(in: "Generated")
            )
        }
        let layout = try ProjectLayout.discover(from: workingDirectory)
        return GenerationInput(
            specPath: relative(layout.specPath, to: workingDirectory),
            configPath: config ?? layout.configPath.map { relative($0, to: workingDirectory) },
            templatesPath: templates,
            output: output.map(OutputFolder.exactly) ?? .moduleFolder(in: relative(layout.generatedPath, to: workingDirectory))
        )
    }

    /// `path` relative to `directory` when it lies below it, else unchanged.
    static func relative(_ path: String, to directory: String) -> String {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// Where an SDK's files go: the one place the output folder is decided.
public enum OutputFolder: Sendable, Hashable {
    /// This folder, as given (`--output`).
    case exactly(String)
    /// A folder named after the SDK's module inside this one (`Generated/Linq`).
    case moduleFolder(in: String)

    /// The folder for an SDK whose module is `moduleName`.
    public func path(moduleName: String) -> String {
        switch self {
        case .exactly(let path): path
        case .moduleFolder(let parent): parent + "/" + moduleName
        }
    }

    /// The folder called `name` beside the SDK's folder (`Generated/LinqContractTests`).
    public func sibling(_ name: String, moduleName: String) -> String {
        let path = self.path(moduleName: moduleName)
        guard let slash = path.lastIndex(of: "/") else { return name }
        return String(path[...slash]) + name
    }
}
