import SDKModel

/// The resources' methods of two SDKs compared: added, removed, renamed and changed methods,
/// their parameters, bodies and responses.
enum MethodComparison {
    /// A method with the resource it is under.
    struct Placed {
        /// The resource's access path from the client, empty for a method on the client itself.
        var accessPath: [String]
        var method: Method

        /// `client.chats.typing`.
        var group: String { (["client"] + accessPath).joined(separator: ".") }
        /// `chats.typing.stop`: what tells the method from every other.
        var key: String { (accessPath + [method.name]).joined(separator: ".") }
        /// The operation's route with parameter names left out, `POST /v3/chats/{}/typing`.
        var route: String {
            method.httpMethod + " "
                + method.pathPieces.map {
                    switch $0 {
                    case .literal(let text): text
                    case .parameter: "{}"
                    }
                }.joined()
        }
    }

    /// Every method of `sdk`, the client's own first, then each resource's depth first, in spec order.
    static func methods(of sdk: SDK) -> [Placed] {
        var result = sdk.rootMethods.map { Placed(accessPath: [], method: $0) }
        func walk(_ resource: Resource) {
            result += resource.methods.map { Placed(accessPath: resource.accessPath, method: $0) }
            resource.children.forEach(walk)
        }
        sdk.resources.forEach(walk)
        return result
    }

    static func compare(into log: inout ChangeLog) {
        let matching = Matching(old: methods(of: log.old), new: methods(of: log.new), key: \.key)
        var added = matching.added
        var removed: [Placed] = []
        for old in matching.removed {
            // Renamed: the same route under a new name (or resource), when that pairing is unique.
            let candidates = added.filter { $0.route == old.route }
            guard candidates.count == 1, let new = candidates.first,
                matching.removed.filter({ $0.route == old.route }).count == 1
            else {
                removed.append(old)
                continue
            }
            added.removeAll { $0.key == new.key }
            log.add(
                new.group, .method, signature(old), .renamed, .breaking,
                "Renamed to `\(new.group).\(signature(new))` (\(new.method.httpMethod) \(new.method.pathTemplate)): calls to the old name no longer compile.",
                at: log.inNew(new.method.origin))
            compare(old, new, into: &log)
        }
        for old in removed {
            log.add(
                old.group, .method, signature(old), .removed, .breaking,
                "Removed (\(old.method.httpMethod) \(old.method.pathTemplate)): calls to it no longer compile.",
                at: log.inOld(old.method.origin))
        }
        for (old, new) in matching.both { compare(old, new, into: &log) }
        for new in added {
            log.add(
                new.group, .method, signature(new), .added, .additive, "New method for \(new.method.httpMethod) \(new.method.pathTemplate).",
                at: log.inNew(new.method.origin))
        }
    }

    /// `stop(chatID:)`: the name and the labels a call without optional arguments writes.
    static func signature(_ placed: Placed) -> String {
        let method = placed.method
        var labels = method.parameters.filter(\.required).map(\.label)
        if let body = method.body, body.required { labels.append("body") }
        return method.name + "(" + labels.map { $0 + ":" }.joined() + ")"
    }

    private static func compare(_ old: Placed, _ new: Placed, into log: inout ChangeLog) {
        let group = new.group
        let name = signature(new)
        let here = log.inNew(new.method.origin)
        let (was, now) = (old.method, new.method)
        ParameterComparison.compare(was.parameters, now.parameters, method: name, group: group, into: &log)
        compareBody(was, now, method: name, group: group, into: &log)
        if !log.same(was.response, now.response) {
            ResponseComparison.compare(was.response, now.response, method: name, group: group, at: here, into: &log)
        }
        switch (was.pagination, now.pagination) {
        case (nil, let paging?):
            log.add(
                group, .method, "\(now.name)All", .added, .additive,
                "New: pages through every \(paging.itemType.swiftSource) of `\(name)` as an AsyncSequence.", at: here)
        case (let paging?, nil):
            log.add(
                group, .method, "\(was.name)All", .removed, .breaking,
                "Removed (the response is no longer a cursor-paged list of \(paging.itemType.swiftSource)): calls to it no longer compile.",
                at: here)
        case (let before?, let after?) where !log.same(before.itemType, after.itemType):
            log.add(
                group, .method, "\(now.name)All", .changed, .breaking,
                "Pages through \(after.itemType.swiftSource) instead of \(before.itemType.swiftSource).", at: here)
        default: break
        }
        switch (was.streamVariant, now.streamVariant) {
        case (nil, let stream?):
            log.add(group, .method, stream.name, .added, .additive, "New: streams the response of `\(name)`.", at: here)
        case (let stream?, nil):
            log.add(
                group, .method, stream.name, .removed, .breaking, "Removed: the operation no longer streams; calls to it no longer compile.", at: here
            )
        case (let before?, let after?) where before.name != after.name || before.body != after.body:
            log.add(
                group, .method, after.name, .changed, .breaking,
                "Streams \(ResponseComparison.describe(after.body)) instead of \(ResponseComparison.describe(before.body)).", at: here)
        default: break
        }
        if was.deprecated != now.deprecated {
            log.add(
                group, .method, name, .changed, .invisible,
                now.deprecated ? "Deprecated: calls now get a deprecation warning." : "No longer deprecated.", at: here)
        }
        // The route without parameter names: a renamed path parameter alone sends the same request.
        if old.route != new.route {
            log.add(
                group, .method, name, .changed, .invisible,
                "Now sends \(now.httpMethod) \(now.pathTemplate) (was \(was.httpMethod) \(was.pathTemplate)); calls compile as before.", at: here)
        }
        if was.summary != now.summary || was.description != now.description {
            log.add(group, .method, name, .changed, .invisible, "Documentation changed.", at: here)
        }
    }

    private static func compareBody(_ was: Method, _ now: Method, method name: String, group: String, into log: inout ChangeLog) {
        let here = log.inNew(now.origin)
        switch (was.body, now.body) {
        case (nil, nil):
            return
        case (nil, let body?):
            log.add(
                group, .body, "\(name.prefix { $0 != "(" })(body:)", .added, body.required ? .breaking : .additive,
                body.required
                    ? "Takes a required \(body.type.swiftSource) body: every call must pass it."
                    : "Takes an optional \(body.type.swiftSource) body (it defaults to nil).", at: here)
        case (let body?, nil):
            log.add(
                group, .body, "\(name.prefix { $0 != "(" })(body:)", .removed, .breaking,
                "Takes no body any more (was \(body.type.swiftSource)): calls that pass one no longer compile.", at: here)
        case (let before?, let after?):
            if !log.same(before.type, after.type) {
                log.add(
                    group, .body, "\(name.prefix { $0 != "(" })(body:)", .changed, .breaking,
                    "The body is \(after.type.swiftSource) instead of \(before.type.swiftSource): calls that pass one no longer compile.", at: here)
            }
            if before.required != after.required {
                log.add(
                    group, .body, "\(name.prefix { $0 != "(" })(body:)", .changed, after.required ? .breaking : .additive,
                    after.required
                        ? "The body is now required: calls that leave it out no longer compile."
                        : "The body is now optional: calls that pass one still compile.",
                    at: here)
            }
            if before.contentType != after.contentType {
                log.add(
                    group, .body, "\(name.prefix { $0 != "(" })(body:)", .changed, .invisible,
                    "Sent as \(after.contentType) instead of \(before.contentType).", at: here)
            }
        }
        switch (was.bodyFields, now.bodyFields) {
        case (nil, let fields?) where !fields.isEmpty:
            log.add(group, .method, name, .added, .additive, "New overload taking the body's properties as arguments.", at: here)
        case (let fields?, nil) where !fields.isEmpty:
            log.add(
                group, .method, name, .removed, .breaking,
                "The overload taking the body's properties as arguments is gone: calls to it no longer compile (pass a \(was.body?.type.swiftSource ?? "body") value).",
                at: here)
        case (let before?, let after?):
            ParameterComparison.compareFields(before, after, method: name, group: group, at: here, into: &log)
        default: break
        }
    }
}
