import Testing

@testable import YAML

@Suite struct LimitTests {
    @Test func tenThousandDeepNestingIsAnError() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(parseError(text) == YAMLError("nesting deeper than 512 levels", at: at(1, 513)))
    }

    @Test func nestingAtTheLimitParses() throws {
        let text = String(repeating: "[", count: 512) + "1" + String(repeating: "]", count: 512)
        var node = try #require(try parse(text))
        var depth = 0
        while let items = node.sequence {
            depth += 1
            node = try #require(items.first)
        }
        #expect(depth == 512)
        #expect(node == scalar("1", 1, 513))
    }

    @Test func customDepthLimitInBlockStyle() {
        let error = parseError("a:\n  b:\n    c: 1\n", limits: YAMLLimits(maxDepth: 2))
        #expect(error == YAMLError("nesting deeper than 2 levels", at: at(3, 5)))
    }

    @Test func aliasesCannotGraftPastTheDepthLimit() throws {
        let text = "a: &a [[[1]]]\nb: [[*a]]\n"
        // *a sits under 3 open collections and is 3 deep itself: 6 levels.
        let root = try #require(try parse(text, limits: YAMLLimits(maxDepth: 6)))
        #expect(root["b"]?.sequence?.first?.sequence?.first == root["a"])
        #expect(parseError(text, limits: YAMLLimits(maxDepth: 5)) == YAMLError("nesting deeper than 5 levels", at: at(2, 6)))
    }

    @Test func chainedAliasesCannotBuildADeepTree() {
        // Each line wraps the previous anchor 400 levels deeper; without counting the height
        // of aliased subtrees this would reach 20,000 levels within the alias budget.
        let lines = (0..<50).map { level in
            let open = String(repeating: "[", count: 400), close = String(repeating: "]", count: 400)
            return "l\(level): &l\(level) \(open)\(level == 0 ? "x" : "*l\(level - 1)")\(close)"
        }
        #expect(parseError(lines.joined(separator: "\n")) == YAMLError("nesting deeper than 512 levels", at: at(2, 409)))
    }

    @Test func deepBlockNestingIsAnError() {
        var text = ""
        for level in 0..<600 {
            text += String(repeating: " ", count: level) + "k:\n"
        }
        #expect(parseError(text) == YAMLError("nesting deeper than 512 levels", at: at(513, 513)))
    }
}
