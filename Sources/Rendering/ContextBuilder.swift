import SDKModel
import Templating

/// Turns the SDK model into template values (text, flags, lists, objects): one context per
/// generated file kind, each in a file of its own (`ClientContext.swift`, `ResourceContext.swift`,
/// `MethodContext.swift`, `ErrorContext.swift`, `ModelsContext.swift`, `WebhooksContext.swift`,
/// `APIReferenceContext.swift`). Every Swift-source decision that is not a name is made there, so
/// templates stay logic-less.
struct ContextBuilder {
    let sdk: SDK
    /// Every resource of the tree, depth first in spec order (a resource, then its children).
    let resources: [Resource]
    /// The `Method.errorKey` of every method that documents another body for an error status
    /// than the status's first, so its failures are mapped naming its operation.
    let bodyChoosingMethods: Set<String>
    /// The type each `typealias` model names, by the alias's name.
    let aliasTargets: [String: SwiftType]
    /// The properties of each struct model, by its type name.
    let structProperties: [String: [Property]]
    /// The type names of the struct and union models: what a union holds out of line (`indirect`).
    let compositeModels: Set<String>

    /// Contexts for `sdk`; the resource tree is walked here, once.
    init(sdk: SDK) {
        self.sdk = sdk
        var ordered: [Resource] = []
        var pending = Array(sdk.resources.reversed())
        while let resource = pending.popLast() {
            ordered.append(resource)
            pending += resource.children.reversed()
        }
        self.resources = ordered
        self.bodyChoosingMethods = Set(sdk.errorCases.flatMap { $0.bodies.dropFirst().flatMap(\.operations) })
        var aliasTargets: [String: SwiftType] = [:]
        var structProperties: [String: [Property]] = [:]
        var compositeModels: Set<String> = []
        for model in sdk.models {
            switch model.kind {
            case .alias(let target): aliasTargets[model.typeName] = target
            case .structure(let properties, _):
                structProperties[model.typeName] = properties
                compositeModels.insert(model.typeName)
            case .oneOf: compositeModels.insert(model.typeName)
            default: continue
            }
        }
        self.aliasTargets = aliasTargets
        self.structProperties = structProperties
        self.compositeModels = compositeModels
    }

    /// What every file's header needs.
    var headerContext: TemplateObject {
        [
            // The header's first words are the writer's mark of a generated file: one constant, here and there.
            "generatedHeader": .text(GeneratedFile.headerPrefix),
            "generatedMarkdownHeader": .text(GeneratedFile.markdownHeaderPrefix),
            "specFileName": .text(SwiftText.singleLine(sdk.specFileName)),
            "apiTitle": .text(SwiftText.singleLine(sdk.title)),
            "apiVersion": .text(SwiftText.singleLine(sdk.apiVersion)),
            "clientName": .text(sdk.clientName),
            "errorName": .text(sdk.errorName),
            // The access level every declaration is written with (`public`, `package`, `internal`).
            "access": .text(sdk.accessModifier.rawValue),
            // An `internal` SDK is only visible to its contract tests through `@testable import`.
            "testableImport": .flag(sdk.accessModifier == .internal),
        ]
    }
}
