import Diagnostics
import Foundation

/// Reads input files from disk: the one place the generator reads what the user gave it.
enum InputReader {
    /// The file at `path`, read once, or `nil` when it is missing, a folder or unreadable.
    static func read(_ path: String) -> SourceFile? {
        bytes(atPath: path).map { SourceFile(path: path, bytes: $0) }
    }

    /// The bytes of the file at `path`, straight into one array (no `Data` to copy from): a large
    /// spec is read once and held once.
    private static func bytes(atPath path: String) -> [UInt8]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        let expected = fstat(descriptor, &status) == 0 ? max(Int(status.st_size), 0) : 0
        var bytes = [UInt8](repeating: 0, count: expected)
        var count = 0
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            // Into the array while the size `fstat` gave lasts, then in chunks until the end.
            let intoArray = count < bytes.count
            let read =
                intoArray
                ? bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + count, $0.count - count) }
                : chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
            if read < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if read == 0 { break }
            if !intoArray { bytes += chunk[..<read] }
            count += read
        }
        bytes.removeSubrange(count...)
        return bytes
    }
}
