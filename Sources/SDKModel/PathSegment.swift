/// What one literal segment of a URL path contributes to a resource name: nothing for a version
/// (`v1`, `v2beta1`, `2.0`, `2010-04-01`), and the name without its format suffix for a
/// segment like `Calls.json`, so `/Calls.json` and `/Calls/{Sid}.json` are one resource.
enum PathSegment {
    /// File-format suffixes that say how a response is encoded, not what it is.
    static let formatSuffixes = ["json", "xml", "csv", "yaml", "yml", "txt"]

    /// Pre-release words that may follow a version number: `v1beta`, `v2alpha1`, `v1rc2`.
    static let stages = ["alpha", "beta", "preview", "rc"]

    /// The literal segments of `path` that name resources, in order: parameters (`{id}`) and
    /// versions dropped, a format suffix cut from the last segment.
    static func names(in path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return segments.indices.compactMap { index in
            let segment = segments[index]
            if segment.hasPrefix("{") { return nil }
            let name = index == segments.index(before: segments.endIndex) ? withoutFormatSuffix(segment) : segment
            return name.isEmpty || isVersion(name) ? nil : String(name)
        }
    }

    /// `segment` without a trailing `.json`, `.xml`, … (any case): `Calls.json` → `Calls`.
    static func withoutFormatSuffix(_ segment: Substring) -> Substring {
        guard let dot = segment.lastIndex(of: "."), dot != segment.startIndex else { return segment }
        let suffix = segment[segment.index(after: dot)...].lowercased()
        return formatSuffixes.contains(suffix) ? segment[..<dot] : segment
    }

    /// A version segment, not a resource: `v1`, `V3`, `v2024`, `v1.1`, `2.0`, `v1beta`,
    /// `v2alpha1`, or a date `2010-04-01`.
    static func isVersion(_ segment: Substring) -> Bool {
        isDate(segment) || isVersionNumber(segment.first == "v" || segment.first == "V" ? segment.dropFirst() : segment)
    }

    /// Digits and dots starting with a digit, then optionally a stage word and more digits.
    private static func isVersionNumber(_ text: Substring) -> Bool {
        let number = text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard let first = number.first, first.isNumber, number.last != "." else { return false }
        let rest = text[number.endIndex...].lowercased()
        if rest.isEmpty { return true }
        guard let stage = stages.first(where: { rest.hasPrefix($0) }) else { return false }
        return rest.dropFirst(stage.count).allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `YYYY-MM-DD`, the form of date versions (Twilio's `2010-04-01`).
    private static func isDate(_ segment: Substring) -> Bool {
        let parts = segment.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.map(\.count) == [4, 2, 2] else { return false }
        return parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
