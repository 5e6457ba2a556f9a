import Diagnostics
import YAML

extension Loader {
    /// The index of the file a reference names by `relativePath` (already split from its
    /// fragment), read and parsed the first time; `nil` with an error at `mark` when it cannot
    /// be: a URL, a path outside the spec's folder, a missing file, or beyond the limits.
    func referencedFile(_ relativePath: String, reference: String, at mark: SourceMark) -> Int? {
        if Self.hasURLScheme(relativePath) {
            log.error(
                "'\(reference)' is a URL; sdkgen never fetches one: save the file in the spec's folder and reference it by a relative path",
                at: mark)
            return nil
        }
        let decoded = Self.percentDecoded(relativePath) ?? relativePath
        if decoded.hasPrefix("/") {
            log.error("'\(reference)' is an absolute path; a reference names a file relative to the file it is in", at: mark)
            return nil
        }
        let referringFolder = FilePath.components(of: log.path(of: mark)).dropLast()
        let components = FilePath.normalized(Array(referringFolder) + FilePath.components(of: decoded))
        guard FilePath.isInside(components, folder: specFolder) else {
            log.error(
                "'\(reference)' leads outside the spec's folder '\(FilePath.joined(specFolder))'; sdkgen reads only files inside it",
                at: mark)
            return nil
        }
        let path = FilePath.joined(components)
        if let index = fileIndexByPath[path] { return fileRoots[index] == nil ? nil : index }
        guard let reader else {
            log.error("'\(reference)' names another file, and this spec was not read from a folder", at: mark)
            return nil
        }
        guard fileRoots.count < referenceLimits.maxFiles else {
            log.error("the spec references more than \(referenceLimits.maxFiles) files; is this a reference bomb?", at: mark)
            return nil
        }
        let bytes: [UInt8]
        switch reader.read(path) {
        case .missing:
            log.error("the file '\(path)' that '\(reference)' names does not exist", at: mark)
            return nil
        case .outsideFolder:
            log.error(
                "'\(path)', which '\(reference)' names, is a link to a file outside the spec's folder; sdkgen reads only files inside it", at: mark)
            return nil
        case .bytes(let read):
            bytes = read
        }
        totalBytes += bytes.count
        guard totalBytes <= referenceLimits.maxTotalBytes else {
            log.error("the files the spec references are more than \(referenceLimits.maxTotalBytes) bytes together", at: mark)
            return nil
        }
        let index = fileRoots.count
        log.addFile(path)
        readSources.append(SourceFile(path: path, bytes: bytes))
        let (root, failed) = parse(bytes, path: path, fileIndex: index)
        fileRoots.append(root)
        fileIndexByPath[path] = index
        if root == nil, !failed {
            log.error("the file '\(path)' that '\(reference)' names is empty", at: mark)
        }
        return root == nil ? nil : index
    }

    /// The tree of a referenced file (`nil` when empty), or `failed` with the syntax error reported
    /// in that file; a `.json` file must be strict JSON, as the spec itself.
    private func parse(_ bytes: [UInt8], path: String, fileIndex: Int) -> (root: YAMLNode?, failed: Bool) {
        if path.hasSuffix(".json"), var comma = JSONStrictness.firstTrailingComma(in: bytes) {
            comma.fileIndex = fileIndex
            log.error("a trailing comma is not allowed in JSON", at: comma)
            return (nil, true)
        }
        do {
            return (try YAMLParser(limits: yamlLimits, fileIndex: fileIndex).parse(bytes), false)
        } catch {
            var mark = error.mark
            mark.fileIndex = fileIndex
            log.error(error.message, at: mark)
            return (nil, true)
        }
    }

    /// Whether `text` starts with a URI scheme (`https:`, `file:`, `urn:`): letters, digits,
    /// `+`, `-` or `.` after a letter, up to a `:` that comes before any `/`.
    static func hasURLScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), let first = text.first, first.isASCII, first.isLetter else { return false }
        return text[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}

/// Paths as lists of components, joined and compared as text: the loader decides what is inside
/// the spec's folder without asking the file system.
enum FilePath {
    /// The components of `path`; an absolute path starts with the component `/`.
    static func components(of path: String) -> [String] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        return normalized((path.hasPrefix("/") ? ["/"] : []) + parts)
    }

    /// `components` without `.`, and with each `..` taking away the component before it where
    /// there is one (a leading `..` of a relative path stays; `/..` is `/`).
    static func normalized(_ components: [String]) -> [String] {
        var result: [String] = []
        for component in components {
            switch component {
            case ".":
                continue
            case "..":
                if let last = result.last, last != "..", last != "/" {
                    result.removeLast()
                } else if result.last != "/" {
                    result.append("..")
                }
            default:
                result.append(component)
            }
        }
        return result
    }

    /// Whether the normalized `components` name something below `folder` (normalized too).
    static func isInside(_ components: [String], folder: [String]) -> Bool {
        guard components.count > folder.count, components.starts(with: folder) else { return false }
        return !components[folder.count...].contains("..") && components[folder.count] != "/"
    }

    /// The path of `components`; `.` for none.
    static func joined(_ components: [String]) -> String {
        guard let first = components.first else { return "." }
        if first == "/" { return "/" + components.dropFirst().joined(separator: "/") }
        return components.joined(separator: "/")
    }
}
