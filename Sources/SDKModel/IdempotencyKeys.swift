/// Finds where a method's request carries an idempotency key the SDK can fill in when the
/// caller leaves it out: an optional `Idempotency-Key` header parameter, or optional string
/// properties named `idempotency_key` (`idempotencyKey`, …) anywhere in the JSON body, through
/// objects, arrays and unions whose every member has one (Linq's message parts).
enum IdempotencyKeys {
    /// The deepest body nesting searched.
    static let maxDepth = 8

    /// Whether a parameter or property name means an idempotency key.
    static func isKeyName(_ name: String) -> Bool {
        SwiftNaming.words(name).suffix(2) == ["idempotency", "key"]
    }

    /// Whether `parameter` is an idempotency-key header the SDK fills when the caller gives none.
    static func fills(_ parameter: MethodParameter) -> Bool {
        parameter.kind == .header && !parameter.required && isKeyName(parameter.wireName)
            && (parameter.type == .string || parameter.type == .named("UUID"))
    }

    /// The JSON paths of the body's idempotency keys (`*` for every array item), in property order.
    static func paths(in body: MethodBody?, types: TypeResolver) -> [[String]] {
        guard let body, body.encoding == .json else { return [] }
        return paths(of: body.type, types: types, depth: 0, visiting: [])
    }

    private static func paths(of type: SwiftType, types: TypeResolver, depth: Int, visiting: Set<String>) -> [[String]] {
        guard depth < maxDepth else { return [] }
        switch type {
        case .array(let element):
            return paths(of: element, types: types, depth: depth + 1, visiting: visiting).map { ["*"] + $0 }
        case .named(let name):
            guard !visiting.contains(name), let model = types.model(named: name) else { return [] }
            let visiting = visiting.union([name])
            switch model.kind {
            case .structure(let properties, _):
                return properties.flatMap { property -> [[String]] in
                    if isKeyName(property.jsonKey), property.type == .string { return property.required ? [] : [[property.jsonKey]] }
                    return paths(of: property.type, types: types, depth: depth + 1, visiting: visiting).map { [property.jsonKey] + $0 }
                }
            case .oneOf(let oneOf):
                // At the JSON level a union is the member's object: a path is filled when every member has it.
                let perVariant = oneOf.variants.map { paths(of: $0.type, types: types, depth: depth + 1, visiting: visiting) }
                guard let first = perVariant.first else { return [] }
                return first.filter { path in perVariant.allSatisfy { $0.contains(path) } }
            case .alias(let target):
                return paths(of: target, types: types, depth: depth + 1, visiting: visiting)
            case .stringEnum, .integerEnum:
                return []
            }
        case .dictionary, .optional, .generic:
            return []
        }
    }
}
