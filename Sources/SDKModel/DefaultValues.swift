/// A schema's `default` as the default of the memberwise `init` parameter, where Swift can spell
/// it for the property's type: a string, an integer, a number, a boolean, or a case of one of
/// the SDK's enums (through typealiases). Any other default stays documented only, and so do the
/// defaults of PATCH bodies: a PATCH sends only what the caller sets, and a default sent
/// explicitly would overwrite the stored value.
enum DefaultValues {
    /// `models` with ``Property/defaultLiteral`` set where the property's default can be spelled,
    /// except in the models named in `patchBodies`.
    static func mark(_ models: [Model], types: TypeResolver, skipping patchBodies: Set<String>) -> [Model] {
        models.map { model in
            guard case .structure(var properties, let additional) = model.kind, !patchBodies.contains(model.typeName) else { return model }
            for index in properties.indices where properties[index].singleCase == nil {
                guard let text = properties[index].defaultValue else { continue }
                properties[index].defaultLiteral = literal(text, for: properties[index].type, types: types)
            }
            var copy = model
            copy.kind = .structure(properties, additionalPropertiesType: additional)
            return copy
        }
    }

    /// `text` when it is already a Swift number literal (`0`, `-1.5`, `2e3`), as written.
    private static func numberLiteral(_ text: String) -> String? {
        var rest = Substring(text)
        if rest.first == "-" { rest = rest.dropFirst() }
        let digits = { (part: Substring) in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
        let mantissaAndExponent = rest.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
        let mantissa = mantissaAndExponent[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard mantissa.allSatisfy(digits) else { return nil }
        if mantissaAndExponent.count == 2 {
            var exponent = mantissaAndExponent[1]
            if exponent.first == "-" || exponent.first == "+" { exponent = exponent.dropFirst() }
            guard digits(exponent) else { return nil }
        }
        return text
    }

    /// `.sent`, the case `name` of the enum `type`; `Status.none` for a case Optional has too
    /// (`none`, `some`): for an optional parameter `.none` would be `nil`, not the case (DigitalOcean's
    /// `log_output` defaults to `none`; the compiler warned "assuming you mean 'Optional<…>.none'").
    private static func caseLiteral(_ name: String, of type: String) -> String {
        name == "none" || name == "some" ? type + "." + SwiftNaming.escaped(name) : "." + SwiftNaming.escaped(name)
    }

    /// The Swift expression of `text` as a value of `type`, `nil` when there is none.
    static func literal(_ text: String, for type: SwiftType, types: TypeResolver) -> String? {
        var current = type
        // Through the SDK's typealiases, a few levels at most (a cycle ends the walk).
        for _ in 0..<8 {
            guard let name = current.name else { return nil }
            switch name {
            case "String": return SwiftText.stringLiteral(text)
            case "Int", "Int32", "Int64": return Int64(text).map { String($0) }
            case "Double", "Float": return Double(text).flatMap { $0.isFinite ? numberLiteral(text) ?? String($0) : nil }
            case "Bool": return text == "true" || text == "false" ? text : nil
            default: break
            }
            switch types.model(named: name)?.kind {
            case .stringEnum(let cases)?:
                return cases.first { $0.rawValue == text }.map { caseLiteral($0.name, of: name) }
            case .integerEnum(let cases)?:
                guard let value = Int(text) else { return nil }
                return cases.first { $0.rawValue == value }.map { caseLiteral($0.name, of: name) }
            case .alias(let target)?:
                current = target
            default:
                return nil
            }
        }
        return nil
    }
}
