import Diagnostics
import SDKModel

/// The diagnostics of loading `text` as `sdkgen.yaml`, as printed.
func configDiagnostics(_ text: String) -> [String] {
    GeneratorConfig.load(SourceFile(path: "sdkgen.yaml", bytes: Array(text.utf8))).diagnostics.map(\.description)
}

/// `text` loaded as `sdkgen.yaml`, `nil` when it has errors.
func loadConfig(_ text: String) -> GeneratorConfig? {
    GeneratorConfig.load(SourceFile(path: "sdkgen.yaml", bytes: Array(text.utf8))).config
}

/// A spec with tagged operations under three paths and a few component schemas.
let shopSpec = """
    openapi: 3.1.0
    info: {title: Shop, version: '1'}
    paths:
      /v1/products:
        get:
          operationId: listProducts
          tags: [products]
          responses:
            '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Product'}}}}
        post:
          operationId: createProduct
          tags: [products]
          requestBody:
            content:
              application/json:
                schema: {type: object, properties: {display_name: {type: string}, price: {$ref: '#/components/schemas/Money'}}}
          responses: {'204': {description: ok}}
      /v1/products/{id}:
        delete:
          operationId: deleteProduct
          tags: [products, admin]
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          responses: {'204': {description: ok}}
      /v1/orders:
        get:
          operationId: listOrders
          tags: [orders]
          responses:
            '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}
    components:
      schemas:
        Money: {type: number}
        Product:
          type: object
          required: [display_name]
          properties:
            display_name: {type: string}
            price: {$ref: '#/components/schemas/Money'}
        Order:
          type: object
          properties:
            total: {$ref: '#/components/schemas/Money'}
            items: {type: array, items: {$ref: '#/components/schemas/Product'}}
    """

/// Every method of `sdk` as `resource.method`, depth first.
func methodNames(_ sdk: SDK) -> [String] {
    func walk(_ resource: Resource) -> [String] {
        resource.methods.map { resource.accessPath.joined(separator: ".") + "." + $0.name } + resource.children.flatMap(walk)
    }
    return sdk.rootMethods.map(\.name) + sdk.resources.flatMap(walk)
}

/// The Swift names of the properties of the struct model `name`, in order.
func propertyNames(_ sdk: SDK, _ name: String) -> [String]? {
    guard let model = sdk.models.first(where: { $0.typeName == name }), case .structure(let properties, _) = model.kind else { return nil }
    return properties.map(\.swiftName)
}
