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

    @Option(
        help: ArgumentHelp(
            "Also write a Swift Testing target with a contract test per operation to this folder. Default: the `tests:` target of sdkgen.yaml, beside the SDK's folder.",
            valueName: "folder"))
    var tests: String?

    /// The generation input for these options, or exit 1 with the reason.
    func resolve() throws -> GenerationInput {
        do {
            return try GenerationInput.resolve(
                spec: spec, config: config, templates: templates, output: output, tests: tests,
                workingDirectory: FileManager.default.currentDirectoryPath
            )
        } catch {
            Console.printError("sdkgen: error: \(error.message)")
            throw ExitCode.failure
        }
    }
}
