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
