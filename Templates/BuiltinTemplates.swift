import Foundation

/// Locates the Mustache templates that ship with sdkgen.
public enum BuiltinTemplates {
    /// The folder holding the built-in `*.mustache` files, or `nil` when the resource bundle is missing.
    public static var directory: URL? {
        Bundle.module.resourceURL?.appendingPathComponent("Swift", isDirectory: true)
    }
}
