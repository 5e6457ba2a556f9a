import Foundation
import LoopbackSupport
import Showcase
import Testing
import Widgets

@Suite("Call sites: body properties as parameters, defaulted discriminators, case factories")
struct CallSiteTests {
    @Test("A JSON body's properties are the method's own parameters; the request is the same as with the body value")
    func flattenedBody() async throws {
        try await withLoopbackServer([.json(widgetJSON, status: 201), .json(widgetJSON, status: 201)]) {
            server in
            let client = try widgetsClient(server)
            try await client.widgets.create(idempotencyKey: "k", name: "Sprocket", status: .inReview, tags: ["gear"])
            try await client.widgets.create(idempotencyKey: "k", body: WidgetDraft(name: "Sprocket", status: .inReview, tags: ["gear"]))
            let requests = await server.requests
            try #require(requests.count == 2)
            #expect(requests[0].bodyText == #"{"name":"Sprocket","status":"in-review","tags":["gear"]}"#)
            #expect(requests[0].bodyText == requests[1].bodyText)
            #expect(requests[0].header("Idempotency-Key") == "k")
        }
    }

    @Test("A single-value discriminator defaults to its value; a member with one property to give has a factory")
    func discriminatorDefaultsAndFactories() throws {
        let image = ImageAttachment(url: "https://example.com/a.png")
        #expect(image.type == .image)
        let made: Showcase.Attachment = .image("https://example.com/a.png")
        #expect(made == .image(image))
        let encoded = String(decoding: try JSONEncoder().encode(Showcase.Attachment.file("report.pdf")), as: UTF8.self)
        #expect(encoded.contains(#""type":"file""#) && encoded.contains(#""name":"report.pdf""#), "\(encoded)")
    }
}

@Suite("Secret properties are hidden from descriptions and dumps")
struct SecretPropertyTests {
    @Test("A token prints as <redacted> in description, debugDescription, interpolation and dump; other fields show")
    func tokenHidden() throws {
        let token = "tok_live_5up3r53cr3t"
        let session = CreateSessionResponse(token: token, expiresAt: Date(timeIntervalSince1970: 0))
        var dumped = ""
        dump(session, to: &dumped)
        for text in [String(describing: session), String(reflecting: session), "\(session)", dumped] {
            #expect(!text.contains(token), "\(text)")
            #expect(text.contains("<redacted>"), "\(text)")
            #expect(text.contains("expiresAt"), "\(text)")
        }
        #expect(session.token == token, "the value itself is untouched")
        #expect(!String(describing: CreateSessionResponse(token: nil)).contains("redacted"), "an absent secret shows as nil")
    }
}
