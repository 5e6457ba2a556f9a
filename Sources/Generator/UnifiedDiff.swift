/// A small line-based unified diff, for `sdkgen check` and golden-test failures.
public enum UnifiedDiff {
    /// The unified diff turning `old` into `new`, with 3 lines of context; empty when equal.
    public static func make(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        guard a != b else { return "" }
        let edits = script(a, b)
        var output = ["--- \(oldName)", "+++ \(newName)"]
        let changes = edits.indices.filter { edits[$0].kind != .same }
        var hunkStart = 0
        while hunkStart < changes.count {
            // Changes closer than twice the context share one hunk.
            var hunkEnd = hunkStart
            while hunkEnd + 1 < changes.count && changes[hunkEnd + 1] - changes[hunkEnd] <= context * 2 { hunkEnd += 1 }
            let hunk = edits[max(0, changes[hunkStart] - context)..<min(edits.count, changes[hunkEnd] + context + 1)]
            let oldStart = hunk.first?.oldLine ?? 0, newStart = hunk.first?.newLine ?? 0
            let oldCount = hunk.filter { $0.kind != .insert }.count, newCount = hunk.filter { $0.kind != .delete }.count
            output.append("@@ -\(oldStart + 1),\(oldCount) +\(newStart + 1),\(newCount) @@")
            for edit in hunk {
                switch edit.kind {
                case .same: output.append(" " + edit.text)
                case .delete: output.append("-" + edit.text)
                case .insert: output.append("+" + edit.text)
                }
            }
            hunkStart = hunkEnd + 1
        }
        return output.joined(separator: "\n") + "\n"
    }

    struct Edit {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var text: String
        var oldLine: Int
        var newLine: Int
    }

    static func lines(_ text: String) -> [String] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if result.last == "" { result.removeLast() }
        return result
    }

    /// The edit script by longest common subsequence; very large inputs fall back to
    /// "delete all, insert all" after their common prefix and suffix.
    static func script(_ a: [String], _ b: [String]) -> [Edit] {
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let midA = Array(a[prefix..<(a.count - suffix)]), midB = Array(b[prefix..<(b.count - suffix)])
        var edits = (0..<prefix).map { Edit(kind: .same, text: a[$0], oldLine: $0, newLine: $0) }
        if midA.count * midB.count <= 4_000_000 {
            // table[i][j]: LCS length of midA[i...] and midB[j...].
            var table = [[Int]](repeating: [Int](repeating: 0, count: midB.count + 1), count: midA.count + 1)
            for i in stride(from: midA.count - 1, through: 0, by: -1) {
                for j in stride(from: midB.count - 1, through: 0, by: -1) {
                    table[i][j] = midA[i] == midB[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < midA.count || j < midB.count {
                if i < midA.count && j < midB.count && midA[i] == midB[j] {
                    edits.append(Edit(kind: .same, text: midA[i], oldLine: prefix + i, newLine: prefix + j))
                    i += 1
                    j += 1
                } else if i < midA.count && (j == midB.count || table[i + 1][j] >= table[i][j + 1]) {
                    edits.append(Edit(kind: .delete, text: midA[i], oldLine: prefix + i, newLine: prefix + j))
                    i += 1
                } else {
                    edits.append(Edit(kind: .insert, text: midB[j], oldLine: prefix + i, newLine: prefix + j))
                    j += 1
                }
            }
        } else {
            edits += midA.enumerated().map { Edit(kind: .delete, text: $1, oldLine: prefix + $0, newLine: prefix) }
            edits += midB.enumerated().map { Edit(kind: .insert, text: $1, oldLine: prefix + midA.count, newLine: prefix + $0) }
        }
        edits += (0..<suffix).map { offset in
            Edit(kind: .same, text: a[a.count - suffix + offset], oldLine: a.count - suffix + offset, newLine: b.count - suffix + offset)
        }
        return edits
    }
}
