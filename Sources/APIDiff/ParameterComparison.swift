import SDKModel

/// A method's parameters (and the properties its body overload takes) compared by label.
enum ParameterComparison {
    static func compare(_ old: [MethodParameter], _ new: [MethodParameter], method: String, group: String, into log: inout ChangeLog) {
        let matching = Matching(old: old, new: new, key: \.label)
        var added = matching.added
        let oldPath = old.filter { $0.kind == .path }
        let newPath = new.filter { $0.kind == .path }
        for parameter in matching.removed {
            // A path parameter in the same place under a new name: a new label.
            if parameter.kind == .path, oldPath.count == newPath.count, let position = oldPath.firstIndex(of: parameter),
                let index = added.firstIndex(of: newPath[position])
            {
                let renamed = added.remove(at: index)
                log.add(
                    group, .parameter, "\(base(method))(\(renamed.label):)", .renamed, .breaking,
                    "The path parameter's label is `\(renamed.label):` (was `\(parameter.label):`): calls with the old label no longer compile.",
                    at: log.inNew(renamed.origin))
                if !log.same(parameter.type, renamed.type) {
                    log.add(
                        group, .parameter, "\(base(method))(\(renamed.label):)", .changed, .breaking,
                        "Retyped from \(parameter.type.swiftSource) to \(renamed.type.swiftSource): calls that pass it no longer compile.",
                        at: log.inNew(renamed.origin))
                }
                continue
            }
            log.add(
                group, .parameter, "\(base(method))(\(parameter.label):)", .removed, .breaking,
                "Parameter removed: calls that pass it no longer compile.", at: log.inOld(parameter.origin))
        }
        for (before, after) in matching.both {
            let here = log.inNew(after.origin)
            let name = "\(base(method))(\(after.label):)"
            if !log.same(before.type, after.type) {
                log.add(
                    group, .parameter, name, .changed, .breaking,
                    "Retyped from \(before.type.swiftSource) to \(after.type.swiftSource): calls that pass it no longer compile.", at: here)
            }
            if before.required != after.required {
                log.add(group, .parameter, name, .changed, after.required ? .breaking : .additive, requiredness(after.required), at: here)
            }
            if before.wireName != after.wireName || before.kind != after.kind {
                log.add(
                    group, .parameter, name, .changed, .invisible,
                    "Sent as \(after.kind.rawValue) `\(after.wireName)` (was \(before.kind.rawValue) `\(before.wireName)`); calls compile as before.",
                    at: here)
            }
            if before.deprecated != after.deprecated {
                log.add(group, .parameter, name, .changed, .invisible, after.deprecated ? "Deprecated." : "No longer deprecated.", at: here)
            }
        }
        for parameter in added {
            log.add(
                group, .parameter, "\(base(method))(\(parameter.label):)", .added, parameter.required ? .breaking : .additive,
                parameter.required
                    ? "New required \(parameter.kind.rawValue) parameter of type \(parameter.type.swiftSource): every call must pass it."
                    : "New optional \(parameter.kind.rawValue) parameter of type \(parameter.type.swiftSource) (it defaults to nil).",
                at: log.inNew(parameter.origin))
        }
        orderCheck(
            old.filter(\.required).map(\.label), new.filter(\.required).map(\.label), method: method, group: group, origin: new.first?.origin,
            into: &log)
    }

    /// The properties the body overload takes as arguments.
    static func compareFields(
        _ old: [BodyField], _ new: [BodyField], method: String, group: String, at here: SpecLocation?, into log: inout ChangeLog
    ) {
        let matching = Matching(old: old, new: new, key: \.label)
        for field in matching.removed {
            log.add(
                group, .parameter, "\(base(method))(\(field.label):)", .removed, .breaking,
                "The body overload no longer takes it: calls that pass it no longer compile.", at: here)
        }
        for (before, after) in matching.both {
            let name = "\(base(method))(\(after.label):)"
            if !log.same(before.type, after.type) {
                log.add(
                    group, .parameter, name, .changed, .breaking,
                    "The body overload takes \(after.type.swiftSource) instead of \(before.type.swiftSource): calls that pass it no longer compile.",
                    at: here)
            }
            let (wasRequired, isRequired) = (before.mustBeGiven, after.mustBeGiven)
            if wasRequired != isRequired {
                log.add(group, .parameter, name, .changed, isRequired ? .breaking : .additive, requiredness(isRequired), at: here)
            }
        }
        for field in matching.added {
            let required = field.mustBeGiven
            log.add(
                group, .parameter, "\(base(method))(\(field.label):)", .added, required ? .breaking : .additive,
                required
                    ? "The body overload takes a new required \(field.type.swiftSource): every call to it must pass it."
                    : "The body overload takes a new optional \(field.type.swiftSource) (it defaults to nil).",
                at: here)
        }
    }

    /// `list` of `list(limit:)`.
    private static func base(_ signature: String) -> Substring {
        signature.prefix { $0 != "(" }
    }

    private static func requiredness(_ required: Bool) -> String {
        required
            ? "Now required: calls that leave it out no longer compile."
            : "Now optional (it defaults to nil): calls that pass it still compile."
    }

    /// Required arguments are written in declaration order, so a new order breaks every call.
    private static func orderCheck(_ old: [String], _ new: [String], method: String, group: String, origin: Origin?, into log: inout ChangeLog) {
        let kept = Set(old).intersection(new)
        let before = old.filter(kept.contains)
        let after = new.filter(kept.contains)
        guard before != after else { return }
        log.add(
            group, .method, method, .changed, .breaking,
            "Its required arguments are in a new order (\(after.map { $0 + ":" }.joined())): calls in the old order no longer compile.",
            at: origin.flatMap(log.inNew))
    }
}
