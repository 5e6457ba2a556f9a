import Diagnostics
import Foundation
import OpenAPI

/// Prints diagnostics to standard error the way swiftc does: the located message, the source
/// line and a caret under the column.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        var sources: [String: SourceLines] = [:]  // Split once per file: there may be thousands of diagnostics.
        for diagnostic in diagnostics {
            if diagnostic.mark != nil && sources[diagnostic.file] == nil, let data = FileManager.default.contents(atPath: diagnostic.file) {
                sources[diagnostic.file] = SourceLines(String(decoding: data, as: UTF8.self))
            }
            printError(diagnostic.rendered(lines: sources[diagnostic.file]))
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
