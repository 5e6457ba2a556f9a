import Foundation

/// A spec and its config as a git revision has them, copied out into a temporary folder so the
/// loader reads them like any other files (and stays inside their folder, as it always does).
public struct GitSnapshot: Sendable {
    /// The revision as the user named it, e.g. `main`.
    public var revision: String
    /// The temporary folder; removed by `remove()`.
    public var directory: String
    /// The spec and config inside `directory`, for `Pipeline.diff`.
    public var input: GenerationInput
    /// The folder of the repository's top, with a trailing slash (to name files as `REV:path`).
    private var repositoryRoot: String

    /// Why a snapshot could not be made.
    public struct Failure: Error, Sendable {
        /// What went wrong, for `sdkgen: error: …`.
        public var message: String
    }

    /// The files of `input`'s spec folder (and its config) at `revision` of the git repository
    /// holding them.
    public static func export(_ input: GenerationInput, at revision: String) throws(Failure) -> GitSnapshot {
        guard !revision.hasPrefix("-") else { throw Failure(message: "'\(revision)' is not a git revision") }
        let specURL = URL(fileURLWithPath: input.specPath).standardizedFileURL
        let specFolder = specURL.deletingLastPathComponent().path
        let top = try git(["rev-parse", "--show-toplevel"], in: specFolder).trimmingCharacters(in: .whitespacesAndNewlines)
        let root = URL(fileURLWithPath: top).resolvingSymlinksInPath().path + "/"
        guard (try? git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: top)) != nil else {
            throw Failure(message: "'\(revision)' is not a commit of the git repository at \(top)")
        }
        func inRepository(_ path: String) throws(Failure) -> String {
            let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            guard resolved.hasPrefix(root) else { throw Failure(message: "\(path) is not in the git repository at \(top)") }
            return String(resolved.dropFirst(root.count))
        }
        let specInRepository = try inRepository(specURL.path)
        let folderInRepository = URL(fileURLWithPath: specInRepository).deletingLastPathComponent().relativePath
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sdkgen-diff-\(UUID().uuidString)").path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw Failure(message: "cannot create a temporary folder: \(error.localizedDescription)")
        }
        var snapshot = GitSnapshot(revision: revision, directory: directory, input: input, repositoryRoot: root)
        do throws(Failure) {
            let archive = directory + "/snapshot.tar"
            _ = try git(["archive", "--format=tar", "-o", archive, revision, "--", folderInRepository], in: top)
            _ = try run("/usr/bin/env", ["tar", "-xf", archive, "-C", directory], in: top)
            try? FileManager.default.removeItem(atPath: archive)
            snapshot.input = GenerationInput(specPath: directory + "/" + specInRepository)
            if let config = input.configPath {
                let configInRepository = try inRepository(config)
                let copied = directory + "/" + configInRepository
                if !FileManager.default.fileExists(atPath: copied) {
                    let text = try git(["show", "\(revision):\(configInRepository)"], in: top)
                    try? FileManager.default.createDirectory(
                        atPath: URL(fileURLWithPath: copied).deletingLastPathComponent().path, withIntermediateDirectories: true)
                    guard FileManager.default.createFile(atPath: copied, contents: Data(text.utf8)) else {
                        throw Failure(message: "cannot write \(copied)")
                    }
                }
                snapshot.input.configPath = copied
            }
            guard FileManager.default.fileExists(atPath: snapshot.input.specPath) else {
                throw Failure(message: "\(specInRepository) does not exist at \(revision)")
            }
        } catch {
            snapshot.remove()
            throw error
        }
        return snapshot
    }

    /// The newest commit that changed `path` (a file or folder), `nil` when git knows none.
    public static func lastCommit(changing path: String) -> String? {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let folder = (FileManager.default.fileExists(atPath: url.path) ? url : url.deletingLastPathComponent()).path
        guard let output = try? git(["log", "-1", "--format=%H", "--", url.path], in: folder) else { return nil }
        let commit = output.trimmingCharacters(in: .whitespacesAndNewlines)
        return commit.isEmpty ? nil : commit
    }

    /// How the report names a file of the snapshot: `main:Specs/linq.yaml`.
    public func name(_ path: String) -> String {
        let prefix = directory + "/"
        guard path.hasPrefix(prefix) else { return path }
        return "\(revision):\(path.dropFirst(prefix.count))"
    }

    /// Deletes the temporary folder.
    public func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private static func git(_ arguments: [String], in directory: String) throws(Failure) -> String {
        try run("/usr/bin/env", ["git"] + arguments, in: directory)
    }

    /// Runs a program and returns its standard output; a failure carries its standard error.
    private static func run(_ executable: String, _ arguments: [String], in directory: String) throws(Failure) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Failure(message: "cannot run \(arguments.first ?? executable): \(error.localizedDescription)")
        }
        // Read before waiting, so a large output cannot fill the pipe and stall the child.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(message: "`\(arguments.joined(separator: " "))` failed: \(message)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
