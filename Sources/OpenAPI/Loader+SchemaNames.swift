import Diagnostics
import YAML

/// How one entry of `components/schemas` is loaded.
enum ComponentSchemaSource {
    /// From its own node (an object, or a reference to another component or within the spec).
    case node(YAMLNode)
    /// From the node in another file that its `$ref` (chain) ends at; `description` is the one
    /// written beside the `$ref`, which wins over the file's.
    case otherFile(YAMLNode, description: String?)
    /// Its reference could not be followed (the error is reported).
    case failed(SourceMark)
}

extension Loader {
    /// Names every component schema (by its place in the spec, see `schemaName(of:)`) and, for
    /// one that is a `$ref` to another file, by every place that reference chain goes through: a
    /// reference from any file to any of those places then means the component, so a spec split
    /// into files names its types as the single file did. Returns how to load each entry, in
    /// spec order.
    func registerComponentSchemas(_ pairs: [YAMLPair]) -> [(name: String, source: ComponentSchemaSource)] {
        var named: [(name: String, node: YAMLNode)] = []
        for pair in pairs {
            guard let name = string(pair.key, "a schema name") else { continue }
            named.append((name, pair.value))
            componentSchemaNames.insert(name)
            foldedSchemaNames.insert(Self.folded(name))
        }
        return named.map { entry in
            var node = entry.node
            var followed = false
            while let (reference, mark) = referenceString(of: node), !reference.hasPrefix("#") || followed {
                guard let (target, found) = locate(reference, at: mark) else { return (entry.name, .failed(mark)) }
                if schemaNamesByTarget[target] != nil || componentName(at: target) != nil { break }
                schemaNamesByTarget[target] = entry.name
                node = found
                followed = true
            }
            guard followed else { return (entry.name, .node(entry.node)) }
            if referenceString(of: node) != nil {
                // The chain reached another named schema: the component stays an alias of it.
                return (entry.name, .node(entry.node))
            }
            let description = entry.node.mapping.flatMap { optionalString(value("description", in: $0), "'description'") }
            return (entry.name, .otherFile(node, description: description))
        }
    }

    /// Loads one component schema from where `registerComponentSchemas` said.
    func componentSchema(_ name: String, from source: ComponentSchemaSource) -> Schema {
        switch source {
        case .node(let node):
            return schema(node, "schema '\(name)'")
        case .otherFile(let node, let description):
            var loaded = schema(node, "schema '\(name)'")
            loaded.description = description ?? loaded.description
            return loaded
        case .failed(let mark):
            return Schema(.any, at: mark)
        }
    }

    /// The name of the schema a reference to `target` (found at `node`) stands for: a component,
    /// or a schema in another file that a reference made a named type before; a schema object in
    /// another file that has no name yet becomes a named type now (loaded once, recursion
    /// allowed), named after its pointer's last token or its file. `nil` for anything else (a
    /// scalar schema, an array, a place within the spec), which is inlined where referenced.
    func schemaName(of target: ReferenceTarget, node: YAMLNode, reference: String) -> String? {
        if let name = schemaNamesByTarget[target] ?? componentName(at: target) { return name }
        guard target.fileIndex != 0, Self.isNameable(node) else { return nil }
        let name = uniqueSchemaName(Self.baseName(of: target, path: log.files[target.fileIndex]))
        schemaNamesByTarget[target] = name
        let index = discoveredSchemas.count
        discoveredSchemas.append(NamedSchema(name: name, schema: Schema(.any, at: node.mark)))
        referenceStack.append(target)
        defer { referenceStack.removeLast() }
        discoveredSchemas[index].schema = schema(node, "'\(reference)'")
        return name
    }

    /// The component `target` is, when it is `#/components/schemas/Name` in the spec (reached
    /// from another file, `../openapi.yaml#/components/schemas/Name`).
    func componentName(at target: ReferenceTarget) -> String? {
        guard target.fileIndex == 0, let tokens = Self.pointerTokens(target.fragment), tokens.count == 3, tokens[0] == "components",
            tokens[1] == "schemas", componentSchemaNames.contains(tokens[2])
        else { return nil }
        return tokens[2]
    }

    /// Whether a schema node defines a type worth a name: an object, a composition or an enum.
    static func isNameable(_ node: YAMLNode) -> Bool {
        guard let pairs = node.mapping else { return false }
        return pairs.contains { pair in
            switch pair.key.string {
            case "properties", "additionalProperties", "allOf", "oneOf", "anyOf", "enum": return true
            case "type": return pair.value.string == "object"
            default: return false
            }
        }
    }

    /// `droplet` for `models/droplet.yml`, `pagination` for `pages.yml#/pagination`.
    static func baseName(of target: ReferenceTarget, path: String) -> String {
        if let token = pointerTokens(target.fragment)?.last(where: { !$0.isEmpty }), Int(token) == nil {
            return token
        }
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.firstIndex(of: ".").map { String(file[..<$0]) }.flatMap { $0.isEmpty ? nil : $0 } ?? file
    }

    /// `base`, or `base2`, `base3`, … : the first that no schema name takes, folded.
    func uniqueSchemaName(_ base: String) -> String {
        var candidate = base
        var suffix = 1
        while foldedSchemaNames.contains(Self.folded(candidate)) {
            suffix += 1
            candidate = base + String(suffix)
        }
        foldedSchemaNames.insert(Self.folded(candidate))
        return candidate
    }

    /// A name as Swift type names compare: letters and digits only, lowercased
    /// (`droplet_v2`, `DropletV2` and `droplet-v2` are one name).
    static func folded(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    }
}
