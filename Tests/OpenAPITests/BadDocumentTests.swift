import Diagnostics
import OpenAPI
import Testing

/// Each bad document gives exactly one error with its exact position and message.
@Suite("Bad documents give one precise diagnostic")
struct BadDocumentTests {
    @Test func emptyFile() {
        #expect(onlyError("") == "spec.yaml: error: the file is empty; expected an OpenAPI document")
    }

    @Test func yamlSyntaxError() {
        #expect(
            onlyError("openapi: 3.1.0\ninfo: {title: a\n")
                == "spec.yaml:2:7: error: did not find expected ',' or '}' before the end of the file (while parsing a flow mapping that starts here)"
        )
    }

    @Test func rootIsNotAMapping() {
        #expect(onlyError("- a\n- b\n") == "spec.yaml:1:1: error: expected a mapping for the document, found a sequence")
    }

    @Test func swagger2() {
        #expect(
            onlyError("swagger: '2.0'\ninfo: {title: a, version: '1'}\npaths: {}\n")
                == "spec.yaml:1:10: error: Swagger 2.0 documents are not supported; convert the document to OpenAPI 3.0 or 3.1")
    }

    @Test func unsupportedVersion() {
        #expect(
            onlyError("openapi: 3.2.0\ninfo: {title: a, version: '1'}\npaths: {}\n")
                == "spec.yaml:1:10: error: unsupported OpenAPI version '3.2.0'; sdkgen reads 3.0.x and 3.1.x")
    }

    @Test func missingInfoTitle() {
        #expect(
            onlyError("openapi: 3.1.0\ninfo:\n  version: '1'\npaths: {}\n")
                == "spec.yaml:3:3: error: 'info' is missing the required field 'title'")
    }

    @Test func missingPathsIn30() {
        #expect(
            onlyError("openapi: 3.0.3\ninfo: {title: a, version: '1'}\n")
                == "spec.yaml:1:1: error: the document is missing the required field 'paths'")
    }

    @Test func wrongNodeType() {
        #expect(onlyError(document(paths: "[a, b]")) == "spec.yaml:5:8: error: expected a mapping for 'paths', found a sequence")
    }

    @Test func unresolvedSchemaReference() {
        let text = document(
            paths: """

                  /a:
                    get:
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema:
                                $ref: '#/components/schemas/Missing'
                """)
        #expect(onlyError(text) == "spec.yaml:14:23: error: unresolved reference '#/components/schemas/Missing'")
    }

    @Test func unresolvedResponseReference() {
        let text = document(
            paths: """

                  /a:
                    get:
                      responses:
                        '404': {$ref: '#/components/responses/NotFound'}
                """)
        #expect(onlyError(text) == "spec.yaml:9:23: error: unresolved reference '#/components/responses/NotFound'")
    }

    @Test func referenceToAnotherFileWithoutAFolder() {
        let text = document(
            paths: """

                  /a:
                    get:
                      responses:
                        '200': {$ref: 'common.yaml#/responses/Ok'}
                """)
        #expect(
            onlyError(text)
                == "spec.yaml:9:23: error: 'common.yaml#/responses/Ok' names another file, and this spec was not read from a folder"
        )
    }

    @Test func responseReferenceCycle() {
        let text = document(
            paths: """

                  /a:
                    get:
                      responses:
                        '200': {$ref: '#/components/responses/A'}
                """,
            extra: """
                components:
                  responses:
                    A: {$ref: '#/components/responses/B'}
                    B: {$ref: '#/components/responses/A'}
                """)
        #expect(
            onlyError(text)
                == "spec.yaml:13:15: error: reference cycle: #/components/responses/A → #/components/responses/B → #/components/responses/A")
    }

    @Test func schemaThatIsOnlyAReferenceToItself() {
        let text = document(
            extra: """
                components:
                  schemas:
                    Loop: {$ref: '#/components/schemas/Loop'}
                """)
        #expect(onlyError(text) == "spec.yaml:8:18: error: reference cycle: schema 'Loop' → 'Loop' never reaches a definition")
    }

    @Test func pathNamesUndeclaredParameter() {
        let text = document(
            paths: """

                  /chats/{chatId}/typing:
                    delete:
                      operationId: stopTyping
                      responses:
                        '204': {description: stopped}
                """)
        #expect(
            onlyError(text)
                == "spec.yaml:7:5: error: path '/chats/{chatId}/typing' names the parameter 'chatId', but operation 'stopTyping' declares no path parameter 'chatId'"
        )
    }

    @Test func pathParameterNotInTemplate() {
        let text = document(
            paths: """

                  /chats:
                    get:
                      operationId: listChats
                      parameters:
                        - {name: chatId, in: path, required: true}
                      responses:
                        '200': {description: ok}
                """)
        #expect(onlyError(text) == "spec.yaml:10:11: error: path parameter 'chatId' of operation 'listChats' does not appear in the path '/chats'")
    }

    @Test func duplicateOperationID() {
        let text = document(
            paths: """

                  /a:
                    get:
                      operationId: fetch
                      responses: {'200': {description: ok}}
                  /b:
                    get:
                      operationId: fetch
                      responses: {'200': {description: ok}}
                """)
        #expect(onlyError(text) == "spec.yaml:12:20: error: duplicate operationId 'fetch' (first used at 8:20)")
    }

    @Test func duplicateParameter() {
        let text = document(
            paths: """

                  /a:
                    get:
                      operationId: a
                      parameters:
                        - {name: q, in: query}
                        - {name: q, in: query}
                      responses: {'200': {description: ok}}
                """)
        #expect(onlyError(text) == "spec.yaml:11:11: error: duplicate query parameter 'q' in operation 'a'")
    }

    @Test func parameterMissingIn() {
        let text = document(
            paths: """

                  /a:
                    get:
                      parameters:
                        - {name: q}
                      responses: {'200': {description: ok}}
                """)
        #expect(onlyError(text) == "spec.yaml:9:11: error: parameter 'q' is missing the required field 'in'")
    }

    @Test func badResponseStatus() {
        let text = document(
            paths: """

                  /a:
                    get:
                      responses: {'ok': {description: fine}}
                """)
        #expect(onlyError(text) == "spec.yaml:8:19: error: 'ok' is not a response status; expected a code like 200, a range like 4XX, or 'default'")
    }

    @Test func booleanFieldWithWrongValue() {
        let text = document(
            paths: """

                  /a:
                    get:
                      deprecated: maybe
                      responses: {'200': {description: ok}}
                """)
        #expect(onlyError(text) == "spec.yaml:8:19: error: expected true or false for 'deprecated', found 'maybe'")
    }

    @Test("The diagnostic renders the source line with a caret under the column")
    func caretRendering() {
        let source = "openapi: 3.9.0\n"
        let diagnostic = Diagnostic(.error, "unsupported", file: "spec.yaml", at: .init(line: 1, column: 10))
        #expect(diagnostic.rendered(source: source) == "spec.yaml:1:10: error: unsupported\nopenapi: 3.9.0\n         ^")
    }
}
