import CLibYAML

/// Caps that keep a hostile document from eating time or memory.
public struct YAMLLimits: Sendable, Hashable {
    /// The deepest nesting of sequences and mappings accepted.
    public var maxDepth: Int
    /// How many nodes aliases may add in total (each alias counts the whole subtree it repeats).
    public var maxAliasedNodes: Int

    /// Creates limits.
    public init(maxDepth: Int = 512, maxAliasedNodes: Int = 1_000_000) {
        self.maxDepth = maxDepth
        self.maxAliasedNodes = maxAliasedNodes
    }
}

/// Reads YAML 1.1 (and therefore JSON) through libyaml's event parser into a `YAMLNode` tree.
public struct YAMLParser: Sendable {
    /// The caps applied while parsing.
    public var limits: YAMLLimits

    /// Creates a parser with the given limits.
    public init(limits: YAMLLimits = YAMLLimits()) {
        self.limits = limits
    }

    /// Parses a single-document stream. Returns `nil` for a stream with no document at all.
    public func parse(_ bytes: [UInt8]) throws(YAMLError) -> YAMLNode? {
        throw YAMLError("YAMLParser is not implemented yet", at: .start)
    }
}
