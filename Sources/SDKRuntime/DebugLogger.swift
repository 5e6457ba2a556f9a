import Foundation

/// Where ``APIClientCore`` writes its debug log: one line per attempt (method, URL, attempt
/// number, status or failure, elapsed time) and one per retry wait.
///
/// Logging is off unless the configuration has a logger. By default a configuration gets
/// ``fromEnvironment()``: standard error when the environment variable `SDKGEN_LOG` is `debug`,
/// nothing otherwise. Lines never contain the API key or header values, for example:
///
/// ```
/// [sdkgen] POST https://api.linqapp.com/api/partner/v3/chats/…/typing attempt 0 → HTTP 503 in 41 ms
/// [sdkgen] POST https://api.linqapp.com/api/partner/v3/chats/…/typing retry 1 of 2 in 0.47 s (HTTP 503)
/// [sdkgen] POST https://api.linqapp.com/api/partner/v3/chats/…/typing attempt 1 → HTTP 204 in 38 ms
/// ```
public struct DebugLogger: Sendable {
    /// The environment variable that switches logging to standard error on: `SDKGEN_LOG=debug`.
    public static let environmentVariable = "SDKGEN_LOG"

    private let write: @Sendable (String) -> Void

    /// A logger that hands each line (without a trailing newline) to `write`.
    ///
    /// `write` is called synchronously from whichever task sends the request, so it must be
    /// `Sendable` and quick; to show lines in main-actor state, hand them over in order, for
    /// example to an `AsyncStream` that the main actor reads: `DebugLogger { continuation.yield($0) }`.
    public init(_ write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    /// Writes each line to standard error.
    public static let standardError = DebugLogger { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// ``standardError`` when `SDKGEN_LOG` is `debug` (in any case) in `environment` (the
    /// process environment by default), otherwise `nil` (no logging).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> DebugLogger? {
        environment[environmentVariable]?.trimmingCharacters(in: .whitespaces).lowercased() == "debug" ? .standardError : nil
    }

    /// Writes one line.
    public func log(_ line: String) {
        write(line)
    }
}
