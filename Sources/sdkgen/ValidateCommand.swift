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

    func run() throws {
        let input: GenerationInput
        do {
            input = try options.resolve().input
        } catch {
            DiagnosticPrinter.printError("sdkgen: error: \(error.message)")
            throw ExitCode.failure
        }
        let diagnostics = Pipeline.validate(input)
        DiagnosticPrinter.print(diagnostics)
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if errors > 0 { throw ExitCode.failure }
        print("sdkgen: \(input.specPath) is valid (\(warnings) warning\(warnings == 1 ? "" : "s"))")
    }
}
