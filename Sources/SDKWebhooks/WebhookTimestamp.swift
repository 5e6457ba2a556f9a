import Foundation

/// The `webhook-timestamp` header: whole seconds since 1970, in ASCII digits.
enum WebhookTimestamp {
    /// The seconds `text` gives; throws when it is not 1 to 18 ASCII digits.
    static func parse(_ text: String) throws(WebhookVerificationError) -> Int64 {
        let digits = text.utf8
        guard (1...18).contains(digits.count), digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let seconds = Int64(text) else {
            throw .malformedTimestamp(text)
        }
        return seconds
    }

    /// Throws when `timestamp` is more than `tolerance` seconds before or after `now`.
    static func check(_ timestamp: Int64, now: Date, tolerance: Int64) throws(WebhookVerificationError) {
        let seconds = now.timeIntervalSince1970.rounded(.down)
        // Any clock a process can have fits; a date beyond ±2^62 s is treated as that bound.
        let nowSeconds = seconds.isFinite && abs(seconds) < 4.6e18 ? Int64(seconds) : (seconds < 0 ? -(1 << 62) : 1 << 62)
        if timestamp < nowSeconds - tolerance {
            throw .timestampTooOld(timestamp: timestamp, now: nowSeconds, tolerance: tolerance)
        }
        if timestamp > nowSeconds + tolerance {
            throw .timestampInFuture(timestamp: timestamp, now: nowSeconds, tolerance: tolerance)
        }
    }
}
