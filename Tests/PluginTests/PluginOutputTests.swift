import Foundation
import Generator
import LinqPluginExample
import Rendering
import Testing

/// The package root, found from this file's path.
let packageRoot: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

/// `LinqPluginExample` is built through `SDKGenPlugin` from `Specs/` before these tests run (it is
/// a dependency of this test target), so these tests see what this very build generated.
@Suite("SDKGenPlugin build output")
struct PluginOutputTests {
    @Test("The SDK SDKGenPlugin generated for LinqPluginExample equals Generated/Linq, file for file and byte for byte")
    func pluginOutputEqualsGenerated() throws {
        let path = try #require(
            Self.pluginOutput(named: PluginBuild.generatedFileName), "no \(PluginBuild.generatedFileName) in the build folder's plugins/outputs")
        let files = try #require(SingleFile.split(String(contentsOfFile: path, encoding: .utf8)), "\(path) is not a --single-file output")
        let differences = OutputWriter.differences(files, in: packageRoot + "/Generated/Linq")
        for difference in differences {
            Issue.record(
                "Generated/Linq/\(difference.path) is \(difference.kind.rawValue) compared with the plugin's output \(path):\n\(difference.diff)")
        }
        #expect(differences.isEmpty)
        #expect(files.files.contains { $0.path == "LinqClient.swift" })
    }

    @Test("The plugin-built SDK is compiled into the target and usable")
    func compiledIn() throws {
        let client = try LinqClient(apiKey: "test-key", baseURL: URL(string: "http://127.0.0.1:9"))
        #expect(client.core.configuration.baseURL.absoluteString == "http://127.0.0.1:9")
        #expect(LinqClient.userAgent.hasPrefix("Linq/"))
    }

    /// The newest `name` below `plugins/outputs/<package>/LinqPluginExample/` of the build folder
    /// this test runs from.
    static func pluginOutput(named name: String) -> String? {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<5 {
            let outputs = folder.appendingPathComponent("plugins/outputs")
            if FileManager.default.fileExists(atPath: outputs.path) {
                let candidates = (FileManager.default.enumerator(atPath: outputs.path)?.allObjects as? [String] ?? [])
                    .filter { $0.hasSuffix("/LinqPluginExample/destination/SDKGenPlugin/SDK/" + name) }
                    .map { outputs.appendingPathComponent($0).path }
                return candidates.max { modified($0) < modified($1) }
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    private static func modified(_ path: String) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
    }
}
