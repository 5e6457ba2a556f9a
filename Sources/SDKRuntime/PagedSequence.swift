/// One page of a cursor-paged list: its items and the cursor of the next page (`nil` at the end).
public struct CursorPage<Element: Sendable>: Sendable {
    /// The items of this page.
    public var items: [Element]
    /// The cursor to pass for the next page; `nil` when this is the last page.
    public var nextCursor: String?

    /// Creates a page.
    public init(items: [Element], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

/// Every item of a cursor-paged list operation, fetched lazily one page at a time as the
/// sequence is iterated: `for try await chat in client.chats.listAll() { … }`.
///
/// A page is requested only when the items before it have been consumed; iteration ends after
/// a page without a next cursor (or one repeating the cursor it was fetched with, so a server
/// bug cannot loop forever).
public struct PagedSequence<Element: Sendable, Failure: Error>: AsyncSequence, Sendable {
    /// Fetches the page at a cursor (`nil` for the first page).
    public typealias FetchPage = @Sendable (_ cursor: String?) async throws(Failure) -> CursorPage<Element>

    private let fetch: FetchPage

    /// Creates the sequence from a function that fetches one page.
    public init(fetch: @escaping FetchPage) {
        self.fetch = fetch
    }

    /// An iterator that fetches the first page when first asked for an element.
    public func makeAsyncIterator() -> Iterator {
        Iterator(fetch: fetch)
    }

    /// Walks the pages, handing out their items one by one.
    public struct Iterator: AsyncIteratorProtocol {
        private let fetch: FetchPage
        private var buffer: [Element] = []
        private var position = 0
        private var cursor: String?
        private var finished = false

        init(fetch: @escaping FetchPage) {
            self.fetch = fetch
        }

        /// The next item, fetching the next page when this one is used up; `nil` at the end.
        public mutating func next() async throws(Failure) -> Element? {
            try await next(isolation: nil)
        }

        /// The next item, as ``next()``, without leaving `actor` (the caller's, for `for try await`
        /// in actor-isolated code such as a `@MainActor` view model) except to fetch a page.
        public mutating func next(isolation actor: isolated (any Actor)? = #isolation) async throws(Failure) -> Element? {
            while position >= buffer.count {
                guard !finished else { return nil }
                let page = try await fetch(cursor)
                buffer = page.items
                position = 0
                if let next = page.nextCursor, !next.isEmpty, next != cursor {
                    cursor = next
                } else {
                    finished = true
                }
            }
            defer { position += 1 }
            return buffer[position]
        }
    }
}
