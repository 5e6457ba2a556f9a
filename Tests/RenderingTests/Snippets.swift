import BuiltinTemplates
import Diagnostics
import Foundation
import OpenAPI
import Rendering
import SDKModel
import Testing

/// The files sdkgen generates for `yaml` (an OpenAPI description) with `config` (an
/// `sdkgen.yaml`), by path: the stages run one by one (load the document, build the SDK, render
/// with the built-in templates). The one place this target knows the pipeline's entry points.
func generate(_ yaml: String, config: String = "") throws -> [String: String] {
    let loaded = DocumentLoader.load(SourceFile(path: "openapi.yaml", text: yaml))
    let document = try #require(loaded.document, "the spec did not load: \(loaded.diagnostics)")
    let configResult = GeneratorConfig.load(SourceFile(path: "sdkgen.yaml", text: config))
    let parsedConfig = try #require(configResult.config, "the config did not load: \(configResult.diagnostics)")
    let built = SDKBuilder.build(document, config: parsedConfig)
    let sdk = try #require(built.sdk, "the SDK was not built: \(built.diagnostics)")
    let files = SwiftRenderer.render(sdk, templates: try builtinTemplates())
    return Dictionary(files.files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
}

/// The templates that ship with sdkgen, read from their folder.
func builtinTemplates() throws -> TemplateSet {
    let folder = try #require(BuiltinTemplates.directory, "the built-in templates are missing")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(TemplateSet.fileExtension) }.sorted()
    let files = try names.map { name in
        SourceFile(path: folder.path + "/" + name, bytes: Array(try Data(contentsOf: folder.appendingPathComponent(name))))
    }
    return try TemplateSet(builtin: files, overrides: [])
}

/// Expects the lines of `snippet` in a row, exactly, in the generated file at `path` (in any file
/// under it, for a path ending in `/`), from the first line equal to the snippet's first line.
/// A mismatch records a line diff (`-` expected, `+` generated); a first line found nowhere
/// records the generated files.
func expectSnippet(_ snippet: String, in path: String, of files: [String: String], sourceLocation: SourceLocation = #_sourceLocation) {
    let expected = lines(snippet)
    let candidates =
        path.hasSuffix("/")
        ? files.keys.filter { $0.hasPrefix(path) }.sorted()
        : files[path] == nil ? [] : [path]
    for candidate in candidates {
        let generated = lines(files[candidate] ?? "")
        guard let first = expected.first, let start = generated.firstIndex(of: first) else { continue }
        let window = Array(generated[start..<min(start + expected.count, generated.count)])
        if window != expected {
            let diff = lineDiff(expected: expected, generated: window).joined(separator: "\n")
            Issue.record("the snippet differs from \(candidate) at line \(start + 1):\n\(diff)", sourceLocation: sourceLocation)
        }
        return
    }
    let generated =
        candidates.isEmpty
        ? "no such file; the generated files are: " + files.keys.sorted().joined(separator: ", ")
        : candidates.map { "--- \($0)\n" + (files[$0] ?? "") }.joined(separator: "\n")
    Issue.record("the snippet's first line is not in \(path):\n\(snippet)\n\n\(generated)", sourceLocation: sourceLocation)
}

/// `text` split at line breaks, without the empty line after a final one.
private func lines(_ text: String) -> [String] {
    var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if result.last == "" { result.removeLast() }
    return result
}

/// A line diff from a longest common subsequence: `  ` same, `- ` expected only, `+ ` generated only.
private func lineDiff(expected: [String], generated: [String]) -> [String] {
    var common = [[Int]](repeating: [Int](repeating: 0, count: generated.count + 1), count: expected.count + 1)
    for i in stride(from: expected.count - 1, through: 0, by: -1) {
        for j in stride(from: generated.count - 1, through: 0, by: -1) {
            common[i][j] = expected[i] == generated[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
        }
    }
    var result: [String] = []
    var i = 0, j = 0
    while i < expected.count || j < generated.count {
        if i < expected.count, j < generated.count, expected[i] == generated[j] {
            result.append("  " + expected[i])
            i += 1
            j += 1
        } else if i < expected.count, j == generated.count || common[i + 1][j] >= common[i][j + 1] {
            result.append("- " + expected[i])
            i += 1
        } else {
            result.append("+ " + generated[j])
            j += 1
        }
    }
    return result
}
