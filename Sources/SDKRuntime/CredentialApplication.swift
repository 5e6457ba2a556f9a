import Foundation
import HTTPTypes

/// Puts the credentials of one security alternative on a request, innermost (after every
/// middleware, right before the transport), so that middlewares and their logs never see them.
struct CredentialApplication: Sendable {
    /// The credentials to send, in the order the alternative names them.
    var entries: [Credentials.Entry]
    /// Header names the operation or the call's options set themselves; a credential never replaces them.
    var explicitHeaderNames: Set<HTTPField.Name>

    /// The request with the credentials added, and the secret values sent (for redaction).
    ///
    /// `isRefresh` is passed to token providers: `true` after the server rejected the last token.
    func apply(to request: HTTPRequest, isRefresh: Bool) async throws(RequestFailure) -> (request: HTTPRequest, secrets: [String]) {
        var request = request
        var secrets: [String] = []
        for entry in entries {
            let value: String
            switch entry.value {
            case .secret(let secret):
                value = secret.value
            case .basic(let username, let password):
                value = Credentials.basicToken(username: username, password: password.value)
                secrets.append(password.value)
            case .provider(let provider):
                do {
                    value = try await provider.token(isRefresh: isRefresh)
                } catch is CancellationError {
                    throw .cancelled
                } catch {
                    throw .missingCredentials("the token provider for '\(entry.scheme)' failed: \(error)")
                }
            }
            secrets.append(value)
            switch entry.placement {
            case .bearer:
                setHeader(.authorization, "Bearer \(value)", in: &request)
            case .basic:
                setHeader(.authorization, "Basic \(value)", in: &request)
            case .header(let name):
                guard let fieldName = HTTPField.Name(name) else { continue }
                setHeader(fieldName, value, in: &request)
            case .query(let name):
                request.path = Self.appendingQueryItem(name: name, value: value, to: request.path ?? "/")
            case .cookie(let name):
                let pair = "\(name)=\(value)"
                if let existing = request.headerFields[.cookie], !existing.isEmpty {
                    request.headerFields[.cookie] = existing + "; " + pair
                } else {
                    request.headerFields[.cookie] = pair
                }
            }
        }
        return (request, secrets)
    }

    private func setHeader(_ name: HTTPField.Name, _ value: String, in request: inout HTTPRequest) {
        guard !explicitHeaderNames.contains(name) else { return }
        request.headerFields[name] = value
    }

    /// `path` with `name=value` (percent-encoded) appended to its query, unless the query has that name already.
    static func appendingQueryItem(name: String, value: String, to path: String) -> String {
        let encodedName = PercentEncoding.encodeAllButUnreserved(name)
        if let mark = path.firstIndex(of: "?") {
            let query = path[path.index(after: mark)...]
            if query.split(separator: "&").contains(where: { $0 == encodedName || $0.hasPrefix(encodedName + "=") }) {
                return path
            }
            return path + (query.isEmpty ? "" : "&") + encodedName + "=" + PercentEncoding.encodeAllButUnreserved(value)
        }
        return path + "?" + encodedName + "=" + PercentEncoding.encodeAllButUnreserved(value)
    }
}
