import Foundation
import Testing

/// The package root, found from this file's path.
let packageRoot: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

/// A fresh empty folder under the system temporary folder.
func makeTemporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("sdkgen-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Writes `text` to `path`, creating folders.
func write(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

/// Every file below `folder` with its bytes, for before/after comparisons.
func snapshot(_ folder: String) -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return result }
    while let relative = enumerator.nextObject() as? String {
        if let data = FileManager.default.contents(atPath: folder + "/" + relative) {
            result[relative] = data
        }
    }
    return result
}

/// The result of running the built `sdkgen` executable.
struct ToolRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the `sdkgen` binary built next to the test bundle with `arguments` in `directory`.
func runTool(_ arguments: [String], in directory: String = packageRoot) throws -> ToolRun {
    let executable = URL(fileURLWithPath: try toolPath())
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ToolRun(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
}

/// The built `sdkgen` executable next to the test bundle.
func toolPath() throws -> String {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sdkgen")
    if FileManager.default.isExecutableFile(atPath: binary.path) { return binary.path }
    let upper = binary.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("sdkgen")
    try #require(FileManager.default.isExecutableFile(atPath: upper.path), "sdkgen binary not found at \(binary.path)")
    return upper.path
}
