import Diagnostics
import OpenAPI

/// Which operations the SDK generates (`filter:` in `sdkgen.yaml`): those that match `include`
/// (every operation when it is empty), minus those that match `exclude`.
public struct OperationFilter: Sendable, Hashable {
    /// One entry of a `tags`, `paths` or `operationIds` list, with where the config wrote it.
    public struct Entry: Sendable, Hashable {
        /// The tag, path pattern or operationId as written.
        public var value: String
        /// Where it is in the config file.
        public var mark: SourceMark
    }

    /// Operations that match when any of their tags, their path or their operationId is listed.
    public struct Criteria: Sendable, Hashable {
        /// Tag names.
        public var tags: [Entry] = []
        /// Path templates as the spec writes them (`/v3/chats/{chatId}`); a trailing `*` matches
        /// every path that starts with what comes before it (`/v3/chats*`).
        public var paths: [Entry] = []
        /// OperationIds.
        public var operationIDs: [Entry] = []

        /// Whether no entry is listed.
        public var isEmpty: Bool { tags.isEmpty && paths.isEmpty && operationIDs.isEmpty }

        /// Every entry with the config key it came from (`tags`, `paths`, `operationIds`).
        var entries: [(key: String, entry: Entry)] {
            tags.map { ("tags", $0) } + paths.map { ("paths", $0) } + operationIDs.map { ("operationIds", $0) }
        }

        /// Whether `operation` matches one of the entries.
        func matches(_ operation: Operation) -> Bool {
            entries.contains { Self.entry($0.entry, key: $0.key, matches: operation) }
        }

        /// Whether `entry`, listed under `key`, matches `operation`.
        static func entry(_ entry: Entry, key: String, matches operation: Operation) -> Bool {
            switch key {
            case "tags": return operation.tags.contains(entry.value)
            case "paths": return OperationFilter.path(operation.path, matches: entry.value)
            default: return entry.value == operation.operationID
            }
        }
    }

    /// Operations to keep; empty keeps every operation.
    public var include = Criteria()
    /// Operations to leave out, even when `include` lists them.
    public var exclude = Criteria()
    /// Where the `filter` key is in the config file.
    public var mark: SourceMark = .start

    /// Creates a filter that keeps every operation.
    public init() {}

    /// Whether the filter keeps every operation.
    public var isEmpty: Bool { include.isEmpty && exclude.isEmpty }

    /// Whether the SDK generates `operation`.
    public func keeps(_ operation: Operation) -> Bool {
        (include.isEmpty || include.matches(operation)) && !exclude.matches(operation)
    }

    /// Whether the path template `path` matches `pattern`: equal, or, for a pattern ending in
    /// `*`, starting with what comes before the `*`.
    static func path(_ path: String, matches pattern: String) -> Bool {
        if pattern.hasSuffix("*") { return path.hasPrefix(pattern.dropLast()) }
        return path == pattern
    }

    /// The operations the filter keeps, in spec order, and a warning (at the config's
    /// `file:line:col`) for every entry that matches no operation of the spec and when none is kept.
    func apply(to operations: [Operation], warn: (String, SourceMark) -> Void) -> [Operation] {
        guard !isEmpty else { return operations }
        for (section, criteria) in [("include", include), ("exclude", exclude)] {
            for (key, entry) in criteria.entries where !operations.contains(where: { Criteria.entry(entry, key: key, matches: $0) }) {
                warn("'filter.\(section).\(key)' lists '\(entry.value)', which matches no operation of the spec", entry.mark)
            }
        }
        let kept = operations.filter(keeps)
        if kept.isEmpty, !operations.isEmpty {
            warn("the filter leaves out every operation of the spec: the SDK has no methods", mark)
        }
        return kept
    }
}
