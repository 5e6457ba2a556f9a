import Foundation
import Logging

/// How a generated client makes its swift-log `Logger` when the caller passes none.
///
/// The core logs one line per attempt (method, URL, attempt number, status or failure, elapsed
/// time) and one per retry wait, at `debug`, never with a credential or a header value:
///
/// ```
/// POST https://api.linqapp.com/api/partner/v3/chats/…/typing attempt 0 → HTTP 503 in 41 ms
/// POST https://api.linqapp.com/api/partner/v3/chats/…/typing retry 1 of 2 in 0.47 s (HTTP 503)
/// ```
///
/// The lines go to whatever backend the app bootstrapped (`LoggingSystem.bootstrap`), else to
/// standard error; at the default level (`info`) they are not written.
public enum SDKLogging {
    /// A logger labelled `label` whose level is the value of the environment variable
    /// `environmentVariable` (`trace`, `debug`, `info`, `notice`, `warning`, `error`, `critical`,
    /// in any case) when it names one, else the backend's default: `LINQ_LOG=debug` shows every
    /// attempt of the Linq SDK, and only of that SDK.
    public static func logger(
        label: String, environmentVariable: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Logger {
        var logger = Logger(label: label)
        if let level = environment[environmentVariable].flatMap(level(named:)) {
            logger.logLevel = level
        }
        return logger
    }

    /// The level a variable's value names, `nil` for anything else.
    static func level(named name: String) -> Logger.Level? {
        Logger.Level(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased())
    }
}

extension SDKLogging {
    /// A logger at `level` that hands each message (without metadata or a trailing newline) to
    /// `write`, for showing an SDK's lines in an app's own UI or collecting them in a test:
    /// `SDKLogging.logger(label: "Linq", level: .debug) { line in continuation.yield(line) }`.
    /// `write` is called synchronously from the task that logs, so it must be quick.
    public static func logger(label: String, level: Logger.Level, _ write: @escaping @Sendable (String) -> Void) -> Logger {
        var logger = Logger(label: label) { _ in LineHandler(write: write) }
        logger.logLevel = level
        return logger
    }
}

/// A swift-log handler that passes each message's text on.
private struct LineHandler: LogHandler {
    let write: @Sendable (String) -> Void
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        write(event.message.description)
    }
}
