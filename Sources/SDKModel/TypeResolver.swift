import OpenAPI

/// Decides the Swift type of every schema and collects the model types that need declaring.
/// Component schemas keep their spec order; inline schemas that need a type of their own are
/// named from where they sit (`ChatCreateRequest`, `ErrorResponseError`).
struct TypeResolver {
    private(set) var models: [Model] = []
    var log: DiagnosticLog
    /// Swift type name for each component schema name.
    private var componentTypeNames: [String: String] = [:]
    /// Descriptions of component schemas, for properties that only reference one.
    private var componentDescriptions: [String: String] = [:]
    /// Every type name taken so far, including the client, error and module names.
    private(set) var takenTypeNames: Set<String>
    /// Type names of string-enum models, which can travel as parameters.
    private(set) var enumTypeNames: Set<String> = []

    init(log: DiagnosticLog, reservedNames: Set<String>) {
        self.log = log
        self.takenTypeNames = reservedNames
    }

    /// Names every component schema, then declares a model for each, in spec order.
    mutating func declareComponents(_ schemas: [NamedSchema]) {
        for named in schemas {
            let base = SwiftNaming.typeName(named.name)
            let name = SwiftNaming.unique(base, in: takenTypeNames)
            if name != base {
                log.warning("schema '\(named.name)' would be named '\(base)', which is taken; it is named '\(name)'", at: named.schema.mark)
            }
            takenTypeNames.insert(name)
            componentTypeNames[named.name] = name
            componentDescriptions[named.name] = named.schema.description
            if case .string(_, let values?) = named.schema.kind, !values.isEmpty { enumTypeNames.insert(name) }
        }
        for named in schemas {
            guard let name = componentTypeNames[named.name] else { continue }
            declare(named.schema, as: name, sourceName: named.name)
        }
    }

    /// The Swift type (without optionality) for `schema`; inline objects and enums are declared
    /// as models named `nameHint`.
    mutating func swiftType(for schema: Schema, nameHint: String) -> String {
        switch schema.kind {
        case .reference(let name):
            return componentTypeNames[name] ?? "JSONValue"
        case .object(let object):
            if object.properties.isEmpty {
                let valueType = object.additionalProperties.map { swiftType(for: $0, nameHint: nameHint + "Value") } ?? "JSONValue"
                return "[String: \(valueType)]"
            }
            return declareInline(schema, nameHint: nameHint)
        case .array(let items):
            return "[\(items.map { swiftType(for: $0, nameHint: nameHint + "Item") } ?? "JSONValue")]"
        case .string(let format, let values):
            if let values, !values.isEmpty { return declareInline(schema, nameHint: nameHint) }
            switch format {
            case "uuid": return "UUID"
            case "date-time": return "Date"
            case "uri", "url": return "URL"
            case "byte", "binary": return "Data"
            default: return "String"
            }
        case .integer(let format, _):
            switch format {
            case "int32": return "Int32"
            case "int64": return "Int64"
            default: return "Int"
            }
        case .number(let format):
            return format == "float" ? "Float" : "Double"
        case .boolean:
            return "Bool"
        case .composition(let kind, let members):
            if members.count == 1, let only = members.first { return swiftType(for: only, nameHint: nameHint) }
            log.warning("'\(kind.rawValue)' with \(members.count) members is not modelled yet; '\(nameHint)' is generated as JSONValue", at: schema.mark)
            return "JSONValue"
        case .any:
            return "JSONValue"
        }
    }

    private mutating func declareInline(_ schema: Schema, nameHint: String) -> String {
        let name = SwiftNaming.unique(SwiftNaming.typeName(nameHint), in: takenTypeNames)
        takenTypeNames.insert(name)
        if case .string = schema.kind { enumTypeNames.insert(name) }
        declare(schema, as: name, sourceName: nameHint)
        return name
    }

    private mutating func declare(_ schema: Schema, as typeName: String, sourceName: String) {
        let kind: Model.Kind
        switch schema.kind {
        case .object(let object) where !object.properties.isEmpty:
            kind = .structure(properties(of: object, in: typeName), additionalPropertiesType: nil)
        case .string(_, let values?) where !values.isEmpty:
            kind = .stringEnum(enumCases(values))
        default:
            kind = .alias(swiftType(for: schema, nameHint: typeName + "Value"))
        }
        models.append(Model(typeName: typeName, sourceName: sourceName, kind: kind,
                            description: schema.description ?? schema.title, deprecated: schema.deprecated))
    }

    private mutating func properties(of object: ObjectSchema, in typeName: String) -> [Property] {
        var taken: Set<String> = ["allKeys"]
        var result: [Property] = []
        for property in object.properties {
            let base = SwiftNaming.memberName(property.name)
            let name = SwiftNaming.unique(base, in: taken)
            if name != base {
                log.warning("property '\(property.name)' of '\(typeName)' would be named '\(base)', which is taken; it is named '\(name)'", at: property.schema.mark)
            }
            taken.insert(name)
            let type = swiftType(for: property.schema, nameHint: typeName + SwiftNaming.typeName(property.name))
            result.append(Property(
                swiftName: name, jsonKey: property.name, type: type,
                required: property.required && !property.schema.nullable,
                description: property.schema.description ?? referencedDescription(property.schema),
                deprecated: property.schema.deprecated
            ))
        }
        return result
    }

    private func referencedDescription(_ schema: Schema) -> String? {
        if case .reference(let name) = schema.kind { return componentDescriptions[name] }
        return nil
    }

    private func enumCases(_ values: [String]) -> [EnumCase] {
        var taken: Set<String> = ["unknown", "allCases", "rawValue", "init"]
        var result: [EnumCase] = []
        for value in values where !result.contains(where: { $0.rawValue == value }) {
            let name = SwiftNaming.unique(SwiftNaming.memberName(value), in: taken)
            taken.insert(name)
            result.append(EnumCase(name: name, rawValue: value))
        }
        return result
    }
}
