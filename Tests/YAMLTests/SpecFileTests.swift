import Foundation
import Testing

@testable import YAML

@Suite struct SpecFileTests {
    /// `../shared/specs` next to the package root (this file is `<root>/Tests/YAMLTests/…`).
    static let specsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/specs")

    @Test func everySharedSpecParses() throws {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: Self.specsDirectory.path) else {
            print("SpecFileTests: \(Self.specsDirectory.path) is missing; skipping the shared specs")
            return
        }
        let specs = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }.sorted()
        #expect(!specs.isEmpty, "no specs in \(Self.specsDirectory.path)")
        for name in specs {
            let data = try Data(contentsOf: Self.specsDirectory.appendingPathComponent(name))
            do {
                let root = try YAMLParser().parse(Array(data))
                #expect(root?.mapping != nil, "\(name) has no top-level mapping")
                #expect(root?["openapi"]?.string != nil, "\(name) has no openapi key")
            } catch {
                Issue.record("\(name): \(error)")
            }
        }
    }

    @Test func jsonAndYAMLPetstoreAgreeOnContent() throws {
        let yamlURL = Self.specsDirectory.appendingPathComponent("oai-3.0-petstore-expanded.yaml")
        let jsonURL = Self.specsDirectory.appendingPathComponent("oai-3.0-petstore-expanded.json")
        guard let yaml = try? Data(contentsOf: yamlURL), let json = try? Data(contentsOf: jsonURL) else {
            print("SpecFileTests: petstore-expanded pair not found; skipping")
            return
        }
        let fromYAML = try #require(try YAMLParser().parse(Array(yaml)))
        let fromJSON = try #require(try YAMLParser().parse(Array(json)))
        #expect(fromYAML["paths"]?.mapping?.map(\.key.string) == fromJSON["paths"]?.mapping?.map(\.key.string))
    }
}
