import SDKModel
import Templating

extension ContextBuilder {
    /// The client type: its documentation, defaults, top-level resources and root methods.
    func client() -> TemplateObject {
        var context = headerContext
        let title = SwiftText.docComment(sdk.title)
        let description = SwiftText.docComment(sdk.description)
        // An empty title still leaves the empty line before the description, as it always has.
        let lead = title.isEmpty && !description.isEmpty ? ["///"] : []
        context["docLines"] = .texts(lead + DocLines.paragraphs([title, description]))
        context["defaultBaseURLLiteral"] = .text(SwiftText.stringLiteral(sdk.defaultBaseURL ?? ""))
        context["userAgentLiteral"] = .text(SwiftText.stringLiteral("\(sdk.moduleName)/\(sdk.version) (Swift; sdkgen)"))
        // The names are Swift identifiers (sdkgen.yaml checks); absent when not configured.
        context["apiKeyEnvironmentVariable"] = sdk.apiKeyEnvironmentVariable.map(TemplateValue.text)
        context["baseURLEnvironmentVariable"] = sdk.baseURLEnvironmentVariable.map(TemplateValue.text)
        context["apiKeyEnvironmentVariableLiteral"] = .text(sdk.apiKeyEnvironmentVariable == nil ? "nil" : "Self.apiKeyEnvironmentVariable")
        context["resources"] = .objects(sdk.resources.map(resourceProperty))
        context["hasMethods"] = .flag(!sdk.rootMethods.isEmpty)
        context["methods"] = methods(sdk.rootMethods)
        return context
    }
}
