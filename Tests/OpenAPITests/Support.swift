import Diagnostics
import OpenAPI
import Testing
import YAML

/// Loads `text` as a spec named `spec.yaml`.
func load(_ text: String) -> LoadResult {
    DocumentLoader.load(SourceFile(path: "spec.yaml", bytes: Array(text.utf8)))
}

/// The one error loading `text` gives, as `line:column: message`; records an issue otherwise.
func onlyError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
    let result = load(text)
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(result.document == nil, "a document with errors must not be returned", sourceLocation: sourceLocation)
    guard errors.count == 1, let error = errors.first else {
        Issue.record("expected exactly one error, got: \(result.diagnostics.map(\.description))", sourceLocation: sourceLocation)
        return nil
    }
    return error.description
}

/// A minimal valid 3.1 document with `paths` replaced by `paths` and `extra` appended.
func document(paths: String = "{}", extra: String = "") -> String {
    """
    openapi: 3.1.0
    info:
      title: Test
      version: '1'
    paths: \(paths)
    \(extra)
    """
}

/// The repository root (for reading `Specs/`).
let packageRoot: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()
