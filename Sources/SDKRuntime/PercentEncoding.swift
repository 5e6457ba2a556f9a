/// Percent-encoding shared by path segments and query components.
enum PercentEncoding {
    /// Whether `byte` is an RFC 3986 unreserved character: `A-Z a-z 0-9 - . _ ~`.
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// Encodes every UTF-8 byte of `value` that is not unreserved as `%XX` (upper-case hex).
    static func encodeAllButUnreserved(_ value: String) -> String {
        encode(value) { bytes, index in isUnreserved(bytes[index]) }
    }

    /// The reserved characters a query value may hold as they are with OpenAPI's
    /// `allowReserved`: RFC 3986's reserved set less `#`, `[` and `]` (not allowed in a query)
    /// and `&` and `+` (meaningful in form data).
    static let queryReserved = Set(":/?@!$'()*,;=".utf8)

    /// Encodes `value` for a query with `allowReserved: true`: unreserved characters, the
    /// ``queryReserved`` characters and percent-encoded triples (`%2F`) stay; everything else
    /// (including a `%` that does not start a triple) is encoded.
    static func encodeAllowingReserved(_ value: String) -> String {
        encode(value) { bytes, index in
            let byte = bytes[index]
            if isUnreserved(byte) || queryReserved.contains(byte) { return true }
            guard byte == UInt8(ascii: "%"), index + 2 < bytes.count else { return false }
            return isHexDigit(bytes[index + 1]) && isHexDigit(bytes[index + 2])
        }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "F"), UInt8(ascii: "a")...UInt8(ascii: "f"): true
        default: false
        }
    }

    /// Encodes every UTF-8 byte for which `keep` (given the bytes and the byte's index) is false as `%XX`.
    private static func encode(_ value: String, keeping keep: ([UInt8], Int) -> Bool) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        let input = Array(value.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count)
        for index in input.indices {
            let byte = input[index]
            if keep(input, index) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
