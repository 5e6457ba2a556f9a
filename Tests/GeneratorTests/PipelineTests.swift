import Diagnostics
import Foundation
import Generator
import Testing

/// The pipeline's jobs: each reads its files once and returns them with the diagnostics.
@Suite("Pipeline jobs")
struct PipelineTests {
    @Test("A diagnostic shows its source line from the bytes read once, even after the file is gone")
    func diagnosticsUseTheFilesAsRead() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spec = folder + "/spec.yaml"
        let config = folder + "/sdkgen.yaml"
        try write("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  x: {}\n", to: spec)
        try write("module: Things\nclinet: X\n", to: config)
        let result = Pipeline.validate(GenerationInput(specPath: spec, configPath: config))
        try FileManager.default.removeItem(atPath: spec)
        try FileManager.default.removeItem(atPath: config)
        #expect(result.value == nil)
        #expect(result.sources.files.map(\.path) == [spec, config])
        #expect(
            result.renderedDiagnostics == [
                "\(spec):4:3: error: path 'x' must start with '/'\n  x: {}\n  ^",
                "\(config):2:1: error: unknown key 'clinet'; expected one of: module, client, error, version, baseURL, environment, pagination, webhooks, operations, credentials, tests, accessModifier, filter, typeOverrides, names\nclinet: X\n^",
            ])
        #expect(result.warningCount == 0)
    }

    @Test("The output folder is the given one, or the module's folder inside Generated/")
    func outputFolder() throws {
        let spec = packageRoot + "/Specs/linq.yaml"
        let exact = try Pipeline.render(GenerationInput(specPath: spec, output: .exactly("Out"))).get()
        #expect(exact.directory == "Out")
        let perModule = try Pipeline.render(GenerationInput(specPath: spec, configPath: packageRoot + "/Specs/sdkgen.yaml")).get()
        #expect(perModule.directory == "Generated/Linq")
        let resolved = try GenerationInput.resolve(spec: nil, config: nil, templates: nil, output: nil, workingDirectory: packageRoot + "/Tests")
        #expect(resolved.output == .moduleFolder(in: packageRoot + "/Generated"))
        #expect(resolved.specPath == packageRoot + "/Specs/linq.yaml")
    }
}

@Suite("Diagnostics rendered with the files as read")
struct DiagnosticRenderingTests {
    @Test("Each file is found by its path; a file not read, or a diagnostic without a mark, shows no line")
    func lookup() {
        var sources = SourceFiles()
        sources.add(SourceFile(path: "a.yaml", text: "one\ntwo\n"))
        sources.add(SourceFile(path: "b.yaml", text: "alpha\r\nbeta"))
        let diagnostics = [
            Diagnostic(.error, "in a", file: "a.yaml", at: SourceMark(line: 2, column: 2)),
            Diagnostic(.warning, "in b", file: "b.yaml", at: SourceMark(line: 2, column: 1)),
            Diagnostic(.error, "not read", file: "c.yaml", at: SourceMark(line: 1, column: 1)),
            Diagnostic(.error, "whole file", file: "a.yaml", at: nil),
        ]
        #expect(
            diagnostics.rendered(with: sources) == [
                "a.yaml:2:2: error: in a\ntwo\n ^",
                "b.yaml:2:1: warning: in b\nbeta\n^",
                "c.yaml:1:1: error: not read",
                "a.yaml: error: whole file",
            ])
    }
}

@Suite("Source files kept for diagnostics")
struct SourceFilesTests {
    @Test("Only files a located diagnostic points into are kept")
    func keepOnlyShown() {
        var sources = SourceFiles()
        for path in ["spec.yaml", "sdkgen.yaml", "other.yaml"] { sources.add(SourceFile(path: path, text: "x: 1\n")) }
        sources.keepOnlyFiles(shownBy: [
            Diagnostic(.warning, "located", file: "spec.yaml", at: SourceMark(line: 1, column: 1)),
            Diagnostic(.error, "whole file", file: "other.yaml", at: nil),
        ])
        #expect(sources.files.map(\.path) == ["spec.yaml"])
    }
}
