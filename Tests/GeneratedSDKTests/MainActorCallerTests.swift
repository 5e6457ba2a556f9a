import Foundation
import Linq
import LoopbackSupport
import Showcase
import Studio
import Testing

// Generated clients used the way an app's UI code uses them: from a `@MainActor` view model whose
// state the callbacks and loops change directly. This file compiles in Swift 6 mode only if the
// runtime's closures and sequences can be used from the caller's actor (no `Sendable` body, no
// iterator sent off the actor, a token provider isolated to the main actor); the test then checks
// that the state really changed, over HTTP.

/// A chat screen's view model: a draft composed while the typing indicator shows, a feed read page
/// by page, and a live event log. Nothing in it is `Sendable`; all of it lives on the main actor.
@MainActor
final class ChatScreenModel {
    private(set) var draft = ""
    private(set) var steps: [String] = []
    private(set) var feed: [String] = []
    private(set) var liveEvents: [String] = []
    private(set) var tokenRequests = 0
    private(set) var partnerTracks: [String] = []

    private let linq: LinqClient
    private let showcase: ShowcaseClient
    private let studio: StudioClient

    init(linq: LinqClient, showcase: ShowcaseClient, studio: StudioClient) {
        self.linq = linq
        self.showcase = showcase
        self.studio = studio
    }

    /// Composes a reply while the indicator shows; the body changes the model's state in place.
    func composeReply(in chat: UUID, refreshInterval: Duration, until server: LoopbackServer) async throws -> String {
        try await linq.chats.typing.withIndicator(chatID: chat, refreshInterval: refreshInterval) {
            draft += "On my way"
            record("composing")
            try await server.waitForRequests(count: 2)  // the start and one refresh
            draft += ", 10 minutes"
            return draft
        }
    }

    /// Reads every post of the feed, page by page, into `feed`.
    func loadFeed() async throws(ShowcaseError) {
        for try await post in showcase.posts.listAll(limit: 1) {
            feed.append(post.title)
            record("post")
        }
    }

    /// A token provider whose closure runs on the main actor and counts its calls in the model.
    func partnerTokens() -> TokenProvider {
        TokenProvider { @MainActor _ in
            self.tokenRequests += 1
            return "partner-token-\(self.tokenRequests)"
        }
    }

    /// Lists the partner's tracks with a client whose token comes from ``partnerTokens()``.
    func loadPartnerTracks(from server: LoopbackServer) async throws {
        let partner = try StudioClient(partnerOAuth: partnerTokens(), baseURL: server.baseURL, maxRetries: 0)
        partnerTracks = try await partner.partner.listTracks().map(\.title)
    }

    /// Reads the live event stream to its end into `liveEvents`.
    func followEvents() async throws(StudioError) {
        for try await event in try await studio.events.listen() {
            liveEvents.append(event.data ?? "")
            record("event")
        }
    }

    /// A step taken; a synchronous main-actor method, callable only from main-actor code.
    private func record(_ step: String) {
        steps.append(step)
    }
}

@Suite("Generated clients from a @MainActor view model, over real HTTP on 127.0.0.1")
struct MainActorCallerTests {
    @Test("typing.withIndicator, a paged list and an event stream change a @MainActor model's state")
    @MainActor
    func viewModel() async throws {
        let page1 = #"{"data":[\#(postJSON)],"next_cursor":"b"}"#
        let page2 = #"{"data":[\#(postJSON.replacingOccurrences(of: "\"Hello\"", with: "\"Again\""))],"next_cursor":null}"#
        let events = StreamedBody(chunks: [Data("data: first\n\n".utf8), Data("event: note\ndata: second\n\n".utf8)])
        let server = try await LoopbackServer.start { request in
            switch request.path {
            case "/v2/posts" where request.query?.contains("cursor=b") == true: .json(page2)
            case "/v2/posts": .json(page1)
            case "/events": .eventStream(events)
            case "/partner/tracks": .json(#"[{"id":"t1","title":"One"}]"#)
            default: .empty()
            }
        }
        do {
            let model = ChatScreenModel(
                linq: try faultClient(server),
                showcase: try showcaseClient(server),
                studio: try StudioClient(token: "studio-token", baseURL: server.baseURL, maxRetries: 0)
            )
            let reply = try await model.composeReply(in: chatID, refreshInterval: .milliseconds(200), until: server)
            try await model.loadFeed()
            try await model.followEvents()
            try await model.loadPartnerTracks(from: server)

            #expect(reply == "On my way, 10 minutes")
            #expect(model.draft == reply)
            #expect(model.feed == ["Hello", "Again"])
            #expect(model.liveEvents == ["first", "second"])
            #expect(model.steps == ["composing", "post", "post", "event", "event"])
            #expect(model.tokenRequests == 1)
            #expect(model.partnerTracks == ["One"])
            let partnerRequest = await server.requests.first { $0.path == "/partner/tracks" }
            #expect(partnerRequest?.header("Authorization") == "Bearer partner-token-1")
            let typing = await server.requests.filter { $0.path.hasSuffix("/typing") }.map(\.method)
            #expect(typing == ["POST", "POST", "DELETE"])
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}
