import SDKModel

/// Renders an `SDK` into the in-memory file set of a Swift package target.
public enum SwiftRenderer {
    /// Every file of the SDK: the client, the error type, one file per resource and per model.
    public static func render(_ sdk: SDK, templates: TemplateSet) -> FileSet {
        let contexts = ContextBuilder(sdk: sdk)
        var files = [
            GeneratedFile(path: "\(sdk.clientName).swift", contents: templates.render("client", contexts.client())),
            GeneratedFile(path: "\(sdk.errorName).swift", contents: templates.render("error", contexts.error())),
        ]
        var pending = sdk.resources.map { ($0, $0.propertyName) }
        var next = 0
        while next < pending.count {
            let (resource, path) = pending[next]
            next += 1
            files.append(GeneratedFile(
                path: "Resources/\(resource.typePath.joined(separator: ".")).swift",
                contents: templates.render("resource", contexts.resource(resource, path: path))))
            pending += resource.children.map { ($0, path + "." + $0.propertyName) }
        }
        if let webhooks = sdk.webhooks {
            files.append(GeneratedFile(path: "\(webhooks.typeName).swift", contents: templates.render("webhooks", contexts.webhooks(webhooks))))
        }
        files.append(GeneratedFile(path: "api.md", contents: templates.render("api", contexts.apiReference())))
        for model in sdk.models {
            files.append(GeneratedFile(path: "Models/\(model.typeName).swift", contents: templates.render("model", contexts.model(model))))
        }
        return FileSet(files.map { GeneratedFile(path: $0.path, contents: normalized($0.contents)) })
    }

    /// Exactly one trailing newline, and no trailing spaces on any line.
    static func normalized(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var line = line
            while line.last == " " { line = line.dropLast() }
            return line
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
