import Diagnostics
import Dispatch
import YAML

/// What loading a description gave: the document when there was no error, and every diagnostic.
public struct LoadResult: Sendable {
    /// The document, or `nil` when any error was found.
    public var document: Document?
    /// Errors and warnings in the order they were found.
    public var diagnostics: [Diagnostic]
    /// The files the spec's references named, as read, in the order read (the spec not included):
    /// what diagnostics show lines of, and what a build must watch.
    public var referencedFiles: [SourceFile]

    /// Creates a result.
    public init(document: Document?, diagnostics: [Diagnostic], referencedFiles: [SourceFile] = []) {
        self.document = document
        self.diagnostics = diagnostics
        self.referencedFiles = referencedFiles
    }
}

/// A description parsed into a YAML node tree, not yet loaded: what `DocumentLoader.parse` gives
/// and `DocumentLoader.load` takes, so that the two steps can be run (and timed) apart.
public struct ParsedDocument: Sendable {
    /// What parsing gave.
    enum Outcome: Sendable {
        /// The tree (`nil` for an empty file).
        case parsed(YAMLNode?)
        /// The syntax error.
        case failed(Diagnostic)
    }

    /// The file the description was read from.
    let file: String
    /// Its size in bytes.
    let size: Int
    /// The tree, or the syntax error.
    let outcome: Outcome
}

/// Turns a YAML node tree into a `Document`: checks the shape of every object it reads, resolves
/// `$ref`s within the file and, through a `SpecFileReader`, to other files in the spec's folder
/// (with cycle detection and limits), and validates paths, parameters and operation ids.
public enum DocumentLoader {
    /// Parses `source` with libyaml into a node tree; a YAML syntax error (or, in a `.json` file, a
    /// trailing comma, which libyaml accepts) becomes a diagnostic.
    public static func parse(_ source: SourceFile, limits: YAMLLimits = YAMLLimits()) -> ParsedDocument {
        if source.path.hasSuffix(".json"), let comma = JSONStrictness.firstTrailingComma(in: source.bytes) {
            let diagnostic = Diagnostic(.error, "a trailing comma is not allowed in JSON", file: source.path, at: comma)
            return ParsedDocument(file: source.path, size: source.bytes.count, outcome: .failed(diagnostic))
        }
        do {
            let root = try YAMLParser(limits: limits).parse(source.bytes)
            return ParsedDocument(file: source.path, size: source.bytes.count, outcome: .parsed(root))
        } catch {
            let diagnostic = Diagnostic(.error, error.message, file: source.path, at: error.mark)
            return ParsedDocument(file: source.path, size: source.bytes.count, outcome: .failed(diagnostic))
        }
    }

    /// Loads a parsed description; a description that did not parse gives its diagnostic.
    /// References to other files are read through `reader`; without one they are errors.
    public static func load(
        _ parsed: consuming ParsedDocument, reader: (any SpecFileReader)? = nil, limits: ReferenceLimits = ReferenceLimits()
    ) -> LoadResult {
        let file = parsed.file
        let releasesInBackground = parsed.size >= backgroundReleaseThreshold
        let outcome = (consume parsed).outcome
        switch consume outcome {
        case .failed(let diagnostic):
            return LoadResult(document: nil, diagnostics: [diagnostic])
        case .parsed(let root):
            let result = load(root, file: file, reader: reader, limits: limits)
            if releasesInBackground { releaseInBackground(consume root) }
            return result
        }
    }

    /// `load(parse(source))`: parses and loads in one call.
    public static func load(_ source: SourceFile, limits: YAMLLimits = YAMLLimits(), reader: (any SpecFileReader)? = nil) -> LoadResult {
        load(parse(source, limits: limits), reader: reader)
    }

    /// Loads the document rooted at `root`, which was read from `file` (`nil` for an empty file).
    public static func load(
        _ root: YAMLNode?, file: String, reader: (any SpecFileReader)? = nil, limits: ReferenceLimits = ReferenceLimits()
    ) -> LoadResult {
        let loader = Loader(file: file, root: root, reader: reader, referenceLimits: limits)
        let document = loader.loadDocument()
        return LoadResult(document: loader.log.hasErrors ? nil : document, diagnostics: loader.log.all, referencedFiles: loader.readSources)
    }

    /// The input size (bytes) from which the YAML tree is dropped on another thread.
    private static let backgroundReleaseThreshold = 1 << 20

    /// Drops `root` on a background queue. A large spec's tree is millions of nodes and strings,
    /// and freeing them takes a good part of the load's time; nothing reads the tree after the
    /// load (the document keeps only the small example subtrees it shares), so that work can
    /// overlap with the stages that follow instead of delaying them.
    private static func releaseInBackground(_ root: consuming YAMLNode?) {
        guard let root else { return }
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(root) {} }
    }
}

/// The working state of one load: the trees, the log, and what references are being followed.
final class Loader {
    let root: YAMLNode?
    var log: DiagnosticLog
    /// The tree of every file of the load by `SourceMark.fileIndex` (the spec first, then each
    /// referenced file; their paths are `log.files`), `nil` for one that is empty or did not
    /// parse (its error is reported once).
    var fileRoots: [YAMLNode?]
    /// The index of each file by its normalized path.
    var fileIndexByPath: [String: Int] = [:]
    /// The normalized components of the spec's folder, which no reference may leave.
    let specFolder: [String]
    /// Reads referenced files; `nil` when the spec did not come from a folder.
    let reader: (any SpecFileReader)?
    let referenceLimits: ReferenceLimits
    let yamlLimits: YAMLLimits
    /// The referenced files as read, in order.
    var readSources: [SourceFile] = []
    /// Bytes read so far, the spec's own not counted.
    var totalBytes = 0
    /// Whether the document says it is 3.1 (changes what is required and how `type` reads).
    var isVersion31 = false
    /// Component schema names, for checking `#/components/schemas/Name` references.
    var componentSchemaNames: Set<String> = []
    /// References already followed successfully, by target, with the node each one names.
    var resolvedTargets: [ReferenceTarget: YAMLNode] = [:]
    /// Targets of references being resolved right now, innermost last, for cycle detection.
    var referenceStack: [ReferenceTarget] = []
    /// The name of each schema that has one (a component, or a schema in another file that a
    /// reference made a named type), by the key of every target that stands for it.
    var schemaNamesByTarget: [ReferenceTarget: String] = [:]
    /// Names taken by schemas, folded (`SchemaNaming.folded`), so that a named schema from
    /// another file never collides with another name.
    var foldedSchemaNames: Set<String> = []
    /// Schemas in other files that references made named types, in the order first referenced.
    var discoveredSchemas: [NamedSchema] = []
    /// Where each operationId was first used.
    var operationIDMarks: [String: SourceMark] = [:]
    /// Schema objects built so far; a referenced schema (or parameter, response, …) counts on every use.
    var schemaCount = 0
    /// The most schema objects one load builds. `$ref`s that are not component names are inlined,
    /// so a few lines that reference the same nested schemas twice at each level would otherwise
    /// build 2^n of them (a reference bomb); real specs take a few hundred bytes per schema.
    static let maxSchemas = 200_000
    /// Schemas being built right now, one inside the other (a `$ref` that is inlined continues the nesting).
    var schemaDepth = 0
    /// The deepest nesting of schemas one load builds. The YAML tree is at most `YAMLLimits.maxDepth`
    /// deep, but a chain of inlined `$ref`s, each to another deep schema, nests without bound and
    /// would overflow the stack (here and in every later stage that walks the schema).
    static let maxSchemaDepth = 512
    /// Whether the depth error was reported (once per load: every deeper schema would repeat it).
    var reportedSchemaDepth = false

    init(file: String, root: YAMLNode?, reader: (any SpecFileReader)?, referenceLimits: ReferenceLimits, yamlLimits: YAMLLimits = YAMLLimits()) {
        self.root = root
        self.log = DiagnosticLog(file: file)
        self.fileRoots = [root]
        let components = FilePath.components(of: file)
        self.specFolder = Array(components.dropLast())
        self.fileIndexByPath[FilePath.joined(components)] = 0
        self.reader = reader
        self.referenceLimits = referenceLimits
        self.yamlLimits = yamlLimits
    }

    // MARK: Reading nodes of an expected kind

    /// The pairs of `node` when it is a mapping; otherwise an error naming `what`.
    func mapping(_ node: YAMLNode, _ what: String) -> [YAMLPair]? {
        if let pairs = node.mapping { return pairs }
        log.error("expected a mapping for \(what), found \(node.kindDescription)", at: node.mark)
        return nil
    }

    /// The items of `node` when it is a sequence; otherwise an error naming `what`.
    func sequence(_ node: YAMLNode, _ what: String) -> [YAMLNode]? {
        if let items = node.sequence { return items }
        log.error("expected a sequence for \(what), found \(node.kindDescription)", at: node.mark)
        return nil
    }

    /// The text of a non-null scalar; otherwise an error naming `what`.
    func string(_ node: YAMLNode, _ what: String) -> String? {
        if let scalar = node.scalar, !scalar.isNull { return scalar.value }
        log.error("expected a string for \(what), found \(node.kindDescription)", at: node.mark)
        return nil
    }

    /// The text of an optional scalar field, with an error when present but not a string.
    func optionalString(_ node: YAMLNode?, _ what: String) -> String? {
        guard let node, !node.isNull else { return nil }
        return string(node, what)
    }

    /// A boolean field (`true`/`false`), `defaultValue` when absent; an error for other values.
    func bool(_ node: YAMLNode?, _ what: String, default defaultValue: Bool = false) -> Bool {
        guard let node, !node.isNull else { return defaultValue }
        if let scalar = node.scalar, scalar.style == .plain {
            switch scalar.value {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        log.error("expected true or false for \(what), found \(describe(node))", at: node.mark)
        return defaultValue
    }

    /// A short rendering of a node for messages: the scalar quoted, or its kind.
    func describe(_ node: YAMLNode) -> String {
        if let scalar = node.scalar, !scalar.isNull { return "'\(scalar.value.prefix(60))'" }
        return node.kindDescription
    }

    /// The value for `key` in `pairs`.
    func value(_ key: String, in pairs: [YAMLPair]) -> YAMLNode? {
        for pair in pairs where pair.key.string == key { return pair.value }
        return nil
    }

    /// The value for a required `key`, with an error at `mark` when it is missing.
    func required(_ key: String, in pairs: [YAMLPair], of what: String, at mark: SourceMark) -> YAMLNode? {
        if let node = value(key, in: pairs) { return node }
        log.error("\(what) is missing the required field '\(key)'", at: mark)
        return nil
    }
}
