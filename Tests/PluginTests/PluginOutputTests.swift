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
        let folder = try #require(
            Self.pluginOutputFolder(), "no LinqPluginExample/destination/SDKGenPlugin/SDK in the build folder's plugins/outputs")
        // Exactly the declared files, and nothing else: the build ran sdkgen with the plugin's
        // list as --declared-output, which sdkgen checks against this same list.
        let names = PluginLayout.fileNames(target: PluginBuild.targetName)
        let present = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(present == names)
        let texts = try names.map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
        let files = try #require(PluginLayout.split(texts), "\(folder) holds a file that is not a --plugin-layout bucket")
        let differences = OutputWriter.differences(files, in: packageRoot + "/Generated/Linq")
        for difference in differences {
            Issue.record(
                "Generated/Linq/\(difference.path) is \(difference.kind.rawValue) compared with the plugin's output in \(folder):\n\(difference.diff)"
            )
        }
        #expect(differences.isEmpty)
        // And no generated file of Generated/Linq is missing from the plugin's output (hand-written
        // ones, without the header, are not sdkgen's).
        let linq = packageRoot + "/Generated/Linq"
        let generated = (FileManager.default.subpaths(atPath: linq) ?? []).filter { path in
            guard let text = try? String(contentsOfFile: linq + "/" + path, encoding: .utf8) else { return false }
            return text.hasPrefix(GeneratedFile.headerPrefix) || text.hasPrefix(GeneratedFile.markdownHeaderPrefix)
        }
        #expect(files.files.map(\.path) == generated.sorted())
        #expect(files.files.contains { $0.path == "LinqClient.swift" })
    }

    @Test("The plugin-built SDK is compiled into the target and usable")
    func compiledIn() throws {
        let client = try LinqClient(apiKey: "test-key", baseURL: URL(string: "http://127.0.0.1:9"))
        #expect(client.core.configuration.baseURL.absoluteString == "http://127.0.0.1:9")
        #expect(LinqClient.userAgent.hasPrefix("Linq/"))
    }

    /// The newest `plugins/outputs/<package>/LinqPluginExample/destination/SDKGenPlugin/SDK`
    /// folder of the build folder this test runs from.
    static func pluginOutputFolder() -> String? {
        guard let build = buildFolder() else { return nil }
        let outputs = build.appendingPathComponent("plugins/outputs")
        let candidates = (FileManager.default.enumerator(atPath: outputs.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix("/\(PluginBuild.targetName)/destination/SDKGenPlugin/SDK") }
            .map { outputs.appendingPathComponent($0).path }
        return candidates.max { modified($0) < modified($1) }
    }

    /// The build folder (`.build`, or the `--scratch-path`) this test runs from: the one holding
    /// `plugins/outputs` and SwiftPM's build manifests.
    static func buildFolder() -> URL? {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<5 {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("plugins/outputs").path) { return folder }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    private static func modified(_ path: String) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
    }
}
