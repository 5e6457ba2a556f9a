import SDKModel
import Testing

@Suite("sdkgen.yaml: filter")
struct OperationFilterTests {
    @Test("include by tag keeps the tagged operations; exclude wins over include")
    func tags() throws {
        let config = """
            filter:
              include: {tags: [products]}
              exclude: {tags: [admin]}
            """
        let result = try build(shopSpec, config: config)
        let sdk = try #require(result.sdk)
        #expect(methodNames(sdk) == ["products.list", "products.create"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test("Paths match exactly or, with a trailing '*', by prefix; operationIds one by one")
    func pathsAndOperationIDs() throws {
        let exact = try #require(try build(shopSpec, config: "filter: {include: {paths: [/v1/products]}}").sdk)
        #expect(methodNames(exact) == ["products.list", "products.create"])
        let prefix = try #require(try build(shopSpec, config: "filter: {include: {paths: ['/v1/products*']}}").sdk)
        #expect(methodNames(prefix) == ["products.list", "products.create", "products.delete"])
        let excluded = try #require(try build(shopSpec, config: "filter: {exclude: {operationIds: [listOrders, createProduct]}}").sdk)
        #expect(methodNames(excluded) == ["products.list", "products.delete"])
        let either = try #require(try build(shopSpec, config: "filter: {include: {tags: [orders], operationIds: deleteProduct}}").sdk)
        #expect(methodNames(either) == ["products.delete", "orders.list"])
    }

    @Test("Component schemas stay when only filtered-out operations use them; their inline types go")
    func modelsStay() throws {
        let sdk = try #require(try build(shopSpec, config: "filter: {include: {tags: [orders]}}").sdk)
        #expect(sdk.models.map(\.typeName) == ["Money", "Product", "Order"])
    }

    @Test("An entry that matches nothing warns at its position; so does a filter that leaves nothing")
    func unmatched() throws {
        let config = """
            filter:
              include:
                tags: [legacy]
                operationIds: [listOrders]
              exclude:
                paths: ['/v2*']
                operationIds: [listOrders]
            """
        let result = try build(shopSpec, config: config)
        #expect(result.sdk.map(methodNames) == [])
        #expect(
            result.diagnostics.map(\.description) == [
                "sdkgen.yaml:3:12: warning: 'filter.include.tags' lists 'legacy', which matches no operation of the spec",
                "sdkgen.yaml:6:13: warning: 'filter.exclude.paths' lists '/v2*', which matches no operation of the spec",
                "sdkgen.yaml:1:1: warning: the filter leaves out every operation of the spec: the SDK has no methods",
            ])
    }

    @Test("Bad shapes are errors at their position")
    func badInput() {
        #expect(
            configDiagnostics("filter:\n  include: {tag: [a]}\n") == [
                "sdkgen.yaml:2:13: error: unknown key 'tag'; expected one of: tags, paths, operationIds"
            ])
        #expect(
            configDiagnostics("filter: {only: {}}\n") == ["sdkgen.yaml:1:10: error: unknown key 'only'; expected one of: include, exclude"])
        #expect(
            configDiagnostics("filter: {exclude: {paths: ['/v1/*/items', 'v1/items']}}\n") == [
                "sdkgen.yaml:1:28: error: 'filter.exclude.paths' takes path templates as the spec writes them ('/v3/chats/{chatId}'), with at most a trailing '*' ('/v3/chats*'); found '/v1/*/items'",
                "sdkgen.yaml:1:43: error: 'filter.exclude.paths' takes path templates as the spec writes them ('/v3/chats/{chatId}'), with at most a trailing '*' ('/v3/chats*'); found 'v1/items'",
            ])
        #expect(
            configDiagnostics("filter: {include: {tags: {a: b}}}\n") == [
                "sdkgen.yaml:1:26: error: expected a sequence of strings for 'filter.include.tags', found a mapping"
            ])
    }
}
