import OpenAPI

/// Turns one operation into a method: its name, place, parameters, body and what it returns.
enum MethodBuilder {
    /// Types that can travel in a path, query item or header as text.
    static let parameterScalarTypes: Set<String> = [
        "String", "Int", "Int32", "Int64", "Double", "Float", "Bool", "UUID", "Date", "URL", "CalendarDate",
    ]

    static func method(
        for operation: Operation, config: GeneratorConfig, naming: ResourceNaming, types: inout TypeResolver
    ) -> (method: Method, resource: [String], foldedName: String?) {
        let override = config.override(for: operation.operationID)
        let resource = override?.resource?.map(SwiftNaming.memberName) ?? naming.resourcePath(of: operation.path)
        let name =
            override?.method
            ?? ResourceNaming.methodName(
                operationID: operation.operationID, method: operation.method, path: operation.path, resource: resource)
        // Only a place the default rules chose may fold into the parent resource.
        let foldedName =
            override?.resource != nil || resource.count < 2
            ? nil
            : override?.method
                ?? ResourceNaming.methodName(
                    operationID: operation.operationID, method: operation.method, path: operation.path, resource: resource, keepingOwnNoun: true)
        let hint = SwiftNaming.typeName(operation.operationID ?? "\(operation.method.rawValue) \(operation.path)")

        var labels: Set<String> = []
        var parameters: [MethodParameter] = []
        for parameter in operation.parameters {
            let kind = ParameterKind(parameter.location)
            let label = SwiftNaming.unique(SwiftNaming.memberName(parameter.name), in: labels.union(["body", "options", "self"]))
            labels.insert(label)
            var type = parameter.schema.map { types.swiftType(for: $0, nameHint: hint + SwiftNaming.typeName(parameter.name)) } ?? .string
            var encoding = ParameterEncoding.text
            if let media = parameter.contentMediaType, isJSON(media) {
                encoding = .json
            } else if isParameterType(type, enums: types.enumTypeNames, aliasTarget: { types.aliasTarget(of: $0) }) {
                encoding = .text
            } else if isObjectParameterType(type, types: types) {
                encoding = .object
            } else {
                types.log.warning(
                    "\(kind.rawValue) parameter '\(parameter.name)' has a schema that cannot be sent in the \(parameter.style.rawValue) style (\(type.swiftSource)); it is generated as String",
                    at: parameter.mark)
                type = .string
            }
            parameters.append(
                MethodParameter(
                    label: label, wireName: parameter.name, kind: kind, type: type,
                    required: parameter.required || kind == .path, description: parameter.description, deprecated: parameter.deprecated,
                    style: parameter.style.rawValue, explode: parameter.explode, allowReserved: parameter.allowReserved, encoding: encoding,
                    isList: isList(type, types: types), origin: Origin(parameter.mark)))
        }
        // Required parameters first, then optional ones, each group in spec order.
        parameters = parameters.filter(\.required) + parameters.filter { !$0.required }

        let outcome = ResponseBuilder.outcome(for: operation, methodName: name, hint: hint, types: &types)
        let decodedType = outcome.returnType
        let paging = decodedType.flatMap { Self.pagination(returning: $0, parameters: parameters, config: config, types: types) }
        // The request body's types are declared after the response's, as they always were.
        let body = body(operation, hint: hint, types: &types)
        var streamVariant = outcome.streamVariant
        if streamVariant?.body != .bytes {
            streamVariant?.streamProperty = ResponseBuilder.streamProperty(of: body, types: types)
        }
        return (
            Method(
                name: name, operationID: operation.operationID, httpMethod: operation.method.rawValue.uppercased(),
                pathTemplate: operation.path, pathPieces: pathPieces(operation.path, parameters: parameters),
                summary: operation.summary, description: operation.description, deprecated: operation.deprecated,
                parameters: parameters, body: body, returnType: decodedType, pagination: paging,
                response: outcome.response, accept: outcome.accept, streamVariant: streamVariant,
                origin: Origin(operation.mark)
            ), resource, foldedName
        )
    }

    /// An operation as messages name it: `operation 'listChats'`, or by method and path without an operationId.
    static func describe(_ operation: Operation) -> String {
        operation.operationID.map { "operation '\($0)'" } ?? "operation \(operation.method.rawValue.uppercased()) \(operation.path)"
    }

    /// Cursor paging: a `cursor` query parameter, and a response struct with a next-cursor string
    /// and exactly one array property (the items). An array whose element holds a dictionary
    /// anywhere (`[[String: JSONValue]]`) does not count as the items.
    static func pagination(returning type: SwiftType, parameters: [MethodParameter], config: GeneratorConfig, types: TypeResolver) -> Pagination? {
        guard let cursor = parameters.first(where: { $0.kind == .query && $0.wireName == config.cursorParameter && $0.type == .string }),
            let typeName = type.name, case .structure(let properties, _)? = types.model(named: typeName)?.kind,
            let next = properties.first(where: { $0.jsonKey == config.nextCursorField && $0.type == .string })
        else { return nil }
        let arrays = properties.compactMap { property -> (property: Property, element: SwiftType)? in
            guard case .array(let element) = property.type, !element.containsDictionary else { return nil }
            return (property, element)
        }
        guard arrays.count == 1, let (items, element) = arrays.first else { return nil }
        return Pagination(
            itemType: element,
            itemsProperty: items.swiftName + (items.required ? "" : " ?? []"), nextCursorProperty: next.swiftName, cursorLabel: cursor.label)
    }

    /// Whether `type` can travel as text: a scalar or enum, or an array of one; a named alias of
    /// one (Discord's `SnowflakeType`, a plain string) counts as what it names.
    static func isParameterType(_ type: SwiftType, enums: Set<String>, aliasTarget: (String) -> SwiftType? = { _ in nil }) -> Bool {
        func isText(_ name: String, depth: Int = 0) -> Bool {
            if parameterScalarTypes.contains(name) || enums.contains(name) { return true }
            guard depth < 8, case .named(let target)? = aliasTarget(name) else { return false }
            return isText(target, depth: depth + 1)
        }
        switch type {
        case .named(let name):
            // A named list of scalars (`Colors: {type: array, items: {type: string}}`) is a list too.
            if case .array(.named(let element))? = aliasTarget(name) { return isText(element) }
            return isText(name)
        case .array(.named(let element)): return isText(element)
        default: return false
        }
    }

    /// Whether `type` can travel taken apart as it encodes (OpenAPI's object styles): a model
    /// struct, a dictionary of scalars, or a one-of whose every variant is a scalar, a constant
    /// (`JSONValue`), one of these or a list of them (Discord's enums of constants, OpenAI's
    /// `metadata` object-or-null); a named alias counts as what it names.
    static func isObjectParameterType(_ type: SwiftType, types: TypeResolver, depth: Int = 0) -> Bool {
        let isText = { (type: SwiftType) in isParameterType(type, enums: types.enumTypeNames, aliasTarget: { types.aliasTarget(of: $0) }) }
        guard depth < 8 else { return false }
        switch type {
        case .dictionary(let value):
            return isText(value)
        case .array(let element):
            return isText(element) || isOneOfOfScalars(element, types: types, depth: depth + 1)
        case .named(let name):
            switch types.model(named: name)?.kind {
            case .structure?: return true
            case .alias(let target)?: return isObjectParameterType(target, types: types, depth: depth + 1)
            case .oneOf?: return isOneOfOfScalars(type, types: types, depth: depth)
            default: return false
            }
        default:
            return false
        }
    }

    /// Whether `type` is an array or a named alias of one.
    static func isList(_ type: SwiftType, types: TypeResolver) -> Bool {
        if case .array = type { return true }
        if let name = type.name, case .array? = types.aliasTarget(of: name) { return true }
        return false
    }

    /// Whether `type` names a one-of whose variants are all sendable as parameters.
    private static func isOneOfOfScalars(_ type: SwiftType, types: TypeResolver, depth: Int) -> Bool {
        guard let name = type.name, case .oneOf(let oneOf)? = types.model(named: name)?.kind else { return false }
        return oneOf.variants.allSatisfy { variant in
            variant.type == .jsonValue
                || isParameterType(variant.type, enums: types.enumTypeNames, aliasTarget: { types.aliasTarget(of: $0) })
                || isObjectParameterType(variant.type, types: types, depth: depth + 1)
        }
    }

    /// The path split into literal text and parameter labels.
    static func pathPieces(_ path: String, parameters: [MethodParameter]) -> [PathPiece] {
        var pieces: [PathPiece] = []
        var literal = ""
        var name: String?
        for character in path {
            if character == "{" {
                name = ""
            } else if character == "}", let current = name {
                if !literal.isEmpty {
                    pieces.append(.literal(literal))
                    literal = ""
                }
                let label = parameters.first { $0.kind == .path && $0.wireName == current }?.label ?? SwiftNaming.memberName(current)
                pieces.append(.parameter(label: label))
                name = nil
            } else if name != nil {
                name?.append(character)
            } else {
                literal.append(character)
            }
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }

    static func isJSON(_ mediaType: String) -> Bool {
        let base = mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: " ") } ?? ""
        return base == "application/json" || base.hasSuffix("+json")
    }

    static func body(_ operation: Operation, hint: String, types: inout TypeResolver) -> MethodBody? {
        guard let requestBody = operation.requestBody else { return nil }
        let content = requestBody.content
        func make(_ media: MediaType, _ encoding: BodyEncoding, defaultType: SwiftType) -> MethodBody {
            let type = media.schema.map { types.swiftType(for: $0, nameHint: hint + "Request") } ?? defaultType
            return MethodBody(
                encoding: encoding, type: type, required: requestBody.required, contentType: media.name, description: requestBody.description)
        }
        if let media = content.first(where: { isJSON($0.name) }) {
            return make(media, .json, defaultType: .jsonValue)
        }
        if let media = content.first(where: { $0.name.hasPrefix("application/x-www-form-urlencoded") }) {
            if let first = media.encoding.first {
                types.log.warning(
                    "the encoding of a form body is not applied: every property is sent in the form style, exploded", at: first.mark)
            }
            return make(media, .form, defaultType: .dictionary(value: .string))
        }
        if let media = content.first(where: { $0.name.hasPrefix("multipart/form-data") }) {
            var body = make(media, .multipart(files: [], parts: []), defaultType: .dictionary(value: .string))
            body.encoding = MultipartFiles.encoding(of: media, typeName: body.type.name, types: &types)
            return body
        }
        if let media = content.first {
            return MethodBody(
                encoding: .binary, type: .data, required: requestBody.required, contentType: media.name, description: requestBody.description)
        }
        types.log.warning("the request body of \(operation.operationID ?? operation.path) lists no media type and was skipped", at: requestBody.mark)
        return nil
    }
}

extension ParameterKind {
    init(_ location: ParameterLocation) {
        switch location {
        case .path: self = .path
        case .query: self = .query
        case .header: self = .header
        case .cookie: self = .cookie
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing `character`s.
    func trimmingCharacters(in character: Character) -> String {
        var slice = Substring(self)
        while slice.first == character { slice = slice.dropFirst() }
        while slice.last == character { slice = slice.dropLast() }
        return String(slice)
    }
}
