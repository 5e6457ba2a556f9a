import Testing

@testable import Rendering

/// How many files a generated SDK's models are spread over, and which one each model is in.
@Suite("Model files")
struct ModelFilesTests {
    @Test(
        "The count of model files doubles with every doubling of the models above 800, from 16 to 256",
        arguments: [
            (0, 16), (1, 16), (94, 16), (799, 16), (800, 32), (1_599, 32), (1_600, 64), (3_199, 64), (3_378, 128), (6_400, 256),
            (14_000, 256), (1_000_000, 256),
        ])
    func fileCount(models: Int, files: Int) {
        #expect(ModelFiles(modelCount: models).fileCount == files)
    }

    @Test("File names have as many digits as the largest number, so they sort in number order")
    func fileNames() {
        let small = ModelFiles(modelCount: 10)
        let large = ModelFiles(modelCount: 3_378)
        let smallNames = Set((0..<2_000).map { small.path(for: "Type\($0)") })
        let largeNames = Set((0..<2_000).map { large.path(for: "Type\($0)") })
        #expect(smallNames == Set((1...16).map { "Models/Models" + ($0 < 10 ? "0" : "") + "\($0).swift" }))
        #expect(largeNames.count == 128)
        #expect(largeNames.contains("Models/Models001.swift") && largeNames.contains("Models/Models128.swift"))
        #expect(largeNames.allSatisfy { $0.count == "Models/Models001.swift".count })
    }

    @Test("A model's file is a fixed hash of its name (64-bit FNV-1a), the same on every run and machine")
    func stableHash() {
        // FNV-1a's published test values: the empty string and "a".
        #expect(ModelFiles.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(ModelFiles.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(ModelFiles(modelCount: 94).path(for: "Chat") == "Models/Models" + format2(ModelFiles.fnv1a("Chat") % 16 + 1) + ".swift")
    }

    private func format2(_ number: UInt64) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
