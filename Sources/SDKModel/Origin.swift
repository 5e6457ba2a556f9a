import Diagnostics

/// Where a part of the SDK was written in the spec, so reports about it (`sdkgen diff`) can point
/// back to the line.
///
/// Every origin equals every other and hashes to nothing: where a thing is written is not part of
/// what it is, so two models written in different places still compare equal, as they did before
/// origins were kept.
public struct Origin: Sendable, Hashable {
    /// The position in the spec, `nil` when the part was not written there (a case every error
    /// type has, say).
    public var mark: SourceMark?

    /// An origin at `mark`.
    public init(_ mark: SourceMark?) {
        self.mark = mark
    }

    /// No position.
    public static let none = Origin(nil)

    /// Always `true`: see the type's description.
    public static func == (lhs: Origin, rhs: Origin) -> Bool { true }

    /// Hashes nothing: see the type's description.
    public func hash(into hasher: inout Hasher) {}
}
