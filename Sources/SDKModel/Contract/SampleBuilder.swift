import OpenAPI
import YAML

/// Makes up a JSON value that a schema accepts, for a contract test: the spec's example first,
/// then its `default`, then a value built from the type, its format and its validation keywords.
///
/// Objects get their required properties only (without `readOnly` ones in requests); a schema
/// that can only be met by recursing deeper than `maxDepth` has no sample.
struct SampleBuilder {
    /// Which way the value travels: `readOnly` properties are left out of requests.
    enum Direction { case request, response }

    let schemas: [String: Schema]
    let direction: Direction
    let maxDepth = 12

    init(document: Document, direction: Direction) {
        var schemas: [String: Schema] = [:]
        for named in document.schemas where schemas[named.name] == nil { schemas[named.name] = named.schema }
        self.schemas = schemas
        self.direction = direction
    }

    /// A value for `schema`, preferring `example` (a parameter's or media type's own).
    func value(for schema: Schema?, example: YAMLNode? = nil) -> SampleValue? {
        if let example, let value = converted(example, guidedBy: schema, depth: 0) { return value }
        guard let schema else { return .string("sample") }
        return value(for: schema, depth: 0, visiting: [])
    }

    /// `variant` > 0 asks for another value than variant 0 where the schema has one to give (the
    /// next enum value, number or pattern match): the items of a `uniqueItems` array.
    private func value(for schema: Schema, depth: Int, visiting: Set<String>, variant: Int = 0) -> SampleValue? {
        guard depth < maxDepth else { return nil }
        if variant == 0, let constraints = schema.constraints {
            if let constant = constraints.constant, let value = converted(constant, guidedBy: schema, depth: depth) { return value }
            if let example = constraints.example, let value = converted(example, guidedBy: schema, depth: depth) { return value }
            if let fallback = constraints.defaultNode, let value = converted(fallback, guidedBy: schema, depth: depth) { return value }
        }
        // The schema's own `enum` before its type, which can be an `allOf` of a wider one.
        if let values = schema.constraints?.enumeration, !values.isEmpty {
            let candidates = values.indices.lazy.compactMap { offset in
                self.converted(values[(variant + offset) % values.count], guidedBy: schema, depth: depth)
            }
            if let value = candidates.first(where: { $0 != .null }) { return value }
        }
        switch schema.kind {
        case .reference(let name):
            guard !visiting.contains(name), let target = schemas[name] else { return nil }
            return value(for: target, depth: depth + 1, visiting: visiting.union([name]), variant: variant)
        case .object(let object):
            return self.object(object, depth: depth, visiting: visiting)
        case .array(let items):
            let least = schema.constraints?.minItems ?? 0
            guard let items, let item = value(for: items, depth: depth + 1, visiting: visiting) else {
                return least == 0 ? .array([]) : nil
            }
            let count = min(max(least, 1), schema.constraints?.maxItems ?? Int.max)
            guard schema.constraints?.uniqueItems == true, count > 1 else { return .array(Array(repeating: item, count: count)) }
            // Variants in order until there are enough distinct ones (a pattern's can repeat).
            var distinct = [item], seen: Set<String> = [item.jsonText], variant = 1
            while distinct.count < count, variant < count * 4 + 16 {
                if let next = value(for: items, depth: depth + 1, visiting: visiting, variant: variant), seen.insert(next.jsonText).inserted {
                    distinct.append(next)
                }
                variant += 1
            }
            return .array(distinct.count == count ? distinct : Array(repeating: item, count: count))
        case .string(let format, let enumValues):
            if let values = enumValues, !values.isEmpty { return .string(values[variant % values.count]) }
            return .string(string(format: format, constraints: schema.constraints, variant: variant))
        case .integer(_, let enumValues):
            if let values = enumValues, !values.isEmpty { return .number(String(values[variant % values.count])) }
            return .number(Self.integerText(number(schema.constraints, integral: true, variant: variant)))
        case .number:
            return .number(Self.numberText(number(schema.constraints, integral: false, variant: variant)))
        case .boolean:
            return .bool(variant % 2 == 0)
        case .composition(.allOf, let members):
            return allOf(members, depth: depth, visiting: visiting)
        case .composition(_, let members):
            return oneOf(members, discriminator: schema.discriminator, depth: depth, visiting: visiting, variant: variant)
        case .any:
            return .string("sample")
        }
    }

    private func object(_ object: ObjectSchema, depth: Int, visiting: Set<String>) -> SampleValue? {
        var members: [SampleMember] = []
        for property in object.properties where property.required {
            if leftOut(property.schema) { continue }
            guard let value = value(for: property.schema, depth: depth + 1, visiting: visiting) else { return nil }
            members.append(SampleMember(key: property.name, value: value))
        }
        return .object(members)
    }

    /// The members' objects merged, key by key (a later member's value wins); a member that is
    /// not an object gives the value when no member is one.
    private func allOf(_ members: [Schema], depth: Int, visiting: Set<String>) -> SampleValue? {
        var merged: [SampleMember] = []
        var other: SampleValue?
        for member in members {
            guard let value = value(for: member, depth: depth + 1, visiting: visiting) else { return nil }
            if case .object(let fields) = value {
                for field in fields {
                    if let index = merged.firstIndex(where: { $0.key == field.key }) { merged[index] = field } else { merged.append(field) }
                }
            } else if other == nil {
                other = value
            }
        }
        if merged.isEmpty, let other { return other }
        // A member that only says `required` (or the object beside the allOf, as DigitalOcean's
        // `{type: object, allOf: [...], required: [name]}`) requires what another member defines.
        let objects = members.flatMap { objectSchemas(of: $0, depth: 0) }
        for name in objects.flatMap(\.otherRequired) where !merged.contains(where: { $0.key == name }) {
            guard let property = objects.lazy.flatMap(\.properties).first(where: { $0.name == name }) else { continue }
            if leftOut(property.schema) { continue }
            guard let value = value(for: property.schema, depth: depth + 1, visiting: visiting) else { return nil }
            merged.append(SampleMember(key: name, value: value))
        }
        return .object(merged)
    }

    /// Whether a value in this direction leaves the property out: `readOnly` in a request,
    /// `writeOnly` in a response, on the schema or the schema it references (a `$ref` to a file
    /// that says `readOnly: true`).
    private func leftOut(_ schema: Schema) -> Bool {
        var current = schema
        for _ in 0..<maxDepth {
            if direction == .request ? current.readOnly : current.writeOnly { return true }
            guard case .reference(let name) = current.kind, let target = schemas[name] else { return false }
            current = target
        }
        return false
    }

    /// The objects a member is made of, through references and nested `allOf`s (DigitalOcean's
    /// `project` is an allOf of `project_base`, which defines what the request body requires).
    private func objectSchemas(of member: Schema, depth: Int) -> [ObjectSchema] {
        guard depth < maxDepth else { return [] }
        switch member.kind {
        case .object(let object): return [object]
        case .reference(let name): return schemas[name].map { objectSchemas(of: $0, depth: depth + 1) } ?? []
        case .composition(.allOf, let members): return members.flatMap { objectSchemas(of: $0, depth: depth + 1) }
        default: return []
        }
    }

    /// The first member that has a value; with a discriminator, its property set to the value
    /// that names that member (the mapping's, or the member's own constant, or its schema name).
    private func oneOf(_ members: [Schema], discriminator: Discriminator?, depth: Int, visiting: Set<String>, variant: Int) -> SampleValue? {
        for member in members {
            guard var value = value(for: member, depth: depth + 1, visiting: visiting, variant: variant) else { continue }
            if let discriminator, case .reference(let name) = member.kind, case .object(var fields) = value {
                let mapped = discriminator.mapping.first { $0.schema == name }?.value
                if let index = fields.firstIndex(where: { $0.key == discriminator.propertyName }) {
                    if let mapped { fields[index].value = .string(mapped) }
                } else {
                    fields.append(SampleMember(key: discriminator.propertyName, value: .string(mapped ?? name)))
                }
                value = .object(fields)
            }
            return value
        }
        return nil
    }

    /// A string in `format`, padded or cut to the length bounds; `pattern`'s shortest match when
    /// there is a pattern. A variant > 0 changes the text where the format allows.
    private func string(format: String?, constraints: SchemaConstraints?, variant: Int = 0) -> String {
        var text: String
        switch format {
        case "uuid": text = "3fa85f64-5717-4562-b3fc-2c963f66afa" + String((6 + variant) % 16, radix: 16)
        case "date-time": text = "2026-01-02T03:04:05Z"
        case "date": text = "2026-01-02"
        case "time": text = "03:04:05Z"
        case "email": text = variant == 0 ? "user@example.com" : "user\(variant)@example.com"
        case "uri", "url", "uri-reference", "iri": text = "https://example.com/sdkgen" + (variant == 0 ? "" : "/\(variant)")
        case "hostname": text = "example.com"
        case "ipv4": text = "192.0.2.\(1 + variant % 254)"
        case "ipv6": text = "2001:db8::\(1 + variant % 9)"
        case "byte", "binary": text = "c2RrZ2Vu"
        case "duration": text = "PT\(1 + variant)S"
        default:
            // A format sdkgen does not know (Discord's `snowflake`) says nothing; the pattern does.
            if let pattern = constraints?.pattern {
                text = PatternSample.string(matching: pattern, variant: variant) ?? "sample"
            } else {
                text = variant == 0 ? "sample" : "sample\(variant)"
            }
        }
        if let least = constraints?.minLength, text.count < least { text += String(repeating: "x", count: least - text.count) }
        if let most = constraints?.maxLength, text.count > most { text = String(text.prefix(most)) }
        return text
    }

    /// A number within the bounds: 1 when allowed, else the nearest allowed value to it, then a
    /// multiple of `multipleOf` when one is set. A variant > 0 moves it by that many steps
    /// (`multipleOf`, or 1, or 0.5 for a non-integer), up while the maximum allows, else down.
    private func number(_ constraints: SchemaConstraints?, integral: Bool, variant: Int = 0) -> Double {
        let step = integral ? 1.0 : 0.5
        guard let constraints else { return 1 + step * Double(variant) }
        var value = 1.0
        if let minimum = constraints.minimum, value < minimum || (constraints.exclusiveMinimum && value <= minimum) {
            value = constraints.exclusiveMinimum ? minimum + step : minimum
        }
        if let maximum = constraints.maximum, value > maximum || (constraints.exclusiveMaximum && value >= maximum) {
            value = constraints.exclusiveMaximum ? maximum - step : maximum
        }
        if let multiple = constraints.multipleOf, multiple > 0 {
            value = (value / multiple).rounded(.up) * multiple
        }
        value = integral ? value.rounded(.up) : value
        guard variant > 0 else { return value }
        let delta = (constraints.multipleOf ?? step) * Double(variant)
        func allowed(_ candidate: Double) -> Bool {
            if let maximum = constraints.maximum, candidate > maximum || (constraints.exclusiveMaximum && candidate >= maximum) { return false }
            if let minimum = constraints.minimum, candidate < minimum || (constraints.exclusiveMinimum && candidate <= minimum) { return false }
            return true
        }
        if allowed(value + delta) { return value + delta }
        if allowed(value - delta) { return value - delta }
        return value
    }

    static func integerText(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 9e15 else { return "1" }
        return String(Int(value))
    }

    static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "1" }
        if value == value.rounded(), abs(value) < 9e15 { return String(Int(value)) }
        return String(value)
    }

    /// A YAML example as JSON, reading scalars as the schema's type says; `nil` when the example
    /// cannot be the schema's value (a mapping for a string, a value outside its enum).
    private func converted(_ node: YAMLNode, guidedBy schema: Schema?, depth: Int) -> SampleValue? {
        guard depth < maxDepth * 2 else { return nil }
        var resolved = schema
        var visited = 0
        while case .reference(let name)? = resolved?.kind, visited < 16 {
            resolved = schemas[name]
            visited += 1
        }
        let kind = resolved?.kind
        switch node.content {
        case .scalar(let scalar):
            if scalar.isNull { return schema?.nullable == true || kind == nil || kind == .any ? .null : nil }
            switch kind {
            case .string(_, let enumValues)?:
                if let enumValues, !enumValues.contains(scalar.value) { return nil }
                // An example that breaks its own pattern (a percent-encoded `+` for `^\\+…`) is not used.
                if let pattern = resolved?.constraints?.pattern, let regex = try? Regex(pattern), !scalar.value.contains(regex) { return nil }
                return .string(scalar.value)
            case .integer(_, let enumValues)?:
                guard let value = Int(scalar.value) else { return nil }
                if let enumValues, !enumValues.contains(value) { return nil }
                return .number(String(value))
            case .number?:
                guard let value = Double(scalar.value), value.isFinite else { return nil }
                return .number(Self.numberText(value))
            case .boolean?:
                guard scalar.value == "true" || scalar.value == "false" else { return nil }
                return .bool(scalar.value == "true")
            case .object?, .array?:
                return nil
            case .composition?, .any?, .reference?, nil:
                return Self.untyped(scalar)
            }
        case .sequence(let items):
            var itemSchema: Schema?
            switch kind {
            case .array(let items)?: itemSchema = items
            case .object?, .string?, .integer?, .number?, .boolean?: return nil
            default: break
            }
            var values: [SampleValue] = []
            for item in items {
                guard let value = converted(item, guidedBy: itemSchema, depth: depth + 1) else { return nil }
                values.append(value)
            }
            return .array(values)
        case .mapping(let pairs):
            var object: ObjectSchema?
            switch kind {
            case .object(let found)?: object = found
            case .array?, .string?, .integer?, .number?, .boolean?: return nil
            default: break
            }
            var members: [SampleMember] = []
            for pair in pairs {
                guard let key = pair.key.string else { return nil }
                let propertySchema = object?.properties.first { $0.name == key }?.schema ?? object?.additionalProperties
                if direction == .request, let propertySchema, leftOut(propertySchema) { continue }
                guard let value = converted(pair.value, guidedBy: propertySchema, depth: depth + 1) else { return nil }
                members.append(SampleMember(key: key, value: value))
            }
            // Required properties the example leaves out are made up, so the value stays valid.
            for property in object?.properties ?? [] where property.required && !members.contains(where: { $0.key == property.name }) {
                if leftOut(property.schema) { continue }
                guard let value = value(for: property.schema, depth: depth + 1, visiting: []) else { return nil }
                members.append(SampleMember(key: property.name, value: value))
            }
            return .object(members)
        }
    }

    /// A scalar read without a schema: YAML's booleans and numbers when plain, else a string.
    private static func untyped(_ scalar: YAMLScalar) -> SampleValue {
        guard scalar.style == .plain else { return .string(scalar.value) }
        if scalar.value == "true" || scalar.value == "false" { return .bool(scalar.value == "true") }
        if let value = Double(scalar.value), value.isFinite { return .number(numberText(value)) }
        return .string(scalar.value)
    }
}
