import Foundation

/// The `webhook-signature` header: space-separated `<version>,<base64>` entries, of which only
/// `v1` (HMAC-SHA256) is understood; other versions (`v1a`, ed25519) are skipped.
struct SignatureHeader: Sendable, Equatable {
    /// The decoded `v1` signatures that are 32 bytes long, in header order.
    var signatures: [Data] = []
    /// How many `v1` entries there were, well-formed or not.
    var version1Count = 0
    /// The versions of the other entries, in header order, for the error message.
    var otherVersions: [String] = []

    /// Reads every value of the header (a delivery may repeat it).
    init(values: [String]) {
        for value in values {
            for entry in value.split(separator: " ", omittingEmptySubsequences: true) {
                guard let comma = entry.firstIndex(of: ",") else {
                    otherVersions.append(String(entry))
                    continue
                }
                let version = entry[..<comma]
                guard version == "v1" else {
                    otherVersions.append(String(version))
                    continue
                }
                version1Count += 1
                if let bytes = Data(base64Encoded: String(entry[entry.index(after: comma)...])), bytes.count == 32 {
                    signatures.append(bytes)
                }
            }
        }
    }
}
