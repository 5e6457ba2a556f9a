import CFuzzerDriver
import Diagnostics
import OpenAPI
import SDKModel
import YAML

/// The program's entry point. SwiftPM links every executable on Linux with `main` defined as
/// `<module>_main` (so that tests could link the module), which keeps libFuzzer's own `main` out:
/// this one hands the command line to libFuzzer's driver instead.
@_cdecl("FuzzLoader_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzz)
}

/// One libFuzzer input: the bytes go through every stage `sdkgen generate` runs before rendering,
/// the way the command runs them on a spec and a config file it was given.
///
/// - `DocumentLoader.load(_:)`: libyaml's event parser, the tree builder with its
///   limits, then the loader (`$ref` resolution, cycle detection, every shape check);
/// - `Diagnostic.rendered(lines:)`, as the command prints diagnostics (the first thousand);
/// - `GeneratorConfig.load(_:)`, the `sdkgen.yaml` reader, on the same bytes;
/// - `SDKBuilder.build` when the document loaded without errors.
///
/// A crash, a sanitizer report, a broken invariant below, a timeout or running out of memory is
/// a finding; diagnostics of any kind are not. `Tests/SDKModelTests/FuzzRegressionTests.swift`
/// replays every input saved in `Fuzz/crashes/` and `Fuzz/seeds/` through the same stages.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let file = looksLikeJSON(bytes) ? "fuzz.json" : "fuzz.yaml"  // `.json` turns on the JSON-only checks.
    let loaded = DocumentLoader.load(SourceFile(path: file, bytes: bytes))
    check(loaded.diagnostics)
    if loaded.document == nil {
        precondition(loaded.diagnostics.contains { $0.severity == .error }, "no document and no error")
    }
    if !loaded.diagnostics.isEmpty {
        let lines = SourceLines(String(decoding: bytes, as: UTF8.self))
        // Each is rendered alone; past the first thousand (an alias-multiplied flood can have
        // 100,000) they would only spend time in ASan's allocator.
        for diagnostic in loaded.diagnostics.prefix(1000) {
            _ = diagnostic.rendered(lines: lines)
        }
    }
    let configured = GeneratorConfig.load(SourceFile(path: "sdkgen.yaml", bytes: bytes))
    check(configured.diagnostics)
    if let document = loaded.document {
        let built = SDKBuilder.build(document, config: configured.config ?? GeneratorConfig())
        check(built.diagnostics)
    }
    return 0
}

/// Whether the first non-blank byte opens a JSON object or array.
private func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
    let first = bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    return first == 0x7B || first == 0x5B
}

/// Every located diagnostic points at a real position (1-based line and column).
private func check(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        guard let mark = diagnostic.mark else { continue }
        precondition(mark.line >= 1 && mark.column >= 1, "diagnostic at \(mark): \(diagnostic.message)")
    }
}
