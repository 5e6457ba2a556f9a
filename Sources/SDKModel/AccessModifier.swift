/// The access level every declaration of a generated SDK gets (`accessModifier:` in `sdkgen.yaml`).
public enum AccessModifier: String, Sendable, Hashable, CaseIterable {
    /// Visible to every module that imports the SDK: the default.
    case `public`
    /// Visible to the other modules of the same Swift package only.
    case package
    /// Visible inside the SDK's own module only: for an SDK generated into an app's own target.
    case `internal`
}
