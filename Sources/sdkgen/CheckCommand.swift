import ArgumentParser
import Generator

/// `sdkgen check`: fails when the output folder is not exactly what `generate` would write.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Exit 1 with a short diff when the generated SDK is stale (for CI)."
    )

    @OptionGroup var options: InputOptions
    @OptionGroup var shape: OutputShapeOptions
    @OptionGroup var timing: TimingOptions

    @Option(help: "The most diff lines shown per file.")
    var diffLines = 40

    func run() throws {
        let result = Pipeline.check(try options.resolve(), singleFile: shape.singleFile)
        Console.printDiagnostics(of: result)
        guard let checked = result.value else { throw ExitCode.failure }
        timing.report(result.timings)
        let directory = checked.sdk.directory
        let differences = checked.differences
        guard !differences.isEmpty else {
            print("sdkgen: \(directory) is up to date (\(checked.sdk.files.files.count) files)")
            return
        }
        Console.printError(
            "sdkgen: error: \(directory) is stale: \(differences.count) file\(differences.count == 1 ? "" : "s") differ; run `swift run sdkgen` to regenerate"
        )
        for difference in differences {
            Console.printError("\(difference.kind.rawValue): \(directory)/\(difference.path)")
            let lines = difference.diff.split(separator: "\n", omittingEmptySubsequences: false)
            let shown = lines.prefix(diffLines).joined(separator: "\n")
            if !shown.isEmpty { Console.printError(shown) }
            if lines.count > diffLines { Console.printError("… \(lines.count - diffLines) more diff lines") }
        }
        throw ExitCode.failure
    }
}
