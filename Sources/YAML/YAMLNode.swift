import Diagnostics

/// How a scalar was written in the source. Plain scalars are the only ones YAML resolves to
/// `null`, booleans and numbers; a quoted `"true"` stays a string.
public enum ScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A scalar's text together with the style it was written in.
public struct YAMLScalar: Sendable, Hashable {
    /// The scalar's value after YAML's escaping and folding rules were applied.
    public var value: String
    /// How the scalar was written.
    public var style: ScalarStyle

    /// Creates a scalar.
    public init(_ value: String, style: ScalarStyle = .plain) {
        self.value = value
        self.style = style
    }

    /// Whether the scalar is YAML's null: a plain `~`, `null`, `Null`, `NULL` or empty scalar.
    public var isNull: Bool {
        guard style == .plain else { return false }
        switch value {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}

/// One key/value pair of a mapping; mappings keep their pairs in source order.
public struct YAMLPair: Sendable, Hashable {
    /// The key node (a scalar in every document we care about, but YAML allows any node).
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A node of a parsed YAML (or JSON) document, with the position it started at.
public struct YAMLNode: Sendable, Hashable {
    /// What a node holds.
    public enum Content: Sendable, Hashable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    /// The node's content.
    public var content: Content
    /// Where the node starts in the source.
    public var mark: SourceMark
    /// The node's explicit tag (`!!str`, `!custom`), when the source gave one.
    public var tag: String?

    /// Creates a node.
    public init(_ content: Content, mark: SourceMark, tag: String? = nil) {
        self.content = content
        self.mark = mark
        self.tag = tag
    }

    /// The scalar, when this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The scalar's text, when this node is a scalar.
    public var string: String? { scalar?.value }

    /// The items, when this node is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The pairs in source order, when this node is a mapping.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// Whether this node is a null scalar.
    public var isNull: Bool { scalar?.isNull ?? false }

    /// A short name of the node's kind for diagnostics: "a mapping", "a sequence", "a string".
    public var kindDescription: String {
        switch content {
        case .scalar(let scalar): return scalar.isNull ? "null" : "a scalar"
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        }
    }

    /// The value for the first scalar key equal to `key`, when this node is a mapping.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        for pair in pairs where pair.key.string == key { return pair.value }
        return nil
    }
}
