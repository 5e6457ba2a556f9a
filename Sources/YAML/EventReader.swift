internal import CLibYAML
import Diagnostics

/// One libyaml parse event, with the strings it carries already decoded.
enum YAMLEvent: Sendable {
    case streamStart
    case streamEnd
    case documentStart(mark: SourceMark)
    case documentEnd
    case alias(anchor: String, mark: SourceMark)
    case scalar(YAMLScalar, anchor: String?, tag: String?, mark: SourceMark)
    case sequenceStart(anchor: String?, tag: String?, mark: SourceMark)
    case sequenceEnd
    case mappingStart(anchor: String?, tag: String?, mark: SourceMark)
    case mappingEnd
}

/// Owns a libyaml event parser reading from a buffer, and hands out its events one at a time.
///
/// The buffer must outlive the reader; the parser is released when the reader is dropped,
/// whichever way parsing ends.
struct EventReader: ~Copyable {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeBufferPointer<UInt8>
    /// The file index the events' marks carry.
    private let fileIndex: Int

    /// Sets up a parser over `input`, which must be non-empty and stay alive as long as the reader.
    init(input: UnsafeBufferPointer<UInt8>, fileIndex: Int = 0) throws(YAMLError) {
        self.fileIndex = fileIndex
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) != 0 else {
            parser.deallocate()
            throw YAMLError("libyaml could not allocate a parser", at: .start)
        }
        yaml_parser_set_input_string(parser, input.baseAddress, input.count)
        self.parser = parser
        self.input = input
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// The next event; throws libyaml's error, translated, when the input is not valid YAML.
    mutating func next() throws(YAMLError) -> YAMLEvent {
        var event = try nextRaw()
        defer { yaml_event_delete(&event) }
        return YAMLEvent(event, fileIndex: fileIndex)
    }

    /// The next event as libyaml gives it; the caller owns it and must `yaml_event_delete` it (which
    /// may happen on another thread). Throws libyaml's error, translated, when the input is not valid YAML.
    mutating func nextRaw() throws(YAMLError) -> yaml_event_t {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) != 0 else {
            yaml_event_delete(&event)  // Safe on the zeroed event libyaml leaves on failure.
            throw libYAMLError(of: parser.pointee, input: input)
        }
        return event
    }
}

extension YAMLEvent {
    /// The event `event` describes, its strings decoded; marks get the file index `fileIndex`.
    init(_ event: yaml_event_t, fileIndex: Int) {
        let mark = SourceMark(event.start_mark, fileIndex: fileIndex)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            self = .streamStart
        case YAML_DOCUMENT_START_EVENT:
            self = .documentStart(mark: mark)
        case YAML_DOCUMENT_END_EVENT:
            self = .documentEnd
        case YAML_ALIAS_EVENT:
            self = .alias(anchor: decodeCString(event.data.alias.anchor) ?? "", mark: mark)
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let value =
                data.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self)
                } ?? ""
            let scalar = YAMLScalar(value, style: ScalarStyle(data.style))
            self = .scalar(scalar, anchor: decodeCString(data.anchor), tag: decodeCString(data.tag), mark: mark)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            self = .sequenceStart(anchor: decodeCString(data.anchor), tag: decodeCString(data.tag), mark: mark)
        case YAML_SEQUENCE_END_EVENT:
            self = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            self = .mappingStart(anchor: decodeCString(data.anchor), tag: decodeCString(data.tag), mark: mark)
        case YAML_MAPPING_END_EVENT:
            self = .mappingEnd
        default:
            // libyaml only produces YAML_NO_EVENT after the stream ended or failed; treat it as the end.
            self = .streamEnd
        }
    }
}

/// Decodes a NUL-terminated libyaml string (anchor or tag), or `nil` when libyaml gave none.
private func decodeCString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: UnsafePointer($0)) }
}

extension SourceMark {
    /// Converts libyaml's 0-based mark to a 1-based one.
    init(_ mark: yaml_mark_t, fileIndex: Int = 0) {
        self.init(line: mark.line + 1, column: mark.column + 1, fileIndex: fileIndex)
    }
}

extension ScalarStyle {
    /// The style of a libyaml scalar event; "any" (never produced by the parser) reads as plain.
    init(_ style: yaml_scalar_style_t) {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: self = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: self = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: self = .literal
        case YAML_FOLDED_SCALAR_STYLE: self = .folded
        default: self = .plain
        }
    }
}
