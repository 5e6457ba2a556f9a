#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall time spent in each phase of one run, and the process's peak memory: what
/// `sdkgen generate --timings` prints. Measuring never changes what a phase does.
public struct Timings: Sendable {
    /// A phase of a run, in pipeline order.
    public enum Phase: String, Sendable, CaseIterable {
        /// Reading the spec (and config) bytes from disk.
        case read
        /// libyaml events → `YAMLNode` tree.
        case parse = "YAML parse"
        /// Node tree → `Document` with references resolved and checked; the config too.
        case load = "load and resolve"
        /// Document → `SDK`: names, types, resources, error cases.
        case model
        /// Templates loaded, contexts built, Mustache rendered, files normalised (and bucketed for `--plugin-layout`).
        case render
        /// Comparing with the output folder and writing changed files (`generate`).
        case write
        /// Comparing with the output folder (`check`).
        case compare
    }

    /// Seconds per phase, in the order phases were first measured, with the process's peak
    /// memory when the phase last ended (the peak only grows, so the phase that raised it shows).
    public private(set) var phases: [(phase: Phase, seconds: Double, peakBytes: Int?)] = []

    /// Creates empty timings.
    public init() {}

    /// Runs `body`, adding its wall time to `phase` (a phase measured twice adds up).
    public mutating func measure<Result, Failure: Error>(
        _ phase: Phase, _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let start = ContinuousClock.now
        defer { add(ContinuousClock.now - start, to: phase) }
        return try body()
    }

    /// The seconds measured for `phase`, or `nil` when it never ran.
    public func seconds(_ phase: Phase) -> Double? {
        phases.first { $0.phase == phase }?.seconds
    }

    /// The sum of every phase.
    public var totalSeconds: Double { phases.reduce(0) { $0 + $1.seconds } }

    /// The report `--timings` prints: a line per phase in milliseconds with the peak memory so
    /// far, the total, and the peak memory of the run.
    ///
    /// ```
    /// sdkgen: timings (wall clock; peak memory so far)
    ///   read                  0.1 ms    20.3 MB
    ///   YAML parse            1.9 ms    21.0 MB
    ///   …
    ///   total                 9.8 ms
    ///   peak memory          23.4 MB
    /// ```
    public func report(peakMemoryBytes: Int? = Timings.peakMemoryBytes()) -> String {
        var lines = ["sdkgen: timings (wall clock; peak memory so far)"]
        func line(_ label: String, _ value: String, _ peak: Int? = nil) {
            var text = "  " + label + String(repeating: " ", count: max(1, 28 - label.count - value.count)) + value
            if let peak {
                let megabytes = Self.format(Double(peak) / 1_000_000, decimals: 1) + " MB"
                text += String(repeating: " ", count: max(1, 12 - megabytes.count)) + megabytes
            }
            lines.append(text)
        }
        for (phase, seconds, peak) in phases {
            line(phase.rawValue, Self.format(seconds * 1000, decimals: 1) + " ms", peak)
        }
        line("total", Self.format(totalSeconds * 1000, decimals: 1) + " ms")
        if let peakMemoryBytes {
            line("peak memory", Self.format(Double(peakMemoryBytes) / 1_000_000, decimals: 1) + " MB")
        }
        return lines.joined(separator: "\n")
    }

    /// The largest resident set this process has had so far (`getrusage(RUSAGE_SELF).ru_maxrss`),
    /// in bytes; `nil` where the platform does not say.
    public static func peakMemoryBytes() -> Int? {
        var usage = rusage()
        #if canImport(Glibc)
        let who = __rusage_who_t(RUSAGE_SELF.rawValue)
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return nil }
        #if canImport(Darwin)
        return Int(usage.ru_maxrss)  // bytes on Darwin
        #else
        return Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
        #endif
    }

    /// Adds `duration` to `phase`, for a phase whose start and end are not one closure.
    public mutating func add(_ duration: Duration, to phase: Phase) {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) + Double(attoseconds) / 1e18
        let peak = Self.peakMemoryBytes()
        if let index = phases.firstIndex(where: { $0.phase == phase }) {
            phases[index].seconds += value
            phases[index].peakBytes = peak
        } else {
            phases.append((phase, value, peak))
        }
    }

    /// `value` with `decimals` digits after the point (Foundation-free).
    static func format(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = scaled % Int(scale)
        guard decimals > 0 else { return String(whole) }
        let digits = String(fraction)
        return "\(whole)." + String(repeating: "0", count: decimals - digits.count) + digits
    }
}
