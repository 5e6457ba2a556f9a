import SDKModel
import Templating

extension ContextBuilder {
    /// The support file of the contract tests: how the client is made for the mock.
    func contractSupport() -> TemplateObject {
        var context = headerContext
        context["moduleName"] = .text(sdk.moduleName)
        context["credentialArguments"] = .text(placeholderCredentials().map { $0 + ", " }.joined())
        return context
    }

    /// One file of contract tests: the tests of one top-level resource (or of the client's own methods).
    func contractTests(_ tests: [ContractTest], suiteName: String, title: String) -> TemplateObject {
        var context = headerContext
        context["moduleName"] = .text(sdk.moduleName)
        context["suiteName"] = .text(suiteName)
        context["title"] = .text(SwiftText.stringLiteral("Contract: " + title))
        context["tests"] = .objects(
            tests.enumerated().map { index, test in
                var item: TemplateObject = [
                    "functionName": .text(SwiftNaming.escaped(test.functionName)),
                    "displayName": .text(SwiftText.stringLiteral("\(test.route) (\(test.operation))")),
                    "operation": .text(SwiftText.stringLiteral(test.operation)),
                    "followedByAnother": .flag(index < tests.count - 1),
                ]
                if let reason = test.skipReason {
                    item["skipReason"] = .text(SwiftText.stringLiteral(reason))
                } else {
                    item["calls"] = .texts(calls(of: test))
                }
                return item
            })
        return context
    }

    /// The statements inside the test's check: the call, then walking the pages or the stream.
    private func calls(of test: ContractTest) -> [String] {
        let receiver = (["client"] + test.accessPath.map(SwiftNaming.escaped)).joined(separator: ".")
        let method = test.method
        func call(_ name: String, dropping label: String? = nil) -> String {
            let arguments = test.arguments.filter { $0.label != label }.map { "\(SwiftNaming.argumentLabel($0.label)): \(expression(for: $0))" }
            return "\(receiver).\(SwiftNaming.escaped(name))(\(arguments.joined(separator: ", ")))"
        }
        var lines = ["_ = try await " + call(method.name)]
        if let pagination = method.pagination {
            // Decoding an argument can throw; the sequence itself is made without a call that does.
            let paged = call(method.name + "All", dropping: pagination.cursorLabel)
            lines.append("for try await _ in \(paged.contains("Contract.value(") ? "try " : "")\(paged).prefix(4) {}")
        }
        if let variant = method.streamVariant {
            lines.append("for try await _ in try await \(call(variant.name)) {}")
        }
        return lines
    }

    /// The argument as Swift: a literal for a string, number or boolean parameter, otherwise the
    /// JSON decoded into the parameter's type.
    private func expression(for argument: ContractArgument) -> String {
        switch (argument.type.name, argument.value) {
        case ("String"?, .string(let text)): return SwiftText.stringLiteral(text)
        case ("Bool"?, .bool(let flag)): return flag ? "true" : "false"
        case ("Int"?, .number(let text)), ("Int32"?, .number(let text)), ("Int64"?, .number(let text)):
            if Int(text) != nil { return text }
        case ("Double"?, .number(let text)), ("Float"?, .number(let text)):
            if Double(text) != nil { return text }
        case ("Data"?, .string(let text)):
            return "Data(\(SwiftText.stringLiteral(text)).utf8)"
        default: break
        }
        return "Contract.value(\(Self.rawLiteral(argument.value.jsonText)))"
    }

    /// `text` (ASCII, one line) as a raw string literal with enough `#`s that it cannot end early.
    static func rawLiteral(_ text: String) -> String {
        var hashes = "#"
        while text.contains("\"" + hashes) { hashes += "#" }
        return hashes + "\"" + text + "\"" + hashes
    }

    /// `label: value, ` for every credential the client takes, each a placeholder the mock accepts.
    private func placeholderCredentials() -> [String] {
        var arguments: [String] = []
        for credential in sdk.credentials {
            let labels = credential.labels.map(SwiftNaming.escaped)
            switch credential.kind {
            case .basic where labels.count == 2:
                arguments += ["\(labels[0]): \"sdkgen\"", "\(labels[1]): \"placeholder\""]
            case .oauth2, .openIDConnect:
                arguments += labels.map { "\($0): .constant(\"sdkgen-placeholder\")" }
            case .bearer, .basic, .apiKey:
                arguments += labels.map { "\($0): \"sdkgen-placeholder\"" }
            }
        }
        return arguments
    }
}
