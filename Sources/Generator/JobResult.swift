import Diagnostics
import Rendering

/// What one job of the pipeline gave: its value when no error stopped it, every diagnostic
/// (warnings too) with the files they point into, and the time each phase took.
public struct JobResult<Value: Sendable>: Sendable {
    /// The job's result; `nil` when an error stopped it (the diagnostics say which).
    public var value: Value?
    /// Errors and warnings, in the order they were found.
    public var diagnostics: [Diagnostic]
    /// Every input file the job read, for showing a diagnostic's source line.
    public var sources: SourceFiles
    /// The wall time of each phase, for `--timings`.
    public var timings: Timings

    /// The value, or the diagnostics as an error when the job failed.
    public func get() throws(DiagnosticsError) -> Value {
        guard let value else { throw DiagnosticsError(diagnostics) }
        return value
    }

    /// Each diagnostic as a compiler prints it: the located message, the source line, a caret.
    public var renderedDiagnostics: [String] { diagnostics.rendered(with: sources) }

    /// How many diagnostics are warnings.
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}

/// What `validate` found in a description that loaded.
public struct ValidationSummary: Sendable, Hashable {
    /// The spec as the user named it.
    public var specPath: String
    /// How many operations, component schemas and webhooks it has.
    public var operations: Int, schemas: Int, webhooks: Int
}

/// An SDK rendered in memory, not yet written.
public struct RenderedSDK: Sendable {
    /// The Swift module name.
    public var moduleName: String
    /// The folder the files belong in.
    public var directory: String
    /// The files.
    public var files: FileSet
    /// The contract tests, when asked for.
    public var tests: RenderedFolder? = nil
}

/// Files rendered for one folder.
public struct RenderedFolder: Sendable {
    /// The folder the files belong in.
    public var directory: String
    /// The files.
    public var files: FileSet
}

/// What `generate` wrote.
public struct GenerationSummary: Sendable {
    /// The SDK that was written.
    public var sdk: RenderedSDK
    /// Which files were written, left alone or removed.
    public var report: WriteReport
    /// The same for the contract tests, when they were generated.
    public var testsReport: WriteReport? = nil
}

/// What `check` found.
public struct CheckSummary: Sendable {
    /// The SDK the folder was compared with.
    public var sdk: RenderedSDK
    /// How the folder differs; empty when it is up to date.
    public var differences: [OutputDifference]
    /// How the contract tests' folder differs, when they are generated; empty when up to date.
    public var testDifferences: [OutputDifference] = []
}
