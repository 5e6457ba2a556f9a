import Foundation
import Generator
import Testing

/// The spec pairs of Tests/Diff: `base.yaml` against each other spec there, one rule each.
let diffPairs: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Tests/Diff")) ?? []
    return names.filter { $0.hasSuffix(".yaml") && $0 != "base.yaml" && $0 != "sdkgen.yaml" }.map { String($0.dropLast(5)) }.sorted()
}()

@Suite("sdkgen diff")
struct DiffReportTests {
    static let formats = [("text", "txt"), ("markdown", "md"), ("json", "json")]

    @Test("Each spec pair gives its golden report in text, Markdown and JSON", arguments: diffPairs)
    func pair(_ name: String) throws {
        for (format, fileExtension) in Self.formats {
            let run = try runTool(["diff", "--old", "Tests/Diff/base.yaml", "--new", "Tests/Diff/\(name).yaml", "--format", format])
            #expect(run.status == 0, "\(name) \(format): \(run.stderr)")
            #expect(run.stderr.isEmpty, "\(run.stderr)")
            try compareDiffReport(run.stdout, with: "Tests/Diff/Expected/\(name).\(fileExtension)")
        }
    }

    @Test("The pairs cover every level and action, and no golden report is left without its pair")
    func coverage() throws {
        #expect(diffPairs.count >= 15)
        let expected = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Tests/Diff/Expected").sorted()
        let wanted = diffPairs.flatMap { name in Self.formats.map { "\(name).\($0.1)" } }.sorted()
        #expect(expected == wanted)
        var levels: Set<String> = []
        var actions: Set<String> = []
        for name in diffPairs {
            let data = try #require(FileManager.default.contents(atPath: packageRoot + "/Tests/Diff/Expected/\(name).json"))
            let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let changes = try #require(report["changes"] as? [[String: Any]])
            for change in changes {
                levels.insert(change["level"] as? String ?? "")
                actions.insert(change["action"] as? String ?? "")
            }
            // The counts say what the list holds.
            let counts = try #require(report["counts"] as? [String: Int])
            for level in ["breaking", "additive", "invisible"] {
                #expect(counts[level] == changes.filter { $0["level"] as? String == level }.count, "\(name): \(level)")
            }
        }
        #expect(levels == ["breaking", "additive", "invisible"])
        #expect(actions == ["added", "removed", "renamed", "changed"])
    }

    @Test("--fail-on breaking exits 1 only when something breaks")
    func failOnBreaking() throws {
        let breaking = try runTool(["diff", "--old", "Tests/Diff/base.yaml", "--new", "Tests/Diff/method-removed.yaml", "--fail-on", "breaking"])
        #expect(breaking.status == 1)
        #expect(breaking.stdout.contains("a major release: 1.4.2 → 2.0.0"))
        let additive = try runTool(["diff", "--old", "Tests/Diff/base.yaml", "--new", "Tests/Diff/method-added.yaml", "--fail-on", "breaking"])
        #expect(additive.status == 0)
        let same = try runTool(["diff", "--old", "Tests/Diff/base.yaml", "--new", "Tests/Diff/base.yaml", "--fail-on", "breaking"])
        #expect(same.status == 0)
        #expect(same.stdout.contains("no change; no release needed"))
    }

    @Test("A spec with an error is reported at its line, with no report and exit 1")
    func brokenSpec() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let base = try String(contentsOfFile: packageRoot + "/Tests/Diff/base.yaml", encoding: .utf8)
        try write(base.replacingOccurrences(of: "#/components/schemas/NewPet", with: "#/components/schemas/Nothing"), to: folder + "/broken.yaml")
        let run = try runTool(["diff", "--old", packageRoot + "/Tests/Diff/base.yaml", "--new", "broken.yaml"], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("broken.yaml:34:28: error: unresolved reference '#/components/schemas/Nothing'"), "\(run.stderr)")
    }
}

/// Compares a report with its golden file (`SDKGEN_RECORD=1` rewrites it), printing a diff.
func compareDiffReport(_ actual: String, with relativePath: String) throws {
    let path = packageRoot + "/" + relativePath
    if GoldenTests.recording {
        try write(actual, to: path)
        return
    }
    let expected = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    if actual != expected {
        let diff = UnifiedDiff.make(old: expected, new: actual, oldName: relativePath, newName: "sdkgen diff")
        Issue.record("\(relativePath) differs (run with SDKGEN_RECORD=1 to accept):\n\(diff)")
    }
}
