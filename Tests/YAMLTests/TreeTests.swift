import Testing

@testable import YAML

@Suite struct TreeTests {
    @Test func multiLineDocumentHasOrderedPairsAndMarks() throws {
        let text = """
            openapi: 3.0.0
            info:
              title: "Pets"
              tags: [a, 'b']
            paths:
              - x
              - k: v
            zeta: 1
            alpha: 2

            """
        let expected = mapping(
            1, 1,
            [
                (scalar("openapi", 1, 1), scalar("3.0.0", 1, 10)),
                (
                    scalar("info", 2, 1),
                    mapping(
                        3, 3,
                        [
                            (scalar("title", 3, 3), scalar("Pets", 3, 10, .doubleQuoted)),
                            (scalar("tags", 4, 3), sequence(4, 9, [scalar("a", 4, 10), scalar("b", 4, 13, .singleQuoted)])),
                        ])
                ),
                (
                    scalar("paths", 5, 1),
                    sequence(
                        6, 3,
                        [
                            scalar("x", 6, 5),
                            mapping(7, 5, [(scalar("k", 7, 5), scalar("v", 7, 8))]),
                        ])
                ),
                (scalar("zeta", 8, 1), scalar("1", 8, 7)),
                (scalar("alpha", 9, 1), scalar("2", 9, 8)),
            ])
        #expect(try parse(text) == expected)
    }

    @Test func blockScalars() throws {
        let text = """
            lit: |
              line1
               indented
              line2
            fold: >
              a
              b

              c
            keep: |+
              x

            strip: >-
              y
              z

            """
        let root = try #require(try parse(text))
        #expect(root["lit"] == scalar("line1\n indented\nline2\n", 1, 6, .literal))
        #expect(root["fold"] == scalar("a b\nc\n", 5, 7, .folded))
        #expect(root["keep"] == scalar("x\n\n", 10, 7, .literal))
        #expect(root["strip"] == scalar("y z", 13, 8, .folded))
    }

    @Test func quotedScalars() throws {
        let text = #"""
            single: 'it''s # not a comment'
            double: "tab\there \u00e9 nul\0end"
            folded: "multi
              line"
            plainTrue: true
            quotedTrue: "true"

            """#
        let root = try #require(try parse(text))
        #expect(root["single"] == scalar("it's # not a comment", 1, 9, .singleQuoted))
        #expect(root["double"] == scalar("tab\there é nul\u{0}end", 2, 9, .doubleQuoted))
        #expect(root["double"]?.string?.unicodeScalars.count == 18)
        #expect(root["folded"] == scalar("multi line", 3, 9, .doubleQuoted))
        #expect(root["plainTrue"]?.scalar == YAMLScalar("true", style: .plain))
        #expect(root["quotedTrue"]?.scalar == YAMLScalar("true", style: .doubleQuoted))
    }

    @Test func explicitTagsAreKeptAsLibYAMLResolvesThem() throws {
        let text = """
            a: !!str 123
            b: !custom x
            c: !!seq [1]
            d: 4

            """
        let expected = mapping(
            1, 1,
            [
                (scalar("a", 1, 1), scalar("123", 1, 4, tag: "tag:yaml.org,2002:str")),
                (scalar("b", 2, 1), scalar("x", 2, 4, tag: "!custom")),
                (scalar("c", 3, 1), sequence(3, 4, tag: "tag:yaml.org,2002:seq", [scalar("1", 3, 11)])),
                (scalar("d", 4, 1), scalar("4", 4, 4)),
            ])
        #expect(try parse(text) == expected)
    }

    @Test func emptyStreamsHaveNoDocument() throws {
        #expect(try parse("") == nil)
        #expect(try parse("# only a comment\n\n# another\n") == nil)
        #expect(try parse("   \n\n") == nil)
    }

    @Test func emptyDocumentIsAnEmptyPlainScalar() throws {
        #expect(try parse("---\n") == scalar("", 2, 1))
        let node = try #require(try parse("--- # nothing\n...\n"))
        #expect(node.scalar == YAMLScalar("", style: .plain))
        #expect(node.isNull)
    }

    @Test func explicitSingleDocumentParses() throws {
        #expect(try parse("%YAML 1.1\n---\na: 1\n...\n") == mapping(3, 1, [(scalar("a", 3, 1), scalar("1", 3, 4))]))
    }

    @Test func crlfLineEndingsKeepMarks() throws {
        let expected = mapping(
            1, 1,
            [
                (scalar("a", 1, 1), scalar("1", 1, 4)),
                (scalar("b", 2, 1), sequence(3, 3, [scalar("x", 3, 5), scalar("two\nlines\n", 4, 5, .literal)])),
            ])
        #expect(try parse("a: 1\r\nb:\r\n  - x\r\n  - |\r\n    two\r\n    lines\r\n") == expected)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\nb: 2\n".utf8)
        let expected = mapping(
            1, 1,
            [
                (scalar("a", 1, 1), scalar("1", 1, 4)),
                (scalar("b", 2, 1), scalar("2", 2, 4)),
            ])
        #expect(try YAMLParser().parse(bytes) == expected)
    }

    @Test func columnsCountUnicodeScalars() throws {
        let expected = mapping(
            1, 1,
            [
                (scalar("é", 1, 1), scalar("ü", 1, 4)),
                (scalar("日本", 2, 1), scalar("v", 2, 5)),
            ])
        #expect(try parse("é: ü\n日本: v\n") == expected)
    }
}
