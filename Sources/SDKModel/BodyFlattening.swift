/// Decides which methods also take their JSON (or multipart) body's properties as parameters of their own
/// (`chats.create(from:to:message:)` beside `chats.create(body:)`), and which properties default
/// to the one value their enum allows.
enum BodyFlattening {
    /// Bodies with more properties than this are only taken whole: a call with more arguments
    /// reads worse than building the value.
    static let maxFields = 12

    /// The fields of `method`'s body as parameters: when the body is a JSON object model with
    /// named properties only, at most ``maxFields`` of them, none of whose names another
    /// parameter (or `body`, `options`) already has.
    static func fields(for method: Method, types: TypeResolver) -> [BodyField]? {
        guard let body = method.body, body.encoding.takesFields, let name = body.type.name,
            case .structure(let properties, let additional)? = types.model(named: name)?.kind,
            additional == nil, !properties.isEmpty, properties.count <= maxFields
        else { return nil }
        let taken = Set(method.parameters.map(\.label)).union(["body", "options"])
        guard !properties.contains(where: { taken.contains($0.swiftName) }) else { return nil }
        return properties.map { property in
            BodyField(
                label: property.swiftName, type: property.type, required: property.required, description: property.description,
                singleCase: property.required ? singleCase(of: property.type, in: types) : nil,
                defaultLiteral: method.httpMethod == "PATCH"
                    ? nil : property.defaultValue.flatMap { DefaultValues.literal($0, for: property.type, types: types) })
        }
    }

    /// `models` with ``Property/singleCase`` set on every required property whose enum type has one case.
    static func markSingleCases(_ models: [Model], types: TypeResolver) -> [Model] {
        models.map { model in
            guard case .structure(var properties, let additional) = model.kind else { return model }
            for index in properties.indices where properties[index].required {
                properties[index].singleCase = singleCase(of: properties[index].type, in: types)
            }
            var copy = model
            copy.kind = .structure(properties, additionalPropertiesType: additional)
            return copy
        }
    }

    /// The case name of `type` when it is a string enum model with exactly one case.
    static func singleCase(of type: SwiftType, in types: TypeResolver) -> String? {
        guard let name = type.name, case .stringEnum(let cases)? = types.model(named: name)?.kind, cases.count == 1 else { return nil }
        return cases[0].name
    }
}

extension BodyEncoding {
    /// Whether a body sent so can be taken as its properties: JSON and multipart bodies.
    var takesFields: Bool {
        switch self {
        case .json, .multipart: true
        case .form, .binary: false
        }
    }
}
