import Diagnostics
import YAML

/// How one property of a `multipart/form-data` or `application/x-www-form-urlencoded` body is
/// sent: an entry of a Media Type Object's `encoding`.
public struct PropertyEncoding: Sendable, Hashable {
    /// The property's name (the `encoding` key).
    public var property: String
    /// `contentType`: the media type of the part, e.g. `image/png` or `application/json`.
    public var contentType: String?
    /// `headers`: extra headers of the part, in spec order.
    public var headers: [PartHeader]
    /// `style`, when given (meant for form bodies only).
    public var style: String?
    /// `explode`, when given (meant for form bodies only).
    public var explode: Bool?
    /// `allowReserved`, when given (meant for form bodies only).
    public var allowReserved: Bool?
    /// Where the entry is written.
    public var mark: SourceMark

    /// Creates an entry.
    public init(
        property: String, contentType: String? = nil, headers: [PartHeader] = [], style: String? = nil, explode: Bool? = nil,
        allowReserved: Bool? = nil, mark: SourceMark
    ) {
        self.property = property
        self.contentType = contentType
        self.headers = headers
        self.style = style
        self.explode = explode
        self.allowReserved = allowReserved
        self.mark = mark
    }
}

/// A header of one part of a multipart body (a Header Object under `encoding.<name>.headers`).
public struct PartHeader: Sendable, Hashable {
    /// The header name as the spec writes it.
    public var name: String
    /// The value to send: the header's `example` (or first of its `examples`), else its schema's
    /// `default`, else the one value of its schema's `enum` or `const`; `nil` when the spec gives none.
    public var value: String?
    /// Whether the header is `required`.
    public var required: Bool
    /// Where the header is written.
    public var mark: SourceMark

    /// Creates a header.
    public init(name: String, value: String?, required: Bool, mark: SourceMark) {
        self.name = name
        self.value = value
        self.required = required
        self.mark = mark
    }
}
