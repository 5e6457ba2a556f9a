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
                            bodies: bodyType.map { [ErrorBody(caseName: "", type: $0, operations: [key(of: operation)])] } ?? [],
                            origin: Origin(response.mark)))
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
        return withCommonCases(cases.sorted { $0.statusCode < $1.statusCode })
    }

    /// `cases` and the cases every error type has, for the statuses callers handle whether or not
    /// the spec documents them: 409 (`conflict`), 429 (`tooManyRequests`) and every other 5xx
    /// (`serverError`), after the documented ones. They carry the body type most documented
    /// statuses carry (the first of them on a tie), or only the response when none has a body.
    static func withCommonCases(_ cases: [ErrorCase]) -> [ErrorCase] {
        var counts: [(type: SwiftType, count: Int)] = []
        for errorCase in cases where errorCase.bodies.isEmpty {
            guard let type = errorCase.bodyType else { continue }
            if let index = counts.firstIndex(where: { $0.type == type }) {
                counts[index].count += 1
            } else {
                counts.append((type, 1))
            }
        }
        var commonType: SwiftType?
        var commonCount = 0
        for entry in counts where entry.count > commonCount {
            commonType = entry.type
            commonCount = entry.count
        }
        var result = cases
        let taken = Set(cases.map(\.name))
        for code in [409, 429] where !cases.contains(where: { $0.statusCode == code }) {
            let name = StatusNaming.caseName(for: code)
            result.append(
                ErrorCase(
                    name: name, statusCode: code, bodyType: commonType, description: StatusNaming.reasonPhrase(for: code),
                    documented: false))
        }
        if !taken.contains("serverError") {
            result.append(
                ErrorCase(
                    name: "serverError", statusCode: 500, bodyType: commonType,
                    description: "Any other server error, without a case of its own.", documented: false,
                    coversServerErrors: true))
        }
        let specific = result.filter { !$0.coversServerErrors }.sorted { $0.statusCode < $1.statusCode }
        return specific + result.filter(\.coversServerErrors)
    }
}
