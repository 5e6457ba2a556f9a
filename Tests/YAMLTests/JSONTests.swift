import Testing

@testable import YAML

@Suite struct JSONTests {
    @Test func compactObject() throws {
        #expect(try parse(#"{"a":1}"#) == mapping(1, 1, [(scalar("a", 1, 2, .doubleQuoted), scalar("1", 1, 6))]))
    }

    @Test func nestedArrays() throws {
        let expected = sequence(
            1, 1,
            [
                sequence(1, 2, [scalar("1", 1, 3), sequence(1, 6, [scalar("2", 1, 7)])]),
                sequence(1, 12, []),
                mapping(1, 16, []),
            ])
        #expect(try parse("[[1, [2]], [], {}]") == expected)
    }

    @Test func tabIndentedJSON() throws {
        let text = "\t{\n\t\"a\": [\n\t\t1,\t2\n\t],\n\t\"b\\\"\t\": \"x\ty\"\n}\t\n\t\n"
        let expected = mapping(
            1, 2,
            [
                (scalar("a", 2, 2, .doubleQuoted), sequence(2, 7, [scalar("1", 3, 3), scalar("2", 3, 6)])),
                (scalar("b\"\t", 5, 2, .doubleQuoted), scalar("x\ty", 5, 10, .doubleQuoted)),
            ])
        #expect(try parse(text) == expected)
    }

    @Test func tabAfterCommentWithQuoteInFlowDocument() throws {
        #expect(try parse("[1, # it\"s\n2]\n\t\n") == sequence(1, 1, [scalar("1", 1, 2), scalar("2", 2, 1)]))
    }

    @Test func tabsInBlockYAMLAreStillErrors() {
        #expect(
            parseError("a: 1\n\t\n")
                == YAMLError(
                    "found a tab character that violates indentation (while scanning a plain scalar)", at: at(2, 1)
                ))
    }

    /// libyaml (YAML 1.1 flow collections) accepts one trailing comma; we keep that.
    @Test func trailingCommaIsAccepted() throws {
        #expect(try parse(#"{"a": 1,}"#) == mapping(1, 1, [(scalar("a", 1, 2, .doubleQuoted), scalar("1", 1, 7))]))
        #expect(try parse("[1, 2,]") == sequence(1, 1, [scalar("1", 1, 2), scalar("2", 1, 5)]))
    }
}
