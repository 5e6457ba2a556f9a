import SDKModel

/// A struct's stored properties compared by Swift name: what each change does to reads, to the
/// memberwise `init`, and to decoding.
enum PropertyComparison {
    static func compare(_ old: [Property], _ new: [Property], in type: String, into log: inout ChangeLog) {
        let group = ModelComparison.group
        let matching = Matching(old: old, new: new, key: \.swiftName)
        var added = matching.added
        for property in matching.removed {
            if let index = added.firstIndex(where: { $0.jsonKey == property.jsonKey }) {
                log.add(
                    group, .property, "\(type).\(property.swiftName)", .renamed, .breaking,
                    "Renamed to `\(added[index].swiftName)` (JSON key `\(property.jsonKey)`): reads and `init` calls naming the old name no longer compile.",
                    at: log.inNew(added[index].origin))
                added.remove(at: index)
                continue
            }
            log.add(
                group, .property, "\(type).\(property.swiftName)", .removed, .breaking,
                "Removed: reads of it and `init` calls that pass it no longer compile.", at: log.inOld(property.origin))
        }
        for (before, after) in matching.both {
            let name = "\(type).\(after.swiftName)"
            let here = log.inNew(after.origin)
            if !log.same(before.type, after.type) {
                log.add(
                    group, .property, name, .changed, .breaking,
                    "Retyped from \(before.type.swiftSource) to \(after.type.swiftSource): reads and `init` calls that use the old type no longer compile.",
                    at: here)
            }
            if before.required != after.required {
                log.add(
                    group, .property, name, .changed, .breaking,
                    after.required
                        ? "Now required: reads give \(after.type.swiftSource) instead of \(after.type.swiftSource)? (optional chaining and `if let` on it no longer compile), the memberwise `init` needs it, and a body without it no longer decodes."
                        : "Now optional: reads give \(after.type.swiftSource)? instead of \(after.type.swiftSource) (code using it unwrapped no longer compiles); the memberwise `init` defaults it to nil, and decoding accepts bodies without it.",
                    at: here)
            }
            if before.jsonKey != after.jsonKey {
                log.add(
                    group, .property, name, .changed, .invisible,
                    "Read from and written to JSON key `\(after.jsonKey)` (was `\(before.jsonKey)`); code compiles as before.", at: here)
            }
            if before.keepsNull != after.keepsNull {
                log.add(
                    group, .property, name, .changed, after.keepsNull ? .additive : .breaking,
                    after.keepsNull
                        ? "May now be null: `$\(after.swiftName)` tells null from absent and sets null; reads are as before."
                        : "May no longer be null: `$\(after.swiftName)` is gone, so code using it no longer compiles.",
                    at: here)
            }
            if before.defaultLiteral != after.defaultLiteral {
                log.add(
                    group, .property, name, .changed, .invisible,
                    "The memberwise `init` defaults it to \(after.defaultLiteral ?? (after.required ? "nothing" : "nil")) (was \(before.defaultLiteral ?? (before.required ? "nothing" : "nil"))); calls compile as before.",
                    at: here)
            }
            if before.deprecated != after.deprecated {
                log.add(
                    group, .property, name, .changed, .invisible, after.deprecated ? "Deprecated: uses now get a warning." : "No longer deprecated.",
                    at: here)
            }
            if before.description != after.description || before.defaultValue != after.defaultValue {
                log.add(group, .property, name, .changed, .invisible, "Documentation changed.", at: here)
            }
        }
        for property in added {
            let name = "\(type).\(property.swiftName)"
            let required = property.mustBeGiven
            log.add(
                group, .property, name, .added, required ? .breaking : .additive,
                required
                    ? "New required property of type \(property.type.swiftSource): the memberwise `init` needs it (calls without it no longer compile), and a body without it no longer decodes."
                    : "New optional property of type \(property.type.swiftSource)?: the memberwise `init` defaults it to nil, so existing code compiles.",
                at: log.inNew(property.origin))
        }
        let kept = Set(old.map(\.swiftName)).intersection(new.map(\.swiftName))
        let before = old.map(\.swiftName).filter(kept.contains)
        let after = new.map(\.swiftName).filter(kept.contains)
        if before != after {
            log.add(
                group, .model, type, .changed, .breaking,
                "The memberwise `init` takes its properties in a new order (\(after.map { $0 + ":" }.joined())): calls in the old order no longer compile.",
                at: new.first.flatMap { log.inNew($0.origin) })
        }
    }
}
