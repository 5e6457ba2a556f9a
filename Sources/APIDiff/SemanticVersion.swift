/// A `MAJOR.MINOR.PATCH` version (Semantic Versioning 2.0.0); pre-release and build suffixes are
/// kept as text and dropped by a bump.
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The first number: raised by a breaking change.
    public var major: Int
    /// The second number: raised by an additive change.
    public var minor: Int
    /// The third number: raised by a fix.
    public var patch: Int
    /// `-beta.1` or `+build.5`, as written; empty when there is none.
    public var suffix: String

    /// Parses `1.2.3`, `1.2.3-beta.1`, `v1.2`; `nil` for anything else.
    public init?(_ text: String) {
        var text = Substring(text)
        if text.first == "v" { text = text.dropFirst() }
        let end = text.firstIndex { $0 == "-" || $0 == "+" } ?? text.endIndex
        let numbers = text[..<end].split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(numbers.count) else { return nil }
        var parsed: [Int] = []
        for number in numbers {
            guard !number.isEmpty, number.allSatisfy(\.isASCII), let value = Int(number), value >= 0 else { return nil }
            parsed.append(value)
        }
        while parsed.count < 3 { parsed.append(0) }
        (major, minor, patch) = (parsed[0], parsed[1], parsed[2])
        suffix = String(text[end...])
    }

    /// A version from its three numbers.
    public init(major: Int, minor: Int, patch: Int) {
        (self.major, self.minor, self.patch, self.suffix) = (major, minor, patch, "")
    }

    /// `1.2.3`, with the suffix as written.
    public var description: String { "\(major).\(minor).\(patch)\(suffix)" }

    /// Orders by the numbers; a version with a pre-release suffix comes before the same numbers without.
    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        return lhs.suffix.hasPrefix("-") && !rhs.suffix.hasPrefix("-")
    }

    /// The next version after a release with `bump`.
    public func bumped(_ bump: Bump) -> SemanticVersion {
        switch bump {
        case .none: self
        case .patch: SemanticVersion(major: major, minor: minor, patch: patch + 1)
        case .minor: SemanticVersion(major: major, minor: minor + 1, patch: 0)
        case .major: SemanticVersion(major: major + 1, minor: 0, patch: 0)
        }
    }

    /// How much a release moves the version.
    public enum Bump: String, Sendable, Hashable, Codable, Comparable {
        case none, patch, minor, major

        /// `none` < `patch` < `minor` < `major`.
        public static func < (lhs: Bump, rhs: Bump) -> Bool { lhs.rank < rhs.rank }

        private var rank: Int {
            switch self {
            case .none: 0
            case .patch: 1
            case .minor: 2
            case .major: 3
            }
        }
    }
}
