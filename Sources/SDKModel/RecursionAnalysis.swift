/// Finds the struct properties that make a model contain itself (directly or through other
/// models), which Swift can only store behind a reference.
enum RecursionAnalysis {
    /// `models` with `isIndirect` set on every property whose type is in the same strongly
    /// connected component of the "contains" graph as its struct, and `isRecursive` on every
    /// `oneOf` that contains itself (only those are declared `indirect`).
    static func markIndirectProperties(_ models: [Model]) -> [Model] {
        let index = Dictionary(models.enumerated().map { ($1.typeName, $0) }, uniquingKeysWith: { first, _ in first })
        let edges: [[Int]] = models.map { model in
            directTypes(of: model).compactMap { $0.name.flatMap { index[$0] } }
        }
        let component = stronglyConnectedComponents(edges)
        var componentSizes: [Int: Int] = [:]
        for number in component { componentSizes[number, default: 0] += 1 }
        return models.enumerated().map { offset, model in
            if case .oneOf(var oneOf) = model.kind {
                oneOf.isRecursive = componentSizes[component[offset], default: 0] > 1 || edges[offset].contains(offset)
                var copy = model
                copy.kind = .oneOf(oneOf)
                return copy
            }
            guard case .structure(var properties, let additional) = model.kind else { return model }
            for position in properties.indices {
                if let name = properties[position].type.name, let target = index[name], component[target] == component[offset] {
                    properties[position].isIndirect = true
                }
            }
            var copy = model
            copy.kind = .structure(properties, additionalPropertiesType: additional)
            return copy
        }
    }

    /// Types a model stores inline (arrays and dictionaries already store their elements elsewhere).
    static func directTypes(of model: Model) -> [SwiftType] {
        switch model.kind {
        case .structure(let properties, _): return properties.map(\.type)
        case .oneOf(let oneOf): return oneOf.variants.map(\.type)
        case .alias(let type): return [type]
        case .stringEnum, .integerEnum: return []
        }
    }

    /// Tarjan's algorithm without recursion: the component number of each node.
    static func stronglyConnectedComponents(_ edges: [[Int]]) -> [Int] {
        let count = edges.count
        var indexOf = [Int](repeating: -1, count: count)
        var lowLink = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var component = [Int](repeating: -1, count: count)
        var stack: [Int] = []
        var nextIndex = 0
        var nextComponent = 0
        for root in 0..<count where indexOf[root] == -1 {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            indexOf[root] = nextIndex
            lowLink[root] = nextIndex
            nextIndex += 1
            stack.append(root)
            onStack[root] = true
            while let (node, edge) = work.last {
                if edge < edges[node].count {
                    work[work.count - 1].edge += 1
                    let next = edges[node][edge]
                    if indexOf[next] == -1 {
                        indexOf[next] = nextIndex
                        lowLink[next] = nextIndex
                        nextIndex += 1
                        stack.append(next)
                        onStack[next] = true
                        work.append((next, 0))
                    } else if onStack[next] {
                        lowLink[node] = min(lowLink[node], indexOf[next])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { lowLink[parent] = min(lowLink[parent], lowLink[node]) }
                if lowLink[node] == indexOf[node] {
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component[member] = nextComponent
                        if member == node { break }
                    }
                    nextComponent += 1
                }
            }
        }
        return component
    }
}
