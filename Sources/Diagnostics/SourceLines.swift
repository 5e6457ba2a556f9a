/// A file's text split into lines once, so that showing the line of each of thousands of
/// diagnostics costs no more than the part of the line shown. Lines end where libyaml ends them,
/// so that they agree with the marks: LF, CR LF (one `Character`: splitting on "\n" misses it),
/// CR, NEL, LS and PS; columns count Unicode scalars, as marks do.
public struct SourceLines: Sendable {
    /// The most Unicode scalars of a line `excerpt` returns (a minified JSON file is one long line).
    public static let excerptWidth = 160

    private let scalars: [Unicode.Scalar]
    /// The scalars of each line, without its line break.
    private let ranges: [Range<Int>]

    /// Splits `text`.
    public init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            switch scalars[index] {
            case "\r" where index + 1 < scalars.count && scalars[index + 1] == "\n":
                ranges.append(start..<index)
                index += 2
                start = index
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}":
                ranges.append(start..<index)
                index += 1
                start = index
            default:
                index += 1
            }
        }
        ranges.append(start..<scalars.count)
        self.scalars = scalars
        self.ranges = ranges
    }

    /// Line `number` (1-based) without its line break: at most `excerptWidth` scalars of it around `column`, with "…" where the line
    /// was cut, and the column of the same character in the excerpt; `nil` past the end.
    public func excerpt(line number: Int, column: Int) -> (line: String, column: Int)? {
        guard number >= 1, number <= ranges.count else { return nil }
        let range = ranges[number - 1]
        guard range.count > Self.excerptWidth else { return (text(range), column) }
        let offset = min(max(0, column - 1 - Self.excerptWidth / 2), range.count - Self.excerptWidth)
        let shown = range.lowerBound + offset..<range.lowerBound + offset + Self.excerptWidth
        let before = offset > 0 ? "…" : ""
        let after = shown.upperBound < range.upperBound ? "…" : ""
        return (before + text(shown) + after, column - offset + before.unicodeScalars.count)
    }

    private func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }
}
