import YAML

extension Loader {
    /// The example and validation keywords of a schema object; `nil` when it has none of them.
    func constraints(_ pairs: [YAMLPair]) -> SchemaConstraints? {
        var example = value("example", in: pairs)
        if example == nil, let examples = value("examples", in: pairs)?.sequence { example = examples.first }
        let constant = value("const", in: pairs)
        let defaultNode = value("default", in: pairs)
        let minLength = integer("minLength", pairs), maxLength = integer("maxLength", pairs)
        var minimum = number("minimum", pairs), maximum = number("maximum", pairs)
        var exclusiveMinimum = false, exclusiveMaximum = false
        // 3.0 writes a flag beside the bound; 3.1 writes the bound itself.
        if let node = value("exclusiveMinimum", in: pairs) {
            if let bound = Self.number(node) {
                minimum = bound
                exclusiveMinimum = true
            } else {
                exclusiveMinimum = node.string == "true"
            }
        }
        if let node = value("exclusiveMaximum", in: pairs) {
            if let bound = Self.number(node) {
                maximum = bound
                exclusiveMaximum = true
            } else {
                exclusiveMaximum = node.string == "true"
            }
        }
        let multipleOf = number("multipleOf", pairs)
        let pattern = value("pattern", in: pairs)?.string
        let minItems = integer("minItems", pairs), maxItems = integer("maxItems", pairs)
        guard
            example != nil || constant != nil || defaultNode != nil || minLength != nil || maxLength != nil || minimum != nil
                || maximum != nil || multipleOf != nil || pattern != nil || minItems != nil || maxItems != nil
        else { return nil }
        return SchemaConstraints(
            example: example, constant: constant, defaultNode: defaultNode, minLength: minLength, maxLength: maxLength,
            minimum: minimum, maximum: maximum, exclusiveMinimum: exclusiveMinimum, exclusiveMaximum: exclusiveMaximum,
            multipleOf: multipleOf, pattern: pattern, minItems: minItems, maxItems: maxItems)
    }

    /// The example of a parameter or media type: its `example`, else the `value` of the first of
    /// its `examples` (an Example Object, or a reference to one).
    func exampleValue(_ pairs: [YAMLPair]) -> YAMLNode? {
        if let example = value("example", in: pairs) { return example }
        guard let first = value("examples", in: pairs)?.mapping?.first, let example = resolved(first.value) else { return nil }
        return example["value"]
    }

    private func integer(_ key: String, _ pairs: [YAMLPair]) -> Int? {
        value(key, in: pairs).flatMap { $0.scalar?.style == .plain ? Int($0.string ?? "") : nil }
    }

    private func number(_ key: String, _ pairs: [YAMLPair]) -> Double? {
        value(key, in: pairs).flatMap(Self.number)
    }

    /// A plain scalar's number, `nil` for `true`/`false` and anything else.
    private static func number(_ node: YAMLNode) -> Double? {
        guard let scalar = node.scalar, scalar.style == .plain else { return nil }
        return Double(scalar.value)
    }
}
