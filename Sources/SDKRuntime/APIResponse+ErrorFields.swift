import Foundation
import HTTPTypes

/// The fields most error bodies carry, read without knowing their schema, so every case of a
/// generated error type can answer `code`, `message` and `requestID` the same way.
///
/// The body is read as JSON and searched at the top level and inside an `error` object, the two
/// shapes APIs use (`{"message": …}`, `{"error": {"code": …, "message": …}}`); a body that is not
/// JSON (an HTML page from a proxy) has no fields.
extension APIResponse {
    /// The keys read as an error's message, in the order tried.
    static let messageKeys = ["message", "error_description", "detail", "title", "error"]
    /// The keys read as an error's code, in the order tried.
    static let codeKeys = ["code", "error_code", "type"]
    /// The keys read as a request or trace id in the body, in the order tried.
    static let requestIDKeys = ["trace_id", "request_id", "traceId", "requestId"]
    /// The header fields read as a request or trace id, in the order tried.
    static let requestIDHeaders = ["x-request-id", "request-id", "x-trace-id", "trace-id", "x-amzn-requestid", "x-correlation-id"]

    /// The error's message from the body (`message`, `error.message`, `detail`, or an `error`
    /// that is a string), or `nil` when the body has none.
    public var errorMessage: String? {
        Self.firstText(Self.messageKeys, in: errorObjects)
    }

    /// The error's code from the body (`code`, `error.code`, `type`), as text: `"2001"`,
    /// `"invalid_api_key"`; `nil` when the body has none.
    public var errorCode: String? {
        Self.firstText(Self.codeKeys, in: errorObjects)
    }

    /// The request or trace id the server sent, from a header (`X-Request-Id`, `Request-Id`,
    /// `X-Trace-Id`, …) or the body (`trace_id`, `request_id`); `nil` when there is none.
    public var requestID: String? {
        for name in Self.requestIDHeaders {
            if let field = HTTPField.Name(name), let value = headerFields[field], !value.isEmpty { return value }
        }
        return Self.firstText(Self.requestIDKeys, in: errorObjects)
    }

    /// The body's top-level object, then its `error` object when there is one.
    private var errorObjects: [[String: JSONValue]] {
        guard !body.isEmpty, case .object(let top)? = try? JSONDecoder().decode(JSONValue.self, from: body) else { return [] }
        if case .object(let nested)? = top["error"] { return [nested, top] }
        return [top]
    }

    /// The first of `keys` holding a string or a number, looked up in each object in turn.
    private static func firstText(_ keys: [String], in objects: [[String: JSONValue]]) -> String? {
        for object in objects {
            for key in keys {
                switch object[key] {
                case .string(let text)? where !text.isEmpty: return text
                case .integer(let number)?: return String(number)
                default: continue
                }
            }
        }
        return nil
    }
}
