import Diagnostics

/// Finds a mapping key that repeats an earlier scalar key of the same mapping.
///
/// Small mappings are scanned directly (no allocation); once a mapping reaches
/// `indexThreshold` pairs an index of its scalar keys is built, so that mappings with
/// thousands of keys stay linear. The index is only for lookup; the pairs keep source order.
struct DuplicateKeyCheck {
    /// Pair count from which lookups go through the index instead of a scan.
    static let indexThreshold = 16

    private var index: [String: SourceMark]?

    /// Creates an empty check for a new mapping.
    init() {}

    /// Throws when `key` (a scalar) has the same text as a key in `pairs`, the mapping's pairs
    /// so far, whatever the quoting; otherwise remembers it. Non-scalar keys are never reported.
    mutating func check(_ key: YAMLNode, against pairs: UnsafeBufferPointer<YAMLPair>) throws(YAMLError) {
        guard case .scalar(let scalar) = key.content else { return }
        if index == nil, pairs.count >= Self.indexThreshold {
            var built: [String: SourceMark] = [:]
            built.reserveCapacity(pairs.count * 2)
            for pair in pairs {
                if case .scalar(let earlier) = pair.key.content, built[earlier.value] == nil {
                    built[earlier.value] = pair.key.mark
                }
            }
            index = built
        }
        let first: SourceMark?
        if index != nil {
            first = index?.updateValue(key.mark, forKey: scalar.value)
        } else {
            first = pairs.first { $0.key.scalar?.value == scalar.value }?.key.mark
        }
        if let first {
            throw YAMLError("duplicate key '\(scalar.value)' (first defined at \(first))", at: key.mark)
        }
    }
}
