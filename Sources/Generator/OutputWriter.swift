import Diagnostics
import Foundation
import Rendering

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
        let listing = Listing(of: directory)
        // Each target is read once (on all cores): refuse before writing anything when a target
        // path holds a hand-written file, and leave files already holding these bytes untouched.
        let states = SwiftRenderer.concurrentMap(files.files) { state(of: $0, in: directory) }
        if let index = states.firstIndex(of: .handWritten) {
            let path = directory + "/" + files.files[index].path
            throw DiagnosticsError([
                Diagnostic(
                    .error,
                    "refusing to overwrite a file sdkgen did not generate (it does not start with '\(GeneratedFile.headerPrefix)'); move it away or rename the type",
                    file: path, at: nil)
            ])
        }
        var report = WriteReport()
        for (file, state) in zip(files.files, states) {
            let path = directory + "/" + file.path
            if state == .unchanged {
                report.unchanged.append(file.path)
                continue
            }
            let data = Data(file.contents.utf8)
            do {
                let url = URL(fileURLWithPath: path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url, options: .atomic)
            } catch {
                throw DiagnosticsError([Diagnostic(.error, "cannot write the file: \(error.localizedDescription)", file: path, at: nil)])
            }
            report.written.append(file.path)
        }
        for stale in listing.generatedFiles(notIn: files) {
            do {
                try FileManager.default.removeItem(atPath: directory + "/" + stale)
            } catch {
                throw DiagnosticsError([
                    Diagnostic(
                        .error, "cannot remove the stale generated file: \(error.localizedDescription)", file: directory + "/" + stale, at: nil)
                ])
            }
            report.removed.append(stale)
        }
        removeEmptyFolders(listing.folders)
        return report
    }

    /// What a target path holds now, compared with the file to be written there.
    private enum TargetState: Equatable {
        case absent, handWritten, unchanged, changed
    }

    private static func state(of file: GeneratedFile, in directory: String) -> TargetState {
        guard let data = FileManager.default.contents(atPath: directory + "/" + file.path) else { return .absent }
        guard isGenerated(data) else { return .handWritten }
        return hasBytes(data, of: file.contents) ? .unchanged : .changed
    }

    /// Whether `data` is exactly `text`'s UTF-8, without copying either.
    private static func hasBytes(_ data: Data, of text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            data.count == bytes.count
                && data.withUnsafeBytes { data in
                    bytes.isEmpty || memcmp(data.baseAddress!, bytes.baseAddress!, bytes.count) == 0
                }
        }
    }

    /// The files and folders below an output folder, listed once.
    private struct Listing {
        /// Relative paths of the files.
        var files: [String] = []
        /// Full paths of the folders.
        var folders: [String] = []

        init(of directory: String) {
            self.directory = directory
            guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return }
            while let relative = enumerator.nextObject() as? String {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: directory + "/" + relative, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    folders.append(directory + "/" + relative)
                } else {
                    files.append(relative)
                }
            }
        }

        private let directory: String

        /// Generated files that are not in `files` (stale ones), sorted; only these are opened.
        func generatedFiles(notIn files: FileSet) -> [String] {
            let expected = Set(files.files.map(\.path))
            return self.files.filter { !expected.contains($0) && OutputWriter.startsWithHeader(directory + "/" + $0) }.sorted()
        }
    }

    /// How `directory` differs from `files`; empty when it is up to date.
    public static func differences(_ files: FileSet, in directory: String) -> [OutputDifference] {
        var result: [OutputDifference] = []
        let existing = SwiftRenderer.concurrentMap(files.files) { FileManager.default.contents(atPath: directory + "/" + $0.path) }
        for (file, existing) in zip(files.files, existing) {
            guard let data = existing else {
                result.append(
                    OutputDifference(
                        path: file.path, kind: .missing, diff: UnifiedDiff.make(old: "", new: file.contents, oldName: "/dev/null", newName: file.path)
                    ))
                continue
            }
            if !hasBytes(data, of: file.contents) {
                let old = String(decoding: data, as: UTF8.self)
                result.append(
                    OutputDifference(
                        path: file.path, kind: .changed, diff: UnifiedDiff.make(old: old, new: file.contents, oldName: file.path, newName: file.path))
                )
            }
        }
        for stale in Listing(of: directory).generatedFiles(notIn: files) {
            result.append(OutputDifference(path: stale, kind: .stale, diff: ""))
        }
        return result
    }

    /// Whether a file's bytes start with the generated header.
    static func isGenerated(_ data: Data) -> Bool {
        data.starts(with: Data(GeneratedFile.headerPrefix.utf8)) || data.starts(with: Data(GeneratedFile.markdownHeaderPrefix.utf8))
    }

    /// Whether the file at `path` can be opened and starts with a generated header.
    static func startsWithHeader(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        let prefix = (try? handle.read(upToCount: GeneratedFile.markdownHeaderPrefix.utf8.count)) ?? Data()
        try? handle.close()
        return isGenerated(prefix)
    }

    /// Removes the empty ones of `folders` (listed before the write), deepest first.
    private static func removeEmptyFolders(_ folders: [String]) {
        for folder in folders.sorted(by: >) where (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true {
            try? FileManager.default.removeItem(atPath: folder)
        }
    }
}
