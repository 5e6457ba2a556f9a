import OpenAPI

/// The default rules that turn paths and operationIds into resource and method names, as close
/// to a hand-written SDK as rules get (`sdkgen.yaml` overrides the rest):
/// - resources are the literal path segments, versions skipped: `/v3/chats/{id}/typing` → `chats.typing`;
/// - a segment written as one lowercase word takes its word breaks from an operationId that spells
///   it (`phonenumbers` + `listPhoneNumbers` → `phoneNumbers`);
/// - a method is its operationId without the resource's noun, and without the noun of an enclosing
///   resource together with the preposition before it (`sendMessageToChat` in `chats.messages` → `send`);
/// - a bare `get` becomes `retrieve` on a single item and `list` on a collection.
struct ResourceNaming {
    /// Word breaks for path segments, learned from every operationId in the spec.
    private var segmentWords: [String: [String]] = [:]

    static let prepositions: Set<String> = ["to", "from", "for", "in", "of", "by", "on", "with", "into", "at"]

    init(operations: [Operation]) {
        for operation in operations {
            guard let operationID = operation.operationID else { continue }
            let words = SwiftNaming.words(operationID)
            for segment in operation.path.split(separator: "/") where !segment.hasPrefix("{") {
                let raw = String(segment)
                guard segmentWords[raw] == nil, SwiftNaming.words(raw).count == 1, let spelled = Self.spelling(of: raw.lowercased(), in: words) else {
                    continue
                }
                segmentWords[raw] = spelled
            }
        }
    }

    /// The run of `words` whose concatenation is `segment` (or its singular or plural), if any.
    static func spelling(of segment: String, in words: [String]) -> [String]? {
        guard words.count > 1 else { return nil }
        for start in words.indices {
            var joined = ""
            for end in start..<words.count {
                joined += words[end]
                guard end > start else { continue }
                if joined == segment || joined + "s" == segment || joined == segment + "s" {
                    var run = Array(words[start...end])
                    if joined + "s" == segment { run[run.count - 1] += "s" }
                    if joined == segment + "s" { run[run.count - 1].removeLast() }
                    return run
                }
                if joined.count >= segment.count + 1 { break }
            }
        }
        return nil
    }

    /// The resource path of an operation's path.
    func resourcePath(of path: String) -> [String] {
        path.split(separator: "/").compactMap { segment -> String? in
            if segment.hasPrefix("{") || Self.isVersion(segment) { return nil }
            let words = segmentWords[String(segment)] ?? SwiftNaming.words(String(segment))
            let name = SwiftNaming.memberName(words.joined(separator: "_"))
            return name == "unnamed" ? nil : name
        }
    }

    /// `v1`, `v3`, `v2024`, `2.0`: a version segment, not a resource.
    static func isVersion(_ segment: Substring) -> Bool {
        let digits = segment.first == "v" || segment.first == "V" ? segment.dropFirst() : segment
        guard let first = digits.first, first.isASCII, first.isNumber else { return false }
        return digits.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
    }

    /// The method name for an operation under `resource`. With `keepingOwnNoun`, only enclosing
    /// resources' nouns are removed (for a method that moves up into its parent resource).
    static func methodName(operationID: String?, method: HTTPMethod, path: String, resource: [String], keepingOwnNoun: Bool = false) -> String {
        let endsInParameter = path.split(separator: "/").last?.hasPrefix("{") ?? false
        guard let operationID else {
            switch method {
            case .get: return endsInParameter ? "retrieve" : "list"
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
        if words == ["get"] { return endsInParameter ? "retrieve" : "list" }
        return SwiftNaming.memberName(words.joined(separator: "_"))
    }

    /// Removes the first run of `noun`'s words (singular or plural) from `words`, keeping at
    /// least one word. With `withPreposition` (an enclosing resource's noun) only when a
    /// preposition stands right before it (which goes too), when it ends the name, or when it
    /// directly follows the leading verb.
    static func remove(noun: String, from words: inout [String], withPreposition: Bool) {
        let nounWords = SwiftNaming.words(noun)
        for candidate in [nounWords, singular(nounWords), plural(nounWords)] where !candidate.isEmpty {
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

    static func singular(_ words: [String]) -> [String] {
        guard let last = words.last, last.count > 1, last.hasSuffix("s") else { return [] }
        return words.dropLast() + [String(last.dropLast())]
    }

    static func plural(_ words: [String]) -> [String] {
        guard let last = words.last else { return [] }
        return words.dropLast() + [last + "s"]
    }

    static func firstIndex(of run: [String], in words: [String]) -> Int? {
        guard run.count <= words.count else { return nil }
        for start in 0...(words.count - run.count) where Array(words[start..<(start + run.count)]) == run {
            return start
        }
        return nil
    }
}
