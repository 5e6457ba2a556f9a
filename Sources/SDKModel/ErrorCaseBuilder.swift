import OpenAPI

/// Collects the documented error statuses of all operations into the error type's cases.
enum ErrorCaseBuilder {
    /// The key an operation's error mapping goes by: its operationId, or its method and path.
    static func key(of operation: Operation) -> String {
        operation.operationID ?? "\(operation.method.rawValue.uppercased()) \(operation.path)"
    }

    static func cases(for operations: [Operation], types: inout TypeResolver) -> [ErrorCase] {
        var cases: [ErrorCase] = []
        for operation in operations {
            for response in operation.responses {
                guard case .code(let code) = response.status, (400..<600).contains(code) else { continue }
                let hasJSON = response.content.contains { MethodBuilder.isJSON($0.name) }
                let schema = response.content.first { MethodBuilder.isJSON($0.name) }?.schema
                let bodyType = hasJSON ? schema.map { types.swiftType(for: $0, nameHint: "Error" + String(code)) } ?? .jsonValue : nil
                guard let index = cases.firstIndex(where: { $0.statusCode == code }) else {
                    cases.append(
                        ErrorCase(
                            name: StatusNaming.caseName(for: code), statusCode: code, bodyType: bodyType, description: response.description,
                            bodies: bodyType.map { [ErrorBody(caseName: "", type: $0, operations: [key(of: operation)])] } ?? []))
                    continue
                }
                // Every body is kept: one documented elsewhere gains the operation, a new one is added.
                guard let bodyType, cases[index].bodyType != nil else { continue }
                if let body = cases[index].bodies.firstIndex(where: { $0.type == bodyType }) {
                    cases[index].bodies[body].operations.append(key(of: operation))
                } else {
                    cases[index].bodies.append(ErrorBody(caseName: "", type: bodyType, operations: [key(of: operation)]))
                }
            }
        }
        for index in cases.indices {
            if cases[index].bodies.count < 2 {
                cases[index].bodies = []
                continue
            }
            var names: Set<String> = []
            for body in cases[index].bodies.indices {
                let name = SwiftNaming.unique(SwiftNaming.memberName(cases[index].bodies[body].type.swiftSource), in: names)
                names.insert(name)
                cases[index].bodies[body].caseName = name
            }
        }
        return cases.sorted { $0.statusCode < $1.statusCode }
    }
}
