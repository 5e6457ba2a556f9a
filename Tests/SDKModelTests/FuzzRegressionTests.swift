import Diagnostics
import Foundation
import OpenAPI
import SDKModel
import Testing
import YAML

/// Replays every input the fuzzer (`Fuzz/run.sh`) ever found a crash, timeout or leak with
/// (`Fuzz/crashes/`) and the hand-picked seeds (`Fuzz/seeds/`) through the stages the fuzz target
/// runs: the spec loader (libyaml, tree builder, loader), diagnostic rendering, the config reader
/// and the SDK model builder. Each must finish with a document or an error diagnostic.
@Suite("Fuzz regression inputs")
struct FuzzRegressionTests {
    /// `Fuzz/<folder>/*` below the package root (this file is `<root>/Tests/SDKModelTests/…`).
    static func inputs(in folder: String) -> [String] {
        let directory = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz").appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
            .map { directory.appendingPathComponent($0).path }
    }

    static let crashes = inputs(in: "crashes")
    static let seeds = inputs(in: "seeds")

    /// The only error some saved inputs must give, by file name.
    static let expectedErrors = [
        "crash-ref-chain-stack-overflow.yaml": "schemas nested deeper than 512 levels, counting through references",
        "timeout-ref-bomb.yaml": "more than 200000 schemas, counting every use of a referenced one; is this a reference bomb?",
        "timeout-ref-bomb-parameters.yaml": "more than 200000 schemas, counting every use of a referenced one; is this a reference bomb?",
    ]

    @Test("The seeds are there")
    func seedsExist() {
        #expect(Self.seeds.count >= 5, "Fuzz/seeds/ has \(Self.seeds.count) files")
    }

    @Test("Every saved crash input now loads to a result", arguments: crashes)
    func crashInput(_ path: String) throws {
        try replay(path)
    }

    @Test("Every seed loads to a result", arguments: seeds)
    func seed(_ path: String) throws {
        try replay(path)
    }

    @Test("Each cycle of component aliases is reported once, from its first member, in document order")
    func aliasCycles() {
        let spec = """
            openapi: 3.0.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                W: {$ref: '#/components/schemas/C2'}
                C1: {$ref: '#/components/schemas/C3'}
                Self: {$ref: '#/components/schemas/Self'}
                C2: {$ref: '#/components/schemas/C1'}
                C3: {$ref: '#/components/schemas/C2'}
                V: {$ref: '#/components/schemas/W'}
                D: {type: string}
                E: {$ref: '#/components/schemas/D'}
                P: {$ref: '#/components/schemas/Q'}
                Q: {$ref: '#/components/schemas/P'}
            """
        let loaded = DocumentLoader.load(SourceFile(path: "spec.yaml", bytes: Array(spec.utf8)))
        #expect(
            loaded.diagnostics.map(\.description) == [
                "spec.yaml:7:16: error: reference cycle: schema 'C1' → 'C3' → 'C2' → 'C1' never reaches a definition",
                "spec.yaml:8:18: error: reference cycle: schema 'Self' → 'Self' never reaches a definition",
                "spec.yaml:14:15: error: reference cycle: schema 'P' → 'Q' → 'P' never reaches a definition",
            ])
    }

    @Test("Rendering finds the diagnostic's line where libyaml counts it: LF, CR LF, CR, NEL, LS and PS")
    func renderedLineBreaks() {
        for lineBreak in ["\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"] {
            let source = ["openapi: 3.1.0", "info: {title: T, version: '1'}", "paths: {x: {}}", ""].joined(separator: lineBreak)
            let loaded = DocumentLoader.load(SourceFile(path: "spec.yaml", bytes: Array(source.utf8)))
            let error = loaded.diagnostics.first { $0.severity == .error }
            #expect(error?.rendered(source: source) == "spec.yaml:3:9: error: path 'x' must start with '/'\npaths: {x: {}}\n        ^")
        }
    }

    @Test("A long line is shown as an excerpt around the column")
    func renderedLongLine() {
        let lines = SourceLines(String(repeating: "a", count: 499) + "X" + String(repeating: "b", count: 500) + "\nnext")
        let diagnostic = Diagnostic(.error, "here", file: "f.json", at: SourceMark(line: 1, column: 500))
        let excerpt = "…" + String(repeating: "a", count: 80) + "X" + String(repeating: "b", count: 79) + "…"
        #expect(diagnostic.rendered(lines: lines) == "f.json:1:500: error: here\n\(excerpt)\n\(String(repeating: " ", count: 81))^")
        let start = Diagnostic(.error, "here", file: "f.json", at: SourceMark(line: 1, column: 1))
        #expect(start.rendered(lines: lines) == "f.json:1:1: error: here\n\(String(repeating: "a", count: 160))…\n^")
        let short = Diagnostic(.error, "here", file: "f.json", at: SourceMark(line: 2, column: 5))
        #expect(short.rendered(lines: lines) == "f.json:2:5: error: here\nnext\n    ^")
    }

    @Test("Lines found in the bytes are the lines of the decoded text, invalid UTF-8 included")
    func linesFromBytes() {
        // Every break, sequences cut short before a break, lone continuation and lead bytes, and a
        // run that makes some lines longer than an excerpt.
        let pieces: [[UInt8]] = [
            [0x61], Array(repeating: 0x62, count: 150), [0x0A], [0x0D], [0x0D, 0x0A], [0xC2, 0x85], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9],
            [0xE2], [0xE2, 0x80], [0xC2], [0x85], [0xA8], [0xF0, 0x9F], [0xC3, 0xA9], [0xF0, 0x9F, 0x98, 0x80],
        ]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<12 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes += pieces[Int(seed >> 33) % pieces.count]
            }
            let expected = Self.referenceLines(String(decoding: bytes, as: UTF8.self))
            let lines = SourceLines(bytes: bytes)
            for (index, line) in expected.enumerated() {
                let scalars = line.unicodeScalars
                let width = SourceLines.excerptWidth
                let shown = scalars.count > width ? String(String.UnicodeScalarView(scalars.prefix(width))) + "…" : line
                #expect(lines.excerpt(line: index + 1, column: 1)?.line == shown, "\(bytes)")
            }
            #expect(lines.excerpt(line: expected.count + 1, column: 1) == nil, "\(bytes)")
        }
    }

    /// The lines of `text` split on its decoded scalars, the way libyaml breaks lines.
    private static func referenceLines(_ text: String) -> [String] {
        var lines: [String] = []
        var line = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            guard ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar) else {
                line.append(scalar)
                continue
            }
            if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
            lines.append(String(line))
            line = String.UnicodeScalarView()
        }
        lines.append(String(line))
        return lines
    }

    /// What `Fuzz/Sources/FuzzLoader/FuzzLoader.swift` does with one input, with expectations.
    private func replay(_ path: String) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let first = bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        let file = first == 0x7B || first == 0x5B ? "fuzz.json" : "fuzz.yaml"
        let loaded = DocumentLoader.load(SourceFile(path: file, bytes: bytes))
        if let expected = Self.expectedErrors[URL(fileURLWithPath: path).lastPathComponent] {
            #expect(loaded.diagnostics.filter { $0.severity == .error }.map(\.message) == [expected])
        }
        if loaded.document == nil {
            #expect(loaded.diagnostics.contains { $0.severity == .error }, "no document and no error")
        }
        let lines = SourceLines(String(decoding: bytes, as: UTF8.self))
        for diagnostic in loaded.diagnostics {
            #expect(diagnostic.rendered(lines: lines).hasPrefix(diagnostic.description))
        }
        let configured = GeneratorConfig.load(SourceFile(path: "sdkgen.yaml", bytes: bytes))
        var all = loaded.diagnostics + configured.diagnostics
        if let document = loaded.document {
            all += SDKBuilder.build(document, config: configured.config ?? GeneratorConfig()).diagnostics
        }
        for diagnostic in all {
            guard let mark = diagnostic.mark else { continue }
            #expect(mark.line >= 1 && mark.column >= 1, "\(diagnostic)")
        }
    }
}
