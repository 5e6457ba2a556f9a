import Foundation
import Linq
import LoopbackSupport
import Testing

/// The name of `error`'s case. The switch is exhaustive, so a new case fails to compile here
/// until ``SecretsTests/noErrorCaseShowsTheKey()`` produces it too.
private func caseName(_ error: LinqError) -> String {
    switch error {
    case .badRequest: "badRequest"
    case .unauthorized: "unauthorized"
    case .forbidden: "forbidden"
    case .notFound: "notFound"
    case .conflict: "conflict"
    case .tooManyRequests: "tooManyRequests"
    case .internalServerError: "internalServerError"
    case .serverError: "serverError"
    case .unexpectedStatus: "unexpectedStatus"
    case .undecodableBody: "undecodableBody"
    case .transport: "transport"
    case .timedOut: "timedOut"
    case .cancelled: "cancelled"
    case .encodingFailed: "encodingFailed"
    case .missingCredentials: "missingCredentials"
    case .invalidBaseURL: "invalidBaseURL"
    }
}

/// A transport whose error message quotes the request's `Authorization` header, as a careless
/// HTTP library might.
private struct LeakyTransport: ClientTransport {
    struct Leak: Error, CustomStringConvertible {
        let description: String
    }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        throw Leak(description: "proxy refused request with Authorization: \(request.headerFields[.authorization] ?? "")")
    }
}

/// A value whose encoding fails with a message that contains the key.
private struct LeakyValue: Encodable {
    func encode(to encoder: any Encoder) throws {
        throw EncodingError.invalidValue(apiKey, .init(codingPath: [], debugDescription: "cannot encode \(apiKey)"))
    }
}

@Suite("The API key never shows in any LinqError")
struct SecretsTests {
    @Test("Every error case, produced through the client, has no key in any description")
    func noErrorCaseShowsTheKey() async throws {
        var errors: [LinqError] = []
        func collect(_ body: () async throws(LinqError) -> Void) async {
            if let error = await linqError(body) { errors.append(error) }
        }
        let keyCookie = [(name: "Set-Cookie", value: "session=\(apiKey)")]
        let statuses: [ScriptedResponse] =
            [400, 401, 403, 404, 409, 429, 500, 503].map { status in
                .json(#"{"error":{"status":\#(status),"code":1,"message":"no"},"success":false}"#, status: status, headers: keyCookie)
            } + [.text("<html>418</html>", status: 418, contentType: "text/html"), .hang, .hang]
        try await withLoopbackServer(statuses) { server in
            // A generous timeout for the answered statuses (a loaded machine must not turn one into
            // `.timedOut`), a short one for the request the server never answers.
            let client = try faultClient(server, timeout: .seconds(30), retryPolicy: .none)
            for _ in 0..<9 {
                await collect { () async throws(LinqError) in try await client.chats.typing.start(chatID: chatID) }
            }
            let hasty = try faultClient(server, timeout: .milliseconds(200), retryPolicy: .none)
            await collect { () async throws(LinqError) in try await hasty.chats.typing.start(chatID: chatID) }  // timedOut
            let patient = try faultClient(server, timeout: .seconds(30), retryPolicy: .none)
            let call = Task { await linqError { () async throws(LinqError) in try await patient.chats.typing.stop(chatID: chatID) } }
            try await server.waitForRequests(count: 11)
            call.cancel()
            if let cancelled = await call.value { errors.append(cancelled) }

            await collect { () async throws(LinqError) in
                _ = try client.core.decode(ErrorResponse.self, from: APIResponse(statusCode: 200, body: Data("{}".utf8)), mapError: LinqError.init)
            }
            await collect { () async throws(LinqError) in _ = try client.core.encode(LeakyValue(), mapError: LinqError.init) }
        }
        let leaky = try LinqClient(apiKey: apiKey, baseURL: URL(string: "https://api.example.com"), transport: LeakyTransport())
        var configuration = leaky.core.configuration
        configuration.retryPolicy = .none
        let leakyClient = LinqClient(core: APIClientCore(configuration: configuration))
        await collect { () async throws(LinqError) in try await leakyClient.chats.typing.start(chatID: chatID) }
        await collect { () async throws(LinqError) in _ = try LinqClient(apiKey: "") }
        await collect { () async throws(LinqError) in _ = try LinqClient(apiKey: apiKey, baseURL: URL(string: "relative/\(chatID)")) }

        let names = Set(errors.map(caseName))
        #expect(
            names == [
                "badRequest", "unauthorized", "forbidden", "notFound", "conflict", "tooManyRequests", "internalServerError",
                "serverError", "unexpectedStatus",
                "undecodableBody", "transport", "timedOut", "cancelled", "encodingFailed", "missingCredentials", "invalidBaseURL",
            ])
        for error in errors {
            var dumpedText = ""
            dump(error, to: &dumpedText)
            for (what, text) in [
                ("description", String(describing: error)), ("debugDescription", String(reflecting: error)),
                ("localizedDescription", error.localizedDescription), ("dump", dumpedText),
            ] {
                #expect(!text.contains(apiKey), "\(caseName(error)) \(what) shows the key: \(text)")
            }
        }
        if case .transport(let message)? = errors.first(where: { caseName($0) == "transport" }) {
            #expect(message.contains("Authorization: Bearer <redacted>"), "\(message)")
        }
        print("[secrets] \(errors.count) errors covering all \(names.count) LinqError cases; the key is in none of their descriptions")
    }
}
