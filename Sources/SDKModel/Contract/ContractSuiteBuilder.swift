import OpenAPI

/// Builds the contract tests of an SDK from the SDK and the document it was built from: for
/// each method, the operation's parameters and body, each with a made-up value.
public enum ContractSuiteBuilder {
    /// The tests of every method of `sdk`, in resource order.
    public static func build(_ document: Document, sdk: SDK) -> ContractSuite {
        var operations: [String: Operation] = [:]
        for operation in document.operations {
            operations[key(operation.method.rawValue, operation.path)] = operation
        }
        let requests = SampleBuilder(document: document, direction: .request)
        var tests: [ContractTest] = []
        var taken: Set<String> = []
        func add(_ methods: [Method], accessPath: [String]) {
            for method in methods {
                let base = SwiftNaming.memberName((accessPath + [method.name]).joined(separator: " "))
                let name = SwiftNaming.unique(base, in: taken)
                taken.insert(name)
                let operation = operations[key(method.httpMethod, method.pathTemplate)]
                tests.append(test(method, operation: operation, accessPath: accessPath, functionName: name, samples: requests))
            }
        }
        func walk(_ resource: Resource) {
            add(resource.methods, accessPath: resource.accessPath)
            resource.children.forEach(walk)
        }
        add(sdk.rootMethods, accessPath: [])
        sdk.resources.forEach(walk)
        return ContractSuite(tests: tests)
    }

    private static func key(_ method: String, _ path: String) -> String {
        method.lowercased() + " " + path
    }

    private static func test(
        _ method: Method, operation: Operation?, accessPath: [String], functionName: String, samples: SampleBuilder
    )
        -> ContractTest
    {
        var test = ContractTest(
            functionName: functionName, operation: method.errorKey, route: "\(method.httpMethod.uppercased()) \(method.pathTemplate)",
            accessPath: accessPath, method: method, arguments: [])
        guard let operation else {
            test.skipReason = "sdkgen found no operation for \(test.route)"
            return test
        }
        var required: [ContractArgument] = []
        var optional: [ContractArgument] = []
        for parameter in method.parameters {
            let source = operation.parameters.first { $0.name == parameter.wireName && $0.location.rawValue == parameter.kind.rawValue }
            // An optional parameter is sent only when the spec documents a value for it.
            let documented = source?.example != nil || source?.schema?.constraints?.example != nil || source?.schema?.defaultValue != nil
            if !parameter.required && !documented { continue }
            guard let value = samples.value(for: source?.schema, example: source?.example) else {
                if parameter.required {
                    test.skipReason = "no value can be made up for the \(parameter.kind.rawValue) parameter '\(parameter.wireName)'"
                    return test
                }
                continue
            }
            let argument = ContractArgument(label: parameter.label, type: parameter.type, value: value)
            if parameter.required { required.append(argument) } else { optional.append(argument) }
        }
        var body: ContractArgument?
        if let methodBody = method.body {
            let media = operation.requestBody?.content.first { $0.name == methodBody.contentType } ?? operation.requestBody?.content.first
            if let value = samples.value(for: media?.schema, example: media?.example) {
                body = ContractArgument(label: "body", type: methodBody.type, value: value)
            } else if methodBody.required {
                test.skipReason = "no value can be made up for the request body (\(methodBody.contentType)): its schema recurses"
                return test
            }
        }
        // The method's declaration order: required parameters, a required body, optional ones.
        test.arguments = required
        if let body, method.body?.required == true { test.arguments.append(body) }
        test.arguments += optional
        if let body, method.body?.required != true { test.arguments.append(body) }
        return test
    }
}
