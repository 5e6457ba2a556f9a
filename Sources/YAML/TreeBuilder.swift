import Diagnostics

/// Assembles libyaml events into a `YAMLNode` tree with an explicit stack, so that the
/// nesting depth of the input never turns into recursion depth.
///
/// Enforces `YAMLLimits`: the nesting depth (aliases included, so the finished tree is never
/// deeper than the limit and can be walked and dropped safely), and the number of nodes aliases repeat.
struct TreeBuilder {
    /// A sequence or mapping whose end event has not arrived yet.
    private struct Frame {
        var isMapping: Bool
        var mark: SourceMark
        var tag: String?
        var anchor: String?
        /// Where this container's children start in `items` (a sequence) or `pairs` (a mapping).
        var start: Int
        var pendingKey: YAMLNode?
        var keys = DuplicateKeyCheck()
        /// Nodes in the subtree so far, this one included; aliases count their whole target.
        var nodeCount = 1
        /// The greatest height among the children so far (a scalar has height 0).
        var childHeight = 0
    }

    /// An anchored node, with its subtree's node count and height.
    private struct Anchored {
        var node: YAMLNode
        var nodeCount: Int
        /// Sequences and mappings on the longest path down from the node, itself included.
        var height: Int
    }

    private let limits: YAMLLimits
    private var stack: [Frame] = []
    /// The finished items of every open sequence, innermost last: each sequence's items are only
    /// moved out, into an array of their exact size, when it ends (no growing array per sequence).
    private let items = ScratchStack<YAMLNode>()
    /// The finished pairs of every open mapping, innermost last, likewise.
    private let pairs = ScratchStack<YAMLPair>()
    private var anchors: [String: Anchored] = [:]
    private var aliasedNodes = 0

    /// The document's root, once its last event has been added.
    private(set) var root: YAMLNode?

    /// Creates a builder enforcing `limits`.
    init(limits: YAMLLimits) {
        self.limits = limits
    }

    /// Adds a scalar node.
    mutating func addScalar(_ scalar: YAMLScalar, anchor: String?, tag: String?, mark: SourceMark) throws(YAMLError) {
        try complete(YAMLNode(.scalar(scalar), mark: mark, tag: tag), nodeCount: 1, height: 0, anchor: anchor)
    }

    /// Adds (a copy of) the node anchored as `anchor`, counting its subtree against the alias limit.
    mutating func addAlias(_ anchor: String, mark: SourceMark) throws(YAMLError) {
        guard let anchored = anchors[anchor] else {
            throw YAMLError("unknown anchor '\(anchor)'", at: mark)
        }
        guard anchored.height <= limits.maxDepth - stack.count else {
            throw YAMLError("nesting deeper than \(limits.maxDepth) levels", at: mark)
        }
        let (total, overflow) = aliasedNodes.addingReportingOverflow(anchored.nodeCount)
        guard !overflow, total <= limits.maxAliasedNodes else {
            throw YAMLError(
                "too many nodes through aliases (more than \(limits.maxAliasedNodes)); is this an alias bomb?",
                at: mark
            )
        }
        aliasedNodes = total
        try complete(anchored.node, nodeCount: anchored.nodeCount, height: anchored.height, anchor: nil)
    }

    /// Opens a sequence or mapping.
    mutating func start(mapping: Bool, anchor: String?, tag: String?, mark: SourceMark) throws(YAMLError) {
        guard stack.count < limits.maxDepth else {
            throw YAMLError("nesting deeper than \(limits.maxDepth) levels", at: mark)
        }
        stack.append(Frame(isMapping: mapping, mark: mark, tag: tag, anchor: anchor, start: mapping ? pairs.count : items.count))
    }

    /// Closes the innermost open sequence or mapping.
    mutating func end() throws(YAMLError) {
        guard let frame = stack.popLast() else { return }
        let content: YAMLNode.Content
        if frame.isMapping {
            content = .mapping(pairs.popArray(from: frame.start))
        } else {
            content = .sequence(items.popArray(from: frame.start))
        }
        let node = YAMLNode(content, mark: frame.mark, tag: frame.tag)
        try complete(node, nodeCount: frame.nodeCount, height: frame.childHeight + 1, anchor: frame.anchor)
    }

    /// Records a finished node: under its anchor, then as the next item, key or value of its parent.
    private mutating func complete(_ node: YAMLNode, nodeCount: Int, height: Int, anchor: String?) throws(YAMLError) {
        if let anchor {
            anchors[anchor] = Anchored(node: node, nodeCount: nodeCount, height: height)
        }
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        let (sum, overflow) = stack[top].nodeCount.addingReportingOverflow(nodeCount)
        stack[top].nodeCount = overflow ? Int.max : sum
        if height > stack[top].childHeight { stack[top].childHeight = height }
        guard stack[top].isMapping else {
            items.append(node)
            return
        }
        if let key = stack[top].pendingKey.take() {
            pairs.append(YAMLPair(key: key, value: node))
        } else {
            try pairs.withElements(from: stack[top].start) { (earlier) throws(YAMLError) in
                try stack[top].keys.check(node, against: earlier)
            }
            stack[top].pendingKey = node
        }
    }
}
