import OpenAPI
import Testing

@Suite("The loader reads a media type's encoding object")
struct EncodingLoaderTests {
    /// The media types of the one operation's body of a document whose `/up` post sends `content`.
    static func media(_ content: String, extra: String = "") -> [MediaType] {
        let result = load(document(paths: "{/up: {post: {requestBody: {content: \(content)}, responses: {'204': {description: ok}}}}}", extra: extra))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        return result.document?.operations.first?.requestBody?.content ?? []
    }

    @Test("Entries keep spec order, with content type, style, explode and allowReserved as given")
    func entries() {
        let media = Self.media(
            """
            {multipart/form-data: {schema: {type: object}, encoding: {
              meta: {contentType: application/json},
              file: {contentType: 'image/png, image/jpeg'},
              list: {style: form, explode: false, allowReserved: true}}}}
            """)
        let encoding = media.first?.encoding ?? []
        #expect(encoding.map(\.property) == ["meta", "file", "list"])
        #expect(encoding.map(\.contentType) == ["application/json", "image/png, image/jpeg", nil])
        #expect(encoding.map(\.style) == [nil, nil, "form"])
        #expect(encoding.map(\.explode) == [nil, nil, false])
        #expect(encoding.map(\.allowReserved) == [nil, nil, true])
        #expect(encoding.first?.mark.line == 6, "the line of its key in the document")
    }

    @Test("Part headers take their example, else their schema's default, const or only enum value; a $ref is followed")
    func headers() {
        let media = Self.media(
            """
            {multipart/form-data: {encoding: {file: {headers: {
              X-Example: {schema: {type: string}, example: ex},
              X-Examples: {schema: {type: string}, examples: {first: {value: one}, second: {value: two}}},
              X-Default: {required: true, schema: {type: integer, default: 3}},
              X-Const: {schema: {const: fixed}},
              X-Enum: {schema: {enum: [only]}},
              X-None: {schema: {type: string}},
              X-Ref: {$ref: '#/components/headers/Shared'}}}}}}
            """,
            extra: "components: {headers: {Shared: {schema: {type: string, default: shared}}}}")
        let headers = media.first?.encoding.first?.headers ?? []
        #expect(headers.map(\.name) == ["X-Example", "X-Examples", "X-Default", "X-Const", "X-Enum", "X-None", "X-Ref"])
        #expect(headers.map(\.value) == ["ex", "one", "3", "fixed", "only", nil, "shared"])
        #expect(headers.map(\.required) == [false, false, true, false, false, false, false])
    }

    @Test("A media type without encoding has none; an encoding that is no mapping is an error")
    func absentAndMalformed() {
        #expect(Self.media("{multipart/form-data: {schema: {type: object}}}").first?.encoding == [])
        let error = onlyError(
            document(paths: "{/up: {post: {requestBody: {content: {multipart/form-data: {encoding: [a]}}}, responses: {'204': {description: ok}}}}}"))
        #expect(error?.contains("expected a mapping for the encoding of 'multipart/form-data'") == true, "\(error ?? "")")
    }
}
