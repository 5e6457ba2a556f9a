import Foundation
import LoopbackSupport
import Showcase
import Testing

let postJSON = """
    {"id":"7d444840-9dc0-11d1-b245-5ffdce74fad2","title":"Hello","status":"published","priority":7,\
    "body":{"kind":"markdown","text":"# Hi"},"created_at":"2026-11-25T08:00:00Z","publish_on":"2026-12-01",\
    "canonical_url":null,"views":9007199254740993,"rating":4.5,"cover_thumbnail":"AAEC","metadata":{"lang":"en"},\
    "extras":{"pinned":true,"weight":[1,2]},"author":{"name":"Ada","email":null},"layout":"narrow",\
    "comments":[{"text":"first","parent":{"text":"root"},"thread":{"root":{"text":"deep"}}}],\
    "anything":{"x":null},"id_or_slug":42}
    """

/// Dates parsed by Foundation's ISO 8601 formatter, as a reference independent of the SDK's own parser.
enum RFC3339Reference {
    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}

func showcaseClient(_ server: LoopbackServer) throws -> ShowcaseClient {
    try ShowcaseClient(baseURL: server.baseURL, maxRetries: 0)
}

@Suite("Generated Showcase SDK: every schema construct, decoded and encoded")
struct ShowcaseModelTests {
    @Test("A post with every kind of property decodes; unknown enum values are kept")
    func decodePost() throws {
        let post = try JSONCoding.makeDecoder().decode(Post.self, from: Data(postJSON.utf8))
        #expect(post.status == .published)
        #expect(post.priority == .unknown(7))
        #expect(post.body == .markdown(MarkdownContent(kind: "markdown", text: "# Hi")))
        #expect(post.publishOn == CalendarDate(year: 2026, month: 12, day: 1))
        #expect(post.canonicalURL == nil)
        #expect(post.views == 9_007_199_254_740_993)
        #expect(post.rating == 4.5)
        #expect(post.coverThumbnail == Data([0, 1, 2]))
        #expect(post.metadata == ["lang": "en"])
        #expect(post.extras?["pinned"] == .bool(true))
        // `email` is nullable: the body's `null` is kept, and differs from leaving it out.
        var author = PostAuthor(name: "Ada")
        author.$email = .null
        #expect(post.author == author)
        #expect(post.author != PostAuthor(name: "Ada", email: nil))
        #expect(post.layout == .narrow)
        #expect(post.comments?.first?.parent?.text == "root")
        #expect(post.comments?.first?.thread?.root?.text == "deep")
        #expect(post.idOrSlug == .integer(42))
        #expect(post.anything == .object(["x": .null]))
    }

    @Test("Encoding a post writes the JSON keys and round-trips")
    func roundTrip() throws {
        let post = try JSONCoding.makeDecoder().decode(Post.self, from: Data(postJSON.utf8))
        let encoded = try JSONCoding.makeEncoder().encode(post)
        let text = String(decoding: encoded, as: UTF8.self)
        #expect(text.contains(#""created_at":"2026-11-25T08:00:00Z""#))
        #expect(text.contains(#""publish_on":"2026-12-01""#))
        #expect(text.contains(#""priority":7"#))
        #expect(text.contains(#""id_or_slug":42"#))
        #expect(text.contains(#""canonical_url":null"#), "a null that was read is written back")
        #expect(!text.contains("legacy_id"), "absent optionals are left out")
        #expect(try JSONCoding.makeDecoder().decode(Post.self, from: encoded) == post)
    }

    @Test("A plain JSONDecoder and JSONEncoder code dates as RFC 3339 too, fractional seconds included")
    func plainFoundationCoders() throws {
        let fractional = postJSON.replacingOccurrences(of: "2026-11-25T08:00:00Z", with: "2026-11-25T08:00:00.123456789+01:00")
        let post = try JSONDecoder().decode(Post.self, from: Data(fractional.utf8))
        let expected = try #require(RFC3339Reference.date("2026-11-25T07:00:00.123Z"))
        #expect(abs(try #require(post.createdAt).timeIntervalSince(expected)) < 0.001)
        let encoded = String(decoding: try JSONEncoder().encode(post), as: UTF8.self)
        #expect(encoded.contains(#""created_at":"2026-11-25T07:00:00.123Z""#), "\(encoded)")
        let again = try #require(try JSONDecoder().decode(Post.self, from: Data(encoded.utf8)).createdAt)
        #expect(abs(again.timeIntervalSince(expected)) < 0.001, "milliseconds are kept")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Post.self, from: Data(postJSON.replacingOccurrences(of: "2026-11-25T08:00:00Z", with: "yesterday").utf8))
        }
    }

    @Test("A discriminator without a mapping selects a member by its own constant and by its schema name")
    func unmappedDiscriminator() throws {
        let decoder = JSONDecoder()
        #expect(
            try decoder.decode(Attachment.self, from: Data(#"{"type":"image","url":"u"}"#.utf8)) == .image(ImageAttachment(type: .image, url: "u")))
        #expect(try decoder.decode(Attachment.self, from: Data(#"{"type":"file","name":"n"}"#.utf8)) == .file(FileAttachment(type: .file, name: "n")))
        #expect(
            try decoder.decode(Attachment.self, from: Data(#"{"type":"ImageAttachment","url":"u"}"#.utf8))
                == .image(ImageAttachment(type: .unknown("ImageAttachment"), url: "u")), "OpenAPI's letter: the schema name")
        #expect(try decoder.decode(Attachment.self, from: Data(#"{"type":"audio"}"#.utf8)) == .unknown(.object(["type": "audio"])))
    }

    @Test("An unknown discriminator value and a variant of no known shape decode as .unknown")
    func unknownVariants() throws {
        let content = try JSONCoding.makeDecoder().decode(Content.self, from: Data(#"{"kind":"video","url":"x"}"#.utf8))
        #expect(content == .unknown(.object(["kind": "video", "url": "x"])))
        let reaction = try JSONCoding.makeDecoder().decode(Reaction.self, from: Data(#""archived""#.utf8))
        #expect(reaction == .status(.archived))
        let emoji = try JSONCoding.makeDecoder().decode(Reaction.self, from: Data(#"{"emoji":"🎉"}"#.utf8))
        #expect(emoji == .customEmoji(ReactionCustomEmoji(emoji: "🎉")))
    }

    @Test("allOf merges every member's properties and required lists")
    func allOf() throws {
        let audited = #"{"title":"t","body":{"kind":"html","html":"<p>"},"status":"draft","created_by":"ada","revision":3}"#
        let post = try JSONCoding.makeDecoder().decode(AuditedPost.self, from: Data(audited.utf8))
        #expect(post.createdBy == "ada")
        #expect(post.revision == 3)
        #expect(post.body == .html(HTMLContent(kind: "html", html: "<p>")))
        #expect(throws: DecodingError.self) {
            try JSONCoding.makeDecoder().decode(
                AuditedPost.self, from: Data(#"{"title":"t","body":{"kind":"html","html":""},"status":"draft","created_by":"ada"}"#.utf8))
        }
    }

    @Test("Webhook deliveries are told apart by their kind and version; versions with one payload share a case")
    func webhooks() throws {
        let postID = "7d444840-9dc0-11d1-b245-5ffdce74fad2"
        let published = try ShowcaseWebhookEvent.decode(from: Data(#"{"kind":"post.published","version":"1","post_id":"\#(postID)"}"#.utf8))
        guard case .postPublished(let event) = published else {
            Issue.record("unexpected \(published)")
            return
        }
        #expect(event.postID.uuidString == "7D444840-9DC0-11D1-B245-5FFDCE74FAD2")
        let second = try ShowcaseWebhookEvent.decode(from: Data(#"{"kind":"post.published","version":"2","post_id":"\#(postID)","title":"Hi"}"#.utf8))
        guard case .postPublishedV2(let v2) = second else {
            Issue.record("unexpected \(second)")
            return
        }
        #expect(v2.title == "Hi")
        for name in ["post.deleted", "post.deleted.v2"] {
            let deleted = try ShowcaseWebhookEvent.decode(name: name, from: Data(#"{"kind":"post.deleted","post_id":"\#(postID)"}"#.utf8))
            guard case .postDeleted(let payload) = deleted else {
                Issue.record("unexpected \(deleted)")
                return
            }
            #expect(payload.kind == .postDeleted)
        }
        let other = try ShowcaseWebhookEvent.decode(from: Data(#"{"kind":"post.liked"}"#.utf8))
        guard case .unknown("post.liked", let raw) = other else {
            Issue.record("unexpected \(other)")
            return
        }
        #expect(raw["kind"]?.stringValue == "post.liked")
        let unnamed = try ShowcaseWebhookEvent.decode(from: Data(#"{"id":1}"#.utf8))
        guard case .unknown(nil, _) = unnamed else {
            Issue.record("unexpected \(unnamed)")
            return
        }
        #expect(ShowcaseWebhookEvent.names == ["post.published", "post.published.v2", "post.deleted", "post.deleted.v2"])
    }

    @Test("The event header decides the event type, the body's version the payload; the body decides without the header")
    func webhookHeader() throws {
        let body = Data(#"{"kind":"ignored","version":"2","post_id":"7d444840-9dc0-11d1-b245-5ffdce74fad2","title":"Hi"}"#.utf8)
        var fields = HTTPFields()
        fields[try #require(HTTPField.Name("X-Showcase-Event"))] = "post.published"
        guard case .postPublishedV2 = try ShowcaseWebhookEvent.decode(headerFields: fields, body: body) else {
            Issue.record("expected the version 2 payload")
            return
        }
        guard case .unknown("ignored", _) = try ShowcaseWebhookEvent.decode(headerFields: HTTPFields(), body: body) else {
            Issue.record("without the header the body's kind decides")
            return
        }
        guard case .postDeleted = try ShowcaseWebhookEvent.decode(eventType: "post.deleted", from: body) else {
            Issue.record("post.deleted has one payload for every version")
            return
        }
    }

    @Test("Fields every payload has are properties of the event; nil for an unknown one")
    func webhookEnvelope() throws {
        let event = try ShowcaseWebhookEvent.decode(
            from: Data(#"{"kind":"post.published","version":"2","post_id":"7d444840-9dc0-11d1-b245-5ffdce74fad2","title":"Hi"}"#.utf8))
        #expect(event.postID?.uuidString == "7D444840-9DC0-11D1-B245-5FFDCE74FAD2")
        #expect(event.version == "2")
        let deleted = try ShowcaseWebhookEvent.decode(
            eventType: "post.deleted", from: Data(#"{"kind":"post.deleted","post_id":"7d444840-9dc0-11d1-b245-5ffdce74fad2"}"#.utf8))
        #expect(deleted.version == nil)
        #expect(deleted.postID != nil)
        let unknown = try ShowcaseWebhookEvent.decode(from: Data(#"{"kind":"post.liked","post_id":"7d444840-9dc0-11d1-b245-5ffdce74fad2"}"#.utf8))
        #expect(unknown.postID == nil)
    }
}

@Suite("Generated Showcase SDK over real HTTP: bodies, queries, pages")
struct ShowcaseHTTPTests {
    @Test("listAll sends arrays and dates as query items and stops after the last page")
    func listAll() async throws {
        let page1 = #"{"data":[\#(postJSON)],"next_cursor":"b"}"#
        let page2 = #"{"data":[\#(postJSON)],"next_cursor":null}"#
        try await withLoopbackServer([.json(page1), .json(page2)]) { server in
            let since = try #require(CalendarDate(year: 2026, month: 1, day: 2))
            var count = 0
            for try await post in try showcaseClient(server).posts.listAll(tags: ["a b", "c"], since: since) {
                #expect(post.title == "Hello")
                count += 1
            }
            #expect(count == 2)
            #expect(
                await server.requests.map(\.target) == [
                    "/v2/posts?tags=a%20b&tags=c&since=2026-01-02",
                    "/v2/posts?cursor=b&tags=a%20b&tags=c&since=2026-01-02",
                ])
        }
    }

    @Test("A multipart body carries the file as a file part and the rest as text parts")
    func multipart() async throws {
        try await withLoopbackServer([.empty()]) { server in
            let id = UUID()
            try await showcaseClient(server).posts.uploadAttachment(
                postID: id, body: UploadAttachmentRequest(file: UploadFile(Data("PNGDATA".utf8)), caption: "a \"cat\"", position: 2))
            let request = try #require(await server.requests.first)
            let contentType = try #require(request.header("Content-Type"))
            #expect(contentType.hasPrefix("multipart/form-data; boundary=sdkgen-"))
            let boundary = String(contentType.dropFirst("multipart/form-data; boundary=".count))
            let body = try #require(request.bodyText)
            #expect(
                body == """
                    --\(boundary)\r
                    Content-Disposition: form-data; name="caption"\r
                    \r
                    a "cat"\r
                    --\(boundary)\r
                    Content-Disposition: form-data; name="position"\r
                    \r
                    2\r
                    --\(boundary)\r
                    Content-Disposition: form-data; name="file"; filename="file"\r
                    Content-Type: application/octet-stream\r
                    \r
                    PNGDATA\r
                    --\(boundary)--\r

                    """)
        }
    }

    @Test("A binary body is sent as is with its media type")
    func binary() async throws {
        try await withLoopbackServer([.empty()]) { server in
            try await showcaseClient(server).posts.replaceCover(postID: UUID(), body: Data([0x89, 0x50, 0x4E, 0x47]))
            let request = try #require(await server.requests.first)
            #expect(request.method == "PUT")
            #expect(request.header("Content-Type") == "image/png")
            #expect(request.body == Data([0x89, 0x50, 0x4E, 0x47]))
        }
    }

    @Test("Of several 2xx codes, each decodes the documented body; an undocumented status is unexpectedStatus")
    func statuses() async throws {
        try await withLoopbackServer([.json(postJSON, status: 201), .json(#"{"title":"teapot"}"#, status: 418)]) { server in
            let client = try showcaseClient(server)
            let draft = try JSONCoding.makeDecoder().decode(Post.self, from: Data(postJSON.utf8))
            let created = try await client.posts.create(body: draft)
            #expect(created.title == "Hello")
            do throws(ShowcaseError) {
                _ = try await client.posts.create(body: draft)
                Issue.record("a 418 must fail")
            } catch {
                guard case .unexpectedStatus(let response) = error else {
                    Issue.record("unexpected \(error)")
                    return
                }
                #expect(response.statusCode == 418)
            }
        }
    }
}
