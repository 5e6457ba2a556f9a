import Foundation
import Generator
import Rendering
import Testing

/// One input spec and the folder holding exactly the files it must generate.
struct GoldenCase: CustomStringConvertible, Sendable {
    var name: String
    var spec: String
    var config: String
    var expected: String
    /// The warnings generation must print, exactly (paths relative to the package root).
    var warnings: [String] = []
    /// The folder holding exactly the contract tests it must generate, when its config asks for them.
    var expectedTests: String? = nil
    var description: String { name }
}

let goldenCases = [
    GoldenCase(
        name: "Linq (Generated/Linq is the golden output of Specs/)", spec: "Specs/linq.yaml", config: "Specs/sdkgen.yaml",
        expected: "Generated/Linq",
        expectedTests: "Generated/LinqContractTests"
    ),
    GoldenCase(
        name: "Widgets (query, header and JSON bodies)", spec: "Tests/Golden/Widgets/openapi.yaml", config: "Tests/Golden/Widgets/sdkgen.yaml",
        expected: "Tests/Golden/Widgets/Expected"),
    GoldenCase(
        name: "Showcase (every schema and body construct)", spec: "Tests/Golden/Showcase/openapi.yaml",
        config: "Tests/Golden/Showcase/sdkgen.yaml", expected: "Tests/Golden/Showcase/Expected",
        warnings: [
            "Tests/Golden/Showcase/openapi.yaml:239:23: warning: a schema with several types (string, integer) is generated as an arbitrary JSON value"
        ]
    ),
    GoldenCase(
        name: "Hostile (injection attempts and awkward names)", spec: "Tests/Golden/Hostile/openapi.yaml",
        config: "Tests/Golden/Hostile/sdkgen.yaml", expected: "Tests/Golden/Hostile/Expected",
        warnings: [
            "Tests/Golden/Hostile/openapi.yaml:70:14: warning: property '🎉' of 'EvilPwned' would be named 'unnamed', which is taken; it is named 'unnamed2'",
            "Tests/Golden/Hostile/openapi.yaml:74:17: warning: property 'self' of 'EvilPwned' would be named 'self', which is taken; it is named 'self2'",
        ]
    ),
    GoldenCase(
        name: "Studio (every success body and every credential)", spec: "Tests/Golden/Studio/openapi.yaml",
        config: "Tests/Golden/Studio/sdkgen.yaml", expected: "Tests/Golden/Studio/Expected",
        expectedTests: "Tests/Golden/Studio/StudioContractTests"),
    GoldenCase(
        name: "Styles (every parameter style of the OpenAPI Style Examples table)", spec: "Tests/Golden/Styles/openapi.yaml",
        config: "Tests/Golden/Styles/sdkgen.yaml", expected: "Tests/Golden/Styles/Expected"),
    GoldenCase(
        name: "Uploads (multipart files, names, content types and the encoding object)", spec: "Tests/Golden/Uploads/openapi.yaml",
        config: "Tests/Golden/Uploads/sdkgen.yaml", expected: "Tests/Golden/Uploads/Expected",
        warnings: [
            "Tests/Golden/Uploads/openapi.yaml:67:19: warning: header 'X-Unsent' of part 'notes' gives no example, default or single enum value to send; it is not sent",
            "Tests/Golden/Uploads/openapi.yaml:69:19: warning: header 'Content-Type' of part 'notes' is ignored: the part's contentType sets it",
            "Tests/Golden/Uploads/openapi.yaml:71:15: warning: 'style', 'explode' and 'allowReserved' of 'revision' apply to form bodies only and are ignored for multipart",
            "Tests/Golden/Uploads/openapi.yaml:75:15: warning: the encoding names 'missing', which is no property of the body; it is ignored",
            "Tests/Golden/Uploads/openapi.yaml:94:15: warning: the encoding of a form body is not applied: every property is sent in the form style, exploded",
        ]),
    GoldenCase(
        name: "Configured (accessModifier package, a filter, type overrides, schema and property names)",
        spec: "Tests/Golden/Configured/openapi.yaml", config: "Tests/Golden/Configured/sdkgen.yaml", expected: "Tests/Golden/Configured/Expected",
        warnings: [
            "Tests/Golden/Configured/sdkgen.yaml:5:30: warning: 'filter.include.tags' lists 'legacy', which matches no operation of the spec",
            "Tests/Golden/Configured/sdkgen.yaml:13:3: warning: 'typeOverrides' names schema 'Coupon', which the spec does not have",
            "Tests/Golden/Configured/sdkgen.yaml:25:7: warning: 'names.properties.Order.totl' matches no property: no object schema or model 'Order' of the spec has the JSON key 'totl'",
        ]),
    GoldenCase(
        name: "Internal (the Configured spec as an internal SDK, its contract tests through @testable import)",
        spec: "Tests/Golden/Internal/openapi.yaml", config: "Tests/Golden/Internal/sdkgen.yaml", expected: "Tests/Golden/Internal/Expected",
        expectedTests: "Tests/Golden/Internal/InternalContractTests"),
    GoldenCase(
        name: "Signed (webhooks verified with Standard Webhooks signatures)", spec: "Tests/Golden/Signed/openapi.yaml",
        config: "Tests/Golden/Signed/sdkgen.yaml", expected: "Tests/Golden/Signed/Expected"),
]

@Suite("Golden files")
struct GoldenTests {
    /// Set `SDKGEN_RECORD=1` to rewrite the expected files from the current generator.
    static let recording = ProcessInfo.processInfo.environment["SDKGEN_RECORD"] == "1"

    @Test("A fresh generation equals the golden folder, file for file and byte for byte", arguments: goldenCases)
    func golden(_ golden: GoldenCase) throws {
        let input = GenerationInput(specPath: packageRoot + "/" + golden.spec, configPath: packageRoot + "/" + golden.config)
        let result = Pipeline.render(input)
        let output = try result.get()
        #expect(result.diagnostics.map { $0.description.replacingOccurrences(of: packageRoot + "/", with: "") } == golden.warnings)
        try compare(output.files, with: golden.expected)
        #expect((output.tests != nil) == (golden.expectedTests != nil), "contract tests generated: \(output.tests != nil)")
        if let tests = output.tests, let expectedTests = golden.expectedTests {
            try compare(tests.files, with: expectedTests)
        }
    }

    /// Records a unified diff for every file of `files` that differs from the golden `folder`.
    private func compare(_ files: FileSet, with folder: String) throws {
        let path = packageRoot + "/" + folder
        if Self.recording {
            let report = try OutputWriter.write(files, to: path)
            print("SDKGEN_RECORD: \(folder): \(report.written.count) written, \(report.removed.count) removed")
            return
        }
        let differences = OutputWriter.differences(files, in: path)
        for difference in differences {
            Issue.record("\(folder)/\(difference.path) is \(difference.kind.rawValue) (run with SDKGEN_RECORD=1 to accept):\n\(difference.diff)")
        }
        #expect(differences.isEmpty)
    }

    @Test("Generation is deterministic: three runs give identical file sets")
    func deterministic() throws {
        let input = GenerationInput(
            specPath: packageRoot + "/Tests/Golden/Widgets/openapi.yaml", configPath: packageRoot + "/Tests/Golden/Widgets/sdkgen.yaml")
        let runs = try (0..<3).map { _ in try Pipeline.render(input).get().files }
        #expect(runs[0] == runs[1] && runs[1] == runs[2])
    }

    @Test("A mismatch is reported with a unified diff of the changed lines")
    func mismatchShowsDiff() throws {
        let input = GenerationInput(specPath: packageRoot + "/Specs/linq.yaml", configPath: packageRoot + "/Specs/sdkgen.yaml")
        let output = try Pipeline.render(input).get()
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try OutputWriter.write(output.files, to: folder)
        let path = folder + "/LinqError.swift"
        let original = try String(contentsOfFile: path, encoding: .utf8)
        try write(original.replacingOccurrences(of: "case cancelled\n", with: "case canceled\n"), to: path)
        let differences = OutputWriter.differences(output.files, in: folder)
        #expect(differences.map(\.path) == ["LinqError.swift"])
        let diff = try #require(differences.first?.diff)
        #expect(diff.hasPrefix("--- LinqError.swift\n+++ LinqError.swift\n@@ -"))
        #expect(diff.contains("\n-    case canceled\n+    case cancelled\n"))
    }
}

@Suite("Unified diff")
struct UnifiedDiffTests {
    @Test("Equal texts give no diff; a change gives one hunk with context")
    func hunks() {
        #expect(UnifiedDiff.make(old: "a\nb\n", new: "a\nb\n", oldName: "x", newName: "x") == "")
        let old = (1...10).map(String.init).joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "5\n", with: "five\n")
        #expect(
            UnifiedDiff.make(old: old, new: new, oldName: "a", newName: "b") == """
                --- a
                +++ b
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +five
                 6
                 7
                 8

                """)
    }
}
