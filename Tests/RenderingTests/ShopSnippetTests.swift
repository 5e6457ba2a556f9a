import Testing

/// A store API: path, query and header parameters, a cursor-paged list, error cases and models.
let shopSpec = """
    openapi: 3.1.0
    info: {title: Shop, version: '1'}
    paths:
      /v1/stores/{storeId}/items:
        get:
          operationId: listItems
          summary: List items.
          parameters:
            - {name: storeId, in: path, required: true, schema: {type: string, format: uuid}}
            - {name: limit, in: query, schema: {type: integer}}
            - {name: cursor, in: query, schema: {type: string}}
            - {name: X-Trace, in: header, schema: {type: string}}
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/ItemPage'}
            '404':
              description: No such store.
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Problem'}
            '429': {description: Slow down.}
    components:
      schemas:
        Item:
          type: object
          required: [id, name]
          properties:
            id: {type: string}
            name: {type: string, description: The display name.}
            price: {type: number, default: 0}
            tags: {type: object, additionalProperties: {type: string}}
        ItemPage:
          type: object
          required: [data]
          properties:
            data: {type: array, items: {$ref: '#/components/schemas/Item'}}
            next_cursor: {type: string}
        Problem:
          type: object
          properties:
            message: {type: string}
    """

@Suite("Snippets: parameters, paging, errors and properties")
struct ShopSnippetTests {
    @Test("A required property is declared as is, an optional one with `?` and a `nil` default (or the schema's)")
    func requiredAndOptionalProperties() throws {
        expectSnippet(
            #"""
            public struct Item: Codable, Hashable, Sendable {
                public var id: String
                /// The display name.
                public var name: String
                /// Default: `0`.
                public var price: Double?
                public var tags: [String: String]?

                /// Creates a value from its properties.
                public init(id: String, name: String, price: Double? = 0, tags: [String: String]? = nil) {
            """#, in: "Models/", of: try generate(shopSpec))
    }

    @Test("Required properties decode with decode, optional ones with decodeIfPresent")
    func decoding() throws {
        expectSnippet(
            #"""
                    self.id = try container.decode(String.self, forKey: DynamicCodingKey("id"))
                    self.name = try container.decode(String.self, forKey: DynamicCodingKey("name"))
                    self.price = try container.decodeIfPresent(Double.self, forKey: DynamicCodingKey("price"))
                    self.tags = try container.decodeIfPresent([String: String].self, forKey: DynamicCodingKey("tags"))
            """#, in: "Models/", of: try generate(shopSpec))
    }

    @Test("An array of references is an array of the referenced model")
    func arrayOfReferences() throws {
        expectSnippet(
            #"""
            public struct ItemPage: Codable, Hashable, Sendable {
                public var data: [Item]
                public var nextCursor: String?
            """#, in: "Models/", of: try generate(shopSpec))
    }

    @Test("Path, query and header parameters: required first, the path built from pieces")
    func methodWithPathQueryAndHeaderParameters() throws {
        expectSnippet(
            #"""
                /// - Parameters:
                ///   - storeID: The `storeId` path parameter.
                ///   - limit: The `limit` query parameter.
                ///   - cursor: The `cursor` query parameter.
                ///   - xTrace: The `X-Trace` header parameter.
                ///   - options: Headers, query items, timeout and retries for this call only; they win over the client's.
                /// - Returns: The decoded `ItemPage`.
                /// - Throws: `ShopError`; each documented error status has its own case.
                public func listItems(storeID: UUID, limit: Int? = nil, cursor: String? = nil, xTrace: String? = nil, options: RequestOptions? = nil) async throws(ShopError) -> ItemPage {
                    var request = APIRequest(method: .get, path: "/v1/stores/" + PathEncoding.segment(storeID) + "/items", operationID: "listItems")
                    request.appendQuery("limit", limit)
                    request.appendQuery("cursor", cursor)
                    request.setHeader("X-Trace", xTrace)
            """#, in: "Resources/Stores.swift", of: try generate(shopSpec))
    }

    @Test("A cursor-paged list gets an `…All` sequence without the cursor parameter")
    func pagedMethod() throws {
        expectSnippet(
            #"""
                /// Every `Item` that `listItems` lists, page after page.
                ///
                /// Pages are requested lazily while the sequence is iterated, each with the previous
                /// page's cursor; iteration ends after the last page.
                public func listItemsAll(storeID: UUID, limit: Int? = nil, xTrace: String? = nil, options: RequestOptions? = nil) -> PagedSequence<Item, ShopError> {
                    PagedSequence { cursor async throws(ShopError) in
                        let page = try await self.listItems(storeID: storeID, limit: limit, cursor: cursor, xTrace: xTrace, options: options)
                        return CursorPage(items: page.data, nextCursor: page.nextCursor)
                    }
                }
            """#, in: "Resources/Stores.swift", of: try generate(shopSpec))
    }

    @Test("Documented error statuses are cases, with the decoded body when there is one")
    func errorCases() throws {
        let files = try generate(shopSpec)
        expectSnippet(
            #"""
                /// HTTP 404: No such store.
                case notFound(Problem?, APIResponse)
                /// HTTP 409: The request conflicts with the current state of the resource. The spec does not document it; every error type has this case.
                case conflict(Problem?, APIResponse)
                /// HTTP 429: Slow down.
                case tooManyRequests(APIResponse)
            """#, in: "ShopError.swift", of: files)
        expectSnippet(
            #"""
                    case 404:
                        return .notFound(response.decodeJSON(Problem.self), response)
                    case 409:
                        return .conflict(response.decodeJSON(Problem.self), response)
                    case 429:
                        return .tooManyRequests(response)
                    case 500...599:
                        return .serverError(response.decodeJSON(Problem.self), response)
            """#, in: "ShopError.swift", of: files)
    }

    @Test("api.md lists each call, the paged one too, and each model's file")
    func apiReference() throws {
        expectSnippet(
            #"""
            ## stores

            | method | returns | HTTP |
            | --- | --- | --- |
            | `client.stores.listItems(storeID:)` | `ItemPage` | `GET /v1/stores/{storeId}/items` |
            | `client.stores.listItemsAll(storeID:)` | `PagedSequence<Item, ShopError>` | `GET /v1/stores/{storeId}/items` |
            """#, in: "api.md", of: try generate(shopSpec))
    }
}
