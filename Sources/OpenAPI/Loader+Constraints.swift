import YAML

extension Loader {
    /// The example and validation keywords of a schema object; `nil` when it has none of them.
    /// One pass over the schema's keys (this runs for every schema of the spec).
    func constraints(_ pairs: [YAMLPair]) -> SchemaConstraints? {
        var example: YAMLNode?, examples: YAMLNode?, constant: YAMLNode?, enumeration: YAMLNode?, defaultNode: YAMLNode?
        var minLength: Int?, maxLength: Int?, minItems: Int?, maxItems: Int?
        var minimum: Double?, maximum: Double?, multipleOf: Double?
        var exclusiveMinimumNode: YAMLNode?, exclusiveMaximumNode: YAMLNode?
        var pattern: String?
        var uniqueItems = false, composed = false
        for pair in pairs {
            guard let key = pair.key.string else { continue }
            let node = pair.value
            switch key {
            case "example": example = node
            case "examples": examples = node
            case "const": constant = node
            case "enum": enumeration = node
            case "default": defaultNode = node
            case "minLength": minLength = Self.integer(node)
            case "maxLength": maxLength = Self.integer(node)
            case "minItems": minItems = Self.integer(node)
            case "maxItems": maxItems = Self.integer(node)
            case "minimum": minimum = Self.number(node)
            case "maximum": maximum = Self.number(node)
            case "multipleOf": multipleOf = Self.number(node)
            case "exclusiveMinimum": exclusiveMinimumNode = node
            case "exclusiveMaximum": exclusiveMaximumNode = node
            case "pattern": pattern = node.string
            case "uniqueItems": uniqueItems = node.string == "true"
            case "allOf", "anyOf", "oneOf": composed = true
            default: continue
            }
        }
        // A plain enum's values are in the schema's kind; beside a composition they are not.
        if !composed { enumeration = nil }
        if example == nil { example = examples?.sequence?.first }
        // 3.0 writes a flag beside the bound; 3.1 writes the bound itself.
        var exclusiveMinimum = false, exclusiveMaximum = false
        if let node = exclusiveMinimumNode {
            if let bound = Self.number(node) {
                minimum = bound
                exclusiveMinimum = true
            } else {
                exclusiveMinimum = node.string == "true"
            }
        }
        if let node = exclusiveMaximumNode {
            if let bound = Self.number(node) {
                maximum = bound
                exclusiveMaximum = true
            } else {
                exclusiveMaximum = node.string == "true"
            }
        }
        guard
            example != nil || constant != nil || enumeration?.sequence?.isEmpty == false || defaultNode != nil || minLength != nil || maxLength != nil
                || minimum != nil
                || maximum != nil || multipleOf != nil || pattern != nil || minItems != nil || maxItems != nil || uniqueItems
        else { return nil }
        return SchemaConstraints(
            example: example, constant: constant, enumeration: enumeration?.sequence, defaultNode: defaultNode, minLength: minLength,
            maxLength: maxLength,
            minimum: minimum, maximum: maximum, exclusiveMinimum: exclusiveMinimum, exclusiveMaximum: exclusiveMaximum,
            multipleOf: multipleOf, pattern: pattern, minItems: minItems, maxItems: maxItems, uniqueItems: uniqueItems)
    }

    /// The example of a parameter or media type: its `example`, else the `value` of the first of
    /// its `examples` (an Example Object, or a reference to one).
    func exampleValue(_ pairs: [YAMLPair]) -> YAMLNode? {
        if let example = value("example", in: pairs) { return example }
        guard let first = value("examples", in: pairs)?.mapping?.first, let example = resolved(first.value) else { return nil }
        return example["value"]
    }

    /// A plain scalar's integer, `nil` for anything else.
    private static func integer(_ node: YAMLNode) -> Int? {
        node.scalar?.style == .plain ? Int(node.string ?? "") : nil
    }

    /// A plain scalar's number, `nil` for `true`/`false` and anything else.
    private static func number(_ node: YAMLNode) -> Double? {
        guard let scalar = node.scalar, scalar.style == .plain else { return nil }
        return Double(scalar.value)
    }
}
