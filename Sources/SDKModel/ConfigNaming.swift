import Diagnostics
import OpenAPI

/// The `typeOverrides` and `names` of `sdkgen.yaml`, looked up while types and properties are
/// named; it remembers which property names were used, so those that match nothing can warn.
struct ConfigNaming {
    private var typeOverrides: [String: String] = [:]
    private var schemaNames: [String: String] = [:]
    private var config = GeneratorConfig()
    /// Property names by the type name of the model they are for (resolved from the config's
    /// owner, a schema name or a type name), then by JSON key.
    private var propertyNames: [String: [String: String]] = [:]
    /// The type name each `names.properties` entry resolved to, in config order.
    private var propertyOwners: [String] = []
    /// `typeName` + NUL + `jsonKey` of every property name used.
    private var used: Set<String> = []

    /// Nothing overridden.
    init() {}

    /// The overrides `config` gives; the first entry wins for a key given twice.
    init(_ config: GeneratorConfig) {
        self.config = config
        for entry in config.typeOverrides where typeOverrides[entry.schemaName] == nil { typeOverrides[entry.schemaName] = entry.swiftType }
        for entry in config.schemaNames where schemaNames[entry.schemaName] == nil { schemaNames[entry.schemaName] = entry.swiftName }
    }

    /// The user's Swift type for the component schema `name`, when `typeOverrides` sets one.
    func swiftType(forSchema name: String) -> String? { typeOverrides[name] }

    /// The type name `names.schemas` chooses for the component schema `name`.
    func typeName(forSchema name: String) -> String? { schemaNames[name] }

    /// Resolves the owner of every `names.properties` entry: a component schema's type name
    /// (`componentTypeName`), else the key itself, taken as the type name of a model.
    mutating func resolvePropertyOwners(_ componentTypeName: (String) -> String?) {
        propertyOwners = config.propertyNames.map { componentTypeName($0.schemaName) ?? $0.schemaName }
        for (entry, owner) in zip(config.propertyNames, propertyOwners) {
            guard let jsonKey = entry.jsonKey, propertyNames[owner]?[jsonKey] == nil else { continue }
            propertyNames[owner, default: [:]][jsonKey] = entry.swiftName
        }
    }

    /// The member name `names.properties` chooses for the property `jsonKey` of the model `typeName`.
    mutating func memberName(forProperty jsonKey: String, of typeName: String) -> String? {
        guard let name = propertyNames[typeName]?[jsonKey] else { return nil }
        used.insert(typeName + "\u{0}" + jsonKey)
        return name
    }

    /// A warning, at its key in the config, for each override that matches nothing in the spec
    /// whose component schemas are `schemas`.
    func unmatched(schemas: [NamedSchema]) -> [(message: String, mark: SourceMark)] {
        let schemaNames = Set(schemas.map(\.name))
        var warnings: [(message: String, mark: SourceMark)] = []
        for entry in config.typeOverrides where !schemaNames.contains(entry.schemaName) {
            warnings.append(("'typeOverrides' names schema '\(entry.schemaName)', which the spec does not have", entry.mark))
        }
        for entry in config.schemaNames {
            if !schemaNames.contains(entry.schemaName) {
                warnings.append(("'names.schemas' names schema '\(entry.schemaName)', which the spec does not have", entry.mark))
            } else if let swiftType = typeOverrides[entry.schemaName] {
                warnings.append(
                    ("'names.schemas.\(entry.schemaName)' is not used: 'typeOverrides' generates the schema as '\(swiftType)'", entry.mark))
            }
        }
        for (entry, owner) in zip(config.propertyNames, propertyOwners) {
            guard let jsonKey = entry.jsonKey, !used.contains(owner + "\u{0}" + jsonKey) else { continue }
            warnings.append(
                (
                    "'names.properties.\(entry.schemaName).\(jsonKey)' matches no property: no object schema or model '\(entry.schemaName)' of the spec has the JSON key '\(jsonKey)'",
                    entry.mark
                ))
        }
        return warnings
    }
}
