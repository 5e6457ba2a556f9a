import Foundation
import LoopbackSupport
import Studio
import Testing

/// A body both of Studio's 400 schemas decode (`Problem` and `CompletionError` both require only
/// `message`): which case a call gets can only come from the operation that made it.
private let ambiguousProblemJSON = #"{"message":"prompt is empty","param":"prompt"}"#

/// The error `body` throws, or `nil` when it succeeds.
private func thrown<T>(_ body: () async throws(StudioError) -> T) async -> StudioError? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}

extension StudioTests {
    @Suite("Operations documenting different bodies for one error status")
    struct ErrorBodies {
        @Test("createCompletion's 400 decodes as the CompletionError it documents, getStatus's as its Problem, from the same bytes")
        func eachOperationGetsItsOwnBody() async throws {
            try await withLoopbackServer([.json(ambiguousProblemJSON, status: 400), .json(ambiguousProblemJSON, status: 400)]) { server in
                let client = try StudioClient(token: "t", baseURL: server.baseURL, maxRetries: 0)
                let completion = await thrown { () async throws(StudioError) in
                    try await client.completions.create(body: CompletionRequest(prompt: ""))
                }
                guard case .badRequest(.completionError(let body), let response)? = completion else {
                    Issue.record("createCompletion threw \(String(describing: completion))")
                    return
                }
                #expect(body == CompletionError(message: "prompt is empty", param: "prompt"))
                #expect(response.statusCode == 400)

                let status = await thrown { () async throws(StudioError) in try await client.status.retrieve() }
                guard case .badRequest(.problem(let problem), _)? = status else {
                    Issue.record("getStatus threw \(String(describing: status))")
                    return
                }
                #expect(problem == Problem(message: "prompt is empty"))
            }
        }

        @Test("A failure mapped without an operation gets the first body documented for the status")
        func withoutAnOperationTheFirstBody() throws {
            let response = APIResponse(statusCode: 400, body: Data(ambiguousProblemJSON.utf8))
            guard case .badRequest(.problem(let problem), _) = StudioError(.status(response)) else {
                Issue.record("mapped to \(StudioError(.status(response)))")
                return
            }
            #expect(problem.message == "prompt is empty")
        }

        @Test("A 400 body that is neither documented body is a badRequest without a body, with the raw response")
        func undocumentedBodyIsUnexpected() async throws {
            try await withLoopbackServer([.text("<html>bad gateway</html>", status: 400, contentType: "text/html")]) { server in
                let client = try StudioClient(token: "t", baseURL: server.baseURL, maxRetries: 0)
                let error = await thrown { () async throws(StudioError) in try await client.completions.create(body: CompletionRequest(prompt: "")) }
                guard case .badRequest(nil, let response)? = error else {
                    Issue.record("threw \(String(describing: error))")
                    return
                }
                #expect(String(decoding: response.body, as: UTF8.self) == "<html>bad gateway</html>")
            }
        }
    }
}
