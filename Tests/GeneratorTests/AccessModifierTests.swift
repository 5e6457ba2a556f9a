import Foundation
import Generator
import Testing

@Suite("accessModifier")
struct AccessModifierTests {
    /// The lines of code (not comments) that hold the word `keyword`, in every golden spec's
    /// files (contract tests included) generated with `accessModifier: level` added to its config.
    static func declarations(_ level: String, keyword: String) throws -> [String] {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var found: [String] = []
        for name in ["Widgets", "Showcase", "Hostile", "Studio", "Styles", "Uploads"] {
            let golden = packageRoot + "/Tests/Golden/" + name
            let config = try String(contentsOfFile: golden + "/sdkgen.yaml", encoding: .utf8)
            try write(config + "\naccessModifier: \(level)\n", to: folder + "/\(name).yaml")
            let input = GenerationInput(specPath: golden + "/openapi.yaml", configPath: folder + "/\(name).yaml")
            let output = try Pipeline.render(input).get()
            let files = output.files.files + (output.tests?.files.files ?? [])
            for file in files where file.path.hasSuffix(".swift") {
                for line in file.contents.split(separator: "\n") {
                    let code = line.drop { $0 == " " }
                    guard !code.hasPrefix("//") else { continue }
                    if code.split(separator: " ").contains(Substring(keyword)) {
                        found.append("\(name)/\(file.path): \(code)")
                    }
                }
            }
        }
        return found
    }

    @Test("A package or internal SDK declares nothing public, in any golden spec's files")
    func nothingPublic() throws {
        #expect(try Self.declarations("package", keyword: "public") == [])
        #expect(try Self.declarations("internal", keyword: "public") == [])
        // The scan sees declarations: every one is written with the configured level.
        #expect(try Self.declarations("package", keyword: "package").count > 500)
    }
}
