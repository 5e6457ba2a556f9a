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
        try shape.checkDeclaredOutputs()
        let result = Pipeline.generate(try options.resolve(), pluginLayout: shape.pluginLayout)
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
            "Write the SDK as the fixed list of files a build plugin declares for this target (<Target>.Client.swift, <Target>.Part01.swift … Part16.swift) instead of one file per type.",
            valueName: "target"))
    var pluginLayout: String?

    @Option(
        help: ArgumentHelp(
            "With --plugin-layout: a file name the build plugin declared as an output (repeated, one each); sdkgen fails unless they are exactly the files it writes.",
            valueName: "name.swift"))
    var declaredOutput: [String] = []

    /// Exits 1 when the declared outputs are not the files `--plugin-layout` writes.
    func checkDeclaredOutputs() throws {
        guard !declaredOutput.isEmpty else { return }
        guard let pluginLayout else {
            Console.printError("sdkgen: error: --declared-output needs --plugin-layout")
            throw ExitCode.failure
        }
        if let problem = PluginLayout.mismatch(declared: declaredOutput, target: pluginLayout) {
            Console.printError("sdkgen: error: \(problem)")
            throw ExitCode.failure
        }
    }
}
