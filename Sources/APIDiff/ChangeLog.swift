import SDKModel

/// The changes found so far, and where the two SDKs' origins are in their specs.
struct ChangeLog {
    /// The older SDK.
    let old: SDK
    /// The newer SDK.
    let new: SDK
    /// The changes, in the order found.
    private(set) var changes: [APIChange] = []

    init(old: SDK, new: SDK) {
        self.old = old
        self.new = new
    }

    /// The older SDK's model types that the newer one has under another name (old name → new).
    var renamedTypes: [String: String] = [:]

    /// Whether an older type and a newer one are the same, up to renamed model types (whose
    /// rename is its own change).
    func same(_ old: SwiftType?, _ new: SwiftType?) -> Bool {
        old.map(renamed) == new
    }

    /// Whether two lists of types are the same, up to renamed model types.
    func same(_ old: [SwiftType], _ new: [SwiftType]) -> Bool {
        old.map(renamed) == new
    }

    /// Whether two responses are the same, up to renamed model types.
    func same(_ old: MethodResponse, _ new: MethodResponse) -> Bool {
        guard !renamedTypes.isEmpty else { return old == new }
        switch (old, new) {
        case (.single(let before), .single(let after)): return same(before, after)
        case (.byStatus(let before), .byStatus(let after)):
            return before.typeName == after.typeName && before.cases.count == after.cases.count
                && zip(before.cases, after.cases).allSatisfy { $0.name == $1.name && same($0.body, $1.body) }
        default: return false
        }
    }

    /// Whether two bodies are the same, up to renamed model types.
    func same(_ old: ResponseBody, _ new: ResponseBody) -> Bool {
        switch (old, new) {
        case (.json(let before), .json(let after)), (.jsonLines(let before), .jsonLines(let after)),
            (.jsonSequence(let before), .jsonSequence(let after)):
            return same(before, after)
        case (.eventStream(let before), .eventStream(let after)): return same(before, after)
        default: return old == new
        }
    }

    /// `type` with renamed model types under their new names.
    private func renamed(_ type: SwiftType) -> SwiftType {
        guard !renamedTypes.isEmpty else { return type }
        switch type {
        case .named(let name): return .named(renamedTypes[name] ?? name)
        case .array(let element): return .array(renamed(element))
        case .dictionary(let value): return .dictionary(value: renamed(value))
        case .optional(let wrapped): return .optional(renamed(wrapped))
        case .generic(let name, let arguments): return .generic(name, arguments: arguments.map(renamed))
        }
    }

    /// Where `origin` of the older SDK is in its spec.
    func inOld(_ origin: Origin) -> SpecLocation? { Self.location(of: origin, files: old.specFiles) }

    /// Where `origin` of the newer SDK is in its spec.
    func inNew(_ origin: Origin) -> SpecLocation? { Self.location(of: origin, files: new.specFiles) }

    private static func location(of origin: Origin, files: [String]) -> SpecLocation? {
        guard let mark = origin.mark, files.indices.contains(mark.fileIndex) else { return nil }
        return SpecLocation(file: files[mark.fileIndex], line: mark.line, column: mark.column)
    }

    /// Records a change.
    mutating func add(
        _ group: String, _ subject: APIChange.Subject, _ name: String, _ action: APIChange.Action, _ level: APIChange.Level,
        _ detail: String, at location: SpecLocation?
    ) {
        changes.append(APIChange(group: group, subject: subject, name: name, action: action, level: level, detail: detail, location: location))
    }
}

/// Pairs of the same thing in two lists, by a key: what is in both, what only the older has,
/// what only the newer has; each in its list's order.
struct Matching<Element> {
    var both: [(old: Element, new: Element)] = []
    var removed: [Element] = []
    var added: [Element] = []

    init(old: [Element], new: [Element], key: (Element) -> String) {
        var newByKey: [String: Element] = [:]
        for element in new where newByKey[key(element)] == nil { newByKey[key(element)] = element }
        var oldKeys: Set<String> = []
        for element in old {
            let name = key(element)
            guard !oldKeys.contains(name) else { continue }
            oldKeys.insert(name)
            if let match = newByKey[name] { both.append((element, match)) } else { removed.append(element) }
        }
        added = new.filter { !oldKeys.contains(key($0)) }
    }
}
