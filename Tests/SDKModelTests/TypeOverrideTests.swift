import SDKModel
import Testing

@Suite("sdkgen.yaml: typeOverrides")
struct TypeOverrideTests {
    @Test("An overridden schema declares no model; every reference names the user's type")
    func overridden() throws {
        let result = try build(shopSpec, config: "typeOverrides: {Money: Foundation.Decimal, Product: 'Dictionary<String,  Shop.Item>'}")
        let sdk = try #require(result.sdk)
        #expect(result.diagnostics.isEmpty)
        #expect(sdk.models.map(\.typeName) == ["Order", "CreateProductRequest"])
        guard case .structure(let properties, _)? = sdk.models.first?.kind else {
            Issue.record("Order is not a struct")
            return
        }
        #expect(properties.map(\.type.swiftSource) == ["Foundation.Decimal", "[Dictionary<String, Shop.Item>]"])
    }

    @Test("No type of the SDK shadows the user's type or its module")
    func notShadowed() throws {
        let result = try build(shopSpec, config: "typeOverrides: {Money: Order.Amount, Product: CreateProductRequest}")
        let sdk = try #require(result.sdk)
        #expect(sdk.models.map(\.typeName) == ["Order2", "CreateProductRequest2"])
        #expect(
            result.diagnostics.map(\.description) == [
                "spec.yaml:40:7: warning: schema 'Order' would be named 'Order', which is taken; it is named 'Order2'"
            ])
    }

    @Test("A name that is not a schema warns at its key")
    func unknownSchema() throws {
        let result = try build(shopSpec, config: "module: Shop\ntypeOverrides:\n  Coupon: String\n")
        #expect(
            result.diagnostics.map(\.description) == ["sdkgen.yaml:3:3: warning: 'typeOverrides' names schema 'Coupon', which the spec does not have"]
        )
    }

    @Test("Type text that is not dotted identifiers with generic arguments is an error: nothing can be injected")
    func validation() {
        let rejected = [
            "Decimal; import Evil", "Int) -> Void", "[String]", "Int?", "A.", ".A", "A<B", "A<>", "A<B>>", "`A`", "some P", "A & B", "1A",
            "Foo.class", "A B", "A\nB", "Map<String, {}>",
        ]
        for text in rejected {
            let diagnostics = configDiagnostics("typeOverrides:\n  Money: \(text.debugDescription)\n")
            #expect(diagnostics.count == 1, "\(text)")
            #expect(diagnostics.first?.hasPrefix("sdkgen.yaml:2:10: error: 'typeOverrides.Money' must name a Swift type") == true, "\(text)")
        }
        let deep = String(repeating: "A<", count: 12) + "B" + String(repeating: ">", count: 12)
        #expect(configDiagnostics("typeOverrides: {Money: '\(deep)'}").count == 1)
        #expect(
            loadConfig("typeOverrides: {A: 'SIMD2<Double>', B: 'Swift.Dictionary<Swift.String,MyApp.Value>'}")?.typeOverrides.map(\.swiftType) == [
                "SIMD2<Double>", "Swift.Dictionary<Swift.String, MyApp.Value>",
            ])
        #expect(configDiagnostics("typeOverrides: [Money]") == ["sdkgen.yaml:1:16: error: expected a mapping for 'typeOverrides', found a sequence"])
    }
}
