import SDKModel
import Testing

@Suite("sdkgen.yaml: names")
struct NameOverrideTests {
    @Test("Schema and property names are the ones chosen, for components and inline models, JSON keys kept")
    func renamed() throws {
        let config = """
            names:
              schemas: {Product: Item, Order: Purchase}
              properties:
                Product: {display_name: title}
                CreateProductRequest: {display_name: label, price: default}
            """
        let result = try build(shopSpec, config: config)
        let sdk = try #require(result.sdk)
        #expect(result.diagnostics.isEmpty)
        #expect(sdk.models.map(\.typeName) == ["Money", "Item", "Purchase", "CreateProductRequest"])
        #expect(propertyNames(sdk, "Item") == ["title", "price"])
        #expect(propertyNames(sdk, "CreateProductRequest") == ["label", "default"])
        guard case .structure(let properties, _)? = sdk.models.first(where: { $0.typeName == "Item" })?.kind else { return }
        #expect(properties.map(\.jsonKey) == ["display_name", "price"])
    }

    @Test("Chosen names are made unique like any other, with a warning")
    func collisions() throws {
        let config = "names:\n  schemas: {Order: Product}\n  properties:\n    Product: {price: displayName}\n"
        let result = try build(shopSpec, config: config)
        let sdk = try #require(result.sdk)
        #expect(sdk.models.map(\.typeName) == ["Money", "Product", "Product2", "CreateProductRequest"])
        #expect(propertyNames(sdk, "Product") == ["displayName", "displayName2"])
        #expect(result.diagnostics.count == 2)
    }

    @Test("Names that match nothing warn at their key")
    func unmatched() throws {
        let config = """
            typeOverrides: {Money: Decimal}
            names:
              schemas: {Coupon: Voucher, Money: Cash}
              properties:
                Product: {colour: color}
                Basket: {items: lines}
            """
        let result = try build(shopSpec, config: config)
        #expect(
            result.diagnostics.map(\.description) == [
                "sdkgen.yaml:3:13: warning: 'names.schemas' names schema 'Coupon', which the spec does not have",
                "sdkgen.yaml:3:30: warning: 'names.schemas.Money' is not used: 'typeOverrides' generates the schema as 'Decimal'",
                "sdkgen.yaml:5:15: warning: 'names.properties.Product.colour' matches no property: no object schema or model 'Product' of the spec has the JSON key 'colour'",
                "sdkgen.yaml:6:14: warning: 'names.properties.Basket.items' matches no property: no object schema or model 'Basket' of the spec has the JSON key 'items'",
            ])
    }

    @Test("Names that are not Swift identifiers, keywords as type names and the runtime's types are errors at their value")
    func badNames() {
        #expect(
            configDiagnostics("names:\n  schemas: {Product: 'Item Kind'}\n") == [
                "sdkgen.yaml:2:22: error: 'names.schemas.Product' must be a Swift identifier (ASCII letters, digits and '_', not starting with a digit), found 'Item Kind'"
            ])
        #expect(
            configDiagnostics("names:\n  schemas: {Product: String, Order: Self}\n") == [
                "sdkgen.yaml:2:22: error: 'names.schemas.Product' is 'String', a keyword or a type the generated code uses; choose another name",
                "sdkgen.yaml:2:37: error: 'names.schemas.Order' is 'Self', a keyword or a type the generated code uses; choose another name",
            ])
        #expect(
            configDiagnostics("names:\n  properties:\n    Product: {display_name: 'x = 1 }'}\n") == [
                "sdkgen.yaml:3:29: error: 'names.properties.Product.display_name' must be a Swift identifier (ASCII letters, digits and '_', not starting with a digit), found 'x = 1 }'"
            ])
        #expect(configDiagnostics("names: {types: {}}\n") == ["sdkgen.yaml:1:9: error: unknown key 'types'; expected one of: schemas, properties"])
    }
}
