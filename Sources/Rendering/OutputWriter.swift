import Foundation
import OpenAPI

/// What a write changed.
public struct WriteReport: Sendable, Hashable {
    /// Files whose bytes changed or that are new.
    public var written: [String] = []
    /// Files already holding exactly these bytes (not touched, so builds stay incremental).
    public var unchanged: [String] = []
    /// Generated files no longer part of the SDK, removed.
    public var removed: [String] = []
}

/// How the output folder differs from a file set.
public struct OutputDifference: Sendable, Hashable {
    /// What kind of difference.
    public enum Kind: String, Sendable, Hashable {
        case missing, changed, stale
    }

    /// The file's path relative to the output folder.
    public var path: String
    /// What differs.
    public var kind: Kind
    /// A unified diff from the file on disk to the expected file (empty for stale files).
    public var diff: String
}

/// Writes a file set into a folder: all checks first, then each changed file atomically; stale
/// generated files are removed; files without the generated header are never touched.
public enum OutputWriter {
    /// Writes `files` below `directory` (created when missing).
    public static func write(_ files: FileSet, to directory: String) throws(DiagnosticsError) -> WriteReport {
        let existing = generatedFiles(in: directory)
        // Refuse before writing anything when a target path holds a hand-written file.
        for file in files.files {
            let path = directory + "/" + file.path
            if let data = FileManager.default.contents(atPath: path), !isGenerated(data) {
                throw DiagnosticsError([Diagnostic(.error, "refusing to overwrite a file sdkgen did not generate (it does not start with '\(GeneratedFile.headerPrefix)'); move it away or rename the type", file: path, at: nil)])
            }
        }
        var report = WriteReport()
        for file in files.files {
            let path = directory + "/" + file.path
            let data = Data(file.contents.utf8)
            if FileManager.default.contents(atPath: path) == data {
                report.unchanged.append(file.path)
                continue
            }
            do {
                let url = URL(fileURLWithPath: path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url, options: .atomic)
            } catch {
                throw DiagnosticsError([Diagnostic(.error, "cannot write the file: \(error.localizedDescription)", file: path, at: nil)])
            }
            report.written.append(file.path)
        }
        let expected = Set(files.files.map(\.path))
        for stale in existing where !expected.contains(stale) {
            do {
                try FileManager.default.removeItem(atPath: directory + "/" + stale)
            } catch {
                throw DiagnosticsError([Diagnostic(.error, "cannot remove the stale generated file: \(error.localizedDescription)", file: directory + "/" + stale, at: nil)])
            }
            report.removed.append(stale)
        }
        removeEmptyFolders(below: directory)
        return report
    }

    /// How `directory` differs from `files`; empty when it is up to date.
    public static func differences(_ files: FileSet, in directory: String) -> [OutputDifference] {
        var result: [OutputDifference] = []
        for file in files.files {
            let path = directory + "/" + file.path
            guard let data = FileManager.default.contents(atPath: path) else {
                result.append(OutputDifference(path: file.path, kind: .missing, diff: UnifiedDiff.make(old: "", new: file.contents, oldName: "/dev/null", newName: file.path)))
                continue
            }
            if data != Data(file.contents.utf8) {
                let old = String(decoding: data, as: UTF8.self)
                result.append(OutputDifference(path: file.path, kind: .changed, diff: UnifiedDiff.make(old: old, new: file.contents, oldName: file.path, newName: file.path)))
            }
        }
        let expected = Set(files.files.map(\.path))
        for stale in generatedFiles(in: directory) where !expected.contains(stale) {
            result.append(OutputDifference(path: stale, kind: .stale, diff: ""))
        }
        return result
    }

    /// Whether a file's bytes start with the generated header.
    static func isGenerated(_ data: Data) -> Bool {
        data.starts(with: Data(GeneratedFile.headerPrefix.utf8)) || data.starts(with: Data(GeneratedFile.markdownHeaderPrefix.utf8))
    }

    /// Relative paths of every generated file below `directory`, sorted.
    static func generatedFiles(in directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let path = directory + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let handle = FileHandle(forReadingAtPath: path) else { continue }
            let prefix = (try? handle.read(upToCount: GeneratedFile.markdownHeaderPrefix.utf8.count)) ?? Data()
            try? handle.close()
            if isGenerated(prefix) { result.append(relative) }
        }
        return result.sorted()
    }

    private static func removeEmptyFolders(below directory: String) {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return }
        var folders: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + relative, isDirectory: &isDirectory), isDirectory.boolValue {
                folders.append(directory + "/" + relative)
            }
        }
        for folder in folders.sorted(by: >) where (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true {
            try? FileManager.default.removeItem(atPath: folder)
        }
    }
}
