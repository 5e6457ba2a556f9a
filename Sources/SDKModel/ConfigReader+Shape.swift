import Diagnostics
import YAML

/// The keys that shape the SDK as a whole: its access level, which operations it has, schemas
/// generated as the user's own types, and names the user chooses.
extension ConfigReader {
    mutating func accessModifier(_ node: YAMLNode) -> AccessModifier? {
        guard let text = string(node, "accessModifier") else { return nil }
        if let level = AccessModifier(rawValue: text) { return level }
        let expected = AccessModifier.allCases.map(\.rawValue).joined(separator: ", ")
        log.error("'accessModifier' must be one of: \(expected); found '\(text)'", at: node.mark)
        return nil
    }

    /// `filter: {include: {tags, paths, operationIds}, exclude: {…}}`.
    mutating func readFilter(_ node: YAMLNode, at mark: SourceMark) -> OperationFilter {
        var filter = OperationFilter()
        filter.mark = mark
        guard let pairs = mapping(node, "'filter'") else { return filter }
        for pair in pairs {
            let key = pair.key.string ?? ""
            switch key {
            case "include": filter.include = readCriteria(pair.value, "filter.include")
            case "exclude": filter.exclude = readCriteria(pair.value, "filter.exclude")
            default: unknown(key, at: pair.key.mark, expected: ["include", "exclude"])
            }
        }
        return filter
    }

    private mutating func readCriteria(_ node: YAMLNode, _ what: String) -> OperationFilter.Criteria {
        var criteria = OperationFilter.Criteria()
        guard let pairs = mapping(node, "'\(what)'") else { return criteria }
        for pair in pairs {
            let key = pair.key.string ?? ""
            switch key {
            case "tags": criteria.tags = entries(pair.value, "\(what).tags")
            case "paths":
                criteria.paths = entries(pair.value, "\(what).paths").filter { entry in
                    guard entry.value.hasPrefix("/"), !entry.value.dropLast().contains("*") else {
                        log.error(
                            "'\(what).paths' takes path templates as the spec writes them ('/v3/chats/{chatId}'), with at most a trailing '*' ('/v3/chats*'); found '\(entry.value)'",
                            at: entry.mark)
                        return false
                    }
                    return true
                }
            case "operationIds": criteria.operationIDs = entries(pair.value, "\(what).operationIds")
            default: unknown(key, at: pair.key.mark, expected: ["tags", "paths", "operationIds"])
            }
        }
        return criteria
    }

    /// A sequence of strings, each with its position; a single string is a list of one.
    private mutating func entries(_ node: YAMLNode, _ what: String) -> [OperationFilter.Entry] {
        if node.scalar != nil {
            return string(node, what).map { [OperationFilter.Entry(value: $0, mark: node.mark)] } ?? []
        }
        guard let items = node.sequence else {
            log.error("expected a sequence of strings for '\(what)', found \(node.kindDescription)", at: node.mark)
            return []
        }
        return items.compactMap { item in string(item, what).map { OperationFilter.Entry(value: $0, mark: item.mark) } }
    }

    /// `typeOverrides: {SchemaName: SwiftType}`.
    mutating func readTypeOverrides(_ node: YAMLNode) -> [TypeOverride] {
        guard let pairs = mapping(node, "'typeOverrides'") else { return [] }
        var result: [TypeOverride] = []
        for pair in pairs {
            guard let schemaName = string(pair.key, "a schema name"), let text = string(pair.value, "typeOverrides.\(schemaName)") else { continue }
            guard let swiftType = SwiftTypeText.normalized(text) else {
                log.error(
                    "'typeOverrides.\(schemaName)' must name a Swift type: identifiers joined by '.', with generic arguments in '<…>' (e.g. 'Decimal', 'MyApp.Location', 'SIMD2<Double>'); found '\(text)'",
                    at: pair.value.mark)
                continue
            }
            result.append(TypeOverride(schemaName: schemaName, swiftType: swiftType, mark: pair.key.mark))
        }
        return result
    }

    /// `names: {schemas: {Schema: TypeName}, properties: {Schema: {json_key: memberName}}}`.
    mutating func readNames(_ node: YAMLNode, into config: inout GeneratorConfig) {
        guard let pairs = mapping(node, "'names'") else { return }
        for pair in pairs {
            let key = pair.key.string ?? ""
            switch key {
            case "schemas": config.schemaNames = readSchemaNames(pair.value)
            case "properties": config.propertyNames = readPropertyNames(pair.value)
            default: unknown(key, at: pair.key.mark, expected: ["schemas", "properties"])
            }
        }
    }

    private mutating func readSchemaNames(_ node: YAMLNode) -> [NameOverride] {
        guard let pairs = mapping(node, "'names.schemas'") else { return [] }
        var result: [NameOverride] = []
        for pair in pairs {
            guard let schemaName = string(pair.key, "a schema name"), let name = identifier(pair.value, "names.schemas.\(schemaName)") else {
                continue
            }
            if SwiftNaming.keywords.contains(name) || SwiftNaming.reservedTypeNames.contains(name) {
                log.error(
                    "'names.schemas.\(schemaName)' is '\(name)', a keyword or a type the generated code uses; choose another name",
                    at: pair.value.mark)
                continue
            }
            result.append(NameOverride(schemaName: schemaName, jsonKey: nil, swiftName: name, mark: pair.key.mark))
        }
        return result
    }

    private mutating func readPropertyNames(_ node: YAMLNode) -> [NameOverride] {
        guard let pairs = mapping(node, "'names.properties'") else { return [] }
        var result: [NameOverride] = []
        for pair in pairs {
            guard let schemaName = string(pair.key, "a schema name"), let fields = mapping(pair.value, "'names.properties.\(schemaName)'") else {
                continue
            }
            for field in fields {
                guard let jsonKey = string(field.key, "a property's JSON key"),
                    let name = identifier(field.value, "names.properties.\(schemaName).\(jsonKey)")
                else { continue }
                result.append(NameOverride(schemaName: schemaName, jsonKey: jsonKey, swiftName: name, mark: field.key.mark))
            }
        }
        return result
    }
}
