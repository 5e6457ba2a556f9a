import Testing

@testable import YAML

/// Reading events on another thread (`EventPipe`, used from `YAMLParser.pipeThreshold` bytes on)
/// gives the same tree and the same first error as reading them on the building thread.
@Suite struct EventPipeTests {
    /// The tree or error of `bytes` read both ways, which must agree.
    private func expectSameBothWays(_ bytes: [UInt8], limits: YAMLLimits = YAMLLimits(), sourceLocation: SourceLocation = #_sourceLocation) {
        let parser = YAMLParser(limits: limits)
        let direct = Result { () throws(YAMLError) in try parser.parse(bytes, pipeThreshold: .max) }
        let piped = Result { () throws(YAMLError) in try parser.parse(bytes, pipeThreshold: 0) }
        #expect(direct == piped, sourceLocation: sourceLocation)
    }

    /// A document of `count` mappings, many more events than one chunk holds.
    private func largeDocument(_ count: Int) -> String {
        var text = "items:\n"
        for index in 0..<count {
            text +=
                "  - {id: \(index), name: \"item \(index)\", tags: [a, 'b', c], note: &n\(index) x}\n  - note: |\n      line \(index)\n    again: *n\(index)\n"
        }
        return text
    }

    @Test func sameTreeForLargeDocument() {
        let text = largeDocument(3 * EventPipe.chunkSize)
        expectSameBothWays(Array(text.utf8))
        #expect((try? YAMLParser().parse(Array(text.utf8), pipeThreshold: 0))??["items"]?.sequence?.count == 6 * EventPipe.chunkSize)
    }

    @Test func sameTreeForSmallDocuments() {
        for text in ["a: 1\n", "", "# only a comment\n", "[1, 2, {x: y}]", "a: &x [1, 2]\nb: *x\n"] {
            expectSameBothWays(Array(text.utf8))
        }
    }

    @Test func sameErrorFromLibYAMLAfterManyChunks() {
        expectSameBothWays(Array((largeDocument(2 * EventPipe.chunkSize) + "bad: [1, 2\nc: 3\n").utf8))
    }

    @Test func sameErrorFromTheBuilderWhileReadingGoesOn() {
        // The duplicate key is found early; the reading thread still has most of the file to read.
        expectSameBothWays(Array(("a: 1\na: 2\n" + largeDocument(2 * EventPipe.chunkSize)).utf8))
        expectSameBothWays(Array(largeDocument(EventPipe.chunkSize).utf8), limits: YAMLLimits(maxDepth: 2))
    }
}
