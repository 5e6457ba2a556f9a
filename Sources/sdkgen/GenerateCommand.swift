import ArgumentParser
import Generator
import OpenAPI
import Rendering

/// `sdkgen generate`: renders the SDK in memory and writes it only when every stage succeeded.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate the SDK (the default). Nothing is written when there is an error."
    )

    @OptionGroup var options: InputOptions

    func run() throws {
        let (output, directory) = try Generation.run(options)
        do {
            let report = try OutputWriter.write(output.files, to: directory)
            print("sdkgen: \(output.sdk.moduleName) → \(directory): \(report.written.count) written, \(report.unchanged.count) unchanged, \(report.removed.count) removed")
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
    }
}

/// What `generate` and `check` share: resolve the inputs, run the pipeline, print diagnostics.
enum Generation {
    static func run(_ options: InputOptions) throws -> (GenerationOutput, String) {
        let resolved: (input: GenerationInput, outputRoot: String, outputIsExact: Bool)
        do {
            resolved = try options.resolve()
        } catch {
            DiagnosticPrinter.printError("sdkgen: error: \(error.message)")
            throw ExitCode.failure
        }
        do {
            let output = try Pipeline.generate(resolved.input)
            DiagnosticPrinter.print(output.diagnostics)
            let directory = resolved.outputIsExact ? resolved.outputRoot : resolved.outputRoot + "/" + output.sdk.moduleName
            return (output, directory)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
    }
}
