import Diagnostics
import YAML

extension Loader {
    /// The entries of a media type's `encoding` mapping, in spec order.
    func encoding(_ node: YAMLNode, of owner: String) -> [PropertyEncoding] {
        guard let pairs = mapping(node, "the encoding of \(owner)") else { return [] }
        var result: [PropertyEncoding] = []
        for pair in pairs {
            guard let property = string(pair.key, "a property name in the encoding of \(owner)"),
                let entryPairs = mapping(pair.value, "the encoding of '\(property)'")
            else { continue }
            let headers = value("headers", in: entryPairs).map { partHeaders($0, of: property) } ?? []
            let explodeNode = value("explode", in: entryPairs)
            let reservedNode = value("allowReserved", in: entryPairs)
            result.append(
                PropertyEncoding(
                    property: property,
                    contentType: optionalString(value("contentType", in: entryPairs), "the contentType of '\(property)'"),
                    headers: headers,
                    style: optionalString(value("style", in: entryPairs), "the style of '\(property)'"),
                    explode: explodeNode.map { bool($0, "the explode of '\(property)'") },
                    allowReserved: reservedNode.map { bool($0, "the allowReserved of '\(property)'") },
                    mark: pair.key.mark))
        }
        return result
    }

    /// The Header Objects of one encoding entry (each may be a `$ref`).
    private func partHeaders(_ node: YAMLNode, of property: String) -> [PartHeader] {
        guard let pairs = mapping(node, "the headers of '\(property)'") else { return [] }
        var result: [PartHeader] = []
        for pair in pairs {
            guard let name = string(pair.key, "a header name of '\(property)'"), let header = resolved(pair.value),
                let headerPairs = mapping(header, "header '\(name)' of '\(property)'")
            else { continue }
            result.append(
                PartHeader(
                    name: name, value: headerValue(headerPairs), required: bool(value("required", in: headerPairs), "'required'"),
                    mark: pair.key.mark))
        }
        return result
    }

    /// A value the spec gives for a header: its example, else its schema's default, const or only enum value.
    private func headerValue(_ pairs: [YAMLPair]) -> String? {
        if let example = exampleValue(pairs), let text = Self.scalarText(example) { return text }
        guard let schemaNode = value("schema", in: pairs), let schema = resolved(schemaNode), let schemaPairs = schema.mapping else { return nil }
        if let node = value("default", in: schemaPairs) ?? value("const", in: schemaPairs), let text = Self.scalarText(node) { return text }
        if let values = value("enum", in: schemaPairs)?.sequence, values.count == 1, let text = Self.scalarText(values[0]) { return text }
        return nil
    }

    /// The text of a non-null scalar.
    private static func scalarText(_ node: YAMLNode) -> String? {
        guard let scalar = node.scalar, !scalar.isNull else { return nil }
        return scalar.value
    }
}
