import ArgumentParser
import Generator

/// `sdkgen validate`: only reads and checks the spec and config; writes nothing.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the spec (and config) and print diagnostics; exit 1 on any error."
    )

    @OptionGroup var options: InputOptions
    @OptionGroup var timing: TimingOptions

    func run() throws {
        let result = Pipeline.validate(try options.resolve())
        Console.printDiagnostics(of: result)
        timing.report(result.timings)
        guard let summary = result.value else { throw ExitCode.failure }
        let warnings = result.warningCount
        let counts = "\(summary.operations) operations, \(summary.schemas) schemas, \(summary.webhooks) webhooks"
        print("sdkgen: \(summary.specPath) is valid: \(counts), \(warnings) warning\(warnings == 1 ? "" : "s")")
    }
}
