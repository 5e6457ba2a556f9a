import DigitalOcean
import Foundation
import Testing
import YAML

/// The folder of DigitalOcean's split spec, from `SDKGEN_SPECS` (set by `.ci/corpus`).
func digitalOceanFolder() throws -> String {
    let specs = try #require(ProcessInfo.processInfo.environment["SDKGEN_SPECS"], "SDKGEN_SPECS names ../shared/specs")
    return specs + "/digitalocean-v2"
}

/// The JSON text of a YAML node, read as YAML 1.1 core types: what a server would send for an
/// example the spec writes in YAML.
func jsonText(_ node: YAMLNode) -> String {
    switch node.content {
    case .mapping(let pairs):
        return "{" + pairs.map { jsonString($0.key.string ?? "") + ":" + jsonText($0.value) }.joined(separator: ",") + "}"
    case .sequence(let items):
        return "[" + items.map(jsonText).joined(separator: ",") + "]"
    case .scalar(let scalar):
        if scalar.isNull { return "null" }
        guard scalar.style == .plain else { return jsonString(scalar.value) }
        if ["true", "false"].contains(scalar.value) || Double(scalar.value) != nil && !scalar.value.hasPrefix("0x") { return scalar.value }
        return jsonString(scalar.value)
    }
}

/// `text` as a JSON string literal.
func jsonString(_ text: String) -> String {
    let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
    return String(decoding: data, as: UTF8.self)
}

@Suite("DigitalOcean's split spec: the generated SDK over real HTTP on 127.0.0.1")
struct DropletListTests {
    @Test("droplets.list sends the bearer token and paging query, and decodes the spec's own 'All Droplets' example")
    func listDroplets() async throws {
        let examplesPath = try digitalOceanFolder() + "/resources/droplets/responses/examples.yml"
        let examples = try #require(try YAMLParser().parse(Array(try Data(contentsOf: URL(fileURLWithPath: examplesPath)))))
        let example = try #require(examples["droplets_all"]?["value"], "the example is in \(examplesPath)")
        let body = jsonText(example)
        try await withLoopbackServer([.json(body)]) { server in
            let client = try DigitalOceanClient(token: "do-test-token", baseURL: server.baseURL, maxRetries: 0)
            let page = try await client.droplets.list(perPage: 2, page: 1)
            let request = try #require(await server.requests.first)
            #expect(request.method == "GET")
            #expect(request.target == "/v2/droplets?per_page=2&page=1")
            #expect(request.header("Authorization") == "Bearer do-test-token")
            let droplets = try #require(page.droplets)
            #expect(!droplets.isEmpty)
            #expect(droplets.first?.id == example["droplets"]?.sequence?.first?["id"]?.string.flatMap { Int($0) })
            #expect(page.meta.total == example["meta"]?["total"]?.string.flatMap { Int($0) })
        }
    }
}
