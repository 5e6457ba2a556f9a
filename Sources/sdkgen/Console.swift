import Foundation
import Generator

/// What the commands print to standard error: diagnostics the way swiftc prints them (the
/// located message, the source line and a caret under the column), timings, messages.
enum Console {
    /// Prints every diagnostic of `result`.
    static func printDiagnostics<Value>(of result: JobResult<Value>) {
        for text in result.renderedDiagnostics { printError(text) }
    }

    /// Prints one line (or several) to standard error.
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
