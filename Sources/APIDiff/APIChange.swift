/// One difference between two SDKs' Swift API, with what it means for the code that uses them.
public struct APIChange: Sendable, Hashable, Codable {
    /// What a change does to source that compiles against the older SDK.
    public enum Level: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        /// Some code that compiled no longer compiles (or no longer means the same).
        case breaking
        /// Something new; code that compiled still compiles.
        case additive
        /// Nothing in the Swift API changes: documentation, wire names, URLs.
        case invisible

        /// Breaking first.
        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }

        private var rank: Int {
            switch self {
            case .breaking: 0
            case .additive: 1
            case .invisible: 2
            }
        }
    }

    /// What happened to the subject.
    public enum Action: String, Sendable, Hashable, Codable {
        case added, removed, renamed, changed
    }

    /// What kind of API the subject is.
    public enum Subject: String, Sendable, Hashable, Codable {
        case client, credential, method, parameter, body, response, model, property, enumCase = "case", errorCase = "error", webhook
    }

    /// The heading the change is listed under: `client` for the client itself, a resource's
    /// access path (`client.chats.typing`), `models`, `errors` or `webhooks`.
    public var group: String
    /// What kind of API changed.
    public var subject: Subject
    /// The Swift spelling of what changed, e.g. `stop(chatID:)`, `Chat.displayName`, `ChatStatus.archived`.
    public var name: String
    /// What happened to it.
    public var action: Action
    /// What it does to code that uses the SDK.
    public var level: Level
    /// One or two sentences: what changed, and what it breaks or leaves alone.
    public var detail: String
    /// Where in the spec it comes from: the newer spec for what was added or changed, the older
    /// one for what was removed; `nil` for what no line of the spec writes.
    public var location: SpecLocation?

    /// A change with every field given.
    public init(
        group: String, subject: Subject, name: String, action: Action, level: Level, detail: String, location: SpecLocation?
    ) {
        self.group = group
        self.subject = subject
        self.name = name
        self.action = action
        self.level = level
        self.detail = detail
        self.location = location
    }
}

/// A position in one of the two specs.
public struct SpecLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file, as the report names it (a git revision's file as `REV:path`).
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column.
    public var column: Int

    /// `file:line:column`, the way compilers print positions.
    public var description: String { "\(file):\(line):\(column)" }
}
