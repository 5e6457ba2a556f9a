import OpenAPI

/// Collects the documented error statuses of all operations into the error type's cases.
enum ErrorCaseBuilder {
    static func cases(for operations: [Operation], types: inout TypeResolver) -> [ErrorCase] {
        var cases: [ErrorCase] = []
        for operation in operations {
            for response in operation.responses {
                guard case .code(let code) = response.status, (400..<600).contains(code) else { continue }
                let schema = response.content.first { MethodBuilder.isJSON($0.name) }?.schema
                if let existing = cases.first(where: { $0.statusCode == code }) {
                    if case .reference(let name)? = schema?.kind, let other = existing.sourceSchema, other != name {
                        types.log.warning(
                            "status \(code) has a body of schema '\(name)' here but '\(other)' elsewhere; the error case keeps '\(other)'",
                            at: response.mark)
                    }
                    continue
                }
                let hasJSON = response.content.contains { MethodBuilder.isJSON($0.name) }
                let bodyType = hasJSON ? schema.map { types.swiftType(for: $0, nameHint: "Error" + String(code)) } ?? .jsonValue : nil
                var sourceSchema: String?
                if case .reference(let name)? = schema?.kind { sourceSchema = name }
                cases.append(
                    ErrorCase(
                        name: StatusNaming.caseName(for: code), statusCode: code, bodyType: bodyType, sourceSchema: sourceSchema,
                        description: response.description))
            }
        }
        return cases.sorted { $0.statusCode < $1.statusCode }
    }
}
