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
        let input = try options.resolve()
        try shape.checkDeclaredOutputs()
        let result = Pipeline.check(input, pluginLayout: shape.pluginLayout)
        Console.printDiagnostics(of: result)
        guard let checked = result.value else { throw ExitCode.failure }
        timing.report(result.timings)
        let verdict = checked.differences.isEmpty ? nil : apiVerdict(for: checked.sdk.directory, input: input)
        var stale = report(checked.differences, in: checked.sdk.directory, fileCount: checked.sdk.files.files.count, verdict: verdict)
        if let tests = checked.sdk.tests {
            stale = report(checked.testDifferences, in: tests.directory, fileCount: tests.files.files.count) || stale
        }
        if stale { throw ExitCode.failure }
    }

    /// What changed in the Swift API since `directory` was last committed, e.g. `2 additive
    /// changes, 1 breaking (a major release: 0.1.0 → 1.0.0)`; `nil` outside git. The spec and
    /// config of the last commit that changed the folder are what it was generated from.
    private func apiVerdict(for directory: String, input: GenerationInput) -> String? {
        guard let report = Pipeline.apiChangesSinceLastGeneration(of: directory, input: input) else { return nil }
        guard !report.changes.isEmpty else { return "no change to the Swift API since it was last committed" }
        return "\(report.tally) to the Swift API since it was last committed (\(report.verdictSentence))"
    }

    /// Prints whether `directory` is up to date, or its differences; `true` when it is stale.
    private func report(_ differences: [OutputDifference], in directory: String, fileCount: Int, verdict: String? = nil) -> Bool {
        guard !differences.isEmpty else {
            print("sdkgen: \(directory) is up to date (\(fileCount) files)")
            return false
        }
        let files = "\(differences.count) file\(differences.count == 1 ? "" : "s") differ"
        Console.printError(
            "sdkgen: error: \(directory) is stale: \(verdict.map { "\($0); " } ?? "")\(files); regenerate with `swift run sdkgen`"
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
