import SDKModel

/// What a method returns, compared.
enum ResponseComparison {
    static func compare(
        _ old: MethodResponse, _ new: MethodResponse, method: String, group: String, at here: SpecLocation?, into log: inout ChangeLog
    ) {
        if case .byStatus(let before) = old, case .byStatus(let after) = new, before.typeName == after.typeName {
            let matching = Matching(old: before.cases, new: after.cases, key: \.name)
            for item in matching.removed {
                log.add(
                    group, .enumCase, "\(after.typeName).\(item.name)", .removed, .breaking,
                    "The status no longer comes back: code naming the case no longer compiles.", at: here)
            }
            for (was, now) in matching.both where was.body != now.body {
                log.add(
                    group, .enumCase, "\(after.typeName).\(now.name)", .changed, .breaking,
                    "Carries \(describe(now.body)) instead of \(describe(was.body)).", at: here)
            }
            for item in matching.added {
                log.add(
                    group, .enumCase, "\(after.typeName).\(item.name)", .added, .breaking,
                    "New case: exhaustive `switch`es over \(after.typeName) no longer compile until they handle it (a `default:` is unaffected).",
                    at: here)
            }
            return
        }
        if old == .single(.empty) {
            log.add(
                group, .response, method, .changed, .additive,
                "Returns \(describe(new)) instead of nothing: calls that ignore the result still compile.", at: here)
            return
        }
        log.add(
            group, .response, method, .changed, .breaking,
            "Returns \(describe(new)) instead of \(describe(old)): code that uses the result may no longer compile.", at: here)
    }

    /// How a report names what a method returns: `Chat`, `nothing`, `CreatePostResult`.
    static func describe(_ response: MethodResponse) -> String {
        switch response {
        case .single(let body): describe(body)
        case .byStatus(let statuses): statuses.typeName
        }
    }

    /// How a report names a body: `Chat`, `nothing`, `String`, `Data`, `an event stream of Chunk`.
    static func describe(_ body: ResponseBody) -> String {
        switch body {
        case .empty: "nothing"
        case .json(let type): type.swiftSource
        case .text: "String"
        case .bytes: "Data"
        case .eventStream(let type?): "an event stream of \(type.swiftSource)"
        case .eventStream(nil): "an event stream"
        case .jsonLines(let type): "JSON lines of \(type.swiftSource)"
        case .jsonSequence(let type): "a JSON sequence of \(type.swiftSource)"
        }
    }
}
