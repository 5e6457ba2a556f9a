import SDKModel
import Templating

extension ContextBuilder {
    /// One file of `Models/`: its models in spec order.
    func modelFile(_ models: [Model]) -> TemplateObject {
        var context = headerContext
        context["models"] = .objects(models.map(model))
        return context
    }

    /// One model declaration, by kind; its documentation ends with what decoding does with unknown values.
    private func model(_ model: Model) -> TemplateObject {
        var context: TemplateObject = [:]
        let deprecation = model.deprecated ? ["/// - Warning: Deprecated in the API description."] : []
        var decodingNote: [String] = []
        context["typeName"] = .text(model.typeName)
        switch model.kind {
        case .structure(let properties, _):
            let contexts = properties.map(propertyContext)
            let storage = zip(properties, contexts).filter { $0.0.isStoredPrivately }.map(\.1)
            context["structure"] = .object([
                "properties": .objects(contexts), "initParameters": .text(initParameters(properties)),
                "storage": .objects(storage), "hasStorage": .flag(!storage.isEmpty),
                "hasSecrets": .flag(properties.contains(where: \.isSecret)), "mirrorChildren": .text(mirrorChildren(properties)),
            ])
        case .stringEnum(let cases):
            decodingNote = ["/// Values this version of the SDK does not know decode as `.unknown` instead of failing."]
            context["stringEnum"] = .object([
                "cases": .objects(
                    cases.map {
                        ["name": .text(SwiftNaming.escaped($0.name)), "rawValueLiteral": .text(SwiftText.stringLiteral($0.rawValue))]
                    })
            ])
        case .integerEnum(let cases):
            decodingNote = ["/// Values this version of the SDK does not know decode as `.unknown` instead of failing."]
            context["integerEnum"] = .object([
                "cases": .objects(cases.map { ["name": .text(SwiftNaming.escaped($0.name)), "rawValue": .text(String($0.rawValue))] })
            ])
        case .oneOf(let oneOf):
            decodingNote = [
                oneOf.discriminatorProperty.map {
                    "/// The `\(SwiftText.singleLine($0))` property says which case a value is; other values decode as `.unknown`."
                } ?? "/// A value decodes as the first case whose type accepts it, else as `.unknown`."
            ]
            let variants = oneOf.variants.map { variant -> TemplateObject in
                [
                    "name": .text(SwiftNaming.escaped(variant.name)), "type": .text(variant.type.swiftSource),
                    "valuePatterns": .text(variant.discriminatorValues.map(SwiftText.stringLiteral).joined(separator: ", ")),
                ]
            }
            var oneOfContext: TemplateObject = [
                "variants": .objects(variants), "indirect": .flag(oneOf.isRecursive || oneOf.variants.contains { holdsComposite($0.type) }),
                "factories": .objects(oneOf.variants.compactMap { factory($0, discriminator: oneOf.discriminatorProperty) }),
            ]
            if let property = oneOf.discriminatorProperty {
                oneOfContext["discriminator"] = .object([
                    "propertyLiteral": .text(SwiftText.stringLiteral(property)),
                    "taggedVariants": .objects(zip(oneOf.variants, variants).filter { !$0.0.discriminatorValues.isEmpty }.map(\.1)),
                ])
            }
            context["oneOf"] = .object(oneOfContext)
        case .alias(let type):
            context["alias"] = .object(["aliasedType": .text(type.swiftSource)])
        }
        context["docLines"] = .texts(DocLines.paragraphs([SwiftText.docComment(model.description), deprecation, decodingNote]))
        return context
    }

    /// One property of a struct: its declaration, coding and, when stored privately, its storage.
    private func propertyContext(_ property: Property) -> TemplateObject {
        let doc = DocLines.paragraphs([
            SwiftText.docComment(property.description),
            property.defaultValue.map { ["/// Default: `\(SwiftText.singleLine($0))`."] } ?? [],
        ])
        let name = SwiftNaming.escaped(property.swiftName)
        let declaredType = property.declaredType.swiftSource
        let storedType = property.storedType
        // `init(from:)` and `encode(to:)` are written out against `DynamicCodingKey` rather than
        // synthesized from a `CodingKeys` enum per model: the same JSON, in less time to compile.
        var context: TemplateObject = [
            "name": .text(name), "declaredType": .text(declaredType), "deprecated": .flag(property.deprecated),
            "jsonKeyLiteral": .text(SwiftText.stringLiteral(property.jsonKey)), "docLines": .texts(doc),
        ]
        let codingKey = property.isStoredPrivately ? "_" + property.swiftName : name
        let key = "forKey: DynamicCodingKey(\(SwiftText.stringLiteral(property.jsonKey)))"
        let ifPresent = property.required ? "" : "IfPresent"
        // A date is coded as RFC 3339 text by the model itself, so any JSONDecoder reads it.
        if isDate(storedType) {
            context["decodeCall"] = .text("decodeRFC3339Date\(ifPresent)(\(key))")
            context["encodeCall"] = .text("encodeRFC3339Date\(ifPresent)(self.\(codingKey), \(key))")
        } else if property.keepsNull && !property.isStoredPrivately {
            // Kept in a `NullableField`: `null` and absent stay apart both ways.
            context["wrapper"] = true
            context["decodeCall"] = .text("decodeNullableField(\(storedType.swiftSource).self, \(key))")
            context["encodeCall"] = .text("encodeNullableField(self._\(property.swiftName), \(key))")
            context["stored"] = true
            context["codingKey"] = .text("_" + property.swiftName)
            context["initAssignment"] = .text("self.\(name) = \(name)")
            return context
        } else {
            context["decodeCall"] = .text("decode\(ifPresent)(\(storedType.swiftSource).self, \(key))")
            // A required property that may be null is sent as `null` when it is `nil`.
            let encodeSuffix = property.sendsNull && !property.isStoredPrivately ? "" : ifPresent
            context["encodeCall"] = .text("encode\(encodeSuffix)(self.\(codingKey), \(key))")
        }
        guard property.isStoredPrivately else {
            context["stored"] = true
            context["codingKey"] = .text(name)
            context["initAssignment"] = .text("self.\(name) = \(name)")
            return context
        }
        // Stored privately behind a computed property: behind a reference when the type contains
        // this model, and so that a deprecated property can be set by `init` without a warning.
        let storageName = "_" + property.swiftName
        context["stored"] = false
        context["storageName"] = .text(storageName)
        context["codingKey"] = .text(storageName)
        if property.isIndirect {
            context["storageType"] = .text((property.required ? storedType : .optional(storedType)).swiftSource)
            context["getter"] = .text(property.required ? "\(storageName).value" : "\(storageName)?.value")
            context["setter"] = .text(property.required ? "\(storageName) = Indirect(newValue)" : "\(storageName) = newValue.map(Indirect.init)")
            context["initAssignment"] = .text(
                property.required ? "self.\(storageName) = Indirect(\(name))" : "self.\(storageName) = \(name).map(Indirect.init)")
        } else {
            context["storageType"] = .text(declaredType)
            context["getter"] = .text(storageName)
            context["setter"] = .text("\(storageName) = newValue")
            context["initAssignment"] = .text("self.\(storageName) = \(name)")
        }
        return context
    }

    /// `static func text(_ value: String) -> Self` for a variant whose struct has one property to
    /// give (the others optional, or a discriminator with one value): `.text("Hi!")` for
    /// `.text(TextPart(type: .text, value: "Hi!"))`. Never when that property is the union's
    /// discriminator: the value would name the case, not fill it.
    private func factory(_ variant: OneOf.Variant, discriminator: String?) -> TemplateObject? {
        guard let typeName = variant.type.name, let properties = structProperties[typeName] else { return nil }
        let given = properties.filter(\.mustBeGiven)
        guard given.count == 1, let property = given.first, property.type != variant.type, property.jsonKey != discriminator else { return nil }
        let name = SwiftNaming.escaped(variant.name)
        let label = SwiftNaming.argumentLabel(property.swiftName)
        return [
            "docLines": .texts(["/// `.\(variant.name)(\(typeName)(\(property.swiftName): value))`, the other properties left at their defaults."]),
            "declaration": .text("\(sdk.accessModifier.rawValue) static func \(name)(_ value: \(property.type.swiftSource)) -> Self"),
            "body": .text(".\(name)(\(typeName)(\(label): value))"),
        ]
    }

    /// The children of the mirror that hides secret values: `"name": name as Any`, and
    /// `"<redacted>"` (or `nil` when absent) for a secret.
    private func mirrorChildren(_ properties: [Property]) -> String {
        properties.map { property in
            // Privately stored properties are read from their storage: a deprecated one's getter would warn.
            var name = SwiftNaming.escaped(property.swiftName)
            if property.isStoredPrivately {
                name = "_" + property.swiftName + (property.isIndirect ? (property.required ? ".value" : "?.value") : "")
            }
            let value: String
            if property.isSecret {
                value = property.required ? "Redaction.placeholder" : "\(name).map { _ in Redaction.placeholder } as Any"
            } else {
                value = "\(name) as Any"
            }
            return "\(SwiftText.stringLiteral(property.swiftName)): \(value)"
        }.joined(separator: ", ")
    }

    /// Whether `type` is a struct or union model, directly or through typealiases of the SDK: a union
    /// with such a case is `indirect`, its payloads boxed. Then the union is one pointer inline, and
    /// the code that copies and destroys it, and every struct holding it, is a retain and a release
    /// instead of a walk over every field of every case (OpenAI's debug build: a fifth less code).
    private func holdsComposite(_ type: SwiftType) -> Bool {
        var current = type
        for _ in 0..<16 {
            guard let name = current.name else { return false }
            if compositeModels.contains(name) { return true }
            guard let target = aliasTargets[name] else { return false }
            current = target
        }
        return false
    }

    /// Whether `type` is `Date`, directly or through typealiases of the SDK.
    private func isDate(_ type: SwiftType) -> Bool {
        var current = type
        for _ in 0..<16 {
            guard let name = current.name else { return false }
            if name == "Date" { return true }
            guard let target = aliasTargets[name] else { return false }
            current = target
        }
        return false
    }

    /// The memberwise `init`'s parameters: a single-case enum (a discriminator) defaulted to its
    /// case, a property with a `default` Swift can spell to it, other optional ones to `nil`.
    private func initParameters(_ properties: [Property]) -> String {
        properties.map { property in
            let name = SwiftNaming.escaped(property.swiftName)
            let defaultValue =
                property.singleCase.map { " = .\(SwiftNaming.escaped($0))" }
                ?? property.defaultLiteral.map { " = " + $0 } ?? (property.required ? "" : " = nil")
            return "\(name): \(property.declaredType.swiftSource)" + defaultValue
        }.joined(separator: ", ")
    }
}

extension Property {
    /// Whether the property is a computed property over private storage: behind `Indirect` when
    /// its type contains the model, and when deprecated (so `init` can set it without a warning).
    fileprivate var isStoredPrivately: Bool { isIndirect || deprecated }

    /// The type of the property as declared: optional unless it is required.
    fileprivate var declaredType: SwiftType { required ? type : .optional(type) }

    /// The type its value is coded as: behind `Indirect` when the type contains the model.
    fileprivate var storedType: SwiftType { isIndirect ? .generic("Indirect", arguments: [type]) : type }
}
