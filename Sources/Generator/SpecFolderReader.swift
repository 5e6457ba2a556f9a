import Foundation
import OpenAPI

/// Reads the files a spec's references name, and only those inside the spec's folder: the
/// loader has checked the path as text, and this reader checks it again with symbolic links
/// followed, so a link in the folder cannot lead out of it.
struct SpecFolderReader: SpecFileReader {
    /// The spec's folder, links resolved.
    let realFolder: String

    /// A reader for the folder of the spec at `specPath`.
    init(specPath: String) {
        let folder = URL(fileURLWithPath: specPath).deletingLastPathComponent()
        realFolder = folder.resolvingSymlinksInPath().standardizedFileURL.path
    }

    func read(_ path: String) -> SpecFileRead {
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        let prefix = realFolder.hasSuffix("/") ? realFolder : realFolder + "/"
        guard real.hasPrefix(prefix) else {
            return FileManager.default.fileExists(atPath: path) ? .outsideFolder : .missing
        }
        return InputReader.read(path).map { .bytes($0.bytes) } ?? .missing
    }
}
