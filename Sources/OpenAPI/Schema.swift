import Diagnostics
import YAML

/// A JSON Schema as far as sdkgen models it. References to `components/schemas` stay names,
/// so recursive schemas are fine; other references are resolved in place by the loader.
public struct Schema: Sendable, Hashable {
    /// The shape of values the schema allows.
    public indirect enum Kind: Sendable, Hashable {
        /// A reference to `components/schemas/<name>`.
        case reference(String)
        /// `type: object` (or a schema with `properties`).
        case object(ObjectSchema)
        /// `type: array` with its item schema (`nil` when `items` is missing).
        case array(Schema?)
        /// `type: string`, with its format and enum values.
        case string(format: String?, enumValues: [String]?)
        /// `type: integer`, with its format.
        case integer(format: String?, enumValues: [Int]?)
        /// `type: number`, with its format.
        case number(format: String?)
        /// `type: boolean`.
        case boolean
        /// `allOf`, `oneOf` or `anyOf` with their member schemas.
        case composition(CompositionKind, [Schema])
        /// Any JSON value: no type, or something sdkgen cannot model yet.
        case any
    }

    /// Which composition keyword a schema uses.
    public enum CompositionKind: String, Sendable, Hashable {
        case allOf, oneOf, anyOf
    }

    /// The shape of the values.
    public var kind: Kind
    /// Whether `null` is allowed too (3.0 `nullable: true`, 3.1 `type: [..., "null"]`).
    public var nullable: Bool = false
    /// The schema's title.
    public var title: String?
    /// What the values mean.
    public var description: String?
    /// Whether the schema is deprecated.
    public var deprecated: Bool = false
    /// Whether the property is sent by the server only.
    public var readOnly: Bool = false
    /// Whether the property is sent by the client only.
    public var writeOnly: Bool = false
    /// The `default` value, as written (scalars only).
    public var defaultValue: String?
    /// The Swift-side names of the `enum` values, one per value in order, when the spec gives
    /// them (`x-enum-varnames`, or `x-enumNames`).
    public var enumNames: [String]?
    /// How `oneOf`/`anyOf` members are told apart, when the spec says.
    public var discriminator: Discriminator?
    /// The example and the validation keywords, when the schema has any.
    public var constraints: SchemaConstraints?
    /// Where the schema is defined.
    public var mark: SourceMark

    /// Creates a schema of `kind` defined at `mark`.
    public init(_ kind: Kind, at mark: SourceMark) {
        self.kind = kind
        self.mark = mark
    }
}

/// The members of an object schema.
public struct ObjectSchema: Sendable, Hashable {
    /// One property, in spec order.
    public struct Property: Sendable, Hashable {
        /// The JSON key.
        public var name: String
        /// The property's schema.
        public var schema: Schema
        /// Whether the key is in `required`.
        public var required: Bool

        /// Creates a property.
        public init(name: String, schema: Schema, required: Bool) {
            self.name = name
            self.schema = schema
            self.required = required
        }
    }

    /// The properties, in spec order.
    public var properties: [Property]
    /// The schema of any other keys: `nil` when not given, `.any` for `true`.
    public var additionalProperties: Schema?
    /// Names in `required` that no property here defines (an `allOf` member may define them).
    public var otherRequired: [String] = []

    /// Creates an object schema.
    public init(properties: [Property], additionalProperties: Schema?, otherRequired: [String] = []) {
        self.properties = properties
        self.additionalProperties = additionalProperties
        self.otherRequired = otherRequired
    }
}

/// The `discriminator` of a `oneOf`/`anyOf`: which property names the variant, and which value
/// means which component schema.
public struct Discriminator: Sendable, Hashable {
    /// The property whose value names the variant.
    public var propertyName: String
    /// Explicit `mapping` entries in spec order: value → component schema name.
    public var mapping: [(value: String, schema: String)]

    /// Creates a discriminator.
    public init(propertyName: String, mapping: [(value: String, schema: String)]) {
        self.propertyName = propertyName
        self.mapping = mapping
    }

    /// Equal when the property and the mapping, in order, are equal.
    public static func == (lhs: Discriminator, rhs: Discriminator) -> Bool {
        lhs.propertyName == rhs.propertyName && lhs.mapping.elementsEqual(rhs.mapping) { $0 == $1 }
    }

    /// Hashes the property and the mapping in order.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(propertyName)
        for entry in mapping {
            hasher.combine(entry.value)
            hasher.combine(entry.schema)
        }
    }
}
