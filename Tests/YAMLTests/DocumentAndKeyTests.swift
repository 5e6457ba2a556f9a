import Testing

@testable import YAML

@Suite struct DocumentAndKeyTests {
    @Test func duplicateKeyIsAnError() {
        let error = parseError("name: a\nother: b\nname: c\n")
        #expect(error == YAMLError("duplicate key 'name' (first defined at 1:1)", at: at(3, 1)))
    }

    @Test func duplicateKeyIgnoresQuoting() {
        let error = parseError("x: 0\n\"a\": 1\nb: {a: 1, 'a': 2}\n")
        #expect(error == YAMLError("duplicate key 'a' (first defined at 3:5)", at: at(3, 11)))
    }

    @Test func sameKeyInDifferentMappingsIsFine() throws {
        let root = try #require(try parse("a: {x: 1}\nb: {x: 2}\nc:\n  - x: 3\n  - x: 4\n"))
        #expect(root["b"]?["x"]?.string == "2")
    }

    @Test func manyKeysKeepSourceOrder() throws {
        let count = 5_000
        let text = (0..<count).reversed().map { "key\($0): \($0)\n" }.joined()
        let pairs = try #require(try parse(text)?.mapping)
        #expect(pairs.count == count)
        #expect(pairs.first?.key == scalar("key4999", 1, 1))
        #expect(pairs.last?.key == scalar("key0", count, 1))
    }

    @Test func duplicateAmongManyKeysIsFound() {
        // Past the index threshold, and the duplicate of a key from before the index was built.
        let text = (0..<3_000).map { "key\($0): \($0)\n" }.joined() + "key3: again\n"
        #expect(parseError(text) == YAMLError("duplicate key 'key3' (first defined at 4:1)", at: at(3_001, 1)))
        let late = (0..<3_000).map { "key\($0): \($0)\n" }.joined() + "key2999: again\n"
        #expect(parseError(late) == YAMLError("duplicate key 'key2999' (first defined at 3000:1)", at: at(3_001, 1)))
    }

    @Test func secondDocumentIsAnError() {
        #expect(parseError("a: 1\n---\nb: 2\n") == YAMLError("expected a single document", at: at(2, 1)))
        #expect(parseError("--- a\n--- b\n") == YAMLError("expected a single document", at: at(2, 1)))
        #expect(parseError("a: 1\n...\n---\n") == YAMLError("expected a single document", at: at(3, 1)))
    }
}
