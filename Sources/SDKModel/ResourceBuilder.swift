import Diagnostics
import OpenAPI
import YAML

/// Builds the resource tree from placed methods. A sub-resource that would hold a single method
/// and nothing else (`/chats/{id}/read`) folds into its parent as one method (`chats.markAsRead`)
/// when its place came from the default rules.
struct ResourceBuilder {
    /// A method waiting for its final place and name.
    struct Entry {
        var method: Method
        /// The name to use if the method folds into the parent resource; `nil` when it must stay.
        var foldedName: String?
        var mark: SourceMark
        /// Spec order, so folded methods keep their place among the parent's methods.
        var order: Int
    }

    /// A resource while the tree is being built.
    final class Node {
        let segment: String
        var entries: [Entry] = []
        var children: [Node] = []
        /// `children` by segment, so a spec with thousands of resources stays linear.
        private var childIndex: [String: Node] = [:]
        init(segment: String) { self.segment = segment }

        func child(_ segment: String) -> Node {
            if let existing = childIndex[segment] { return existing }
            let node = Node(segment: segment)
            children.append(node)
            childIndex[segment] = node
            return node
        }
    }

    private let root = Node(segment: "")
    private var count = 0

    /// Adds `method` under `resource`; `foldedName` is its name should it move up into the parent.
    mutating func add(_ method: Method, under resource: [String], foldedName: String?, mark: SourceMark) {
        var node = root
        for segment in resource { node = node.child(segment) }
        node.entries.append(Entry(method: method, foldedName: foldedName, mark: mark, order: count))
        count += 1
    }

    /// The finished tree: single-method leaves folded, method names made unique (with a
    /// warning), resource type names that collide with nothing in `takenTypeNames`.
    func resources(avoiding takenTypeNames: Set<String>, log: inout DiagnosticLog) -> (resources: [Resource], rootMethods: [Method]) {
        for child in root.children { fold(child) }
        let rootMethods = uniqueMethods(root.entries, place: "the client", log: &log)
        let resources = root.children.map {
            resource($0, named: $0.segment, path: [$0.segment], parent: (types: [], access: []), avoiding: takenTypeNames, log: &log)
        }
        return (resources, rootMethods)
    }

    /// Folds single-method leaves below `node` (not `node` itself: top-level resources stay).
    private func fold(_ node: Node) {
        for child in node.children { fold(child) }
        node.children.removeAll { child in
            guard child.children.isEmpty, child.entries.count == 1, let entry = child.entries.first, let foldedName = entry.foldedName else {
                return false
            }
            var moved = entry
            moved.method.name = foldedName
            node.entries.append(moved)
            return true
        }
        node.entries.sort { $0.order < $1.order }
    }

    /// The methods of one place with unique names: operations first (a later one that is taken
    /// gets a suffix), then stream variants, `<method>Stream`, which give way to every operation.
    private func uniqueMethods(_ entries: [Entry], place: String, log: inout DiagnosticLog) -> [Method] {
        var taken: Set<String> = []
        var methods = entries.map { entry in
            var method = entry.method
            let unique = SwiftNaming.unique(method.name, in: taken)
            if unique != method.name {
                log.warning(
                    "\(method.operationID.map { "operation '\($0)'" } ?? "an operation") would be named '\(method.name)' in \(place), which is taken; it is named '\(unique)' (set 'operations.<id>.method' in sdkgen.yaml to choose)",
                    at: entry.mark)
                method.name = unique
            }
            taken.insert(method.name)
            return method
        }
        for (index, entry) in entries.enumerated() where methods[index].streamVariant != nil {
            let wanted = methods[index].name + "Stream"
            let unique = SwiftNaming.unique(wanted, in: taken)
            if unique != wanted {
                log.warning(
                    "the stream variant of \(methods[index].operationID.map { "operation '\($0)'" } ?? "an operation") would be named '\(wanted)' in \(place), which is taken; it is named '\(unique)'",
                    at: entry.mark)
            }
            methods[index].streamVariant?.name = unique
            taken.insert(unique)
        }
        return methods
    }

    /// The resource for `node`, whose property is `propertyName`; `path` is its place by path
    /// segments (for messages), `parent` the type and property names leading to it.
    private func resource(
        _ node: Node, named propertyName: String, path: [String], parent: (types: [String], access: [String]),
        avoiding taken: Set<String>, log: inout DiagnosticLog
    ) -> Resource {
        var typeName = SwiftNaming.typeName(node.segment)
        // A type may not share a name with a model, nor with its own property (`_2fa`).
        if taken.contains(typeName) || typeName == node.segment { typeName += "Resource" }
        typeName = SwiftNaming.unique(typeName, in: taken)
        let types = parent.types + [typeName]
        let access = parent.access + [propertyName]
        let methods = uniqueMethods(node.entries, place: "'\(path.joined(separator: "."))'", log: &log)
        var memberNames = Set(methods.flatMap { [$0.name] + ($0.streamVariant.map { [$0.name] } ?? []) })
        var children: [Resource] = []
        for child in node.children {
            // A child property may not share a name with a method or an earlier child.
            let childName = memberNames.contains(child.segment) ? SwiftNaming.unique(child.segment, in: memberNames) : child.segment
            memberNames.insert(childName)
            children.append(self.resource(child, named: childName, path: path + [child.segment], parent: (types, access), avoiding: taken, log: &log))
        }
        return Resource(propertyName: propertyName, typeName: typeName, typePath: types, accessPath: access, children: children, methods: methods)
    }
}
