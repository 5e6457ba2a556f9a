import OpenAPI

/// The default rules that turn paths and operationIds into resource and method names, as close
/// to a hand-written SDK as rules get (`sdkgen.yaml`'s `operations.<id>.resource` and `.method`
/// override any of them):
/// - resources are the literal path segments, versions skipped and a format suffix cut
///   (``PathSegment``): `/v3/chats/{id}/typing` → `chats.typing`, `/2010-04-01/Accounts/{Sid}/Calls.json`
///   → `accounts.calls`, `/users/@me/guilds` → `users.me.guilds`;
/// - a segment written as one lowercase word takes its word breaks from an operationId that spells
///   it (`phonenumbers` + `listPhoneNumbers` → `phoneNumbers`);
/// - a method is its operationId without the resource's noun, singular or plural (``Inflection``:
///   `deleteAddress` in `addresses` → `delete`), and without the noun of an enclosing resource
///   together with the preposition before it (`sendMessageToChat` in `chats.messages` → `send`);
/// - a bare `get` becomes `retrieve` on a single item (the path ends in a parameter, or the
///   resource's noun is singular: `widget`) and `list` on a collection; a bare `fetch` on a GET
///   becomes `retrieve`.
struct ResourceNaming {
    /// Word breaks for path segments, learned from every operationId in the spec.
    private var segmentWords: [String: [String]] = [:]

    static let prepositions: Set<String> = ["to", "from", "for", "in", "of", "by", "on", "with", "into", "at"]

    init(operations: [Operation]) {
        for operation in operations {
            guard let operationID = operation.operationID else { continue }
            let words = SwiftNaming.words(operationID)
            for raw in PathSegment.names(in: operation.path) {
                guard segmentWords[raw] == nil, SwiftNaming.words(raw).count == 1, let spelled = Self.spelling(of: raw.lowercased(), in: words) else {
                    continue
                }
                segmentWords[raw] = spelled
            }
        }
    }

    /// The run of `words` whose concatenation is `segment` (or its singular or plural), if any,
    /// its last word in the segment's number: `policies` in `list_phone_policy` → `phone policies`.
    static func spelling(of segment: String, in words: [String]) -> [String]? {
        guard words.count > 1 else { return nil }
        for start in words.indices {
            var run: [String] = []
            for end in start..<words.count {
                run.append(words[end])
                guard end > start else { continue }
                let head = run.dropLast().joined()
                let last = run[run.count - 1]
                let forms = [last] + Inflection.plurals(of: last) + Inflection.singulars(of: last)
                if let form = forms.first(where: { head + $0 == segment }) {
                    return run.dropLast() + [form]
                }
                if head.count + last.count > segment.count + 2 { break }
            }
        }
        return nil
    }

    /// The resource path of an operation's path.
    /// A segment without a letter or digit (`@`) names nothing and is skipped; `@me` is `me`.
    func resourcePath(of path: String) -> [String] {
        PathSegment.names(in: path).compactMap { segment -> String? in
            let words = segmentWords[segment] ?? SwiftNaming.words(segment)
            return words.isEmpty ? nil : SwiftNaming.memberName(words.joined(separator: "_"))
        }
    }

    /// The method name for an operation under `resource`. With `keepingOwnNoun`, only enclosing
    /// resources' nouns are removed (for a method that moves up into its parent resource).
    static func methodName(operationID: String?, method: HTTPMethod, path: String, resource: [String], keepingOwnNoun: Bool = false) -> String {
        // One item (`/calls/{sid}`) or a singleton named by a singular noun (`/guilds/{id}/widget.json`).
        let endsInParameter = path.split(separator: "/").last?.hasPrefix("{") ?? false
        let isOneThing = endsInParameter || resource.last.map(Self.isSingular) ?? false
        guard let operationID else {
            switch method {
            case .get: return isOneThing ? "retrieve" : "list"
            case .post: return "create"
            case .put, .patch: return "update"
            case .delete: return "delete"
            case .head: return "head"
            case .options: return "options"
            case .trace: return "trace"
            }
        }
        var words = SwiftNaming.words(operationID)
        if !keepingOwnNoun, let noun = resource.last {
            remove(noun: noun, from: &words, withPreposition: false)
        }
        for ancestor in resource.dropLast().reversed() {
            remove(noun: ancestor, from: &words, withPreposition: true)
        }
        if words == ["get"] { return isOneThing ? "retrieve" : "list" }
        if words == ["fetch"], method == .get { return "retrieve" }
        return SwiftNaming.memberName(words.joined(separator: "_"))
    }

    /// Removes the first run of `noun`'s words (singular or plural) from `words`, keeping at
    /// least one word. With `withPreposition` (an enclosing resource's noun) only when a
    /// preposition stands right before it (which goes too), when it ends the name, or when it
    /// directly follows the leading verb.
    static func remove(noun: String, from words: inout [String], withPreposition: Bool) {
        let nounWords = SwiftNaming.words(noun)
        for candidate in [nounWords] + Inflection.singulars(of: nounWords) + Inflection.plurals(of: nounWords) {
            guard let start = firstIndex(of: candidate, in: words), words.count > candidate.count else { continue }
            var range = start..<(start + candidate.count)
            if withPreposition {
                if start > 0, prepositions.contains(words[start - 1]), words.count > candidate.count + 1 {
                    range = (start - 1)..<range.upperBound
                } else if start == 0 || (range.upperBound != words.count && !(start == 1 && words.count - candidate.count >= 2)) {
                    // Only the verb's direct object (`markChatAsRead`) or a trailing noun goes.
                    continue
                }
            }
            words.removeSubrange(range)
            return
        }
    }

    /// Whether a resource's noun is singular: its last word has no plural ending (`widget`, `me`).
    static func isSingular(_ noun: String) -> Bool {
        guard let last = SwiftNaming.words(noun).last else { return false }
        return Inflection.singulars(of: last).isEmpty && !Inflection.invariant.contains(last)
    }

    static func firstIndex(of run: [String], in words: [String]) -> Int? {
        guard run.count <= words.count else { return nil }
        for start in 0...(words.count - run.count) where Array(words[start..<(start + run.count)]) == run {
            return start
        }
        return nil
    }
}
