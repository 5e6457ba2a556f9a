import Diagnostics
import Rendering

/// The SDK as a fixed list of Swift files whose names follow from the target's name alone, for a
/// build step that must name its outputs before it runs (SwiftPM's build-tool plugin):
/// `sdkgen generate --plugin-layout <Target>`.
///
/// The files are buckets of the files `generate` writes without the flag:
/// - `<Target>.Client.swift`: every file at the top of the output (the client, the error type,
///   the webhook event and its verification, `api.md` as `//| ` comment lines);
/// - `<Target>.Part01.swift` … `<Target>.Part16.swift`: each a sixteenth of the models and of the
///   resources. `Models/ModelsNN.swift` goes into part `(NN - 1) % 16 + 1` (there are 16 to 256
///   model files, always a multiple of 16, and a model's file is a stable hash of its name, so a
///   model is in part `hash % 16 + 1` whatever the count); a resource file goes into the part a
///   stable hash (FNV-1a) of its path picks.
///
/// Why parts that mix models and resources: a debug build compiles a module's files in batches of
/// consecutive files (in name order, at least one batch a core), and the models are most of the
/// code. Buckets of models alone, named so they sort together, would fill the first batches while
/// the last ones, all resources, finished early; parts of equal weight keep every core busy.
///
/// Each bucket holds its files in path order, each introduced by a `// sdkgen:file <path>` line,
/// so `split(_:)` gives back exactly the files `generate` writes without the flag. Every bucket is
/// written on every run, an empty one as just its header comment, so SwiftPM compiles the buckets
/// in parallel and a spec change recompiles only the buckets whose bytes changed.
public enum PluginLayout {
    /// The line that starts each file's section: this prefix, then the file's relative path.
    public static let marker = "// sdkgen:file "
    /// What each line of a file that is not Swift starts with (`//|` alone for an empty line).
    public static let commentPrefix = "//| "
    /// How many parts hold the models and resources.
    public static let partCount = ModelFiles.minimumFileCount

    /// The names of the files `combine(_:target:)` makes for `target`, sorted: what a build
    /// plugin declares as its outputs. SDKGenPlugin repeats this rule (it cannot import sdkgen)
    /// and passes its list as `--declared-output`, which `generate` checks with `mismatch(declared:target:)`.
    public static func fileNames(target: String) -> [String] {
        [clientBucket(target)] + (1...partCount).map { part(target, $0) }
    }

    /// The bucket `path` (a path of the per-file output) goes into.
    public static func bucket(of path: String, target: String) -> String {
        guard path.contains("/") else { return clientBucket(target) }
        let prefix = "Models/Models"
        if path.hasPrefix(prefix), path.hasSuffix(".swift"), let number = Int(path.dropFirst(prefix.count).dropLast(".swift".count)), number >= 1 {
            return part(target, (number - 1) % partCount + 1)
        }
        return part(target, Int(ModelFiles.fnv1a(path) % UInt64(partCount)) + 1)
    }

    /// `files` put into exactly the buckets `fileNames(target:)` names, empty ones included.
    /// Throws when `target` cannot start a file name or a file would not come back whole from
    /// `split(_:)` (it holds a marker line or does not end in a newline).
    public static func combine(_ files: FileSet, target: String) throws(DiagnosticsError) -> FileSet {
        guard !target.isEmpty, !target.hasPrefix("."), !target.contains(where: { $0 == "/" || $0.isNewline }) else {
            throw DiagnosticsError([
                Diagnostic(
                    .error, "--plugin-layout wants a target name without '/' or line breaks, not starting with '.', found '\(target)'", file: target,
                    at: nil)
            ])
        }
        var contents: [String: [GeneratedFile]] = [:]
        for file in files.files { contents[bucket(of: file.path, target: target), default: []].append(file) }
        var buckets: [GeneratedFile] = []
        for name in fileNames(target: target) {
            let members = contents[name] ?? []
            var text =
                "\(GeneratedFile.headerPrefix): \(members.count) of the files of an SDK, for a build step. Do not edit\n"
                + "// this file. Each '\(marker)<path>' line starts what `sdkgen generate` writes to that path\n"
                + "// (as '\(commentPrefix)' lines when it is not Swift).\n"
            for file in members {
                text += "\n" + marker + file.path + "\n" + (isSwift(file.path) ? file.contents : commented(file.contents))
            }
            // Only files that `split` gives back unchanged may be joined: one holding a marker
            // line, or not ending in a newline, would not be.
            let parts = split([text])?.files ?? []
            if parts != members {
                let lost = zip(members, parts).first { $0 != $1 }?.0 ?? members.last
                throw DiagnosticsError([
                    Diagnostic(
                        .error,
                        "cannot put this file into \(name): it holds a line starting with '\(marker)' or does not end in a newline",
                        file: lost?.path ?? name, at: nil)
                ])
            }
            buckets.append(GeneratedFile(path: name, contents: text))
        }
        return FileSet(buckets)
    }

    /// The files the buckets `texts` (from `combine(_:target:)`) hold, or `nil` when one of the
    /// texts is not such a bucket.
    public static func split(_ texts: [String]) -> FileSet? {
        var files: [GeneratedFile] = []
        for text in texts {
            guard text.hasPrefix(GeneratedFile.headerPrefix) else { return nil }
            var current: (path: String, lines: [Substring])?
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix(marker) {
                    if let current { files.append(section(current)) }
                    current = (String(line.dropFirst(marker.count)), [])
                } else if current != nil {
                    current?.lines.append(line)
                }
            }
            if let current { files.append(section(current)) }
        }
        return FileSet(files)
    }

    /// What is wrong when `declared` (what a build plugin declared as its outputs) is not exactly
    /// `fileNames(target:)`, or `nil`: a plugin out of step with this sdkgen would compile the
    /// wrong files.
    public static func mismatch(declared: [String], target: String) -> String? {
        let expected = fileNames(target: target)
        guard declared.sorted() != expected else { return nil }
        let missing = expected.filter { !declared.contains($0) }
        let extra = declared.filter { !expected.contains($0) }
        return "the build plugin declares other outputs than sdkgen writes for '\(target)' (not declared: "
            + (missing.isEmpty ? "none" : missing.joined(separator: ", ")) + "; declared but not written: "
            + (extra.isEmpty ? "none" : extra.joined(separator: ", ")) + "); the plugin and sdkgen are out of step"
    }

    private static func clientBucket(_ target: String) -> String {
        target + ".Client.swift"
    }

    private static func part(_ target: String, _ number: Int) -> String {
        target + ".Part" + (number < 10 ? "0" : "") + String(number) + ".swift"
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
