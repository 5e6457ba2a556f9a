import SDKModel
import Templating

extension ContextBuilder {
    /// One resource's file: its type inside its parent's, its child properties and its methods.
    func resource(_ resource: Resource) -> TemplateObject {
        var context = headerContext
        context["parentType"] = .text(([sdk.clientName] + resource.typePath.dropLast()).joined(separator: "."))
        context["qualifiedType"] = .text(([sdk.clientName] + resource.typePath).joined(separator: "."))
        context["typeName"] = .text(resource.typeName)
        context["docLines"] = .texts(accessDocLines(resource))
        context["children"] = .objects(resource.children.map(resourceProperty))
        context["hasMethods"] = .flag(!resource.methods.isEmpty)
        context["methods"] = methods(resource.methods)
        return context
    }

    /// The property that reaches `resource` from its parent (the client or a resource).
    func resourceProperty(_ resource: Resource) -> TemplateObject {
        [
            "propertyName": .text(SwiftNaming.escaped(resource.propertyName)),
            "typeName": .text(resource.typeName),
            "docLines": .texts(accessDocLines(resource)),
        ]
    }

    /// `/// Calls under `client.chats.typing`.`
    private func accessDocLines(_ resource: Resource) -> [String] {
        ["/// Calls under `client.\(resource.accessPath.joined(separator: "."))`."]
    }
}
