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
        var stale = report(checked.differences, in: checked.sdk.directory, fileCount: checked.sdk.files.files.count)
        if let tests = checked.sdk.tests {
            stale = report(checked.testDifferences, in: tests.directory, fileCount: tests.files.files.count) || stale
        }
        if stale { throw ExitCode.failure }
    }

    /// Prints whether `directory` is up to date, or its differences; `true` when it is stale.
    private func report(_ differences: [OutputDifference], in directory: String, fileCount: Int) -> Bool {
        guard !differences.isEmpty else {
            print("sdkgen: \(directory) is up to date (\(fileCount) files)")
            return false
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
        return true
    }
}
