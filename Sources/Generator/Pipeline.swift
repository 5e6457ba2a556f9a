import Diagnostics
import Foundation
import OpenAPI
import Rendering
import SDKModel

/// What one generation reads.
public struct GenerationInput: Sendable, Hashable {
    /// The OpenAPI description, as the user named it (diagnostics show this path).
    public var specPath: String
    /// The `sdkgen.yaml`, when there is one.
    public var configPath: String?
    /// A folder of template overrides, when given.
    public var templatesPath: String?

    /// Creates an input.
    public init(specPath: String, configPath: String? = nil, templatesPath: String? = nil) {
        self.specPath = specPath
        self.configPath = configPath
        self.templatesPath = templatesPath
    }
}

/// What one generation produced, all in memory.
public struct GenerationOutput: Sendable {
    /// The SDK model the files were rendered from.
    public var sdk: SDK
    /// The rendered files.
    public var files: FileSet
    /// Warnings found on the way.
    public var diagnostics: [Diagnostic]
}

/// The whole generator as one composition of its stages:
/// bytes → YAML tree → OpenAPI document → SDK model → rendered files. Nothing is written here.
public enum Pipeline {
    /// Reads and checks the spec (and the config, when given); returns every diagnostic.
    public static func validate(_ input: GenerationInput) -> [Diagnostic] {
        inspect(input).diagnostics
    }

    /// Reads and checks the spec (and the config, when given): the document when it loaded, and
    /// every diagnostic.
    public static func inspect(_ input: GenerationInput) -> (document: Document?, diagnostics: [Diagnostic]) {
        var timings = Timings()
        return inspect(input, timings: &timings)
    }

    /// `inspect(_:)`, adding the time of each phase to `timings`.
    public static func inspect(_ input: GenerationInput, timings: inout Timings) -> (document: Document?, diagnostics: [Diagnostic]) {
        let loaded = load(input.specPath, timings: &timings)
        var diagnostics = loaded.diagnostics
        if let configPath = input.configPath {
            diagnostics += loadConfig(configPath, timings: &timings).diagnostics
        }
        return (loaded.document, diagnostics)
    }

    /// Runs every stage; throws every diagnostic when any stage found an error.
    public static func generate(_ input: GenerationInput) throws(DiagnosticsError) -> GenerationOutput {
        var timings = Timings()
        return try generate(input, timings: &timings)
    }

    /// `generate(_:)`, adding the time of each phase to `timings`.
    public static func generate(_ input: GenerationInput, timings: inout Timings) throws(DiagnosticsError) -> GenerationOutput {
        let loaded = load(input.specPath, timings: &timings)
        var diagnostics = loaded.diagnostics
        var config = GeneratorConfig()
        if let configPath = input.configPath {
            let result = loadConfig(configPath, timings: &timings)
            diagnostics += result.diagnostics
            config = result.config ?? config
        }
        guard let document = loaded.document, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw DiagnosticsError(diagnostics)
        }
        let built = timings.measure(.model) { SDKBuilder.build(document, config: config, specFile: input.specPath) }
        diagnostics += built.diagnostics
        guard let sdk = built.sdk else { throw DiagnosticsError(diagnostics) }
        let templates: TemplateSet
        do {
            templates = try timings.measure(.render) { () throws(DiagnosticsError) in
                try TemplateSet.load(overrideDirectory: input.templatesPath)
            }
        } catch {
            throw DiagnosticsError(diagnostics + error.diagnostics)
        }
        let files = timings.measure(.render) { SwiftRenderer.render(sdk, templates: templates) }
        return GenerationOutput(sdk: sdk, files: files, diagnostics: diagnostics)
    }

    /// Reads, parses and loads the spec, timing the three phases apart.
    static func load(_ path: String, timings: inout Timings) -> LoadResult {
        guard let bytes = timings.measure(.read, { readBytes(path) }) else {
            return LoadResult(document: nil, diagnostics: [Diagnostic(.error, "cannot read the file", file: path, at: nil)])
        }
        let start = ContinuousClock.now
        var parsed: ContinuousClock.Instant?
        let result = DocumentLoader.load(bytes: bytes, file: path, afterParse: { parsed = .now })
        let end = ContinuousClock.now
        timings.add((parsed ?? end) - start, to: .parse)
        if let parsed { timings.add(end - parsed, to: .load) }
        return result
    }

    static func loadConfig(_ path: String, timings: inout Timings) -> (config: GeneratorConfig?, diagnostics: [Diagnostic]) {
        guard let bytes = timings.measure(.read, { readBytes(path) }) else {
            return (nil, [Diagnostic(.error, "cannot read the file", file: path, at: nil)])
        }
        return timings.measure(.load) { GeneratorConfig.load(bytes: bytes, file: path) }
    }

    static func readBytes(_ path: String) -> [UInt8]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        // Straight into the array (no `Data` to copy from): a large spec is read once, held once.
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        let expected = fstat(descriptor, &status) == 0 ? max(Int(status.st_size), 0) : 0
        var bytes = [UInt8](repeating: 0, count: expected)
        var count = 0
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            // Into the array while the size `fstat` gave lasts, then in chunks until the end.
            let intoArray = count < bytes.count
            let read = intoArray
                ? bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + count, $0.count - count) }
                : chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
            if read < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if read == 0 { break }
            if !intoArray { bytes += chunk[..<read] }
            count += read
        }
        bytes.removeSubrange(count...)
        return bytes
    }
}
