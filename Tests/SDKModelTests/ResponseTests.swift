import Diagnostics
import OpenAPI
import SDKModel
import Testing

/// A spec with one operation, `createThing` (`POST /things`, method `things.create`), whose
/// responses are `responses`, one per line from line 9 (keys at column 9).
func responseSpec(
    _ responses: [String], requestSchema: String = "{$ref: '#/components/schemas/ThingRequest'}", schemas: [String] = []
) -> String {
    """
    openapi: 3.1.0
    info: {title: Shop, version: '1'}
    paths:
      /things:
        post:
          operationId: createThing
          requestBody: {content: {application/json: {schema: \(requestSchema)}}}
          responses:
    \(responses.map { "        " + $0 }.joined(separator: "\n"))
    components:
      schemas:
        Item: {type: object, properties: {id: {type: string}}}
        Other: {type: object, properties: {name: {type: string}}}
        ThingRequest: {type: object, properties: {stream: {type: boolean}, name: {type: string}}}
    \((schemas.map { "    " + $0 }).joined(separator: "\n"))
    """
}

/// A `200` response with `content` (the inside of a flow mapping).
func ok(_ content: String) -> String {
    "'200': {description: ok, content: {\(content)}}"
}

let itemContent = "{schema: {$ref: '#/components/schemas/Item'}}"
let otherContent = "{schema: {$ref: '#/components/schemas/Other'}}"

/// `createThing` built from `spec`, with the build's diagnostics.
func createThing(_ spec: String) throws -> (method: Method, diagnostics: [String]) {
    let result = try build(spec)
    let sdk = try #require(result.sdk, "\(result.diagnostics)")
    return (try #require(method("createThing", in: sdk)), result.diagnostics.map(\.description))
}

@Suite("What methods return")
struct ResponseMappingTests {
    /// A `200` response's content, the body it gives, and the Accept header.
    static let mappings: [(String, ResponseBody, String)] = [
        ("application/json: \(itemContent)", ResponseBody.json(.named("Item")), "application/json"),
        ("application/json: {}", .json(.jsonValue), "application/json"),
        ("application/problem+json: \(itemContent)", .json(.named("Item")), "application/json"),
        ("'application/json; charset=utf-8': {schema: {type: string}}", .json(.string), "application/json"),
        ("text/plain: {schema: {type: string}}", .text, "text/plain"),
        ("text/csv: {}", .text, "text/csv"),
        ("application/xml: {}", .text, "application/xml"),
        ("application/atom+xml: {}", .text, "application/atom+xml"),
        ("application/octet-stream: {schema: {type: string, format: binary}}", .bytes, "application/octet-stream"),
        ("audio/mpeg: {}", .bytes, "audio/mpeg"),
        ("image/png: {}", .bytes, "image/png"),
        ("application/pdf: {}", .bytes, "application/pdf"),
        ("application/zip: {}", .bytes, "application/zip"),
        ("'*/*': {}", .bytes, "*/*"),
        ("text/event-stream: \(itemContent)", .eventStream(.named("Item")), "text/event-stream"),
        ("text/event-stream: {itemSchema: {$ref: '#/components/schemas/Item'}}", .eventStream(.named("Item")), "text/event-stream"),
        ("text/event-stream: {}", .eventStream(nil), "text/event-stream"),
        ("text/event-stream: {schema: {type: string}}", .eventStream(nil), "text/event-stream"),
        ("application/jsonl: \(itemContent)", .jsonLines(.named("Item")), "application/jsonl"),
        ("application/x-ndjson: {itemSchema: {$ref: '#/components/schemas/Item'}}", .jsonLines(.named("Item")), "application/x-ndjson"),
        ("application/jsonlines: {}", .jsonLines(.jsonValue), "application/jsonlines"),
        ("application/json-seq: \(itemContent)", .jsonSequence(.named("Item")), "application/json-seq"),
    ]

    @Test("Each media type of a 2xx response maps to one body, and the Accept header names it", arguments: mappings)
    func mapping(content: String, body: ResponseBody, accept: String) throws {
        let (method, diagnostics) = try createThing(responseSpec([ok(content)]))
        #expect(diagnostics == [])
        #expect(method.response == .single(body))
        #expect(method.accept == accept)
        if case .json(let type) = body {
            #expect(method.returnType == type)
        } else {
            #expect(method.returnType == nil)
        }
    }

    @Test("No 2xx response, or one without content, returns nothing and accepts JSON")
    func empty() throws {
        let none = try createThing(responseSpec(["default: {description: error}"])).method
        #expect(none.response == .single(.empty))
        #expect(none.accept == "application/json")
        #expect(none.streamVariant == nil)
        let noContent = try createThing(responseSpec(["'204': {description: done}"])).method
        #expect(noContent.response == .single(.empty))
        #expect(noContent.returnType == nil)
    }

    @Test("2xx statuses with the same body return it once")
    func sameBodies() throws {
        let (method, diagnostics) = try createThing(
            responseSpec([
                "'200': {description: found, content: {application/json: \(itemContent)}}",
                "'201': {description: made, content: {application/json: \(itemContent)}}",
            ]))
        #expect(diagnostics == [])
        #expect(method.response == .single(.json(.named("Item"))))
        #expect(method.returnType == .named("Item"))
    }

    @Test("2xx statuses with different bodies return an enum by status, in spec order")
    func byStatus() throws {
        let responses = [
            "'200': {description: found, content: {application/json: \(itemContent)}}",
            "'201': {description: made, content: {application/json: \(otherContent)}}",
            "'202': {description: queued}",
            "'203': {description: proxied, content: {text/plain: {}}}",
            "'204': {description: none}",
            "'205': {description: reset}",
            "'206': {description: part, content: {application/octet-stream: {}}}",
            "'207': {description: several, content: {text/plain: {}}}",
            "2XX: {description: other, content: {application/pdf: {}}}",
        ]
        let (method, diagnostics) = try createThing(responseSpec(responses))
        #expect(diagnostics == [])
        #expect(method.returnType == nil)
        #expect(method.streamVariant == nil)
        #expect(method.accept == "application/json, text/plain, application/octet-stream, application/pdf")
        guard case .byStatus(let statuses) = method.response else {
            Issue.record("expected responses by status, got \(method.response)")
            return
        }
        #expect(statuses.typeName == "CreateThingResult")
        #expect(
            statuses.cases.map(\.name) == [
                "ok", "created", "accepted", "nonAuthoritativeInformation", "noContent", "resetContent", "partialContent", "status207", "success",
            ])
        #expect(statuses.cases.map(\.statusCode) == [200, 201, 202, 203, 204, 205, 206, 207, nil])
        #expect(statuses.cases.map(\.body) == [.json(.named("Item")), .json(.named("Other")), .empty, .text, .empty, .empty, .bytes, .text, .bytes])
        #expect(statuses.cases.map(\.description) == ["found", "made", "queued", "proxied", "none", "reset", "part", "several", "other"])
    }

    @Test("The enum's type name is reserved like a model's")
    func byStatusTypeName() throws {
        let spec = responseSpec(
            ["'200': {description: found, content: {application/json: \(itemContent)}}", "'204': {description: none}"],
            schemas: ["CreateThingResult: {type: string}"])
        let (method, _) = try createThing(spec)
        guard case .byStatus(let statuses) = method.response else {
            Issue.record("expected responses by status, got \(method.response)")
            return
        }
        #expect(statuses.typeName == "CreateThingResult2")
    }

    @Test("Inline schemas are named after the operation: the first of each kind plainly, later ones with their status")
    func inlineNames() throws {
        // Three different objects: identical ones would be one type.
        func object(_ property: String) -> String { "{schema: {type: object, properties: {\(property): {type: string}}}}" }
        let responses = [
            "'200': {description: a, content: {application/json: \(object("a")), text/event-stream: \(object("c"))}}",
            "'201': {description: b, content: {application/json: \(object("b"))}}",
        ]
        let (method, _) = try createThing(responseSpec(responses))
        guard case .byStatus(let statuses) = method.response else {
            Issue.record("expected responses by status, got \(method.response)")
            return
        }
        #expect(statuses.cases.map(\.body) == [.json(.named("CreateThingResponse")), .json(.named("CreateThingCreatedResponse"))])
        #expect(method.streamVariant?.body == .eventStream(.named("CreateThingEvent")))
    }
}

@Suite("Stream variants")
struct StreamVariantTests {
    @Test("JSON and server-sent events in one response: the method returns the JSON, the variant streams and sets 'stream'")
    func jsonAndEvents() throws {
        let (method, diagnostics) = try createThing(responseSpec([ok("application/json: \(itemContent), text/event-stream: \(otherContent)")]))
        #expect(diagnostics == [])
        #expect(method.response == .single(.json(.named("Item"))))
        #expect(method.returnType == .named("Item"))
        #expect(method.accept == "application/json")
        let variant = try #require(method.streamVariant)
        #expect(variant.name == "createStream")
        #expect(variant.body == .eventStream(.named("Other")))
        #expect(variant.accept == "text/event-stream")
        #expect(variant.streamProperty == "stream")
    }

    @Test("The stream property must be a Bool with JSON key 'stream'")
    func noStreamProperty() throws {
        let content = ok("application/json: \(itemContent), text/event-stream: \(itemContent)")
        let plain = try createThing(responseSpec([content], requestSchema: "{$ref: '#/components/schemas/Other'}")).method
        #expect(plain.streamVariant?.streamProperty == nil)
        let text = try createThing(responseSpec([content], requestSchema: "{type: object, properties: {stream: {type: string}}}")).method
        #expect(text.streamVariant?.streamProperty == nil)
    }

    @Test("Bytes and server-sent events in one response: the method returns the bytes, the variant the events")
    func bytesAndEvents() throws {
        let (method, diagnostics) = try createThing(
            responseSpec([ok("application/octet-stream: {schema: {type: string, format: binary}}, text/event-stream: \(itemContent)")]))
        #expect(diagnostics == [])
        #expect(method.response == .single(.bytes))
        #expect(method.accept == "application/octet-stream")
        #expect(method.streamVariant?.body == .eventStream(.named("Item")))
        #expect(method.streamVariant?.accept == "text/event-stream")
        #expect(method.streamVariant?.name == "createStream")
    }

    @Test("A bytes-only response gets a raw byte stream variant, which sets no stream property")
    func rawBytes() throws {
        let (method, _) = try createThing(responseSpec([ok("audio/mpeg: {}, audio/wav: {}")]))
        #expect(method.response == .single(.bytes))
        #expect(method.accept == "audio/mpeg, audio/wav")
        let variant = try #require(method.streamVariant)
        #expect(variant.body == .bytes)
        #expect(variant.accept == "audio/mpeg, audio/wav")
        #expect(variant.streamProperty == nil)
    }

    @Test("When the only body is a stream the method returns it and has no variant")
    func streamOnly() throws {
        let (method, _) = try createThing(responseSpec([ok("application/x-ndjson: \(itemContent)")]))
        #expect(method.response == .single(.jsonLines(.named("Item"))))
        #expect(method.accept == "application/x-ndjson")
        #expect(method.streamVariant == nil)
    }

    @Test("A variant's name gives way to an operation's")
    func variantNameClash() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: Shop, version: '1'}
            paths:
              /things:
                post:
                  operationId: createThing
                  responses: {'200': {description: ok, content: {application/json: {}, text/event-stream: {}}}}
              /other:
                post:
                  operationId: other
                  responses: {'204': {description: none}}
            """
        let result = try build(spec, config: "operations: {other: {resource: things, method: createStream}}")
        let sdk = try #require(result.sdk)
        let things = try #require(sdk.resources.first)
        #expect(things.methods.map(\.name) == ["create", "createStream"])
        #expect(things.methods.first?.streamVariant?.name == "createStream2")
        #expect(
            result.diagnostics.map(\.description) == [
                "spec.yaml:5:5: warning: the stream variant of operation 'createThing' would be named 'createStream' in 'things', which is taken; it is named 'createStream2'"
            ])
    }
}

@Suite("Responses the method cannot return whole")
struct ResponseWarningTests {
    @Test("Non-JSON media types with different shapes: the first is kept, and the warning says so")
    func differentShapes() throws {
        let (method, diagnostics) = try createThing(responseSpec([ok("text/plain: {}, application/pdf: {}, text/csv: {}")]))
        #expect(method.response == .single(.text))
        #expect(method.accept == "text/plain, text/csv")
        #expect(
            diagnostics == [
                "spec.yaml:9:9: warning: response 200 of operation 'createThing' has media types that give different results; the method returns 'text/plain', 'text/csv' (String) and ignores 'application/pdf' (Data)"
            ])
    }

    @Test("JSON wins over other media types and over JSON of another schema")
    func jsonWins() throws {
        let (method, diagnostics) = try createThing(
            responseSpec([ok("image/png: {}, application/json: \(itemContent), application/vnd.shop+json: \(otherContent)")]))
        #expect(method.response == .single(.json(.named("Item"))))
        #expect(method.accept == "application/json")
        #expect(
            diagnostics == [
                "spec.yaml:9:9: warning: response 200 of operation 'createThing' has media types that give different results; the method returns 'application/json' (JSON decoded as Item) and ignores 'image/png' (Data), 'application/vnd.shop+json' (JSON of another schema)"
            ])
    }

    @Test("A second stream format in one response is ignored with a warning")
    func secondStream() throws {
        let (method, diagnostics) = try createThing(
            responseSpec([ok("application/json: \(itemContent), text/event-stream: \(itemContent), application/x-ndjson: \(itemContent)")]))
        #expect(method.streamVariant?.body == .eventStream(.named("Item")))
        #expect(
            diagnostics == [
                "spec.yaml:9:9: warning: response 200 of operation 'createThing' has media types that give different results; the method returns 'application/json' (JSON decoded as Item), its stream variant reads 'text/event-stream' (server-sent events of Item), and it ignores 'application/x-ndjson' (JSON Lines)"
            ])
    }

    @Test("Streams in two 2xx responses: only the first gets the variant")
    func streamsInTwoResponses() throws {
        let responses = [
            "'200': {description: a, content: {application/json: \(itemContent), text/event-stream: \(itemContent)}}",
            "'201': {description: b, content: {application/json: \(itemContent), text/event-stream: \(otherContent)}}",
        ]
        let (method, diagnostics) = try createThing(responseSpec(responses))
        #expect(method.response == .single(.json(.named("Item"))))
        #expect(method.streamVariant?.body == .eventStream(.named("Item")))
        #expect(
            diagnostics == [
                "spec.yaml:10:9: warning: response 201 of operation 'createThing' also offers 'text/event-stream' (server-sent events of Other); only the stream of response 200 gets a stream variant, so this one is ignored"
            ])
    }
}
