import Foundation
import HTTPTypes
import SDKRuntime
import Testing

@Suite("Error fields read from any error body")
struct ErrorFieldsTests {
    private func response(_ body: String, headers: HTTPFields = [:]) -> APIResponse {
        APIResponse(statusCode: 400, headerFields: headers, body: Data(body.utf8))
    }

    @Test("An envelope's nested error wins over the top level; numbers read as text")
    func nestedEnvelope() {
        let linq = response(#"{"error":{"status":404,"code":2001,"message":"Chat not found"},"success":false,"trace_id":"t1"}"#)
        #expect(linq.errorCode == "2001")
        #expect(linq.errorMessage == "Chat not found")
        #expect(linq.requestID == "t1")
    }

    @Test("Flat bodies, OpenAI's string codes and RFC 9457 problem details")
    func otherShapes() {
        let openAI = response(#"{"error":{"message":"Incorrect API key","type":"invalid_request_error","code":"invalid_api_key"}}"#)
        #expect(openAI.errorCode == "invalid_api_key")
        #expect(openAI.errorMessage == "Incorrect API key")
        let flat = response(#"{"message":"nope","code":7,"request_id":"r2"}"#)
        #expect(flat.errorCode == "7")
        #expect(flat.errorMessage == "nope")
        #expect(flat.requestID == "r2")
        let problem = response(#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403}"#)
        #expect(problem.errorMessage == "You do not have enough credit.")
        let stringError = response(#"{"error":"invalid_grant","error_description":"The code expired"}"#)
        #expect(stringError.errorMessage == "The code expired")
    }

    @Test("A header names the request id before the body does")
    func headerFirst() throws {
        var headers = HTTPFields()
        headers[try #require(HTTPField.Name("X-Request-Id"))] = "from-header"
        #expect(response(#"{"trace_id":"from-body"}"#, headers: headers).requestID == "from-header")
    }

    @Test("A body that is not a JSON object has no fields")
    func notJSON() {
        for body in ["<html>403</html>", "", "[1,2]", "\"text\""] {
            let page = response(body)
            #expect(page.errorCode == nil && page.errorMessage == nil && page.requestID == nil, "\(body)")
        }
    }
}
