import Diagnostics
import OpenAPI

/// What the whole document says about inline enums and unions, gathered before any
/// type is named, so that one meaning gets one Swift type:
///
/// - Inline enums with the same set of values (in any order; with the same `x-enum-varnames`)
///   are one type, its cases in the order of its first use; so are inline `oneOf`/`anyOf`s of
///   the same references (in the same order, with the same discriminator). Used in
///   several places, it is named after the words that all their property names end with
///   (`service` and `preferred_service` → `Service`), unless no word is shared, another such enum
///   wants the same name, or the name is taken; then it keeps the name its first use would get.
/// - Inline objects with the same properties (names, order, requiredness and schemas, which
///   includes their own inline types) are one type, named the same way.
/// - A string enum of two values or more whose values are all among a wider one's, used under
///   property names that end with the same word as the wider one's, is the wider enum.
///
/// A property's `format` is never carried over from another schema with the same key: where a
/// schema gives none, the spec allows any string there, and a `UUID` would reject data the spec
/// allows (the contract tests' mock sends such data; see the README).
struct SchemaCensus {
    /// What makes two inline schemas the same type: for enums the values, sorted, with their
    /// given names; for a `oneOf`/`anyOf` of references the members in order and the discriminator.
    struct SharedTypeKey: Hashable {
        var kind: String
        var values: [String]
        var names: [String]?
        var discriminator: Discriminator?

        init(kind: String, values: [String], names: [String]?) {
            let pairs = values.enumerated().map { (value: $1, name: names?.count == values.count ? names?[$0] : nil) }.sorted { $0.value < $1.value }
            self.kind = kind
            self.values = pairs.map(\.value)
            self.names = names?.count == values.count ? pairs.compactMap(\.name) : nil
        }

        init(object fingerprint: String) {
            self.kind = "object"
            self.values = [fingerprint]
            self.names = nil
        }

        init(union kind: Schema.CompositionKind, members: [String], discriminator: Discriminator?) {
            self.kind = kind.rawValue
            self.values = members
            self.names = nil
            self.discriminator = discriminator
        }
    }

    /// The name of each enum used in more than one place that has a name of its own.
    private var sharedNames: [SharedTypeKey: String] = [:]
    /// The shared-type key of every schema the census walked that has one, and every schema walked.
    private var keysByMark: [SourceMark: SharedTypeKey] = [:]
    private var walked: Set<SourceMark> = []
    /// The key of the wider enum each narrower one is merged into (see ``canonical(_:)``).
    private var widerKeys: [SharedTypeKey: SharedTypeKey] = [:]
    /// The schema each merged enum is declared from: the first use of its widest values.
    private var representatives: [SharedTypeKey: Schema] = [:]
    /// The description of each enum used in more than one place: its uses' description when
    /// they all agree, else none.
    private var sharedDescriptions: [SharedTypeKey: String?] = [:]

    init() {}

    /// The census of `document`: its components, operations and webhooks.
    init(_ document: Document) {
        var walk = Walk()
        for named in document.schemas { walk.children(of: named.schema, leaf: named.name) }
        for operation in document.operations {
            for parameter in operation.parameters { walk.visit(parameter.schema, leaf: parameter.name) }
            // A body names no shared type (`Body` would say nothing): its uses keep their own names.
            for media in operation.requestBody?.content ?? [] { walk.visit(media.schema, leaf: "") }
            for response in operation.responses {
                for media in response.content { walk.visit(media.schema, leaf: "") }
            }
        }
        for webhook in document.webhooks { walk.visit(webhook.payload, leaf: "") }

        // A string enum whose values are some of a wider one's, used under property names that end
        // with the same word as the wider one's (`service`), is that enum: Linq's `preferred_service`
        // allows `auto` besides iMessage, SMS and RCS, and is still the one service type.
        keysByMark = walk.keysByMark
        walked = walk.seen
        var uses = walk.keyUses
        var order = walk.keyOrder
        for key in walk.keyOrder where key.kind == "string" && key.names == nil && key.values.count > 1 {
            let words = Set((walk.keyUses[key] ?? []).compactMap { SwiftNaming.words($0.leaf).last })
            guard words.count == 1 else { continue }
            let wider = walk.keyOrder.filter { other in
                other.kind == "string" && other.names == nil && other.values.count > key.values.count
                    && Set(key.values).isSubset(of: other.values)
                    && Set((walk.keyUses[other] ?? []).compactMap { SwiftNaming.words($0.leaf).last }) == words
            }
            guard let widest = wider.max(by: { $0.values.count < $1.values.count }) else { continue }
            widerKeys[key] = widest
            uses[widest, default: []] += uses[key] ?? []
            uses[key] = nil
            order.removeAll { $0 == key }
        }
        for key in order {
            if widerKeys.values.contains(key), let first = walk.keyUses[key]?.first { representatives[key] = first.schema }
        }

        var wanted: [String: Int] = [:]
        var candidates: [(SharedTypeKey, String)] = []
        for key in order {
            guard let uses = uses[key], uses.count > 1 else { continue }
            let descriptions = uses.map(\.description)
            sharedDescriptions[key] = descriptions.allSatisfy({ $0 == descriptions[0] }) ? descriptions[0] : nil
            let common = Self.commonSuffix(uses.map { SwiftNaming.words($0.leaf) })
            guard !common.isEmpty else { continue }
            let name = SwiftNaming.bounded(SwiftNaming.typeName(common.joined(separator: "_")))
            wanted[name, default: 0] += 1
            candidates.append((key, name))
        }
        for (key, name) in candidates where wanted[name] == 1 { sharedNames[key] = name }
    }

    /// The key of `schema` when it is an enum, or a `oneOf`/`anyOf` of two or more references
    /// (`null` members aside), written in place; `nil` for anything else.
    static func sharedTypeKey(_ schema: Schema) -> SharedTypeKey? {
        var memo: [SourceMark: String] = [:]
        return sharedTypeKey(schema, memo: &memo)
    }

    /// ``sharedTypeKey(_:)`` with the fingerprints already made, by where the schema is written,
    /// so a nested object is fingerprinted once however deep it sits.
    static func sharedTypeKey(_ schema: Schema, memo: inout [SourceMark: String]) -> SharedTypeKey? {
        switch schema.kind {
        case .string(_, let values?) where !values.isEmpty: return SharedTypeKey(kind: "string", values: values, names: schema.enumNames)
        case .integer(_, let values?) where !values.isEmpty:
            return SharedTypeKey(kind: "integer", values: values.map(String.init), names: schema.enumNames)
        case .object(let object) where !object.properties.isEmpty:
            return SharedTypeKey(object: fingerprint(schema, memo: &memo))
        case .composition(let kind, let members) where kind != .allOf:
            var names: [String] = []
            for member in members where !TypeResolver.isNullSchema(member) {
                guard case .reference(let name) = member.kind else { return nil }
                names.append(name)
            }
            return names.count > 1 ? SharedTypeKey(union: kind, members: names, discriminator: schema.discriminator) : nil
        default: return nil
        }
    }

    /// A text that two schemas share exactly when they allow the same values and generate the
    /// same Swift type: every keyword sdkgen models, in order, without descriptions and marks.
    static func fingerprint(_ schema: Schema, depth: Int = 0, memo: inout [SourceMark: String]) -> String {
        guard depth < 64 else { return "…" }
        if let known = memo[schema.mark] { return known }
        func text(_ value: String) -> String { "\(value.utf8.count):\(value)" }
        func nested(_ child: Schema?) -> String { child.map { fingerprint($0, depth: depth + 1, memo: &memo) } ?? "-" }
        var result = (schema.nullable ? "?" : "") + (schema.readOnly ? "r" : "") + (schema.writeOnly ? "w" : "") + (schema.deprecated ? "d" : "")
        switch schema.kind {
        case .reference(let name): result += "#" + text(name)
        case .object(let object):
            result += "{" + object.properties.map { text($0.name) + ($0.required ? "!" : "") + nested($0.schema) }.joined(separator: ",")
            result += "|" + nested(object.additionalProperties) + "|" + object.otherRequired.map(text).joined() + "}"
        case .array(let items): result += "[" + nested(items) + "]"
        case .string(let format, let values): result += "s" + text(format ?? "") + (values?.map(text).joined() ?? "-")
        case .integer(let format, let values): result += "i" + text(format ?? "") + (values?.map { text(String($0)) }.joined() ?? "-")
        case .number(let format): result += "n" + text(format ?? "")
        case .boolean: result += "b"
        case .composition(let kind, let members):
            result += kind.rawValue + "(" + members.map { fingerprint($0, depth: depth + 1, memo: &memo) }.joined(separator: ",") + ")"
            if let discriminator = schema.discriminator {
                result += text(discriminator.propertyName) + discriminator.mapping.map { text($0.value) + text($0.schema) }.joined()
            }
        case .any: result += "*"
        }
        result += text(schema.defaultValue ?? "") + (schema.enumNames?.map(text).joined() ?? "")
        memo[schema.mark] = result
        return result
    }

    /// The key of `schema` (see ``sharedTypeKey(_:)``), looked up when the census walked it.
    func key(for schema: Schema) -> SharedTypeKey? {
        if walked.contains(schema.mark) { return keysByMark[schema.mark] }
        return Self.sharedTypeKey(schema)
    }

    /// The key an inline enum is declared under: its own, or that of the wider enum it is merged into.
    func canonical(_ key: SharedTypeKey) -> SharedTypeKey { widerKeys[key] ?? key }

    /// The schema to declare the enum with `key` (already canonical) from, when it is a merged one.
    func representative(for key: SharedTypeKey) -> Schema? { representatives[key] }

    /// The shared name of the enum with `key`, when it is used in several places and has one.
    func sharedName(for key: SharedTypeKey) -> String? { sharedNames[key] }

    /// `schema` as the one type for every use of its enum: the description its uses agree on.
    func shared(_ schema: Schema, key: SharedTypeKey) -> Schema {
        guard let description = sharedDescriptions[key] else { return schema }
        var copy = schema
        copy.description = description
        copy.title = nil
        return copy
    }

    /// The words every list ends with, in order.
    static func commonSuffix(_ lists: [[String]]) -> [String] {
        guard var common = lists.first else { return [] }
        for list in lists.dropFirst() {
            var shared: [String] = []
            for (mine, theirs) in zip(common.reversed(), list.reversed()) {
                guard mine == theirs else { break }
                shared.insert(mine, at: 0)
            }
            common = shared
        }
        return common
    }

    /// One pass over the schemas written in place (references are walked where they are defined).
    private struct Walk {
        struct Use {
            var leaf: String
            var description: String?
            var schema: Schema
        }

        var keyOrder: [SharedTypeKey] = []
        var keyUses: [SharedTypeKey: [Use]] = [:]
        var seen: Set<SourceMark> = []
        /// The key of every schema visited that has one, by where it is written.
        var keysByMark: [SourceMark: SharedTypeKey] = [:]
        var fingerprints: [SourceMark: String] = [:]

        mutating func visit(_ schema: Schema?, leaf: String) {
            guard let schema, seen.insert(schema.mark).inserted else { return }
            if let key = SchemaCensus.sharedTypeKey(schema, memo: &fingerprints) {
                keysByMark[schema.mark] = key
                if keyUses[key] == nil { keyOrder.append(key) }
                keyUses[key, default: []].append(Use(leaf: leaf, description: schema.description ?? schema.title, schema: schema))
                guard key.kind == "object" else { return }
            }
            children(of: schema, leaf: leaf)
        }

        mutating func children(of schema: Schema, leaf: String) {
            switch schema.kind {
            case .object(let object):
                for property in object.properties {
                    visit(property.schema, leaf: property.name)
                }
                visit(object.additionalProperties, leaf: leaf)
            case .array(let items):
                visit(items, leaf: leaf.isEmpty ? "" : leaf + "_item")
            case .composition(_, let members):
                for member in members { visit(member, leaf: leaf) }
            case .reference, .string, .integer, .number, .boolean, .any:
                return
            }
        }
    }
}
