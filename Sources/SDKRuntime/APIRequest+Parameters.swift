import Foundation

extension APIRequest {
    /// Appends a query parameter in `style` (OpenAPI's default: `form`, exploded); does nothing
    /// when `value` is `nil`.
    public mutating func appendQuery<T: ParameterValue>(
        _ name: String, _ value: T?, style: ParameterStyle = .form, explode: Bool = true, allowReserved: Bool = false
    ) {
        guard let value else { return }
        appendQuery(name, shape: ParameterShape(value), style: style, explode: explode, allowReserved: allowReserved)
    }

    /// Appends a list query parameter in `style`; by default one item per element
    /// (`name=a&name=b`); does nothing when `values` is `nil` or empty.
    public mutating func appendQuery<T: ParameterValue>(
        _ name: String, _ values: [T]?, style: ParameterStyle = .form, explode: Bool = true, allowReserved: Bool = false
    ) {
        guard let values else { return }
        appendQuery(name, shape: ParameterShape(values), style: style, explode: explode, allowReserved: allowReserved)
    }

    /// Appends an object query parameter (a model or a dictionary, see
    /// ``ParameterShape/init(encoding:)``) in `style`, e.g. `deepObject`; does nothing when
    /// `object` is `nil` or has no properties.
    public mutating func appendQuery<T: Encodable & Sendable>(
        _ name: String, object: T?, style: ParameterStyle = .form, explode: Bool = true, allowReserved: Bool = false
    ) {
        guard let object else { return }
        appendQuery(name, shape: ParameterShape(encoding: object), style: style, explode: explode, allowReserved: allowReserved)
    }

    /// Appends the pieces of a query parameter already taken apart.
    public mutating func appendQuery(_ name: String, shape: ParameterShape, style: ParameterStyle, explode: Bool, allowReserved: Bool) {
        encodedQuery += ParameterSerializer.query(name, shape, style: style, explode: explode, allowReserved: allowReserved)
    }

    /// Sets a header parameter (`simple` style), replacing any same-named header; does nothing
    /// when `value` is `nil` (or `name` is not a valid header name).
    public mutating func setHeader<T: ParameterValue>(_ name: String, _ value: T?, explode: Bool = false) {
        guard let value else { return }
        headers.setValue(ParameterSerializer.header(ParameterShape(value), explode: explode), named: name)
    }

    /// Sets a header parameter to the elements joined with `,` (OpenAPI's `simple` style);
    /// does nothing when `values` is `nil`.
    public mutating func setHeader<T: ParameterValue>(_ name: String, _ values: [T]?, explode: Bool = false) {
        guard let values else { return }
        headers.setValue(ParameterSerializer.header(ParameterShape(values), explode: explode), named: name)
    }

    /// Sets an object header parameter: `R,100,G,200`, or `R=100,G=200` exploded; does nothing
    /// when `object` is `nil`.
    public mutating func setHeader<T: Encodable & Sendable>(_ name: String, object: T?, explode: Bool = false) {
        guard let object else { return }
        headers.setValue(ParameterSerializer.header(ParameterShape(encoding: object), explode: explode), named: name)
    }

    /// Adds a cookie parameter (`form` style) to the `Cookie` header, after the cookies already
    /// there, joined with `; `; does nothing when `value` is `nil`.
    public mutating func appendCookie<T: ParameterValue>(_ name: String, _ value: T?, explode: Bool = true) {
        guard let value else { return }
        appendCookie(ParameterSerializer.cookie(name, ParameterShape(value), explode: explode))
    }

    /// Adds a list cookie parameter: `name=a,b`, or `name=a; name=b` exploded; does nothing when
    /// `values` is `nil` or empty.
    public mutating func appendCookie<T: ParameterValue>(_ name: String, _ values: [T]?, explode: Bool = true) {
        guard let values else { return }
        appendCookie(ParameterSerializer.cookie(name, ParameterShape(values), explode: explode))
    }

    /// Adds an object cookie parameter: `name=R,100,G,200`, or `R=100; G=200` exploded; does
    /// nothing when `object` is `nil` or has no properties.
    public mutating func appendCookie<T: Encodable & Sendable>(_ name: String, object: T?, explode: Bool = true) {
        guard let object else { return }
        appendCookie(ParameterSerializer.cookie(name, ParameterShape(encoding: object), explode: explode))
    }

    private mutating func appendCookie(_ pairs: [String]) {
        guard !pairs.isEmpty else { return }
        let existing = headers[.cookie].map { [$0] } ?? []
        headers[.cookie] = (existing + pairs).joined(separator: "; ")
    }
}
