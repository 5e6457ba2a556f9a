import Diagnostics
import YAML

extension Loader {
    static let componentSchemaPrefix = "#/components/schemas/"
    /// Stands for a `type` list naming several non-null types (already warned about).
    private static let severalTypes = "several types"

    /// Loads a schema object (or boolean schema) found at `what`, within `maxSchemas` and `maxSchemaDepth`.
    func schema(_ node: YAMLNode, _ what: String) -> Schema {
        schemaCount += 1
        guard schemaCount <= Self.maxSchemas else {
            if schemaCount == Self.maxSchemas + 1 {
                log.error("more than \(Self.maxSchemas) schemas, counting every use of a referenced one; is this a reference bomb?", at: node.mark)
            }
            return Schema(.any, at: node.mark)
        }
        guard schemaDepth < Self.maxSchemaDepth else {
            if !reportedSchemaDepth {
                reportedSchemaDepth = true
                log.error("schemas nested deeper than \(Self.maxSchemaDepth) levels, counting through references", at: node.mark)
            }
            return Schema(.any, at: node.mark)
        }
        schemaDepth += 1
        defer { schemaDepth -= 1 }
        if let scalar = node.scalar, scalar.style == .plain, scalar.value == "true" || scalar.value == "false" {
            if scalar.value == "false" {
                log.warning("the schema 'false' allows no value; it is generated as an arbitrary JSON value", at: node.mark)
            }
            return Schema(.any, at: node.mark)
        }
        guard let pairs = mapping(node, what) else { return Schema(.any, at: node.mark) }
        if let (reference, mark) = referenceString(of: node) {
            var schema = referencedSchema(reference, at: mark, node: node)
            schema.description = optionalString(value("description", in: pairs), "'description'") ?? schema.description
            return schema
        }
        var schema = Schema(kind(of: pairs, node: node, what), at: node.mark)
        schema.nullable = schema.nullable || isNullable(pairs)
        schema.title = optionalString(value("title", in: pairs), "'title'")
        schema.description = optionalString(value("description", in: pairs), "'description'")
        schema.deprecated = bool(value("deprecated", in: pairs), "'deprecated'")
        schema.readOnly = bool(value("readOnly", in: pairs), "'readOnly'")
        schema.writeOnly = bool(value("writeOnly", in: pairs), "'writeOnly'")
        if let defaultNode = value("default", in: pairs), let scalar = defaultNode.scalar, !scalar.isNull {
            schema.defaultValue = scalar.value
        }
        schema.constraints = constraints(pairs)
        if let namesNode = value("x-enum-varnames", in: pairs) ?? value("x-enumNames", in: pairs) {
            schema.enumNames = sequence(namesNode, "'x-enum-varnames'")?.compactMap(\.string)
        }
        if let discriminatorNode = value("discriminator", in: pairs) {
            schema.discriminator = discriminator(discriminatorNode)
        }
        return schema
    }

    /// A `$ref` inside a schema: a reference to a named schema (a component, or a schema object in
    /// another file) stays a name, anything else is inlined.
    private func referencedSchema(_ reference: String, at mark: SourceMark, node: YAMLNode) -> Schema {
        if mark.fileIndex == 0, reference.hasPrefix(Self.componentSchemaPrefix) {
            let name = Self.percentDecoded(String(reference.dropFirst(Self.componentSchemaPrefix.count))) ?? ""
            if !name.contains("/") {
                if !componentSchemaNames.contains(name) {
                    log.error("unresolved reference '\(reference)'", at: mark)
                    return Schema(.any, at: mark)
                }
                return Schema(.reference(name), at: mark)
            }
        }
        guard let (target, found) = locate(reference, at: mark) else { return Schema(.any, at: mark) }
        if let name = schemaName(of: target, node: found, reference: reference) {
            return Schema(.reference(name), at: mark)
        }
        if referenceStack.contains(target) {
            log.error("reference cycle: \((referenceStack + [target]).map(describe).joined(separator: " → "))", at: mark)
            return Schema(.any, at: mark)
        }
        referenceStack.append(target)
        defer { referenceStack.removeLast() }
        return schema(found, "'\(reference)'")
    }

    /// A `discriminator` object: its property name and explicit mapping.
    private func discriminator(_ node: YAMLNode) -> Discriminator? {
        guard let pairs = mapping(node, "'discriminator'"),
            let nameNode = required("propertyName", in: pairs, of: "'discriminator'", at: node.mark),
            let propertyName = string(nameNode, "'propertyName'")
        else { return nil }
        var entries: [(value: String, schema: String)] = []
        if let mappingNode = value("mapping", in: pairs), let mappingPairs = mapping(mappingNode, "'mapping'") {
            for pair in mappingPairs {
                guard let key = string(pair.key, "a discriminator value"), let target = string(pair.value, "a discriminator target") else { continue }
                guard let name = mappingSchemaName(target, at: pair.value.mark) else { continue }
                entries.append((key, name))
            }
        }
        return Discriminator(propertyName: propertyName, mapping: entries)
    }

    /// The schema a discriminator mapping value names: a component by name or by reference, or a
    /// schema in another file (`Dog.yaml`, `../models.yaml#/Dog`); `nil` with an error.
    private func mappingSchemaName(_ target: String, at mark: SourceMark) -> String? {
        if mark.fileIndex == 0 && target.hasPrefix(Self.componentSchemaPrefix) || !target.contains("#") && !target.contains(".") {
            let name = target.hasPrefix(Self.componentSchemaPrefix) ? String(target.dropFirst(Self.componentSchemaPrefix.count)) : target
            if componentSchemaNames.contains(name) { return name }
            log.error("unresolved reference '\(target)'", at: mark)
            return nil
        }
        guard let (located, found) = locate(target, at: mark) else { return nil }
        if let name = schemaName(of: located, node: found, reference: target) { return name }
        log.error("'\(target)' is not a schema with a name; a discriminator maps to components or to schema objects in other files", at: mark)
        return nil
    }

    /// Whether the schema allows null in either dialect.
    private func isNullable(_ pairs: [YAMLPair]) -> Bool {
        if bool(value("nullable", in: pairs), "'nullable'") { return true }
        if let types = value("type", in: pairs)?.sequence {
            return types.contains { $0.string == "null" }
        }
        return false
    }

    /// The kind of a schema object from its `type` and the keywords present.
    private func kind(of pairs: [YAMLPair], node: YAMLNode, _ what: String) -> Schema.Kind {
        for composition in [Schema.CompositionKind.allOf, .oneOf, .anyOf] {
            if let membersNode = value(composition.rawValue, in: pairs) {
                var members = (sequence(membersNode, "'\(composition.rawValue)'") ?? []).map { schema($0, "a member of '\(composition.rawValue)'") }
                // Properties beside `allOf` are one more member.
                if composition == .allOf, value("properties", in: pairs) != nil || value("required", in: pairs) != nil {
                    members.append(Schema(.object(objectSchema(pairs)), at: node.mark))
                }
                return .composition(composition, members)
            }
        }
        switch typeName(pairs) {
        case "string"?:
            var values = value("enum", in: pairs).flatMap { sequence($0, "'enum'") }
            if values == nil, let constant = value("const", in: pairs) { values = [constant] }
            return .string(
                format: optionalString(value("format", in: pairs), "'format'"),
                enumValues: values?.compactMap { $0.isNull ? nil : $0.string })
        case "integer"?:
            let values = value("enum", in: pairs).flatMap { sequence($0, "'enum'") }
            return .integer(
                format: optionalString(value("format", in: pairs), "'format'"),
                enumValues: values?.compactMap { $0.string.flatMap { Int($0) } })
        case "number"?:
            return .number(format: optionalString(value("format", in: pairs), "'format'"))
        case "boolean"?:
            return .boolean
        case "array"?:
            return .array(value("items", in: pairs).map { schema($0, "'items'") })
        case "object"?:
            return .object(objectSchema(pairs))
        case "null"?, Self.severalTypes?:
            return .any
        case let other?:
            log.warning("unknown schema type '\(other)'; it is generated as an arbitrary JSON value", at: value("type", in: pairs)?.mark ?? node.mark)
            return .any
        case nil:
            // `required` alone is an object constraint too (`allOf: [{$ref: Meta}, {required: [total]}]`).
            if value("properties", in: pairs) != nil || value("additionalProperties", in: pairs) != nil || value("required", in: pairs) != nil {
                return .object(objectSchema(pairs))
            }
            if let items = value("items", in: pairs) { return .array(schema(items, "'items'")) }
            if let values = value("enum", in: pairs)?.sequence,
                values.allSatisfy({ $0.scalar?.style != .plain || $0.isNull || Int($0.string ?? "") == nil })
            {
                return .string(format: nil, enumValues: values.compactMap { $0.isNull ? nil : $0.string })
            }
            return .any
        }
    }

    /// The one non-null type a schema names, `nil` when it names none; several types → warning.
    private func typeName(_ pairs: [YAMLPair]) -> String? {
        guard let node = value("type", in: pairs) else { return nil }
        if let items = node.sequence {
            let types = items.compactMap(\.string).filter { $0 != "null" }
            if types.count > 1 {
                log.warning("a schema with several types (\(types.joined(separator: ", "))) is generated as an arbitrary JSON value", at: node.mark)
                return Self.severalTypes
            }
            return types.first ?? "null"
        }
        return string(node, "'type'")
    }

    /// Properties, required keys and additional properties of an object schema.
    private func objectSchema(_ pairs: [YAMLPair]) -> ObjectSchema {
        var requiredNames: [String] = []
        if let requiredNode = value("required", in: pairs), let items = sequence(requiredNode, "'required'") {
            requiredNames = items.compactMap { string($0, "an entry of 'required'") }
        }
        var properties: [ObjectSchema.Property] = []
        // A `$ref` standing for the whole `properties` map is not OpenAPI, but split specs
        // (DigitalOcean's) write it and other tools follow it, as JSON Reference allows.
        if let propertiesNode = value("properties", in: pairs).flatMap(resolved), let propertyPairs = mapping(propertiesNode, "'properties'") {
            for pair in propertyPairs {
                guard let name = string(pair.key, "a property name") else { continue }
                properties.append(.init(name: name, schema: schema(pair.value, "property '\(name)'"), required: requiredNames.contains(name)))
            }
        }
        var additional: Schema?
        if let node = value("additionalProperties", in: pairs) {
            if let scalar = node.scalar, scalar.style == .plain, scalar.value == "false" {
                additional = nil
            } else {
                additional = schema(node, "'additionalProperties'")
            }
        }
        let defined = Set(properties.map(\.name))
        return ObjectSchema(properties: properties, additionalProperties: additional, otherRequired: requiredNames.filter { !defined.contains($0) })
    }
}
