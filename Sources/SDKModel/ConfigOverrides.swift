import Diagnostics

/// A component schema generated as a Swift type the user already has (`typeOverrides:` in
/// `sdkgen.yaml`): no model is declared for it, and every reference names `swiftType`, which must
/// be `Codable`, `Hashable` and `Sendable`.
public struct TypeOverride: Sendable, Hashable {
    /// The key in `components/schemas`.
    public var schemaName: String
    /// The Swift type's text, checked and normalized (`Decimal`, `MyApp.Location`, `SIMD2<Double>`).
    public var swiftType: String
    /// Where the schema name is in the config file.
    public var mark: SourceMark
}

/// A Swift name the user chooses for a schema or a property (`names:` in `sdkgen.yaml`), applied
/// before collisions are resolved: a name that is taken still gets a number, with a warning.
public struct NameOverride: Sendable, Hashable {
    /// The key in `components/schemas`; for a property, the schema's name or the Swift name of a
    /// model the SDK declares (an inline type such as `CreateChatRequest`).
    public var schemaName: String
    /// The property's JSON key; `nil` for a schema's own name.
    public var jsonKey: String?
    /// The Swift name: a type name for a schema, a member name for a property.
    public var swiftName: String
    /// Where the overridden name is in the config file.
    public var mark: SourceMark
}
