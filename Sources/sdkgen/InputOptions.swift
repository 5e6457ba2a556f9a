import ArgumentParser
import Foundation
import Generator

/// The options every subcommand shares: where the spec, config, templates and output are.
struct InputOptions: ParsableArguments {
    @Option(help: "The OpenAPI description (YAML or JSON). Default: the one spec in the nearest Specs/ folder.")
    var spec: String?

    @Option(help: "The sdkgen.yaml config. Default: sdkgen.yaml beside the spec, when present.")
    var config: String?

    @Option(help: "A folder of .mustache files that replace built-in templates of the same name.")
    var templates: String?

    @Option(help: "The folder the SDK is written to. Default: Generated/<Module> in the project folder.")
    var output: String?

    /// The generation input and the folder the output goes to (given, or `Generated/` + module).
    func resolve() throws(LayoutError) -> (input: GenerationInput, outputRoot: String, outputIsExact: Bool) {
        let cwd = FileManager.default.currentDirectoryPath
        if let spec {
            let specDirectory = URL(fileURLWithPath: spec).deletingLastPathComponent().path
            let besideSpec = specDirectory + "/sdkgen.yaml"
            let configPath = config ?? (FileManager.default.fileExists(atPath: besideSpec) ? Paths.display(besideSpec, from: cwd) : nil)
            return (GenerationInput(specPath: spec, configPath: configPath, templatesPath: templates), output ?? "Generated", output != nil)
        }
        let layout = try ProjectLayout.discover(from: cwd)
        let input = GenerationInput(
            specPath: Paths.display(layout.specPath, from: cwd),
            configPath: config ?? layout.configPath.map { Paths.display($0, from: cwd) },
            templatesPath: templates
        )
        return (input, output ?? Paths.display(layout.generatedPath, from: cwd), output != nil)
    }
}

/// Path helpers for messages.
enum Paths {
    /// `path` relative to `directory` when it lies below it, else unchanged.
    static func display(_ path: String, from directory: String) -> String {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
