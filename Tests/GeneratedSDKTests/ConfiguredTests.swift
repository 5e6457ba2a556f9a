import Configured
import Foundation
import LoopbackSupport
import Testing

/// The Configured golden (`Tests/Golden/Configured/sdkgen.yaml`): a `package` SDK, visible here
/// because this target is in the same package, with the user's types in place of three schemas.
@Suite("Generated Configured SDK: type overrides and chosen names over real HTTP")
struct ConfiguredTests {
    static let productJSON = #"{"id":"p_1","display_name":"Mug","price":9.5,"created_at":"2026-01-01T00:00:00Z","location":[13.4,52.5],"tier":2}"#

    @Test("A body of overridden types is sent as they encode; the response decodes into them, under the chosen names")
    func create() async throws {
        try await withLoopbackServer([.json(Self.productJSON, status: 201)]) { server in
            let client = try ConfiguredClient(baseURL: server.baseURL, maxRetries: 0)
            let price: Decimal = 9.5
            let product: Product = try await client.products.create(title: "Mug", price: price, location: SIMD2(13.4, 52.5))
            let request = try #require(await server.requests.first)
            #expect(request.target == "/v1/products")
            #expect(request.bodyText == #"{"display_name":"Mug","location":[13.4,52.5],"price":9.5}"#)
            #expect(product.title == "Mug")
            #expect(product.price == price)
            #expect(product.createdAt == Date(timeIntervalSince1970: 1_767_225_600))
            #expect(product.location == SIMD2(13.4, 52.5))
            #expect(product.level == .value2)
        }
    }

    @Test("The renamed page type pages; the filter left the excluded operations out")
    func list() async throws {
        let page = #"{"products":[\#(Self.productJSON)]}"#
        try await withLoopbackServer([.json(page)]) { server in
            let client = try ConfiguredClient(baseURL: server.baseURL, maxRetries: 0)
            let catalog: Catalog = try await client.products.list(since: Date(timeIntervalSince1970: 0))
            let request = try #require(await server.requests.first)
            #expect(request.target == "/v1/products?since=1970-01-01T00%3A00%3A00Z")
            #expect(catalog.products.map(\.title) == ["Mug"])
        }
    }
}
