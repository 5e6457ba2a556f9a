import SDKModel
import Templating

extension ContextBuilder {
    /// The error type: one case per documented error status (and 409, 429, other 5xx), with its
    /// body type when there is one.
    func error() -> TemplateObject {
        var context = headerContext
        context["cases"] = .objects(sdk.errorCases.map(errorCaseContext))
        let choices = sdk.errorCases.filter { !$0.bodies.isEmpty }
        context["hasBodyChoices"] = .flag(!choices.isEmpty)
        context["bodyEnums"] = .objects(choices.map(bodyEnumContext))
        return context
    }

    private func errorCaseContext(_ errorCase: ErrorCase) -> TemplateObject {
        let name = SwiftNaming.escaped(errorCase.name)
        let meaning = SwiftText.singleLine(errorCase.description ?? "")
        let status = errorCase.coversServerErrors ? "5xx" : String(errorCase.statusCode)
        let undocumented = errorCase.documented ? "" : " The spec does not document it; every error type has this case."
        let doc = SwiftText.docComment("HTTP \(status): " + meaning + undocumented)
        var context: TemplateObject = [
            "name": .text(name), "statusPattern": .text(errorCase.coversServerErrors ? "500...599" : status), "docLines": .texts(doc),
            "meaning": .text(SwiftText.stringLiteral(meaning.isEmpty ? "HTTP \(status)" : meaning)),
        ]
        guard let bodyType = errorCase.bodyType else {
            context["associatedValues"] = "APIResponse"
            context["decodeLines"] = .texts(["return .\(name)(response)"])
            context["responsePattern"] = "let response"
            return context
        }
        context["responsePattern"] = "_, let response"
        guard let first = errorCase.bodies.first else {
            context["associatedValues"] = .text("\(bodyType.swiftSource)?, APIResponse")
            context["decodeLines"] = .texts(["return " + decode(bodyType, into: name)])
            return context
        }
        // Each operation's own body; the first documented one for any other caller.
        context["associatedValues"] = .text("\(bodyEnumName(errorCase))?, APIResponse")
        var lines = ["switch operation {"]
        for body in errorCase.bodies.dropFirst() {
            lines.append("case " + body.operations.map(SwiftText.stringLiteral).joined(separator: ", ") + ":")
            lines.append("    return " + decode(body.type, into: name, as: body.caseName))
        }
        lines += ["default:", "    return " + decode(first.type, into: name, as: first.caseName), "}"]
        context["decodeLines"] = .texts(lines)
        return context
    }

    /// `.name(response.decodeJSON(T.self), response)`: the case whatever the body, with the body
    /// when it decodes (wrapped in its body-enum case when there is one), else `nil`.
    private func decode(_ type: SwiftType, into name: String, as bodyCase: String? = nil) -> String {
        let body = "response.decodeJSON(\(type.swiftSource).self)" + (bodyCase.map { ".map { .\(SwiftNaming.escaped($0))($0) }" } ?? "")
        return ".\(name)(\(body), response)"
    }

    /// `BadRequestBody` for `badRequest`.
    private func bodyEnumName(_ errorCase: ErrorCase) -> String {
        SwiftNaming.typeName(errorCase.name) + "Body"
    }

    private func bodyEnumContext(_ errorCase: ErrorCase) -> TemplateObject {
        let doc = SwiftText.docComment(
            "The bodies documented for HTTP \(errorCase.statusCode), one per schema: a call decodes the one its operation documents.")
        return [
            "typeName": .text(bodyEnumName(errorCase)), "docLines": .texts(doc),
            "cases": .objects(
                errorCase.bodies.map { body in
                    [
                        "docLines": .texts(SwiftText.docComment("The body of " + Self.listed(body.operations) + ".")),
                        "declaration": .text("\(SwiftNaming.escaped(body.caseName))(\(body.type.swiftSource))"),
                    ]
                }),
        ]
    }

    /// `'a'`, `'a' and 'b'`, or the first three and how many more.
    static func listed(_ operations: [String]) -> String {
        let quoted = operations.prefix(3).map { "`\($0)`" }
        switch operations.count {
        case 1: return quoted[0]
        case 2, 3: return quoted.dropLast().joined(separator: ", ") + " and " + (quoted.last ?? "")
        default: return quoted.joined(separator: ", ") + " and \(operations.count - 3) more"
        }
    }
}
