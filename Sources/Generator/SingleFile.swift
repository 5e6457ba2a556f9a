import Diagnostics
import OpenAPI
import Rendering

/// The whole SDK as one Swift source file, for a build step that must name its output files
/// before it runs (a SwiftPM build-tool plugin): `sdkgen generate --single-file NAME`.
///
/// The file is the per-file output, file by file in path order, each introduced by a
/// `// sdkgen:file <path>` line; files that are not Swift (`api.md`) come as `//| ` comment
/// lines. So `split(_:)` gives back exactly the files `generate` writes without the flag. Swift
/// accepts the repeated `import` lines at file scope.
public enum SingleFile {
    /// The line that starts each file's section: this prefix, then the file's relative path.
    public static let marker = "// sdkgen:file "
    /// What each line of a file that is not Swift starts with (`//|` alone for an empty line).
    public static let commentPrefix = "//| "

    /// `files` joined into one file named `name` (a file name ending in `.swift`, no folders).
    /// Throws when the name is unusable or a file would not come back whole from `split(_:)`.
    public static func combine(_ files: FileSet, named name: String) throws(DiagnosticsError) -> FileSet {
        guard name.hasSuffix(".swift"), name.count > ".swift".count, !name.contains("/"), !name.hasPrefix(".") else {
            throw DiagnosticsError([
                Diagnostic(.error, "--single-file wants a file name ending in '.swift', without folders, found '\(name)'", file: name, at: nil)
            ])
        }
        var text =
            "\(GeneratedFile.headerPrefix): the \(files.files.count) files of an SDK in one, for a build step. Do not edit\n"
            + "// this file. Each '\(marker)<path>' line starts what `sdkgen generate` writes to that path\n"
            + "// (as '\(commentPrefix)' lines when it is not Swift).\n"
        for file in files.files {
            text += "\n" + marker + file.path + "\n" + (isSwift(file.path) ? file.contents : commented(file.contents))
        }
        // Only files that `split` gives back unchanged may be joined: one holding a marker line,
        // or not ending in a newline, would not be.
        let parts = split(text)?.files ?? []
        if parts != files.files {
            let lost = zip(files.files, parts).first { $0 != $1 }?.0 ?? files.files.last
            throw DiagnosticsError([
                Diagnostic(
                    .error, "cannot join the SDK into one file: this file holds a line starting with '\(marker)' or does not end in a newline",
                    file: lost?.path ?? name, at: nil)
            ])
        }
        return FileSet([GeneratedFile(path: name, contents: text)])
    }

    /// The files a `combine(_:named:)` result holds, or `nil` when `text` is not one.
    public static func split(_ text: String) -> FileSet? {
        guard text.hasPrefix(GeneratedFile.headerPrefix) else { return nil }
        var files: [GeneratedFile] = []
        var current: (path: String, lines: [Substring])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(marker) {
                if let current { files.append(section(current)) }
                current = (String(line.dropFirst(marker.count)), [])
            } else if current != nil {
                current?.lines.append(line)
            }
        }
        guard let current else { return nil }
        files.append(section(current))
        return FileSet(files)
    }

    /// One section's file: its lines minus the blank line `combine` puts before the next marker,
    /// uncommented when the file is not Swift.
    private static func section(_ section: (path: String, lines: [Substring])) -> GeneratedFile {
        var lines = section.lines
        if lines.last?.isEmpty == true { lines.removeLast() }
        if !isSwift(section.path) {
            let empty = commentPrefix.dropLast()
            lines = lines.map { $0 == empty ? "" : $0.hasPrefix(commentPrefix) ? $0.dropFirst(commentPrefix.count) : $0 }
        }
        return GeneratedFile(path: section.path, contents: lines.joined(separator: "\n") + "\n")
    }

    /// `text`, one line per line, as `//| ` comment lines.
    private static func commented(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { $0.isEmpty ? String(commentPrefix.dropLast()) : commentPrefix + $0 }.joined(separator: "\n") + "\n"
    }

    private static func isSwift(_ path: String) -> Bool {
        path.hasSuffix(".swift")
    }
}
