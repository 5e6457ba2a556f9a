/// How a parameter is written into a path, query, header or cookie: OpenAPI's `style`.
///
/// swift-openapi-runtime's URI coder is internal (its `ParameterStyle` is SPI and knows only
/// `form`, `simple` and `deepObject`), so the styles are serialised here, following the
/// OpenAPI 3.1 "Style Examples" table.
public enum ParameterStyle: String, Sendable, Hashable {
    /// `blue,black,brown`; the default for path and header parameters.
    case simple
    /// `.blue.black.brown` (path).
    case label
    /// `;color=blue,black,brown` (path).
    case matrix
    /// `color=blue&color=black&color=brown`; the default for query and cookie parameters.
    case form
    /// `color=blue%20black%20brown` (query).
    case spaceDelimited
    /// `color=blue%7Cblack%7Cbrown` (query).
    case pipeDelimited
    /// `color%5BR%5D=100&color%5BG%5D=200` (query objects).
    case deepObject
}

/// A parameter value taken apart into text, before any percent-encoding.
public enum ParameterShape: Sendable {
    /// One value, such as `blue` or `42`.
    case primitive(String)
    /// A list of values.
    case array([String])
    /// Named values, in the order they are sent.
    case object([(key: String, value: String)])

    /// Whether there is nothing to send: an empty list or object (an undefined value in RFC 6570).
    var isEmpty: Bool {
        switch self {
        case .primitive: false
        case .array(let values): values.isEmpty
        case .object(let pairs): pairs.isEmpty
        }
    }

    /// The values one after another, keys before their values for an object: `R,100,G,200`.
    var flattened: [String] {
        switch self {
        case .primitive(let value): [value]
        case .array(let values): values
        case .object(let pairs): pairs.flatMap { [$0.key, $0.value] }
        }
    }

    /// The shape with every key and value passed through `encode`.
    func map(_ encode: (String) -> String) -> ParameterShape {
        switch self {
        case .primitive(let value): .primitive(encode(value))
        case .array(let values): .array(values.map(encode))
        case .object(let pairs): .object(pairs.map { (encode($0.key), encode($0.value)) })
        }
    }
}

/// Serialises ``ParameterShape``s in a given style, percent-encoding per RFC 3986.
public enum ParameterSerializer {
    /// The text a path parameter puts in place of `{name}`: every character outside RFC 3986's
    /// unreserved set is percent-encoded. A `simple` value that is exactly `.` or `..` is encoded
    /// (`%2E`) so that it cannot climb out of the path. Styles other than `label` and `matrix`
    /// are written as `simple`.
    public static func path(_ name: String, _ shape: ParameterShape, style: ParameterStyle, explode: Bool) -> String {
        let name = PercentEncoding.encodeAllButUnreserved(name)
        let shape = shape.map(PercentEncoding.encodeAllButUnreserved)
        switch style {
        case .label:
            return "." + joined(shape, separator: explode ? "." : ",", explode: explode)
        case .matrix:
            switch shape {
            case .primitive(let value): return ";" + pair(name, value)
            case .array(let values) where explode: return values.map { ";" + pair(name, $0) }.joined()
            case .object(let pairs) where explode: return pairs.map { ";" + pair($0.key, $0.value) }.joined()
            default: return ";" + name + "=" + shape.flattened.joined(separator: ",")
            }
        default:
            let text = joined(shape, separator: ",", explode: explode)
            switch text {
            case ".": return "%2E"
            case "..": return "%2E%2E"
            default: return text
            }
        }
    }

    /// The `name=value` pieces a query parameter adds, already percent-encoded: names and values
    /// encode every character outside RFC 3986's unreserved set, except that with
    /// `allowReserved` the reserved characters a query may hold (`:/?@!$'()*,;=`) and
    /// percent-encoded triples pass through. An empty list or object adds nothing. Styles the
    /// table does not define for a shape (a `deepObject` list, a `pipeDelimited` string) are
    /// written as `form`.
    public static func query(
        _ name: String, _ shape: ParameterShape, style: ParameterStyle, explode: Bool, allowReserved: Bool = false
    ) -> [String] {
        guard !shape.isEmpty else { return [] }
        let name = PercentEncoding.encodeAllButUnreserved(name)
        let shape = shape.map(allowReserved ? PercentEncoding.encodeAllowingReserved : PercentEncoding.encodeAllButUnreserved)
        switch (style, shape) {
        case (.spaceDelimited, .array), (.spaceDelimited, .object):
            if !explode { return [name + "=" + shape.flattened.joined(separator: "%20")] }
        case (.pipeDelimited, .array), (.pipeDelimited, .object):
            if !explode { return [name + "=" + shape.flattened.joined(separator: "%7C")] }
        case (.deepObject, .object(let pairs)):
            return pairs.map { name + "%5B" + $0.key + "%5D=" + $0.value }
        default:
            break
        }
        return form(name, shape, explode: explode)
    }

    /// A header parameter's value (`simple`, the only style for headers); not percent-encoded.
    public static func header(_ shape: ParameterShape, explode: Bool) -> String {
        joined(shape, separator: ",", explode: explode)
    }

    /// The `name=value` pairs a cookie parameter adds to the `Cookie` header (`form`, the only
    /// style for cookies), values percent-encoded outside RFC 3986's unreserved set; an exploded
    /// list or object gives one pair per element, to be joined with `; `.
    public static func cookie(_ name: String, _ shape: ParameterShape, explode: Bool) -> [String] {
        guard !shape.isEmpty else { return [] }
        return form(PercentEncoding.encodeAllButUnreserved(name), shape.map(PercentEncoding.encodeAllButUnreserved), explode: explode)
    }

    /// `form` over encoded text: `color=blue`, `color=blue`,`color=black` or `R=100`,`G=200`
    /// exploded, `color=blue,black` or `color=R,100,G,200` not.
    private static func form(_ name: String, _ shape: ParameterShape, explode: Bool) -> [String] {
        switch shape {
        case .array(let values) where explode: values.map { name + "=" + $0 }
        case .object(let pairs) where explode: pairs.map { $0.key + "=" + $0.value }
        default: [name + "=" + shape.flattened.joined(separator: ",")]
        }
    }

    /// The values joined with `separator`; an exploded object joins `key=value` pairs.
    private static func joined(_ shape: ParameterShape, separator: String, explode: Bool) -> String {
        if explode, case .object(let pairs) = shape {
            return pairs.map { $0.key + "=" + $0.value }.joined(separator: separator)
        }
        return shape.flattened.joined(separator: separator)
    }

    /// `name=value`, or `name` alone for an empty value (RFC 6570's `;` expansion).
    private static func pair(_ name: String, _ value: String) -> String {
        value.isEmpty ? name : name + "=" + value
    }
}
