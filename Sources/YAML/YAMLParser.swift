internal import CLibYAML

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
///
/// - Every node carries the 1-based mark of its first character.
/// - An alias yields the anchored node itself (same content, mark and tag as the anchor site).
/// - Duplicate scalar keys in one mapping, a second document, nesting beyond
///   `YAMLLimits.maxDepth` and aliases repeating more than `YAMLLimits.maxAliasedNodes` nodes
///   are errors.
/// - For input that looks like JSON, TABs outside strings are read as spaces (libyaml would
///   otherwise reject tabs around the top-level braces).
public struct YAMLParser: Sendable {
    /// The caps applied while parsing.
    public var limits: YAMLLimits
    /// The `SourceMark.fileIndex` every mark of the tree gets: which of a load's files this is.
    public var fileIndex: Int

    /// Creates a parser with the given limits, for the file with index `fileIndex`.
    public init(limits: YAMLLimits = YAMLLimits(), fileIndex: Int = 0) {
        self.limits = limits
        self.fileIndex = fileIndex
    }

    /// Parses a single-document stream. Returns `nil` for a stream with no document at all
    /// (empty input, or only comments and blank lines).
    ///
    /// From `pipeThreshold` bytes on, libyaml reads on another thread while the tree is built on
    /// this one (see `EventPipe`); the tree, and the first error, are the same either way.
    public func parse(_ bytes: [UInt8]) throws(YAMLError) -> YAMLNode? {
        try parse(bytes, pipeThreshold: Self.pipeThreshold)
    }

    /// The input size (bytes) from which events are read on another thread.
    static let pipeThreshold = 256 << 10

    /// `parse(_:)`, reading on another thread from `pipeThreshold` bytes on.
    func parse(_ bytes: [UInt8], pipeThreshold: Int) throws(YAMLError) -> YAMLNode? {
        let input = replacingJSONTabs(in: bytes) ?? bytes
        return try input.withUnsafeBufferPointer { (buffer) throws(YAMLError) -> YAMLNode? in
            guard buffer.count > 0 else { return nil }
            if buffer.count >= pipeThreshold {
                var pipe = EventPipe(input: buffer, fileIndex: fileIndex)
                return try build(from: &pipe)
            }
            var reader = try EventReader(input: buffer, fileIndex: fileIndex)
            return try build(from: &reader)
        }
    }

    /// The tree of the events `source` gives, up to the end of the stream.
    private func build<Source: YAMLEventSource & ~Copyable>(from source: inout Source) throws(YAMLError) -> YAMLNode? {
        var builder = TreeBuilder(limits: limits)
        var sawDocument = false
        while true {
            switch try source.next() {
            case .streamStart, .documentEnd:
                continue
            case .streamEnd:
                return builder.root
            case .documentStart(let mark):
                if sawDocument { throw YAMLError("expected a single document", at: mark) }
                sawDocument = true
            case .alias(let anchor, let mark):
                try builder.addAlias(anchor, mark: mark)
            case .scalar(let scalar, let anchor, let tag, let mark):
                try builder.addScalar(scalar, anchor: anchor, tag: tag, mark: mark)
            case .sequenceStart(let anchor, let tag, let mark):
                try builder.start(mapping: false, anchor: anchor, tag: tag, mark: mark)
            case .mappingStart(let anchor, let tag, let mark):
                try builder.start(mapping: true, anchor: anchor, tag: tag, mark: mark)
            case .sequenceEnd, .mappingEnd:
                try builder.end()
            }
        }
    }
}
