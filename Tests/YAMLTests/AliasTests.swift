import Testing

@testable import YAML

@Suite struct AliasTests {
    @Test func aliasesResolveToTheAnchoredSubtree() throws {
        let text = """
            base: &b {x: 1, y: [2, 3]}
            name: &n hello
            copy: *b
            list: [*n, *b]

            """
        let root = try #require(try parse(text))
        let base = try #require(root["base"])
        #expect(
            base
                == mapping(
                    1, 7,
                    [
                        (scalar("x", 1, 11), scalar("1", 1, 14)),
                        (scalar("y", 1, 17), sequence(1, 20, [scalar("2", 1, 21), scalar("3", 1, 24)])),
                    ]))
        #expect(root["copy"] == base)
        #expect(root["list"]?.sequence == [scalar("hello", 2, 7), base])
    }

    @Test func unknownAnchorIsAnError() {
        let error = parseError("a: 1\nb: *nope\n")
        #expect(error == YAMLError("unknown anchor 'nope'", at: at(2, 4)))
    }

    @Test func anchorCannotReferToItself() {
        let error = parseError("a: &x [*x]\n")
        #expect(error == YAMLError("unknown anchor 'x'", at: at(1, 8)))
    }

    @Test func aliasedNodeLimitCountsWholeSubtrees() throws {
        let limits = YAMLLimits(maxAliasedNodes: 5)
        // Each *a repeats 3 nodes: the sequence and its two items.
        #expect(try parse("a: &a [1, 2]\nb: *a\n", limits: limits) != nil)
        let error = parseError("a: &a [1, 2]\nb: *a\nc: *a\n", limits: limits)
        #expect(error == YAMLError("too many nodes through aliases (more than 5); is this an alias bomb?", at: at(3, 4)))
    }

    @Test func billionLaughsFailsFast() {
        // Nine levels, each nine aliases of the previous: 10^9 nodes if expanded. The running
        // count stops it at the first alias whose repeats push the total past a million.
        var lines = [#"a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            let aliases = Array(repeating: "*\(previous)", count: 9).joined(separator: ",")
            lines.append("\(name): &\(name) [\(aliases)]")
        }
        let error = parseError(lines.joined(separator: "\n"))
        // Subtree sizes: a=10, b=91, c=820, d=7381, e=66430, f=597871. Lines b…f repeat
        // 9 × (10 + 91 + 820 + 7381 + 66430) = 672,588 nodes; the first *f on line g makes
        // that 1,270,459, so the error is at line 7, column 8.
        #expect(
            error
                == YAMLError(
                    "too many nodes through aliases (more than 1000000); is this an alias bomb?", at: at(7, 8)
                ))
    }
}
