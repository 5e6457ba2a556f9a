import OpenAPI

/// Turns an operation's 2xx responses into what its method returns, the `Accept` header it
/// sends, and its stream variant:
/// - each 2xx response gives one body: its JSON media type if it has one, else its first other
///   non-stream media type, else its first stream; media types that give something else are
///   ignored with a warning that names what is kept;
/// - a stream offered beside a non-stream body (`application/json` and `text/event-stream`)
///   becomes the stream variant; a single raw-bytes body gets a raw byte stream variant;
/// - equal bodies for every 2xx status make one return value, different ones an enum by status.
enum ResponseBuilder {
    /// What the 2xx responses of one operation give.
    struct Outcome {
        /// What the main method returns.
        var response: MethodResponse
        /// The main method's `Accept` header.
        var accept: String
        /// The streaming method, named `<method>Stream` (made unique later), without its stream property.
        var streamVariant: StreamVariant?

        /// The Swift type of a single JSON body, which the method decodes and returns.
        var returnType: SwiftType? {
            if case .single(.json(let type)) = response { return type }
            return nil
        }
    }

    /// What one 2xx response gives.
    private struct Choice {
        var response: Response
        var body: ResponseBody
        /// The media types `body` is read from.
        var mediaTypes: [String]
        /// A stream offered beside `body`, and its media types.
        var stream: (body: ResponseBody, mediaTypes: [String])?
    }

    /// Names for inline schemas of the bodies: the first of each kind keeps the plain name
    /// (`<hint>Response`, as when only one body was read), later ones add the status case name.
    private struct Hints {
        let base: String
        var used: Set<String> = []

        mutating func name(_ suffix: String, caseName: String) -> String {
            if used.insert(suffix).inserted { return base + suffix }
            return base + SwiftNaming.typeName(caseName) + suffix
        }
    }

    static func isSuccess(_ status: ResponseStatus) -> Bool {
        switch status {
        case .code(let code): return (200..<300).contains(code)
        case .range(let first): return first == 2
        case .default: return false
        }
    }

    /// The case name of a 2xx status: `ok`, `created`, …, `status<code>`; `success` for `2XX`.
    static func caseName(_ status: ResponseStatus) -> String {
        if case .code(let code) = status { return StatusNaming.caseName(for: code) }
        return "success"
    }

    /// The responses of `operation`, whose method is called `methodName`; inline schemas are named from `hint`.
    static func outcome(for operation: Operation, methodName: String, hint: String, types: inout TypeResolver) -> Outcome {
        let owner = MethodBuilder.describe(operation)
        var hints = Hints(base: hint)
        let choices = operation.responses.filter { isSuccess($0.status) }.map {
            choice(for: $0, owner: owner, hints: &hints, types: &types)
        }
        guard let first = choices.first else { return Outcome(response: .single(.empty), accept: "application/json") }

        let response: MethodResponse
        if choices.allSatisfy({ $0.body == first.body }) {
            response = .single(first.body)
        } else {
            var taken: Set<String> = []
            let cases = choices.map { choice -> StatusResponses.Case in
                let name = SwiftNaming.unique(caseName(choice.response.status), in: taken)
                taken.insert(name)
                var code: Int?
                if case .code(let value) = choice.response.status { code = value }
                return StatusResponses.Case(name: name, statusCode: code, body: choice.body, description: choice.response.description)
            }
            response = .byStatus(StatusResponses(typeName: types.reserveTypeName(hint + "Result"), cases: cases))
        }
        let accept = acceptHeader(choices.flatMap(\.mediaTypes))

        var variant: StreamVariant?
        var variantStatus: ResponseStatus?
        for choice in choices {
            guard let stream = choice.stream else { continue }
            guard let existing = variant, let status = variantStatus else {
                variant = StreamVariant(name: methodName + "Stream", body: stream.body, accept: acceptHeader(stream.mediaTypes), streamProperty: nil)
                variantStatus = choice.response.status
                continue
            }
            if existing.body != stream.body {
                types.log.warning(
                    "response \(choice.response.status) of \(owner) also offers \(quoted(stream.mediaTypes)) (\(describe(stream.body))); only the stream of response \(status) gets a stream variant, so this one is ignored",
                    at: choice.response.mark)
            }
        }
        if variant == nil, case .single(.bytes) = response {
            variant = StreamVariant(name: methodName + "Stream", body: .bytes, accept: accept, streamProperty: nil)
        }
        return Outcome(response: response, accept: accept, streamVariant: variant)
    }

    /// The Swift name of the request body's `Bool` property with JSON key `stream`, if it has one.
    static func streamProperty(of body: MethodBody?, types: TypeResolver) -> String? {
        guard let typeName = body?.type.name, case .structure(let properties, _)? = types.model(named: typeName)?.kind else { return nil }
        return properties.first { $0.jsonKey == "stream" && $0.type == .named("Bool") }?.swiftName
    }

    /// `mediaTypes` without repeats, in order, joined with `, `; `application/json` when they are all JSON (or none).
    static func acceptHeader(_ mediaTypes: [String]) -> String {
        var distinct: [String] = []
        for mediaType in mediaTypes where !distinct.contains(mediaType) { distinct.append(mediaType) }
        if distinct.allSatisfy({ MediaShape($0) == .json }) { return "application/json" }
        return distinct.joined(separator: ", ")
    }

    private typealias Candidate = (media: MediaType, shape: MediaShape)

    private static func choice(for response: Response, owner: String, hints: inout Hints, types: inout TypeResolver) -> Choice {
        let media = response.content.map { (media: $0, shape: MediaShape($0.name)) }
        let plain = media.filter { !$0.shape.isStream }
        let streams = media.filter { $0.shape.isStream }
        let caseName = caseName(response.status)
        // The body: JSON first, as the methods always returned; then any other non-stream type; then a stream.
        guard let main = plain.first(where: { $0.shape == .json }) ?? plain.first ?? streams.first else {
            return Choice(response: response, body: .empty, mediaTypes: [])
        }
        let (mainGroup, mainIgnored) = split(main.shape.isStream ? streams : plain, keeping: main)
        let body = resolve(main, caseName: caseName, hints: &hints, types: &types)
        var stream: (body: ResponseBody, mediaTypes: [String])?
        var streamIgnored: [String] = []
        if !main.shape.isStream, let first = streams.first {
            let (group, ignored) = split(streams, keeping: first)
            stream = (resolve(first, caseName: caseName, hints: &hints, types: &types), group.map(\.media.name))
            streamIgnored = ignored
        }
        let ignored = mainIgnored + streamIgnored
        if !ignored.isEmpty {
            var kept = "the method returns \(quoted(mainGroup.map(\.media.name))) (\(describe(body)))"
            kept += stream.map { ", its stream variant reads \(quoted($0.mediaTypes)) (\(describe($0.body))), and it" } ?? " and"
            types.log.warning(
                "response \(response.status) of \(owner) has media types that give different results; \(kept) ignores \(ignored.joined(separator: ", "))",
                at: response.mark)
        }
        return Choice(response: response, body: body, mediaTypes: mainGroup.map(\.media.name), stream: stream)
    }

    /// The candidates that give the same result as `kept`, and the others described for a warning.
    private static func split(_ candidates: [Candidate], keeping kept: Candidate) -> (group: [Candidate], ignored: [String]) {
        let group = candidates.filter { sameContent($0, kept) }
        let ignored = candidates.filter { !sameContent($0, kept) }.map { candidate in
            "'\(candidate.media.name)' (\(candidate.shape.summary)\(candidate.shape == kept.shape ? " of another schema" : ""))"
        }
        return (group, ignored)
    }

    /// Whether two media types of one response give the same result: the same shape, and for
    /// shapes with a schema, the same schema.
    private static func sameContent(_ lhs: Candidate, _ rhs: Candidate) -> Bool {
        guard lhs.shape == rhs.shape else { return false }
        guard lhs.shape.hasSchema else { return true }
        return valueSchema(lhs.media, lhs.shape)?.kind == valueSchema(rhs.media, rhs.shape)?.kind
    }

    /// The schema of one value: the body's for JSON, each item's for a stream (`itemSchema`, else `schema`).
    private static func valueSchema(_ media: MediaType, _ shape: MediaShape) -> Schema? {
        shape.isStream ? media.itemSchema ?? media.schema : media.schema
    }

    private static func resolve(_ candidate: Candidate, caseName: String, hints: inout Hints, types: inout TypeResolver) -> ResponseBody {
        let schema = valueSchema(candidate.media, candidate.shape)
        switch candidate.shape {
        case .text: return .text
        case .bytes: return .bytes
        case .json:
            guard let schema else { return .json(.jsonValue) }
            return .json(types.swiftType(for: schema, nameHint: hints.name("Response", caseName: caseName)))
        case .eventStream:
            guard let schema, isStructured(schema) else { return .eventStream(nil) }
            return .eventStream(types.swiftType(for: schema, nameHint: hints.name("Event", caseName: caseName)))
        case .jsonLines, .jsonSequence:
            let type = schema.map { types.swiftType(for: $0, nameHint: hints.name("Item", caseName: caseName)) } ?? .jsonValue
            return candidate.shape == .jsonLines ? .jsonLines(type) : .jsonSequence(type)
        }
    }

    /// Whether events have a schema worth decoding: an object, a reference, or a composition.
    private static func isStructured(_ schema: Schema) -> Bool {
        switch schema.kind {
        case .reference, .object, .composition: return true
        default: return false
        }
    }

    private static func quoted(_ mediaTypes: [String]) -> String {
        mediaTypes.map { "'\($0)'" }.joined(separator: ", ")
    }

    /// A body in a diagnostic.
    private static func describe(_ body: ResponseBody) -> String {
        switch body {
        case .empty: return "no content"
        case .json(let type): return "JSON decoded as \(type.swiftSource)"
        case .text: return "String"
        case .bytes: return "Data"
        case .eventStream(let type): return "server-sent events" + (type.map { " of \($0.swiftSource)" } ?? "")
        case .jsonLines(let type): return "JSON Lines of \(type.swiftSource)"
        case .jsonSequence(let type): return "a JSON text sequence of \(type.swiftSource)"
        }
    }
}
