import SDKRuntime

extension HTTPFields {
    /// Every value of the header `name`, in order; none when `name` is not a valid header name.
    func values(named name: String) -> [String] {
        guard let field = HTTPField.Name(name) else { return [] }
        return self[values: field]
    }

    /// The first value of the header `name`; throws `.missingHeader` when it is absent or empty.
    func requiredValue(named name: String) throws(WebhookVerificationError) -> String {
        guard let value = values(named: name).first, !value.isEmpty else { throw .missingHeader(name) }
        return value
    }
}
