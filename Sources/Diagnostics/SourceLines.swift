/// A file's lines found once, so that showing the line of each of thousands of diagnostics costs
/// no more than the part of the line shown. Lines end where libyaml ends them, so that they agree
/// with the marks: LF, CR LF (one `Character`: splitting on "\n" misses it), CR, NEL, LS and PS;
/// columns count Unicode scalars, as marks do.
///
/// The breaks are found in the UTF-8 bytes, and only lines longer than an excerpt are decoded
/// ahead (a minified JSON file is one such line, which each excerpt then slices without decoding
/// it again); a short line is decoded when it is shown. So a large spec with a few warnings is not
/// turned into millions of scalars first. Searching bytes finds the same breaks as searching the
/// decoded text, invalid UTF-8 included: the lead bytes of NEL, LS and PS (`C2`, `E2`) are never
/// continuation bytes, so a decoder always starts a scalar there.
public struct SourceLines: Sendable {
    /// The most Unicode scalars of a line `excerpt` returns (a minified JSON file is one long line).
    public static let excerptWidth = 160

    private let bytes: [UInt8]
    /// The bytes of each line, without its line break.
    private let ranges: [Range<Int>]
    /// The scalars of each line of more than `excerptWidth` bytes, by line index.
    private let longLines: [Int: [Unicode.Scalar]]

    /// Splits `text`.
    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// Splits a file's bytes (UTF-8; invalid sequences show as U+FFFD, as `SourceFile.text` has them).
    public init(bytes: [UInt8]) {
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let breakLength: Int
            switch bytes[index] {
            case 0x0D where index + 1 < count && bytes[index + 1] == 0x0A: breakLength = 2
            case 0x0A, 0x0D: breakLength = 1
            case 0xC2 where index + 1 < count && bytes[index + 1] == 0x85: breakLength = 2  // NEL
            case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                breakLength = 3  // LS, PS
            default:
                index += 1
                continue
            }
            ranges.append(start..<index)
            index += breakLength
            start = index
        }
        ranges.append(start..<count)
        var longLines: [Int: [Unicode.Scalar]] = [:]
        for (index, range) in ranges.enumerated() where range.count > Self.excerptWidth {
            longLines[index] = Array(String(decoding: bytes[range], as: UTF8.self).unicodeScalars)
        }
        self.bytes = bytes
        self.ranges = ranges
        self.longLines = longLines
    }

    /// Line `number` (1-based) without its line break: at most `excerptWidth` scalars of it around `column`, with "…" where the line
    /// was cut, and the column of the same character in the excerpt; `nil` past the end.
    public func excerpt(line number: Int, column: Int) -> (line: String, column: Int)? {
        guard number >= 1, number <= ranges.count else { return nil }
        guard let scalars = longLines[number - 1], scalars.count > Self.excerptWidth else {
            return (String(decoding: bytes[ranges[number - 1]], as: UTF8.self), column)
        }
        let offset = min(max(0, column - 1 - Self.excerptWidth / 2), scalars.count - Self.excerptWidth)
        let shown = offset..<offset + Self.excerptWidth
        let before = offset > 0 ? "…" : ""
        let after = shown.upperBound < scalars.count ? "…" : ""
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[shown])
        return (before + String(view) + after, column - offset + before.unicodeScalars.count)
    }
}
