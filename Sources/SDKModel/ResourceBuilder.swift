import OpenAPI
import YAML

/// Places each operation in the resource tree (`/v3/chats/{chatId}/typing` → `chats.typing`) and
/// names its method (`stopTyping` → `stop`), unless the config says otherwise.
struct ResourceBuilder {
    /// A resource while the tree is being built.
    final class Node {
        let segment: String
        var methods: [Method] = []
        var children: [Node] = []
        init(segment: String) { self.segment = segment }

        func child(_ segment: String) -> Node {
            if let existing = children.first(where: { $0.segment == segment }) { return existing }
            let node = Node(segment: segment)
            children.append(node)
            return node
        }
    }

    let root = Node(segment: "")

    /// The resource path of an operation: the literal path segments that are not versions.
    static func resourcePath(of path: String) -> [String] {
        path.split(separator: "/").compactMap { segment -> String? in
            if segment.hasPrefix("{") || segment.isEmpty { return nil }
            if isVersion(segment) { return nil }
            let name = SwiftNaming.memberName(String(segment))
            return name == "unnamed" ? nil : name
        }
    }

    /// `v1`, `v3`, `v2024`: a version segment, not a resource.
    static func isVersion(_ segment: Substring) -> Bool {
        guard segment.count >= 2, segment.first == "v" || segment.first == "V" else { return false }
        return segment.dropFirst().allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
    }

    /// The method name for an operation under `resource`: the operationId without the resource's
    /// noun, or a name from the HTTP method when there is no operationId.
    static func methodName(operationID: String?, method: HTTPMethod, path: String, resource: [String]) -> String {
        if let operationID {
            var words = SwiftNaming.words(operationID)
            if let noun = resource.last {
                let nounWords = SwiftNaming.words(noun)
                for candidate in [nounWords, singular(nounWords), plural(nounWords)] where !candidate.isEmpty {
                    if let start = firstIndex(of: candidate, in: words), words.count > candidate.count {
                        words.removeSubrange(start..<(start + candidate.count))
                        break
                    }
                }
            }
            return SwiftNaming.memberName(words.joined(separator: "_"))
        }
        let endsInParameter = path.split(separator: "/").last?.hasPrefix("{") ?? false
        switch method {
        case .get: return endsInParameter ? "retrieve" : "list"
        case .post: return "create"
        case .put, .patch: return "update"
        case .delete: return "delete"
        case .head: return "head"
        case .options: return "options"
        case .trace: return "trace"
        }
    }

    static func singular(_ words: [String]) -> [String] {
        guard let last = words.last, last.count > 1, last.hasSuffix("s") else { return [] }
        return words.dropLast() + [String(last.dropLast())]
    }

    static func plural(_ words: [String]) -> [String] {
        guard let last = words.last else { return [] }
        return words.dropLast() + [last + "s"]
    }

    static func firstIndex(of run: [String], in words: [String]) -> Int? {
        guard run.count <= words.count else { return nil }
        for start in 0...(words.count - run.count) where Array(words[start..<(start + run.count)]) == run {
            return start
        }
        return nil
    }

    /// Adds `method` under `resource`, renaming it with a warning when the name is taken.
    mutating func add(_ method: Method, under resource: [String], log: inout DiagnosticLog, mark: SourceMark) {
        var node = root
        for segment in resource { node = node.child(segment) }
        var method = method
        let taken = Set(node.methods.map(\.name))
        let unique = SwiftNaming.unique(method.name, in: taken)
        if unique != method.name {
            let place = resource.isEmpty ? "the client" : "'\(resource.joined(separator: "."))'"
            log.warning("\(method.operationID.map { "operation '\($0)'" } ?? "an operation") would be named '\(method.name)' in \(place), which is taken; it is named '\(unique)' (set 'operations.<id>.method' in sdkgen.yaml to choose)", at: mark)
            method.name = unique
        }
        node.methods.append(method)
    }

    /// The finished tree, with type names that collide with nothing in `takenTypeNames`.
    func resources(avoiding takenTypeNames: Set<String>) -> (resources: [Resource], rootMethods: [Method]) {
        (root.children.map { resource($0, parentPath: [], avoiding: takenTypeNames) }, root.methods)
    }

    private func resource(_ node: Node, parentPath: [String], avoiding taken: Set<String>) -> Resource {
        var typeName = SwiftNaming.typeName(node.segment)
        if taken.contains(typeName) { typeName += "Resource" }
        typeName = SwiftNaming.unique(typeName, in: taken)
        let path = parentPath + [typeName]
        var methodNames = Set(node.methods.map(\.name))
        var children: [Resource] = []
        for child in node.children {
            var resource = self.resource(child, parentPath: path, avoiding: taken)
            if methodNames.contains(resource.propertyName) {
                resource.propertyName = SwiftNaming.unique(resource.propertyName, in: methodNames)
            }
            methodNames.insert(resource.propertyName)
            children.append(resource)
        }
        return Resource(propertyName: node.segment, typeName: typeName, typePath: path, children: children, methods: node.methods)
    }
}
