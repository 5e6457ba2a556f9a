import ArgumentParser
import Generator
import Rendering

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
        var timings = Timings()
        let (output, directory) = try Generation.run(options, singleFile: shape.singleFile, timings: &timings)
        let differences = timings.measure(.compare) { OutputWriter.differences(output.files, in: directory) }
        timing.report(timings)
        guard !differences.isEmpty else {
            print("sdkgen: \(directory) is up to date (\(output.files.files.count) files)")
            return
        }
        DiagnosticPrinter.printError("sdkgen: error: \(directory) is stale: \(differences.count) file\(differences.count == 1 ? "" : "s") differ; run `swift run sdkgen` to regenerate")
        for difference in differences {
            DiagnosticPrinter.printError("\(difference.kind.rawValue): \(directory)/\(difference.path)")
            let lines = difference.diff.split(separator: "\n", omittingEmptySubsequences: false)
            let shown = lines.prefix(diffLines).joined(separator: "\n")
            if !shown.isEmpty { DiagnosticPrinter.printError(shown) }
            if lines.count > diffLines { DiagnosticPrinter.printError("… \(lines.count - diffLines) more diff lines") }
        }
        throw ExitCode.failure
    }
}
