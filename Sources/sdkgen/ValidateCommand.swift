import ArgumentParser
import Generator
import OpenAPI

/// `sdkgen validate`: only reads and checks the spec and config; writes nothing.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the spec (and config) and print diagnostics; exit 1 on any error."
    )

    @OptionGroup var options: InputOptions
    @OptionGroup var timing: TimingOptions

    func run() throws {
        let input: GenerationInput
        do {
            input = try options.resolve().input
        } catch {
            DiagnosticPrinter.printError("sdkgen: error: \(error.message)")
            throw ExitCode.failure
        }
        var timings = Timings()
        let (document, diagnostics) = Pipeline.inspect(input, timings: &timings)
        DiagnosticPrinter.print(diagnostics)
        timing.report(timings)
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        guard errors == 0, let document else { throw ExitCode.failure }
        let counts = "\(document.operations.count) operations, \(document.schemas.count) schemas, \(document.webhooks.count) webhooks"
        print("sdkgen: \(input.specPath) is valid: \(counts), \(warnings) warning\(warnings == 1 ? "" : "s")")
    }
}
