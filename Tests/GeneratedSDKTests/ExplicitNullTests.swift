import Foundation
import LoopbackSupport
import Testing
import Widgets

/// Properties the spec lets be `null` keep "null" apart from "left out", over real HTTP.
@Suite("Explicit null")
struct ExplicitNullTests {
    // The Widgets spec's only PATCH is deprecated; calling it from a deprecated test keeps the build free of warnings.
    @available(*, deprecated, message: "calls the deprecated updateWidget")
    @Test("A PATCH body sends null only when asked, leaves out what is not set, and sends values")
    func patchSemantics() async throws {
        try await withLoopbackServer([.json(widgetJSON), .json(widgetJSON), .json(widgetJSON)]) { server in
            let client = try widgetsClient(server)
            let id = UUID()
            var clear = WidgetDraft(name: "Sprocket")
            clear.$notes = .null
            _ = try await client.widgets.update(widgetID: id, body: clear)
            _ = try await client.widgets.update(widgetID: id, body: WidgetDraft(name: "Sprocket"))
            _ = try await client.widgets.update(widgetID: id, body: WidgetDraft(name: "Sprocket", notes: "fragile"))
            let bodies = await server.requests.map { $0.bodyText ?? "" }
            #expect(
                bodies == [
                    #"{"name":"Sprocket","notes":null}"#, #"{"name":"Sprocket"}"#, #"{"name":"Sprocket","notes":"fragile"}"#,
                ])
        }
    }

    @Test("Decoding tells null from absent; reads are optional as before; a round trip keeps the difference")
    func decoding() throws {
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let null = try decoder.decode(WidgetDraft.self, from: Data(#"{"name":"a","notes":null}"#.utf8))
        let absent = try decoder.decode(WidgetDraft.self, from: Data(#"{"name":"a"}"#.utf8))
        let value = try decoder.decode(WidgetDraft.self, from: Data(#"{"name":"a","notes":"n"}"#.utf8))
        #expect(null.notes == nil && null.$notes.isNull && !null.$notes.isAbsent)
        #expect(absent.notes == nil && absent.$notes.isAbsent && !absent.$notes.isNull)
        #expect(value.notes == "n" && !value.$notes.isNull && !value.$notes.isAbsent)
        #expect(null != absent)
        #expect(String(decoding: try encoder.encode(null), as: UTF8.self) == #"{"name":"a","notes":null}"#)
        #expect(String(decoding: try encoder.encode(absent), as: UTF8.self) == #"{"name":"a"}"#)
        // Setting nil leaves the property out again.
        var cleared = null
        cleared.notes = nil
        #expect(cleared == absent)
        // A property that cannot be null reads as it always did.
        let widget = try decoder.decode(Widget.self, from: Data(widgetJSON.utf8))
        #expect(widget.tags == ["gear"])
        #expect(widget.$notes.isNull)
    }
}
