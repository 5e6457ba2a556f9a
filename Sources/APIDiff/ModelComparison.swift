import SDKModel

/// The model types of two SDKs compared: types added, removed, renamed, and what changed inside
/// the ones both have (properties, enum cases, union members, alias targets).
enum ModelComparison {
    static let group = "models"

    static func compare(into log: inout ChangeLog) {
        let matching = Matching(old: log.old.models, new: log.new.models, key: \.typeName)
        var added = matching.added
        for old in matching.removed {
            // Renamed: a new type with exactly the same contents, when only one has them.
            let twins = added.filter { $0.kind == old.kind }
            if twins.count == 1, let new = twins.first, matching.removed.filter({ $0.kind == old.kind }).count == 1 {
                added.removeAll { $0.typeName == new.typeName }
                log.renamedTypes[old.typeName] = new.typeName
                log.add(
                    group, .model, old.typeName, .renamed, .breaking,
                    "Renamed to \(new.typeName) (the same \(kindName(new.kind))): code naming \(old.typeName) no longer compiles.",
                    at: log.inNew(new.origin))
                continue
            }
            log.add(
                group, .model, old.typeName, .removed, .breaking, "Removed: code naming the type no longer compiles.",
                at: log.inOld(old.origin))
        }
        for (old, new) in matching.both { compare(old, new, into: &log) }
        for new in added {
            log.add(group, .model, new.typeName, .added, .additive, "New \(kindName(new.kind)).", at: log.inNew(new.origin))
        }
    }

    /// `struct`, `string enum`, `integer enum`, `enum of alternatives`, `type alias`.
    static func kindName(_ kind: Model.Kind) -> String {
        switch kind {
        case .structure: "struct"
        case .stringEnum: "string enum"
        case .integerEnum: "integer enum"
        case .oneOf: "enum of alternatives"
        case .alias: "type alias"
        }
    }

    private static func compare(_ old: Model, _ new: Model, into log: inout ChangeLog) {
        let here = log.inNew(new.origin)
        let type = new.typeName
        switch (old.kind, new.kind) {
        case (.structure(let before, let beforeExtra), .structure(let after, let afterExtra)):
            PropertyComparison.compare(before, after, in: type, into: &log)
            if beforeExtra != afterExtra {
                let describe = { (extra: SwiftType?) in extra.map { "[String: \($0.swiftSource)]" } ?? "none" }
                log.add(
                    group, .property, "\(type).additionalProperties", .changed, beforeExtra == nil ? .additive : .breaking,
                    "Extra keys are \(describe(afterExtra)) (were \(describe(beforeExtra))).", at: here)
            }
        case (.stringEnum(let before), .stringEnum(let after)):
            compareCases(
                before.map { ($0.name, "\"\($0.rawValue)\"") }, after.map { ($0.name, "\"\($0.rawValue)\"") }, in: type, at: here, into: &log)
        case (.integerEnum(let before), .integerEnum(let after)):
            compareCases(before.map { ($0.name, String($0.rawValue)) }, after.map { ($0.name, String($0.rawValue)) }, in: type, at: here, into: &log)
        case (.oneOf(let before), .oneOf(let after)):
            compareVariants(before, after, in: type, at: here, into: &log)
        case (.alias(let before), .alias(let after)):
            if !log.same(before, after) {
                log.add(
                    group, .model, type, .changed, .breaking,
                    "Now stands for \(after.swiftSource) instead of \(before.swiftSource): code using it as the old type no longer compiles.",
                    at: here)
            }
        default:
            log.add(
                group, .model, type, .changed, .breaking,
                "Now a \(kindName(new.kind)) (was a \(kindName(old.kind))): code using it as before no longer compiles.", at: here)
        }
        if old.deprecated != new.deprecated {
            log.add(
                group, .model, type, .changed, .invisible, new.deprecated ? "Deprecated: uses now get a warning." : "No longer deprecated.", at: here)
        }
        if old.description != new.description {
            log.add(group, .model, type, .changed, .invisible, "Documentation changed.", at: here)
        }
    }

    /// An open enum's cases (name and raw value as Swift writes it).
    private static func compareCases(
        _ old: [(name: String, raw: String)], _ new: [(name: String, raw: String)], in type: String, at here: SpecLocation?, into log: inout ChangeLog
    ) {
        let matching = Matching(old: old, new: new, key: \.name)
        var added = matching.added
        for item in matching.removed {
            if let index = added.firstIndex(where: { $0.raw == item.raw }) {
                log.add(
                    group, .enumCase, "\(type).\(item.name)", .renamed, .breaking,
                    "Renamed to `.\(added[index].name)` (the value \(item.raw)): code naming `.\(item.name)` no longer compiles.", at: here)
                added.remove(at: index)
                continue
            }
            log.add(
                group, .enumCase, "\(type).\(item.name)", .removed, .breaking,
                "Case removed: code naming it no longer compiles; the value \(item.raw) now decodes as `.unknown(\(item.raw))`.", at: here)
        }
        for (before, after) in matching.both where before.raw != after.raw {
            log.add(
                group, .enumCase, "\(type).\(after.name)", .changed, .invisible,
                "Stands for the value \(after.raw) instead of \(before.raw); code compiles as before.", at: here)
        }
        for item in added {
            log.add(
                group, .enumCase, "\(type).\(item.name)", .added, .breaking,
                "New case for \(item.raw): exhaustive `switch`es over \(type) no longer compile until they handle it (a `default:` is unaffected). Decoding is safe: older SDKs read the value as `.unknown(\(item.raw))`.",
                at: here)
        }
    }

    private static func compareVariants(_ old: OneOf, _ new: OneOf, in type: String, at here: SpecLocation?, into log: inout ChangeLog) {
        let matching = Matching(old: old.variants, new: new.variants, key: \.name)
        for variant in matching.removed {
            log.add(
                group, .enumCase, "\(type).\(variant.name)", .removed, .breaking,
                "Alternative removed: code naming the case no longer compiles.", at: log.inOld(variant.origin) ?? here)
        }
        for (before, after) in matching.both where !log.same(before.type, after.type) {
            log.add(
                group, .enumCase, "\(type).\(after.name)", .changed, .breaking,
                "Carries \(after.type.swiftSource) instead of \(before.type.swiftSource).", at: log.inNew(after.origin) ?? here)
        }
        for variant in matching.added {
            log.add(
                group, .enumCase, "\(type).\(variant.name)", .added, .breaking,
                "New alternative (\(variant.type.swiftSource)): exhaustive `switch`es over \(type) no longer compile until they handle it (a `default:` is unaffected). Decoding is safe: older SDKs read it as `.unknown`.",
                at: log.inNew(variant.origin) ?? here)
        }
        if old.discriminatorProperty != new.discriminatorProperty {
            log.add(
                group, .model, type, .changed, .invisible,
                "Tells its alternatives apart by \(new.discriminatorProperty.map { "`\($0)`" } ?? "trying each") (was \(old.discriminatorProperty.map { "`\($0)`" } ?? "trying each")).",
                at: here)
        }
    }
}
