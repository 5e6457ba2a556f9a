import Foundation
import Generator
import Testing

@Suite("Specs split into files")
struct MultiFileSpecTests {
    @Test("The Widgets golden spec split into eleven files generates the same SDK, byte for byte")
    func splitSpecGeneratesTheSameSDK() throws {
        let input = GenerationInput(
            specPath: packageRoot + "/Tests/Fixtures/SplitWidgets/openapi.yaml", configPath: packageRoot + "/Tests/Golden/Widgets/sdkgen.yaml")
        let result = Pipeline.render(input)
        let output = try result.get()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let differences = OutputWriter.differences(output.files, in: packageRoot + "/Tests/Golden/Widgets/Expected")
        for difference in differences {
            Issue.record("the split spec's \(difference.path) is \(difference.kind.rawValue):\n\(difference.diff)")
        }
        #expect(differences.isEmpty)
    }

    @Test("A diagnostic in a referenced file names that file, its line and column, and shows its line")
    func diagnosticPointsIntoTheReferencedFile() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                $ref: 'paths/a.yaml'
            """, to: folder + "/openapi.yaml")
        try write(
            """
            get:
              operationId: getA
              responses:
                '200': {$ref: '../shared/missing.yaml#/Ok'}
            """, to: folder + "/paths/a.yaml")
        let run = try runTool(["validate", "--spec", "openapi.yaml"], in: folder)
        #expect(run.status == 1)
        #expect(
            run.stderr.hasPrefix(
                """
                paths/a.yaml:4:19: error: the file 'shared/missing.yaml' that '../shared/missing.yaml#/Ok' names does not exist
                    '200': {$ref: '../shared/missing.yaml#/Ok'}
                                  ^
                """), "\(run.stderr)")
    }

    @Test("A symbolic link inside the spec's folder that points outside it is not followed")
    func linkOutOfTheFolderIsRefused() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write("secret: {type: string}\n", to: folder + "/outside/secret.yaml")
        try write(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Leak: {$ref: 'link.yaml#/secret'}
            """, to: folder + "/spec/openapi.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder + "/spec/link.yaml", withDestinationPath: folder + "/outside/secret.yaml")
        let run = try runTool(["validate", "--spec", "spec/openapi.yaml"], in: folder)
        #expect(run.status == 1)
        #expect(
            run.stderr.hasPrefix(
                "spec/openapi.yaml:6:18: error: 'spec/link.yaml', which 'link.yaml#/secret' names, is a link to a file outside the spec's folder; sdkgen reads only files inside it"
            ), "\(run.stderr)")
    }
}
