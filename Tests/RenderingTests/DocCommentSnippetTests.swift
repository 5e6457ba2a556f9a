import Testing

/// An API with descriptions everywhere: the client, a deprecated model, a defaulted property and
/// a deprecated method with a summary and a description.
let notesSpec = """
    openapi: 3.0.3
    info:
      title: Notes
      version: '1'
      description: |
        Keeps notes.

        Every note has an owner.
    paths:
      /notes:
        get:
          operationId: listNotes
          summary: List notes.
          description: Newest first.
          deprecated: true
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema: {type: array, items: {$ref: '#/components/schemas/Note'}}
    components:
      schemas:
        Note:
          description: A note.
          deprecated: true
          type: object
          properties:
            body: {type: string, description: What it says., default: empty}
    """

@Suite("Snippets: doc comments in paragraphs")
struct DocCommentSnippetTests {
    @Test("The client: the title, then the description's paragraphs")
    func client() throws {
        expectSnippet(
            #"""
            /// Notes
            ///
            /// Keeps notes.
            ///
            /// Every note has an owner.
            public struct NotesClient: Sendable {
            """#, in: "NotesClient.swift", of: try generate(notesSpec))
    }

    @Test("A model: the description, then the deprecation; a property: the description, then the default")
    func model() throws {
        expectSnippet(
            #"""
            /// A note.
            ///
            /// - Warning: Deprecated in the API description.
            public struct Note: Codable, Hashable, Sendable {
                /// What it says.
                ///
                /// Default: `empty`.
                public var body: String?
            """#, in: "Models/", of: try generate(notesSpec))
    }

    @Test("A method: summary, description, HTTP method and path, then parameters, returns and throws")
    func method() throws {
        expectSnippet(
            #"""
                /// List notes.
                ///
                /// Newest first.
                ///
                /// `GET /notes`
                ///
                /// - Parameters:
                ///   - options: Headers, query items, timeout and retries for this call only; they win over the client's.
                /// - Returns: The decoded `[Note]`.
                /// - Throws: `NotesError`; each documented error status has its own case.
                @available(*, deprecated)
                public func list(options: RequestOptions? = nil) async throws(NotesError) -> [Note] {
            """#, in: "Resources/NotesResource.swift", of: try generate(notesSpec))
    }
}
