import Foundation
import Testing

@Suite("Determinism: same input, byte-identical output")
struct DeterminismTests {
    @Test("8 parallel processes, each in another working directory, locale, time zone and hash seed, write identical bytes")
    func parallelProcesses() async throws {
        let root = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let binary = try toolPath()
        let spec = packageRoot + "/Tests/Golden/Showcase/openapi.yaml"
        let config = packageRoot + "/Tests/Golden/Showcase/sdkgen.yaml"
        let locales = ["C", "en_US.UTF-8", "tr_TR.UTF-8", "de_DE.UTF-8", "ja_JP.UTF-8", "ar_SA.UTF-8", "C.UTF-8", "fr_FR.UTF-8"]
        let zones = [
            "UTC", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Chatham", "Europe/Istanbul", "Australia/Eucla", "UTC", "America/St_Johns",
        ]
        var processes: [(Process, String)] = []
        for index in 0..<8 {
            let directory = root + "/run\(index)/nested/\(String(repeating: "d", count: index + 1))"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            // Relative paths from each working directory, so nothing absolute can leak into the output.
            let up = String(repeating: "../", count: directory.split(separator: "/").count)
            process.arguments = ["generate", "--spec", up + spec.dropFirst(), "--config", up + config.dropFirst(), "--output", "SDK"]
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            var environment = ProcessInfo.processInfo.environment
            environment["LANG"] = locales[index]
            environment["LC_ALL"] = locales[index]
            environment["TZ"] = zones[index]
            environment["SWIFT_DETERMINISTIC_HASHING"] = index.isMultiple(of: 2) ? "1" : nil
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            processes.append((process, directory + "/SDK"))
        }
        for (process, _) in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.0.terminationStatus == 0 })
        let outputs = processes.map { snapshot($0.1) }
        #expect(outputs[0].count > 15)
        for (index, output) in outputs.enumerated().dropFirst() {
            #expect(output == outputs[0], "run \(index) differs from run 0")
        }
        #expect(outputs[0] == snapshot(packageRoot + "/Tests/Golden/Showcase/Expected"), "and equal to the golden files")
    }
}
