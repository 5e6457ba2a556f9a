import ArgumentParser
import Diagnostics
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
    @OptionGroup var shape: OutputShapeOptions
    @OptionGroup var timing: TimingOptions

    func run() throws {
        var timings = Timings()
        let (output, directory) = try Generation.run(options, singleFile: shape.singleFile, timings: &timings)
        do {
            let report = try timings.measure(.write) { () throws(DiagnosticsError) in try OutputWriter.write(output.files, to: directory) }
            print("sdkgen: \(output.sdk.moduleName) → \(directory): \(report.written.count) written, \(report.unchanged.count) unchanged, \(report.removed.count) removed")
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
        timing.report(timings)
    }
}

/// What `generate` and `check` share: resolve the inputs, run the pipeline, print diagnostics.
enum Generation {
    /// With `singleFile`, the output is that one file holding every file (see `SingleFile`).
    static func run(_ options: InputOptions, singleFile: String? = nil, timings: inout Timings) throws -> (GenerationOutput, String) {
        let resolved: (input: GenerationInput, outputRoot: String, outputIsExact: Bool)
        do {
            resolved = try options.resolve()
        } catch {
            DiagnosticPrinter.printError("sdkgen: error: \(error.message)")
            throw ExitCode.failure
        }
        do {
            let generated = try Pipeline.generate(resolved.input, timings: &timings)
            let output = try timings.measure(.render) { () throws(DiagnosticsError) in try shaped(generated, singleFile: singleFile) }
            DiagnosticPrinter.print(output.diagnostics)
            let directory = resolved.outputIsExact ? resolved.outputRoot : resolved.outputRoot + "/" + output.sdk.moduleName
            return (output, directory)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
    }

    /// `output` with its files joined into `singleFile`, when given; warnings are kept on error.
    private static func shaped(_ output: GenerationOutput, singleFile: String?) throws(DiagnosticsError) -> GenerationOutput {
        guard let singleFile else { return output }
        var shaped = output
        do {
            shaped.files = try SingleFile.combine(output.files, named: singleFile)
        } catch {
            throw DiagnosticsError(output.diagnostics + error.diagnostics)
        }
        return shaped
    }
}

/// `--timings`; shared by every subcommand.
struct TimingOptions: ParsableArguments {
    @Flag(help: "Print the wall time of each phase (read, YAML parse, load and resolve, model, render, write) and the peak memory to standard error.")
    var timings = false

    /// Prints `timings` to standard error when `--timings` was given.
    func report(_ timings: Timings) {
        if self.timings { DiagnosticPrinter.printError(timings.report()) }
    }
}

/// How the generated files are laid out; shared by `generate` and `check`.
struct OutputShapeOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Write the whole SDK as this one .swift file instead of one file per type (for build plugins, which must name their outputs first).",
        valueName: "name.swift"))
    var singleFile: String?
}
