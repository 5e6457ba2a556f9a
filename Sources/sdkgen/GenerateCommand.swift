import ArgumentParser
import Generator

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
        let result = Pipeline.generate(try options.resolve(), singleFile: shape.singleFile)
        Console.printDiagnostics(of: result)
        guard let generated = result.value else { throw ExitCode.failure }
        let report = generated.report
        print(
            "sdkgen: \(generated.sdk.moduleName) → \(generated.sdk.directory): \(report.written.count) written, \(report.unchanged.count) unchanged, \(report.removed.count) removed"
        )
        if let tests = generated.sdk.tests, let testsReport = generated.testsReport {
            print(
                "sdkgen: contract tests → \(tests.directory): \(testsReport.written.count) written, \(testsReport.unchanged.count) unchanged, \(testsReport.removed.count) removed"
            )
        }
        timing.report(result.timings)
    }
}

/// `--timings`; shared by every subcommand.
struct TimingOptions: ParsableArguments {
    @Flag(help: "Print the wall time of each phase (read, YAML parse, load and resolve, model, render, write) and the peak memory to standard error.")
    var timings = false

    /// Prints `timings` to standard error when `--timings` was given.
    func report(_ timings: Timings) {
        if self.timings { Console.printError(timings.report()) }
    }
}

/// How the generated files are laid out; shared by `generate` and `check`.
struct OutputShapeOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Write the whole SDK as this one .swift file instead of one file per type (for build plugins, which must name their outputs first).",
            valueName: "name.swift"))
    var singleFile: String?
}
