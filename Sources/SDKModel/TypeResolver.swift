import Diagnostics
import OpenAPI
import YAML

/// Decides the Swift type of every schema and collects the model types that need declaring.
/// Component schemas keep their spec order; inline schemas that need a type of their own are
/// named from where they sit (`ChatCreateRequest`, `ErrorResponseError`).
struct TypeResolver {
    private(set) var models: [Model] = []
    /// Where each model sits in `models`, by type name.
    private var modelIndex: [String: Int] = [:]
    var log: DiagnosticLog
    /// The component schemas by name, for `allOf` merging and discriminators.
    private var components: [String: Schema] = [:]
    /// Swift type name for each component schema name.
    private var componentTypeNames: [String: String] = [:]
    /// Every type name taken so far, including the client, error and module names.
    private(set) var takenTypeNames: Set<String>
    /// Inline schemas already declared, by where they are written: a schema reached twice (an
    /// `allOf` member's properties, a shared `$ref` into a path) gets one type.
    private var inlineTypeNames: [SourceMark: String] = [:]
    /// Type names of enum models, which can travel as parameters.
    private(set) var enumTypeNames: Set<String> = []
    /// What the whole document says about inline enums and formats (one type per meaning).
    var census = SchemaCensus()
    /// The type of each inline enum declared so far, by its values: the same values are one type.
    private var sharedInlineTypeNames: [SchemaCensus.SharedTypeKey: String] = [:]
    /// What `sdkgen.yaml` says about names and types (`typeOverrides`, `names`).
    var overrides = ConfigNaming()

    init(log: DiagnosticLog, reservedNames: Set<String>) {
        self.log = log
        self.takenTypeNames = reservedNames
    }

    /// Names every component schema, then declares a model for each, in spec order. A schema
    /// `typeOverrides` names is the user's type and declares nothing; `names.schemas` chooses a
    /// schema's name before it is made unique.
    mutating func declareComponents(_ schemas: [NamedSchema]) {
        for named in schemas {
            components[named.name] = named.schema
            if let swiftType = overrides.swiftType(forSchema: named.name) {
                componentTypeNames[named.name] = swiftType
                // No type of the SDK may shadow the user's (`Location`, or `MyApp` of `MyApp.Location`).
                takenTypeNames.insert(String(swiftType.prefix { $0 != "." && $0 != "<" }))
                continue
            }
            let base = overrides.typeName(forSchema: named.name) ?? SwiftNaming.typeName(named.name)
            let name = SwiftNaming.unique(base, in: takenTypeNames)
            if name != base {
                log.warning("schema '\(named.name)' would be named '\(base)', which is taken; it is named '\(name)'", at: named.schema.mark)
            }
            takenTypeNames.insert(name)
            componentTypeNames[named.name] = name
            if Self.isEnum(named.schema) { enumTypeNames.insert(name) }
        }
        overrides.resolvePropertyOwners { componentTypeNames[$0] }
        for named in schemas where overrides.swiftType(forSchema: named.name) == nil {
            guard let name = componentTypeNames[named.name] else { continue }
            declare(named.schema, as: name)
        }
    }

    /// `base` (already a type name) bounded and made unique against every type name taken so
    /// far, and taken: for a type the SDK declares that is not a model.
    mutating func reserveTypeName(_ base: String) -> String {
        let name = SwiftNaming.unique(SwiftNaming.bounded(base), in: takenTypeNames)
        takenTypeNames.insert(name)
        return name
    }

    /// Withdraws the model declared last when it is `typeName` (an inline type found to be the
    /// same as one declared before), freeing its name; `false` when it is not the last one.
    mutating func withdrawLastModel(named typeName: String) -> Bool {
        guard let last = models.last, last.typeName == typeName else { return false }
        models.removeLast()
        modelIndex[typeName] = nil
        takenTypeNames.remove(typeName)
        for (mark, name) in inlineTypeNames where name == typeName { inlineTypeNames[mark] = nil }
        for (key, name) in sharedInlineTypeNames where name == typeName { sharedInlineTypeNames[key] = nil }
        return true
    }

    /// The type a model that is a `typealias` names, `nil` for any other model.
    func aliasTarget(of typeName: String) -> SwiftType? {
        guard case .alias(let target)? = model(named: typeName)?.kind else { return nil }
        return target
    }

    /// Replaces the model of the same type name (declared before) with `model`.
    mutating func replaceModel(_ model: Model) {
        guard let index = modelIndex[model.typeName] else { return }
        models[index] = model
    }

    /// The model declared as `typeName`, if any.
    func model(named typeName: String) -> Model? {
        modelIndex[typeName].map { models[$0] }
    }

    static func isEnum(_ schema: Schema) -> Bool {
        switch schema.kind {
        case .string(_, let values?): return !values.isEmpty
        case .integer(_, let values?): return !values.isEmpty
        default: return false
        }
    }

    /// The Swift type (without optionality) for `schema`; inline objects and enums are declared
    /// as models named `nameHint`, which is only worked out when one is (most schemas are references).
    mutating func swiftType(for schema: Schema, nameHint: @autoclosure () -> String) -> SwiftType {
        switch schema.kind {
        case .reference(let name):
            return componentTypeNames[name].map(SwiftType.named) ?? .jsonValue
        case .object(let object):
            if object.properties.isEmpty {
                let valueType = object.additionalProperties.map { swiftType(for: $0, nameHint: nameHint() + "Value") } ?? .jsonValue
                return .dictionary(value: valueType)
            }
            return declareInline(schema, nameHint: nameHint())
        case .array(let items):
            return .array(items.map { swiftType(for: $0, nameHint: nameHint() + "Item") } ?? .jsonValue)
        case .string(let format, let values):
            if let values, !values.isEmpty { return declareInline(schema, nameHint: nameHint()) }
            switch format {
            case "uuid": return .named("UUID")
            case "date-time": return .named("Date")
            case "date": return .named("CalendarDate")
            case "uri", "url": return .named("URL")
            case "byte", "binary": return .data
            default: return .string
            }
        case .integer(let format, let values):
            if let values, !values.isEmpty { return declareInline(schema, nameHint: nameHint()) }
            switch format {
            case "int32": return .named("Int32")
            case "int64": return .named("Int64")
            default: return .named("Int")
            }
        case .number(let format):
            return .named(format == "float" ? "Float" : "Double")
        case .boolean:
            return .named("Bool")
        case .composition(let kind, let members):
            // An `allOf` member that allows any value (`{}`, or only a `description`) adds nothing.
            let nonNull = members.filter { !Self.isNullSchema($0) && !(kind == .allOf && Self.isUnconstrained($0)) }
            if nonNull.count == 1, let only = nonNull.first { return swiftType(for: only, nameHint: nameHint()) }
            if kind == .allOf, mergedObject(schema) == nil {
                log.warning(
                    "'allOf' of schemas that are not all objects is not modelled yet; '\(nameHint())' is generated as JSONValue", at: schema.mark)
                return .jsonValue
            }
            return declareInline(schema, nameHint: nameHint())
        case .any:
            return .jsonValue
        }
    }

    /// Whether `schema` allows every value: no type, no keyword that constrains (it may still
    /// carry a description or a title).
    /// A `oneOf`/`anyOf` of members that only require properties (`anyOf: [{required: [a]},
    /// {required: [b]}]`: "a or b must be there") counts too: it adds no property, and which
    /// property it requires depends on the value, so each stays optional.
    static func isUnconstrained(_ schema: Schema) -> Bool {
        switch schema.kind {
        case .any:
            return !schema.nullable
        case .composition(.oneOf, let members), .composition(.anyOf, let members):
            return !members.isEmpty
                && members.allSatisfy { member in
                    guard case .object(let object) = member.kind else { return false }
                    return object.properties.isEmpty && object.additionalProperties == nil
                }
        default:
            return false
        }
    }

    static func isNullSchema(_ schema: Schema) -> Bool {
        if case .any = schema.kind, schema.nullable { return true }
        return false
    }

    private mutating func declareInline(_ schema: Schema, nameHint: String) -> SwiftType {
        if let existing = inlineTypeNames[schema.mark] { return .named(existing) }
        if let ownKey = census.key(for: schema) {
            let key = census.canonical(ownKey)
            if let existing = sharedInlineTypeNames[key] {
                inlineTypeNames[schema.mark] = existing
                return .named(existing)
            }
            let shared = census.sharedName(for: key).flatMap { takenTypeNames.contains($0) ? nil : $0 }
            let name = shared ?? SwiftNaming.unique(SwiftNaming.bounded(SwiftNaming.typeName(nameHint)), in: takenTypeNames)
            inlineTypeNames[schema.mark] = name
            sharedInlineTypeNames[key] = name
            takenTypeNames.insert(name)
            if Self.isEnum(schema) { enumTypeNames.insert(name) }
            declare(census.shared(census.representative(for: key) ?? schema, key: key), as: name)
            return .named(name)
        }
        let name = SwiftNaming.unique(SwiftNaming.bounded(SwiftNaming.typeName(nameHint)), in: takenTypeNames)
        inlineTypeNames[schema.mark] = name
        takenTypeNames.insert(name)
        declare(schema, as: name)
        return .named(name)
    }

    private mutating func declare(_ schema: Schema, as typeName: String) {
        let kind: Model.Kind
        switch schema.kind {
        case .object(let object) where !object.properties.isEmpty:
            kind = .structure(properties(of: object, in: typeName), additionalPropertiesType: nil)
        case .string(_, let values?) where !values.isEmpty:
            kind = .stringEnum(enumCases(values, names: schema.enumNames))
        case .integer(_, let values?) where !values.isEmpty:
            kind = .integerEnum(integerEnumCases(values, names: schema.enumNames))
        case .composition(.allOf, _):
            if let merged = mergedObject(schema), !merged.properties.isEmpty {
                kind = .structure(properties(of: merged, in: typeName), additionalPropertiesType: nil)
            } else {
                kind = .alias(.jsonValue)
            }
        case .composition(_, let members) where members.filter({ !Self.isNullSchema($0) }).count > 1:
            kind = .oneOf(oneOf(schema, members: members.filter { !Self.isNullSchema($0) }, in: typeName))
        default:
            kind = .alias(swiftType(for: schema, nameHint: typeName + "Value"))
        }
        modelIndex[typeName] = models.count
        models.append(
            Model(
                typeName: typeName, kind: kind,
                description: schema.description ?? schema.title, deprecated: schema.deprecated, origin: Origin(schema.mark)))
    }

    /// The object an `allOf` (or a reference to one, or a plain object) stands for, members merged
    /// in order (later members win for a property both define); `nil` when a member is not an object.
    func mergedObject(_ schema: Schema, seen: Set<String> = []) -> ObjectSchema? {
        switch schema.kind {
        case .object(let object):
            return object
        case .reference(let name):
            guard !seen.contains(name), let target = components[name] else { return nil }
            return mergedObject(target, seen: seen.union([name]))
        case .composition(.allOf, let members):
            var merged = ObjectSchema(properties: [], additionalProperties: nil)
            for member in members where !Self.isUnconstrained(member) {
                guard let object = mergedObject(member, seen: seen) else { return nil }
                for property in object.properties {
                    if let index = merged.properties.firstIndex(where: { $0.name == property.name }) {
                        let wasRequired = merged.properties[index].required
                        merged.properties[index] = property
                        merged.properties[index].required = property.required || wasRequired
                    } else {
                        merged.properties.append(property)
                    }
                }
                merged.additionalProperties = object.additionalProperties ?? merged.additionalProperties
                merged.otherRequired += object.otherRequired
            }
            // `required` may name properties another member defines.
            for index in merged.properties.indices where merged.otherRequired.contains(merged.properties[index].name) {
                merged.properties[index].required = true
            }
            return merged
        default:
            return nil
        }
    }

    /// A discriminator the spec implies without saying: every member is an object component with
    /// the same property allowing exactly one (distinct) string value, e.g. `type: {enum: [text]}`.
    private func impliedDiscriminator(_ members: [Schema]) -> Discriminator? {
        var perMember: [(name: String, constants: [String: String], order: [String])] = []
        for member in members {
            guard case .reference(let name) = member.kind, let object = mergedObject(member) else { return nil }
            var constants: [String: String] = [:]
            var order: [String] = []
            for property in object.properties {
                guard let value = singleValue(property.schema) else { continue }
                constants[property.name] = value
                order.append(property.name)
            }
            perMember.append((name, constants, order))
        }
        guard let first = perMember.first, perMember.count > 1 else { return nil }
        for property in first.order where perMember.allSatisfy({ $0.constants[property] != nil }) {
            let values = perMember.compactMap { $0.constants[property] }
            if Set(values).count == values.count {
                return Discriminator(propertyName: property, mapping: perMember.map { ($0.constants[property] ?? "", $0.name) })
            }
        }
        return nil
    }

    /// The one string a schema allows (`enum` with one value, directly or through a reference).
    private func singleValue(_ schema: Schema) -> String? {
        switch schema.kind {
        case .string(_, let values?) where values.count == 1: return values[0]
        case .reference(let name): return components[name].flatMap(singleValue)
        default: return nil
        }
    }

    private mutating func oneOf(_ schema: Schema, members: [Schema], in typeName: String) -> OneOf {
        var schema = schema
        if schema.discriminator == nil { schema.discriminator = impliedDiscriminator(members) }
        var taken: Set<String> = ["unknown"]
        var variants: [OneOf.Variant] = []
        var claimed: [String: String] = [:]  // Discriminator value → the member it already selects.
        for (index, member) in members.enumerated() {
            var base: String
            var componentName: String?
            if case .reference(let name) = member.kind { componentName = name }
            let values = discriminatorValues(of: componentName, in: schema.discriminator)
            switch member.kind {
            case .reference(let name):
                // Named after its one value, or the member's own constant when the mapping is silent.
                let unmappedConstant =
                    values.count == 2 && values[1] == name && !(schema.discriminator?.mapping.contains { $0.schema == name } ?? true)
                base = SwiftNaming.memberName(values.count == 1 || unmappedConstant ? values[0] : name)
            case .string: base = "string"
            case .integer: base = "integer"
            case .number: base = "number"
            case .boolean: base = "bool"
            case .array: base = "array"
            default: base = member.title.map(SwiftNaming.memberName) ?? "option\(index + 1)"
            }
            let name = SwiftNaming.unique(base, in: taken)
            taken.insert(name)
            let type = swiftType(for: member, nameHint: typeName + SwiftNaming.typeName(name))
            // A value two members claim selects the first (as a decoder reading the spec in order
            // would); the later member keeps its other values.
            var unclaimed: [String] = []
            for value in values {
                if let first = claimed[value] {
                    log.warning(
                        "discriminator value '\(value)' of '\(typeName)' selects both '\(first)' and '\(componentName ?? name)'; it decodes as '\(first)'",
                        at: member.mark)
                } else {
                    claimed[value] = componentName ?? name
                    unclaimed.append(value)
                }
            }
            variants.append(OneOf.Variant(name: name, type: type, discriminatorValues: unclaimed, origin: Origin(member.mark)))
        }
        return OneOf(variants: variants, discriminatorProperty: schema.discriminator?.propertyName)
    }

    /// The discriminator values that select the component `name`: its mapping entries; else the
    /// constant the member itself gives the property (`role: {enum: [developer]}`), then its name.
    /// OpenAPI's letter says an unmapped member is selected by its schema name, but real payloads
    /// carry the member's own value (OpenAI's `ChatCompletionRequestMessage`), so both select it.
    private func discriminatorValues(of name: String?, in discriminator: Discriminator?) -> [String] {
        guard let discriminator, let name else { return [] }
        let mapped = discriminator.mapping.filter { $0.schema == name }.map(\.value)
        if !mapped.isEmpty { return mapped }
        guard let member = components[name], let object = mergedObject(member),
            let property = object.properties.first(where: { $0.name == discriminator.propertyName }),
            let constant = singleValue(property.schema), constant != name
        else { return [name] }
        return [constant, name]
    }

    private mutating func properties(of object: ObjectSchema, in typeName: String) -> [Property] {
        // `self` would shadow the instance inside the memberwise `init`.
        var taken: Set<String> = ["allKeys", "self"]
        var result: [Property] = []
        for property in object.properties {
            let base = overrides.memberName(forProperty: property.name, of: typeName) ?? SwiftNaming.memberName(property.name)
            let name = SwiftNaming.unique(base, in: taken)
            if name != base {
                log.warning(
                    "property '\(property.name)' of '\(typeName)' would be named '\(base)', which is taken; it is named '\(name)'",
                    at: property.schema.mark)
            }
            taken.insert(name)
            let schema = property.schema
            let type = swiftType(for: schema, nameHint: typeName + SwiftNaming.typeName(property.name))
            // readOnly/writeOnly properties are absent in one direction, so they are optional.
            let alwaysPresent = property.required && !schema.nullable && !schema.readOnly && !schema.writeOnly
            result.append(
                Property(
                    swiftName: name, jsonKey: property.name, type: type, required: alwaysPresent,
                    description: schema.description ?? referencedDescription(schema),
                    deprecated: schema.deprecated, defaultValue: schema.defaultValue,
                    isSecret: Self.holdsSecret(property.name, schema),
                    keepsNull: schema.nullable && !property.required && !schema.readOnly && !schema.writeOnly,
                    sendsNull: schema.nullable && property.required && !schema.readOnly && !schema.writeOnly, origin: Origin(schema.mark)
                ))
        }
        return result
    }

    /// Whether a property holds a secret: its schema says `format: password`, or its name has
    /// the word `secret`, `password` or `passphrase`, ends with `token` (not `tokens`: a count)
    /// or with `api key` / `private key`.
    static func holdsSecret(_ name: String, _ schema: Schema) -> Bool {
        if case .string(format: "password", _) = schema.kind { return true }
        let words = SwiftNaming.words(name)
        if words.contains(where: { ["secret", "password", "passphrase", "apikey"].contains($0) }) { return true }
        if words.last == "token" { return true }
        return words.suffix(2) == ["api", "key"] || words.suffix(2) == ["private", "key"]
    }

    private func referencedDescription(_ schema: Schema) -> String? {
        if case .reference(let name) = schema.kind { return components[name]?.description }
        return nil
    }

    /// The names the spec gives the values (`x-enum-varnames`), when it gives one for each.
    private static func givenNames(_ names: [String]?, count: Int) -> [String]? {
        guard let names, names.count == count, names.allSatisfy({ !$0.isEmpty }) else { return nil }
        return names
    }

    private func enumCases(_ values: [String], names: [String]?) -> [EnumCase] {
        var taken: Set<String> = ["unknown", "allCases", "rawValue", "init"]
        var result: [EnumCase] = []
        let given = Self.givenNames(names, count: values.count)
        for (index, value) in values.enumerated() where !result.contains(where: { $0.rawValue == value }) {
            let name = SwiftNaming.unique(SwiftNaming.memberName(given?[index] ?? value), in: taken)
            taken.insert(name)
            result.append(EnumCase(name: name, rawValue: value))
        }
        return result
    }

    private func integerEnumCases(_ values: [Int], names: [String]?) -> [IntegerEnumCase] {
        var taken: Set<String> = ["unknown"]
        var result: [IntegerEnumCase] = []
        let given = Self.givenNames(names, count: values.count)
        for (index, value) in values.enumerated() where !result.contains(where: { $0.rawValue == value }) {
            let base = given.map { SwiftNaming.memberName($0[index]) } ?? (value < 0 ? "valueMinus\(-value)" : "value\(value)")
            let name = SwiftNaming.unique(base, in: taken)
            taken.insert(name)
            result.append(IntegerEnumCase(name: name, rawValue: value))
        }
        return result
    }
}
