import SDKModel
import Templating

extension ContextBuilder {
    /// The error type: one case per documented error status, with its body type when there is one.
    func error() -> TemplateObject {
        var context = headerContext
        context["cases"] = .objects(
            sdk.errorCases.map { errorCase -> TemplateObject in
                let name = SwiftNaming.escaped(errorCase.name)
                let doc = SwiftText.docComment("HTTP \(errorCase.statusCode): " + (SwiftText.singleLine(errorCase.description ?? "")))
                if let bodyType = errorCase.bodyType {
                    return [
                        "name": .text(name), "statusCode": .text(String(errorCase.statusCode)), "docLines": .texts(doc),
                        "associatedValues": .text("\(bodyType.swiftSource), APIResponse"),
                        "decodeExpression": .text("response.decodeJSON(\(bodyType.swiftSource).self).map { .\(name)($0, response) }"),
                        "responsePattern": "_, let response",
                    ]
                }
                return [
                    "name": .text(name), "statusCode": .text(String(errorCase.statusCode)), "docLines": .texts(doc),
                    "associatedValues": "APIResponse",
                    "decodeExpression": .text(".\(name)(response)"),
                    "responsePattern": "let response",
                ]
            })
        return context
    }
}
