import Foundation

/// Reads the process environment, for example an API key.
public enum EnvironmentVariables {
    /// The value of the named environment variable; `nil` when unset or empty.
    public static func value(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }
}
