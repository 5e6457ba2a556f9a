import Foundation

extension APIRequest {
    /// Appends a query item; does nothing when `value` is `nil`.
    public mutating func appendQuery<T: ParameterValue>(_ name: String, _ value: T?) {
        guard let value else { return }
        query.append(URLQueryItem(name: name, value: value.parameterText))
    }

    /// Appends one query item per element (`name=a&name=b`, OpenAPI's default `form`
    /// style with `explode`); does nothing when `values` is `nil` or empty.
    public mutating func appendQuery<T: ParameterValue>(_ name: String, _ values: [T]?) {
        for value in values ?? [] {
            query.append(URLQueryItem(name: name, value: value.parameterText))
        }
    }

    /// Sets a header parameter, replacing any same-named header; does nothing when `value` is `nil`
    /// (or `name` is not a valid header name).
    public mutating func setHeader<T: ParameterValue>(_ name: String, _ value: T?) {
        guard let value else { return }
        headers.setValue(value.parameterText, named: name)
    }

    /// Sets a header parameter to the elements joined with `,` (OpenAPI's `simple` style);
    /// does nothing when `values` is `nil`.
    public mutating func setHeader<T: ParameterValue>(_ name: String, _ values: [T]?) {
        guard let values else { return }
        headers.setValue(values.map(\.parameterText).joined(separator: ","), named: name)
    }
}
