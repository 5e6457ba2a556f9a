/// Thrown when a stage found errors: carries every diagnostic it collected, warnings included.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    /// All diagnostics, in the order they were found.
    public var diagnostics: [Diagnostic]

    /// Creates the error.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Every diagnostic on its own line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
