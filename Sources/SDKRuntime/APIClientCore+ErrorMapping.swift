import Foundation
import HTTPTypes
import OpenAPIRuntime

extension APIClientCore {
    /// ``send(_:options:)``, with a failure turned into the caller's error type by `mapError`
    /// (generated SDKs pass their error type's `init(_: RequestFailure)`, and their method's
    /// `options` argument, if any).
    public func send<E: Error>(
        _ request: APIRequest,
        options: RequestOptions? = nil,
        mapError: (RequestFailure) -> E
    ) async throws(E) -> APIResponse {
        do {
            return try await send(request, options: options)
        } catch {
            throw mapError(error)
        }
    }

    /// ``stream(_:options:)``, with a failure turned into the caller's error type by `mapError`.
    public func stream<E: Error>(
        _ request: APIRequest,
        options: RequestOptions? = nil,
        mapError: (RequestFailure) -> E
    ) async throws(E) -> (head: HTTPResponse, body: HTTPBody) {
        do {
            return try await stream(request, options: options)
        } catch {
            throw mapError(error)
        }
    }

    /// ``decode(_:from:)``, with a failure turned into the caller's error type by `mapError`.
    public func decode<T: Decodable, E: Error>(
        _ type: T.Type,
        from response: APIResponse,
        mapError: (RequestFailure) -> E
    ) throws(E) -> T {
        do {
            return try decode(type, from: response)
        } catch {
            throw mapError(error)
        }
    }

    /// ``text(from:)``, with a failure turned into the caller's error type by `mapError`.
    public func text<E: Error>(from response: APIResponse, mapError: (RequestFailure) -> E) throws(E) -> String {
        do {
            return try text(from: response)
        } catch {
            throw mapError(error)
        }
    }

    /// ``encode(_:)``, with a failure turned into the caller's error type by `mapError`.
    public func encode<T: Encodable, E: Error>(_ value: T, mapError: (RequestFailure) -> E) throws(E) -> Data {
        do {
            return try encode(value)
        } catch {
            throw mapError(error)
        }
    }

    /// A parameter sent as JSON text (`content: application/json`): the value encoded with
    /// ``JSONCoding/makeEncoder()``, `nil` for `nil`; a failure turned into the caller's error type.
    public func jsonText<T: Encodable, E: Error>(_ value: T?, mapError: (RequestFailure) -> E) throws(E) -> String? {
        guard let value else { return nil }
        return String(decoding: try encode(value, mapError: mapError), as: UTF8.self)
    }
}
