import Foundation
import Generator
import Testing

/// `--timings`: every phase is listed with the peak memory; durations are never asserted.
@Suite("--timings")
struct TimingsTests {
    @Test("generate --timings lists every phase, the total and the peak memory on standard error")
    func generateTimings() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spec = packageRoot + "/Specs/linq.yaml"
        let run = try runTool(
            ["generate", "--spec", spec, "--config", packageRoot + "/Specs/sdkgen.yaml", "--output", folder + "/Out", "--timings"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("written"), "the usual summary is still printed")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "sdkgen: timings (wall clock; peak memory so far)")
        let labels = lines.dropFirst().map { $0.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ").first ?? "" }
        #expect(labels == ["read", "YAML parse", "load and resolve", "model", "render", "write", "total", "peak memory"])
        for line in lines.dropFirst().dropLast(2) {
            #expect(line.range(of: #"^  [a-zA-Z ]+ +\d+\.\d ms +\d+\.\d MB$"#, options: .regularExpression) != nil, "\(line)")
        }
        #expect(lines.last?.range(of: #"^  peak memory +\d+\.\d MB$"#, options: .regularExpression) != nil)
    }

    @Test("check and validate take --timings too; without it nothing is added")
    func otherCommands() throws {
        let spec = packageRoot + "/Specs/linq.yaml"
        let check = try runTool(["check", "--timings"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("  compare "))
        let validate = try runTool(["validate", "--spec", spec, "--timings"])
        #expect(validate.status == 0)
        #expect(validate.stderr.contains("  load and resolve ") && !validate.stderr.contains("  render "))
        let quiet = try runTool(["validate", "--spec", spec])
        #expect(quiet.stderr.isEmpty)
    }

    @Test("Timings adds up repeated phases and reports them in first-measured order")
    func timingsValue() {
        var timings = Timings()
        timings.measure(.parse) {}
        timings.add(.milliseconds(2), to: .render)
        timings.add(.milliseconds(3), to: .render)
        #expect(timings.phases.map(\.phase) == [.parse, .render])
        #expect(timings.seconds(.render) == 0.005)
        #expect(timings.seconds(.write) == nil)
        #expect(timings.report(peakMemoryBytes: 12_340_000).hasSuffix("\n  peak memory          12.3 MB"))
    }
}
