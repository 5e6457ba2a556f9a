import Diagnostics

/// What JSON forbids but YAML's flow style (and so libyaml) accepts. sdkgen reads `.json` files
/// through libyaml, so these are checked separately for them.
public enum JSONStrictness {
    /// Where the first trailing comma (`,` followed only by blanks and then `}` or `]`) outside a
    /// string is, or `nil` when there is none.
    public static func firstTrailingComma(in bytes: [UInt8]) -> SourceMark? {
        let quote: UInt8 = 0x22, backslash: UInt8 = 0x5C, comma: UInt8 = 0x2C
        var inString = false
        var pendingComma: Int?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == backslash {
                    index += 2
                    continue
                }
                if byte == quote { inString = false }
            } else {
                switch byte {
                case quote:
                    inString = true
                    pendingComma = nil
                case comma:
                    pendingComma = index
                case 0x20, 0x09, 0x0A, 0x0D:
                    break
                case 0x7D, 0x5D:
                    if let offset = pendingComma {
                        return bytes.withUnsafeBufferPointer { sourceMark(ofByteOffset: offset, in: $0) }
                    }
                default:
                    pendingComma = nil
                }
            }
            index += 1
        }
        return nil
    }
}
