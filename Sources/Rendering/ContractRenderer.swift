import SDKModel

/// Renders an SDK's contract tests into the file set of a Swift Testing target: a support file,
/// then one file per top-level resource (and one for the client's own methods).
public enum ContractRenderer {
    /// The test target's files; the same on every run.
    public static func render(_ suite: ContractSuite, of sdk: SDK, templates: TemplateSet) -> FileSet {
        let contexts = ContextBuilder(sdk: sdk)
        var groups: [(key: String, tests: [ContractTest])] = []
        for test in suite.tests {
            let key = test.accessPath.first ?? ""
            if let index = groups.firstIndex(where: { $0.key == key }) { groups[index].tests.append(test) } else { groups.append((key, [test])) }
        }
        var jobs: [(path: String, render: @Sendable () -> [UInt8])] = [
            ("ContractSupport.swift", { templates.render("contractsupport", contexts.contractSupport()) })
        ]
        for group in groups {
            let typeName = group.key.isEmpty ? sdk.clientName : SwiftNaming.typeName(group.key)
            let title = group.key.isEmpty ? "the client's own methods" : "client.\(group.key)"
            let tests = group.tests
            jobs.append(
                (
                    "\(typeName)ContractTests.swift",
                    { templates.render("contracttests", contexts.contractTests(tests, suiteName: "\(typeName)ContractTests", title: title)) }
                ))
        }
        let contents = SwiftRenderer.concurrentMap(jobs) { SwiftRenderer.normalized($0.render()) }
        return FileSet(zip(jobs, contents).map { GeneratedFile(path: $0.path, contents: $1) })
    }
}
