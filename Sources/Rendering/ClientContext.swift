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
        context["baseURLEnvironmentVariable"] = sdk.baseURLEnvironmentVariable.map(TemplateValue.text)
        context["logEnvironmentVariableLiteral"] = .text(SwiftText.stringLiteral(sdk.logEnvironmentVariable))
        context["loggerLabelLiteral"] = .text(SwiftText.stringLiteral(sdk.moduleName))
        let credentials = sdk.credentials
        context["hasCredentials"] = .flag(!credentials.isEmpty)
        context["securityLiteral"] = .text(ContextBuilder.securityLiteral(sdk.security))
        context["credentialVariables"] = .objects(
            credentials.flatMap { credential in
                zip(credential.labels, credential.environmentVariables).compactMap { label, variable -> TemplateObject? in
                    guard let variable else { return nil }
                    return [
                        "label": .text(label), "constant": .text(Self.environmentConstant(label)),
                        "variableLiteral": .text(SwiftText.stringLiteral(variable)),
                    ]
                }
            })
        context["credentialParameters"] = .objects(credentials.flatMap(credentialParameters))
        context["credentials"] = .objects(credentials.map(credentialSetting))
        context["missingMessageLiteral"] = .text(SwiftText.stringLiteral(missingCredentialsMessage()))
        context["resources"] = .objects(sdk.resources.map(resourceProperty))
        context["hasMethods"] = .flag(!sdk.rootMethods.isEmpty)
        context["methods"] = methods(sdk.rootMethods)
        return context
    }

    /// `apiKeyEnvironmentVariable`: the client's constant naming the variable `label` is read from.
    static func environmentConstant(_ label: String) -> String {
        label + "EnvironmentVariable"
    }

    /// The init parameters of one credential, each with its declaration and doc lines.
    private func credentialParameters(_ credential: Credential) -> [TemplateObject] {
        let type: String
        switch credential.kind {
        case .oauth2, .openIDConnect: type = "TokenProvider?"
        case .bearer, .basic, .apiKey: type = "String?"
        }
        let what: [String]
        switch credential.kind {
        case .bearer: what = ["The bearer token (`\(credential.schemeName)`)"]
        case .basic: what = ["The user name (`\(credential.schemeName)`, HTTP basic)", "The password (`\(credential.schemeName)`, HTTP basic)"]
        case .apiKey(let name, let location): what = ["The API key (`\(credential.schemeName)`), sent as it is in the \(location.rawValue) `\(name)`"]
        case .oauth2, .openIDConnect:
            what = ["Supplies the access tokens (`\(credential.schemeName)`); asked again after a `401`, so it can refresh them"]
        }
        return credential.labels.enumerated().map { index, label in
            let variable = index < credential.environmentVariables.count ? credential.environmentVariables[index] : nil
            var text = index < what.count ? what[index] : what[0]
            if let variable {
                text += "; when `nil`, read from `\(variable)`" + (type == "TokenProvider?" ? " as a fixed token." : ".")
            } else {
                text += "."
            }
            let lines = SwiftText.docComment(text).map { $0 == "///" ? "" : String($0.dropFirst(4)) }
            let doc = lines.enumerated().map { $0.offset == 0 ? "///   - \(SwiftNaming.escaped(label)): \($0.element)" : "///     \($0.element)" }
            return ["declaration": .text("\(SwiftNaming.escaped(label)): \(type) = nil"), "docLines": .texts(doc)]
        }
    }

    /// `credentials.set(scheme: …, placement, value)` arguments for one credential.
    private func credentialSetting(_ credential: Credential) -> TemplateObject {
        let placement: String
        switch credential.kind {
        case .bearer, .oauth2, .openIDConnect: placement = ".bearer"
        case .basic: placement = ".basic"
        case .apiKey(let name, let location): placement = ".\(location.rawValue)(name: \(SwiftText.stringLiteral(name)))"
        }
        func variable(_ index: Int) -> String {
            guard index < credential.environmentVariables.count, credential.environmentVariables[index] != nil else { return "nil" }
            return "Self." + Self.environmentConstant(credential.labels[index])
        }
        let labels = credential.labels.map(SwiftNaming.escaped)
        let value: String
        switch credential.kind {
        case .basic where labels.count == 2:
            value =
                "Credentials.basic(username: \(labels[0]), password: \(labels[1]), usernameEnvironmentVariable: \(variable(0)), "
                + "passwordEnvironmentVariable: \(variable(1)))"
        case .oauth2, .openIDConnect:
            value = "Credentials.token(\(labels.first ?? "nil"), environmentVariable: \(variable(0)))"
        default:
            value = "Credentials.secret(\(labels.first ?? "nil"), environmentVariable: \(variable(0)))"
        }
        return [
            "schemeLiteral": .text(SwiftText.stringLiteral(credential.schemeName)), "placement": .text(placement), "valueExpression": .text(value),
            "hintLiteral": .text(SwiftText.stringLiteral(Self.hint(for: credential))),
        ]
    }

    /// `pass apiKey or set LINQ_API_V3_API_KEY`: how a caller supplies one credential.
    static func hint(for credential: Credential) -> String {
        let variables = credential.environmentVariables.compactMap { $0 }
        let passed = credential.labels.joined(separator: " and ")
        return variables.isEmpty ? "pass \(passed)" : "pass \(passed) or set \(variables.joined(separator: " and "))"
    }

    /// What meets the document's security, alternative by alternative.
    private func missingCredentialsMessage() -> String {
        let alternatives = sdk.security.compactMap { schemes -> String? in
            let parts = schemes.compactMap { scheme -> String? in
                sdk.credentials.first(where: { $0.schemeName == scheme }).map(Self.hint(for:))
            }
            return parts.isEmpty ? nil : parts.joined(separator: ", and ")
        }
        return alternatives.joined(separator: "; or ")
    }
}
