import YAML

/// What a schema says about its values beyond their type: an example and the validation
/// keywords that a value made up for the schema must meet (`minLength`, `maximum`, `pattern`, …).
///
/// Kept in a box that only schemas with at least one of these keywords have, so the many
/// schemas without any stay small.
public final class SchemaConstraints: Sendable, Hashable {
    /// The schema's `example`, or the first of its 3.1 `examples`.
    public let example: YAMLNode?
    /// `const`.
    public let constant: YAMLNode?
    /// `enum`'s values, as written, when the schema also has an `allOf`, `anyOf` or `oneOf`
    /// (`{type: integer, enum: [3], allOf: [{$ref: EntityTypes}]}`), whose kind does not hold them.
    public let enumeration: [YAMLNode]?
    /// `default`, of any shape (a scalar default is also `Schema.defaultValue`).
    public let defaultNode: YAMLNode?
    /// `minLength` and `maxLength`.
    public let minLength: Int?, maxLength: Int?
    /// `minimum` and `maximum`, and whether each excludes its bound (3.0's boolean
    /// `exclusiveMinimum`, or 3.1's number, which is then the bound).
    public let minimum: Double?, maximum: Double?
    /// Whether `minimum` (`maximum`) itself is not allowed.
    public let exclusiveMinimum: Bool, exclusiveMaximum: Bool
    /// `multipleOf`.
    public let multipleOf: Double?
    /// `pattern`: an ECMA-262 regular expression the string must match somewhere.
    public let pattern: String?
    /// `minItems` and `maxItems`.
    public let minItems: Int?, maxItems: Int?
    /// `uniqueItems`: no two items of the array equal.
    public let uniqueItems: Bool

    /// Creates the constraints of one schema.
    public init(
        example: YAMLNode? = nil, constant: YAMLNode? = nil, enumeration: [YAMLNode]? = nil, defaultNode: YAMLNode? = nil, minLength: Int? = nil,
        maxLength: Int? = nil,
        minimum: Double? = nil, maximum: Double? = nil, exclusiveMinimum: Bool = false, exclusiveMaximum: Bool = false,
        multipleOf: Double? = nil, pattern: String? = nil, minItems: Int? = nil, maxItems: Int? = nil,
        uniqueItems: Bool = false
    ) {
        self.example = example
        self.constant = constant
        self.enumeration = enumeration
        self.defaultNode = defaultNode
        self.minLength = minLength
        self.maxLength = maxLength
        self.minimum = minimum
        self.maximum = maximum
        self.exclusiveMinimum = exclusiveMinimum
        self.exclusiveMaximum = exclusiveMaximum
        self.multipleOf = multipleOf
        self.pattern = pattern
        self.minItems = minItems
        self.maxItems = maxItems
        self.uniqueItems = uniqueItems
    }

    /// Equal when every keyword is equal.
    public static func == (lhs: SchemaConstraints, rhs: SchemaConstraints) -> Bool {
        lhs.example == rhs.example && lhs.constant == rhs.constant && lhs.enumeration == rhs.enumeration && lhs.defaultNode == rhs.defaultNode
            && lhs.minLength == rhs.minLength && lhs.maxLength == rhs.maxLength && lhs.minimum == rhs.minimum
            && lhs.maximum == rhs.maximum && lhs.exclusiveMinimum == rhs.exclusiveMinimum && lhs.exclusiveMaximum == rhs.exclusiveMaximum
            && lhs.multipleOf == rhs.multipleOf && lhs.pattern == rhs.pattern && lhs.minItems == rhs.minItems && lhs.maxItems == rhs.maxItems
            && lhs.uniqueItems == rhs.uniqueItems
    }

    /// Hashes the keywords that are cheap to hash; equal constraints hash equally.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(minLength)
        hasher.combine(maxLength)
        hasher.combine(minimum)
        hasher.combine(maximum)
        hasher.combine(pattern)
        hasher.combine(minItems)
        hasher.combine(maxItems)
    }
}
