import Foundation
import OpenAiAPI
import Testing

/// OpenAI's generated SDK on payloads as the API sends them (built and run by .ci/corpus).
@Suite("OpenAI SDK: real payload shapes")
struct OpenAITests {
    @Test("A chat message with role developer decodes as .developer: the discriminator has no mapping")
    func developerMessage() throws {
        let json = #"{"role":"developer","content":"Answer in French."}"#
        let message = try JSONDecoder().decode(ChatCompletionRequestMessage.self, from: Data(json.utf8))
        guard case .developer(let developer) = message else {
            Issue.record("decoded as \(message)")
            return
        }
        #expect(developer.content == .string("Answer in French."))
        let messages = try JSONDecoder().decode(
            [ChatCompletionRequestMessage].self, from: Data(#"[{"role":"system","content":"s"},{"role":"user","content":"u"}]"#.utf8))
        #expect(messages.map { if case .unknown = $0 { "unknown" } else { "known" } } == ["known", "known"])
        if case .user = messages[1] {} else { Issue.record("the second message is not .user: \(messages[1])") }
    }
}
