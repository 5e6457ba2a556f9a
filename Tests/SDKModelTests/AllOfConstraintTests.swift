import SDKModel
import Testing

/// The properties of the struct model `name` as `name` or `name?` (optional), in order.
func structProperties(_ sdk: SDK, _ name: String) -> [String]? {
    guard let model = sdk.models.first(where: { $0.typeName == name }), case .structure(let properties, _) = model.kind else { return nil }
    return properties.map { $0.swiftName + ($0.required ? "" : "?") + ": " + $0.type.swiftSource }
}

/// A spec with a component `Meta` and a component `Page` whose property `meta` is `schema`.
func pageSpec(meta schema: String) -> String {
    """
    openapi: 3.1.0
    info: {title: T, version: '1'}
    paths: {}
    components:
      schemas:
        Meta:
          type: object
          properties:
            total: {type: integer}
            next: {type: string}
        Page:
          type: object
          properties:
            meta: \(schema)
    """
}

@Suite("allOf members that only annotate or constrain, as split specs write them")
struct AllOfConstraintTests {
    @Test("A member with only a description adds nothing: the property is the other member's type")
    func descriptionOnlyMember() throws {
        let (sdk, diagnostics) = try build(pageSpec(meta: "{allOf: [{description: The paging state.}, {$ref: '#/components/schemas/Meta'}]}"))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        #expect(try structProperties(#require(sdk), "Page") == ["meta?: Meta"])
    }

    @Test("A member with only 'required' makes the other member's properties required")
    func requiredOnlyMember() throws {
        let (sdk, diagnostics) = try build(pageSpec(meta: "{allOf: [{$ref: '#/components/schemas/Meta'}, {required: [total]}]}"))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let sdkValue = try #require(sdk)
        let pageMeta = try #require(structProperties(sdkValue, "Page")?.first)
        let typeName = String(pageMeta.dropFirst("meta?: ".count))
        #expect(structProperties(sdkValue, typeName) == ["total: Int", "next?: String"])
    }

    @Test("An anyOf of 'required' lists (one of these must be there) adds no property and leaves each optional")
    func requiredChoiceMember() throws {
        let (sdk, diagnostics) = try build(
            pageSpec(meta: "{allOf: [{$ref: '#/components/schemas/Meta'}, {anyOf: [{required: [total]}, {required: [next]}]}]}"))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let sdkValue = try #require(sdk)
        let pageMeta = try #require(structProperties(sdkValue, "Page")?.first)
        let typeName = String(pageMeta.dropFirst("meta?: ".count))
        #expect(structProperties(sdkValue, typeName) == ["total?: Int", "next?: String"])
    }
}
