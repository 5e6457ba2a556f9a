import Diagnostics
import Testing

@testable import YAML

/// Parses `text` as UTF-8 with `limits`.
func parse(_ text: String, limits: YAMLLimits = YAMLLimits()) throws(YAMLError) -> YAMLNode? {
    try YAMLParser(limits: limits).parse(Array(text.utf8))
}

/// The error parsing `bytes` throws, or `nil` (recorded as an issue) when it parses.
func parseError(
    _ bytes: [UInt8], limits: YAMLLimits = YAMLLimits(), sourceLocation: SourceLocation = #_sourceLocation
) -> YAMLError? {
    do {
        let node = try YAMLParser(limits: limits).parse(bytes)
        Issue.record("expected an error, parsed \(String(describing: node))", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// The error parsing `text` throws.
func parseError(
    _ text: String, limits: YAMLLimits = YAMLLimits(), sourceLocation: SourceLocation = #_sourceLocation
) -> YAMLError? {
    parseError(Array(text.utf8), limits: limits, sourceLocation: sourceLocation)
}

/// A mark at `line`:`column`.
func at(_ line: Int, _ column: Int) -> SourceMark { SourceMark(line: line, column: column) }

/// A scalar node.
func scalar(
    _ value: String, _ line: Int, _ column: Int, _ style: ScalarStyle = .plain, tag: String? = nil
) -> YAMLNode {
    YAMLNode(.scalar(YAMLScalar(value, style: style)), mark: at(line, column), tag: tag)
}

/// A sequence node.
func sequence(_ line: Int, _ column: Int, tag: String? = nil, _ items: [YAMLNode]) -> YAMLNode {
    YAMLNode(.sequence(items), mark: at(line, column), tag: tag)
}

/// A mapping node.
func mapping(_ line: Int, _ column: Int, tag: String? = nil, _ pairs: [(YAMLNode, YAMLNode)]) -> YAMLNode {
    YAMLNode(.mapping(pairs.map { YAMLPair(key: $0.0, value: $0.1) }), mark: at(line, column), tag: tag)
}
