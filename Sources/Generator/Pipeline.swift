import APIDiff
import Diagnostics
import OpenAPI
import Rendering
import SDKModel

/// The whole generator as one composition of its stages:
/// bytes → YAML tree → OpenAPI document → SDK model → rendered files → written files.
///
/// Each job is one entry point; each stage is timed here, around its call, so no stage takes a
/// timing callback. Every file is read once, at the start, into the `SourceFiles` the job returns.
public enum Pipeline {
    /// `sdkgen validate`: reads and checks the spec (and the config, when given).
    public static func validate(_ input: GenerationInput) -> JobResult<ValidationSummary> {
        var run = Run()
        let document = run.loadDocument(input.specPath)
        if let configPath = input.configPath { _ = run.loadConfig(configPath) }
        let summary = document.map {
            ValidationSummary(specPath: input.specPath, operations: $0.operations.count, schemas: $0.schemas.count, webhooks: $0.webhooks.count)
        }
        return run.result(run.hasErrors ? nil : summary)
    }

    /// Every stage up to the files in memory; nothing is written. With `pluginLayout` (a target
    /// name), the files are put into that target's fixed list of buckets (see `PluginLayout`).
    public static func render(_ input: GenerationInput, pluginLayout: String? = nil) -> JobResult<RenderedSDK> {
        var run = Run()
        let sdk = run.render(input, pluginLayout: pluginLayout)
        return run.result(sdk)
    }

    /// `sdkgen generate`: renders, then writes the changed files; nothing is written on any error.
    public static func generate(_ input: GenerationInput, pluginLayout: String? = nil) -> JobResult<GenerationSummary> {
        var run = Run()
        guard let sdk = run.render(input, pluginLayout: pluginLayout) else { return run.result(nil) }
        do throws(DiagnosticsError) {
            let report = try run.timings.measure(.write) { () throws(DiagnosticsError) in try OutputWriter.write(sdk.files, to: sdk.directory) }
            let testsReport = try sdk.tests.map { tests throws(DiagnosticsError) in
                try run.timings.measure(.write) { () throws(DiagnosticsError) in try OutputWriter.write(tests.files, to: tests.directory) }
            }
            return run.result(GenerationSummary(sdk: sdk, report: report, testsReport: testsReport))
        } catch {
            run.diagnostics += error.diagnostics
            return run.result(nil)
        }
    }

    /// `sdkgen check`: renders, then compares with the output folder.
    public static func check(_ input: GenerationInput, pluginLayout: String? = nil) -> JobResult<CheckSummary> {
        var run = Run()
        guard let sdk = run.render(input, pluginLayout: pluginLayout) else { return run.result(nil) }
        let differences = run.timings.measure(.compare) { OutputWriter.differences(sdk.files, in: sdk.directory) }
        let testDifferences = sdk.tests.map { tests in run.timings.measure(.compare) { OutputWriter.differences(tests.files, in: tests.directory) } }
        return run.result(CheckSummary(sdk: sdk, differences: differences, testDifferences: testDifferences ?? []))
    }
}

extension Pipeline {
    /// `sdkgen diff`: builds the SDK model of both inputs and compares them (never their rendered
    /// text). `oldName` names the older spec's files in the report (a git snapshot's as
    /// `REV:path`). Only errors of the older spec are reported: its warnings are old news.
    public static func diff(old: GenerationInput, new: GenerationInput, oldName: @Sendable (String) -> String = { $0 }) -> JobResult<APIDiffReport> {
        var run = Run()
        let before = run.model(old)
        run.diagnostics.removeAll { $0.severity != .error }
        let after = run.model(new)
        guard var before, let after, !run.hasErrors else { return run.result(nil) }
        before.sdk.specFiles = before.sdk.specFiles.map(oldName)
        let report = run.timings.measure(.compare) {
            APIDiff.compare(old: before.sdk, new: after.sdk, oldSpec: oldName(old.specPath), newSpec: new.specPath)
        }
        return run.result(report)
    }

    /// What changed in the Swift API since `directory` was last generated, for `sdkgen check`: the
    /// spec and config as the last commit that changed `directory` has them, against `input`.
    /// `nil` when git does not know the folder or that revision cannot be read or built.
    public static func apiChangesSinceLastGeneration(of directory: String, input: GenerationInput) -> APIDiffReport? {
        guard let commit = GitSnapshot.lastCommit(changing: directory),
            let snapshot = try? GitSnapshot.export(input, at: String(commit.prefix(12)))
        else { return nil }
        defer { snapshot.remove() }
        return diff(old: snapshot.input, new: input, oldName: snapshot.name).value
    }
}

/// The state of one job while its stages run: what was read, found and measured so far.
private struct Run {
    var sources = SourceFiles()
    var diagnostics: [Diagnostic] = []
    var timings = Timings()

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func result<Value>(_ value: Value?) -> JobResult<Value> {
        JobResult(value: value, diagnostics: diagnostics, sources: sources, timings: timings)
    }

    /// The SDK model of `input`'s spec and config, with the document and config it came from;
    /// `nil` after an error.
    mutating func model(_ input: GenerationInput) -> (sdk: SDK, document: Document, config: GeneratorConfig)? {
        let document = loadDocument(input.specPath)
        var config = GeneratorConfig()
        if let configPath = input.configPath, let loaded = loadConfig(configPath) { config = loaded }
        guard let document, !hasErrors else { return nil }
        let built = timings.measure(.model) { SDKBuilder.build(document, config: config) }
        diagnostics += built.diagnostics
        guard let sdk = built.sdk else { return nil }
        return (sdk, document, config)
    }

    /// The SDK's files in memory, or `nil` after an error.
    mutating func render(_ input: GenerationInput, pluginLayout: String?) -> RenderedSDK? {
        guard let (sdk, document, config) = model(input) else { return nil }
        // Later stages report only into templates: the spec's bytes need not outlive the model.
        sources.keepOnlyFiles(shownBy: diagnostics)
        do throws(DiagnosticsError) {
            let rendering = try timings.measure(.render) { () throws(DiagnosticsError) in
                let templates = try TemplateFiles.load(overrideDirectory: input.templatesPath, into: &sources)
                let files = SwiftRenderer.render(sdk, templates: templates)
                try HeaderCheck.check(files, templatesPath: input.templatesPath)
                let combined = try pluginLayout.map { target throws(DiagnosticsError) in try PluginLayout.combine(files, target: target) } ?? files
                return (files: combined, templates: templates)
            }
            var rendered = RenderedSDK(moduleName: sdk.moduleName, directory: input.output.path(moduleName: sdk.moduleName), files: rendering.files)
            if let testsDirectory = input.tests ?? config.testsTarget.map({ input.output.sibling($0, moduleName: sdk.moduleName) }) {
                let suite = timings.measure(.model) { ContractSuiteBuilder.build(document, sdk: sdk) }
                let testFiles = try timings.measure(.render) { () throws(DiagnosticsError) in
                    let testFiles = ContractRenderer.render(suite, of: sdk, templates: rendering.templates)
                    try HeaderCheck.check(testFiles, templatesPath: input.templatesPath)
                    return testFiles
                }
                rendered.tests = RenderedFolder(directory: testsDirectory, files: testFiles)
            }
            return rendered
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
    }

    /// Reads, parses and loads the spec, timing the three phases apart.
    mutating func loadDocument(_ path: String) -> Document? {
        guard let source = read(path) else { return nil }
        let clock = ContinuousClock()
        let start = clock.now
        let parsed = DocumentLoader.parse(source)
        let parseEnd = clock.now
        // Handed over, not shared: the loader may free a large tree on another thread.
        let loaded = DocumentLoader.load(consume parsed, reader: SpecFolderReader(specPath: path))
        timings.add(parseEnd - start, to: .parse)
        timings.add(clock.now - parseEnd, to: .load)
        diagnostics += loaded.diagnostics
        for file in loaded.referencedFiles { sources.add(file) }
        return loaded.document
    }

    /// Reads and loads `sdkgen.yaml`.
    mutating func loadConfig(_ path: String) -> GeneratorConfig? {
        guard let source = read(path) else { return nil }
        let loaded = timings.measure(.load) { GeneratorConfig.load(source) }
        diagnostics += loaded.diagnostics
        return loaded.config
    }

    /// The file at `path`, kept in `sources`; an error when it cannot be read.
    mutating func read(_ path: String) -> SourceFile? {
        guard let source = timings.measure(.read, { InputReader.read(path) }) else {
            diagnostics.append(Diagnostic(.error, "cannot read the file", file: path, at: nil))
            return nil
        }
        sources.add(source)
        return source
    }
}
