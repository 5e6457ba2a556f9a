import SDKModel

/// What changed in the Swift API between two SDKs, and the release that needs.
public struct APIDiffReport: Sendable, Hashable {
    /// One SDK of the pair, as the report names it.
    public struct Side: Sendable, Hashable, Codable {
        /// The spec it was built from, as the report names it (`main:Specs/linq.yaml` for a git revision's).
        public var spec: String
        /// The Swift module.
        public var module: String
        /// The version its `sdkgen.yaml` gives.
        public var version: String
    }

    /// The release the changes need.
    public struct Verdict: Sendable, Hashable, Codable {
        /// `major` when something breaks, `minor` when something is added, `patch` when only
        /// invisible things change, `none` when nothing does.
        public var bump: SemanticVersion.Bump
        /// The older SDK's version, the one released.
        public var currentVersion: String
        /// The version the newer SDK should have; `nil` when the current one is not a semantic version.
        public var nextVersion: String?
        /// Whether the newer `sdkgen.yaml` already gives a version at least that high.
        public var newConfigIsBumped: Bool
    }

    /// The older SDK, the one released.
    public var old: Side
    /// The newer SDK.
    public var new: Side
    /// Every change: grouped (client, then resources in spec order, then models, errors,
    /// webhooks), each group's breaking changes first, then additive, then invisible.
    public var changes: [APIChange]
    /// The release the changes need.
    public var verdict: Verdict

    /// How many changes have `level`.
    public func count(_ level: APIChange.Level) -> Int { changes.filter { $0.level == level }.count }

    /// The groups in report order, each with its changes.
    public var groups: [(name: String, changes: [APIChange])] {
        var order: [String] = []
        var byGroup: [String: [APIChange]] = [:]
        for change in changes {
            if byGroup[change.group] == nil { order.append(change.group) }
            byGroup[change.group, default: []].append(change)
        }
        return order.map { ($0, byGroup[$0] ?? []) }
    }
}

/// Compares two SDK models (never their rendered text).
public enum APIDiff {
    /// The report for moving from `old` to `new`; `oldSpec`/`newSpec` name the specs in it. The
    /// origins' files are named as `old.specFiles` and `new.specFiles` give them.
    public static func compare(old: SDK, new: SDK, oldSpec: String, newSpec: String) -> APIDiffReport {
        var log = ChangeLog(old: old, new: new)
        // Models first: the renames they find keep a renamed type from counting as retyped elsewhere.
        ModelComparison.compare(into: &log)
        ClientComparison.compare(into: &log)
        MethodComparison.compare(into: &log)
        let found = log.changes
        var groupOrder = resourceGroups(old: old, new: new)
        groupOrder += [ModelComparison.group, "errors", "webhooks"]
        // Each group's breaking changes first, then additive, then invisible; otherwise as found.
        let ordered = groupOrder.flatMap { group in
            APIChange.Level.allCases.flatMap { level in found.filter { $0.group == group && $0.level == level } }
        }
        return APIDiffReport(
            old: .init(spec: oldSpec, module: old.moduleName, version: old.version),
            new: .init(spec: newSpec, module: new.moduleName, version: new.version),
            changes: ordered, verdict: verdict(for: ordered, old: old.version, new: new.version))
    }

    /// `client` and every resource's group, the newer SDK's in spec order, then the older's that are gone.
    private static func resourceGroups(old: SDK, new: SDK) -> [String] {
        var result = ["client"]
        for placed in MethodComparison.methods(of: new) + MethodComparison.methods(of: old) where !result.contains(placed.group) {
            result.append(placed.group)
        }
        return result
    }

    /// The release the changes need from the older SDK's version.
    static func verdict(for changes: [APIChange], old: String, new: String) -> APIDiffReport.Verdict {
        let bump: SemanticVersion.Bump =
            if changes.contains(where: { $0.level == .breaking }) {
                .major
            } else if changes.contains(where: { $0.level == .additive }) {
                .minor
            } else if changes.isEmpty {
                .none
            } else {
                .patch
            }
        let next = SemanticVersion(old)?.bumped(bump)
        let bumped = next.flatMap { next in SemanticVersion(new).map { $0 >= next } } ?? false
        return .init(bump: bump, currentVersion: old, nextVersion: next?.description, newConfigIsBumped: bumped)
    }
}
