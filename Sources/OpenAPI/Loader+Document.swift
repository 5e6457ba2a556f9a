import YAML

extension Loader {
    /// Loads the whole document; the caller discards it when the log holds errors.
    func loadDocument() -> Document? {
        guard let root else {
            log.error("the file is empty; expected an OpenAPI document", at: nil)
            return nil
        }
        guard let pairs = mapping(root, "the document") else { return nil }
        guard let version = openAPIVersion(pairs, root: root) else { return nil }

        let info = self.info(pairs, root: root)
        var components: [YAMLPair] = []
        if let node = value("components", in: pairs), let componentPairs = mapping(node, "'components'") {
            components = componentPairs
        }
        let componentSources = registerComponentSchemas(componentSchemaPairs(components))
        let componentSchemas = componentSources.map { NamedSchema(name: $0.name, schema: componentSchema($0.name, from: $0.source)) }
        checkReferenceAliasCycles(componentSchemas)

        var operations: [Operation] = []
        if let pathsNode = value("paths", in: pairs) {
            operations = self.operations(pathsNode)
        } else if !isVersion31 {
            log.error("the document is missing the required field 'paths'", at: root.mark)
        } else if value("webhooks", in: pairs) == nil && value("components", in: pairs) == nil {
            log.error("the document needs at least one of 'paths', 'webhooks' or 'components'", at: root.mark)
        }
        let webhooks = value("webhooks", in: pairs).map(self.webhooks) ?? []
        return Document(
            file: log.file, files: log.files, openAPIVersion: version, info: info ?? Info(title: "", version: ""),
            servers: servers(value("servers", in: pairs)),
            securitySchemes: securitySchemes(value("securitySchemes", in: components)),
            security: value("security", in: pairs).map { securityRequirements($0, of: "the document") },
            tags: tags(value("tags", in: pairs)),
            operations: operations, schemas: componentSchemas + discoveredSchemas, webhooks: webhooks
        )
    }

    private func openAPIVersion(_ pairs: [YAMLPair], root: YAMLNode) -> String? {
        if let swagger = value("swagger", in: pairs) {
            log.error("Swagger \(swagger.string ?? "2.0") documents are not supported; convert the document to OpenAPI 3.0 or 3.1", at: swagger.mark)
            return nil
        }
        guard let node = required("openapi", in: pairs, of: "the document", at: root.mark),
            let version = string(node, "'openapi'")
        else { return nil }
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "3", parts[1] == "0" || parts[1] == "1", Int(parts[2]) != nil else {
            log.error("unsupported OpenAPI version '\(version)'; sdkgen reads 3.0.x and 3.1.x", at: node.mark)
            return nil
        }
        isVersion31 = parts[1] == "1"
        return version
    }

    private func info(_ pairs: [YAMLPair], root: YAMLNode) -> Info? {
        guard let node = required("info", in: pairs, of: "the document", at: root.mark),
            let infoPairs = mapping(node, "'info'")
        else { return nil }
        let title = required("title", in: infoPairs, of: "'info'", at: node.mark).flatMap { string($0, "'title'") }
        let version = required("version", in: infoPairs, of: "'info'", at: node.mark).flatMap { string($0, "'version'") }
        return Info(
            title: title ?? "", version: version ?? "",
            description: optionalString(value("description", in: infoPairs), "'description'"))
    }

    private func componentSchemaPairs(_ components: [YAMLPair]) -> [YAMLPair] {
        guard let node = value("schemas", in: components) else { return [] }
        return mapping(node, "'components/schemas'") ?? []
    }

    /// A component that is nothing but a reference to itself (directly or through other such
    /// components) has no shape at all: report it at its `$ref`. Each cycle is reported once,
    /// starting from the member that comes first in the document, at that member.
    private func checkReferenceAliasCycles(_ schemas: [NamedSchema]) {
        var targets: [String: String] = [:]
        var position: [String: Int] = [:]
        for (index, named) in schemas.enumerated() {
            if case .reference(let target) = named.schema.kind {
                targets[named.name] = target
                position[named.name] = index
            }
        }
        // An alias references one schema, so a walk from it ends at a definition, at an alias an
        // earlier walk went through (whose cycle, if any, that walk found), or on a cycle of its
        // own: every alias is walked once, so thousands of chained aliases stay linear.
        var walkOf: [String: Int] = [:]
        var cycles: [[String]] = []
        for (walk, named) in schemas.enumerated() where walkOf[named.name] == nil {
            var chain: [String] = []
            var current = named.name
            while let target = targets[current], walkOf[current] == nil {
                walkOf[current] = walk
                chain.append(current)
                current = target
            }
            if walkOf[current] == walk, let start = chain.firstIndex(of: current) {
                let cycle = chain[start...]
                let first = cycle.indices.min { position[cycle[$0], default: 0] < position[cycle[$1], default: 0] } ?? start
                cycles.append(Array(cycle[first...] + cycle[..<first]))
            }
        }
        for cycle in cycles.sorted(by: { position[$0[0], default: 0] < position[$1[0], default: 0] }) {
            let names = cycle.map { "'\($0)'" }.joined(separator: " → ")
            log.error(
                "reference cycle: schema \(names) → '\(cycle[0])' never reaches a definition", at: schemas[position[cycle[0], default: 0]].schema.mark
            )
        }
    }

    private func servers(_ node: YAMLNode?) -> [Server] {
        guard let node, let items = sequence(node, "'servers'") else { return [] }
        return items.compactMap { item in
            guard let pairs = mapping(item, "a server"),
                let url = required("url", in: pairs, of: "a server", at: item.mark).flatMap({ string($0, "'url'") })
            else { return nil }
            return Server(url: url, description: optionalString(value("description", in: pairs), "'description'"))
        }
    }

    private func tags(_ node: YAMLNode?) -> [Tag] {
        guard let node, let items = sequence(node, "'tags'") else { return [] }
        return items.compactMap { item in
            guard let pairs = mapping(item, "a tag"),
                let name = required("name", in: pairs, of: "a tag", at: item.mark).flatMap({ string($0, "'name'") })
            else { return nil }
            // Split specs write a tag's long description in another file (`$ref: intro.yml#/text`).
            return Tag(name: name, description: optionalString(value("description", in: pairs).flatMap(resolved), "'description'"))
        }
    }
}
