// ArticleStream: the articles an export writes, as headers known up front (for indexes,
// tables of contents and package metadata) and snapshots loaded one at a time, so that an
// export of many articles never holds every body and image in memory at once.
import Foundation

/// An article's head without its body and images: what an index, a table of contents or a
/// package document needs to know about it.
public struct ArticleHeader: Sendable {
    public var id: ArticleID
    /// The head revision's hash.
    public var head: ContentHash
    public var metadata: ArticleMetadata
    public var state: ArticleState
    /// Time of the article's first revision.
    public var addedAt: Date
    /// Time of the head revision.
    public var updatedAt: Date

    public init(id: ArticleID, head: ContentHash, metadata: ArticleMetadata, state: ArticleState,
                addedAt: Date, updatedAt: Date) {
        self.id = id
        self.head = head
        self.metadata = metadata
        self.state = state
        self.addedAt = addedAt
        self.updatedAt = updatedAt
    }
}

extension ArticleSnapshot {
    /// The snapshot without its body and images.
    public var header: ArticleHeader {
        ArticleHeader(id: id, head: head, metadata: metadata, state: state, addedAt: addedAt, updatedAt: updatedAt)
    }
}

/// Articles in export order: every header at once, each full snapshot on demand.
///
/// A stream made by the library loads each snapshot (body and image blobs) when `forEach`
/// reaches it and lets it go before the next, so memory stays bounded by the largest article,
/// not the whole export.
public struct ArticleStream: Sendable {
    /// The articles' headers, in export order.
    public let headers: [ArticleHeader]
    private let load: @Sendable (ArticleHeader) throws -> ArticleSnapshot

    /// A stream over `headers` whose snapshots come from `load` (called once per article,
    /// in order, by `forEach`).
    public init(headers: [ArticleHeader], load: @escaping @Sendable (ArticleHeader) throws -> ArticleSnapshot) {
        self.headers = headers
        self.load = load
    }

    /// The articles `headers` (a reordering or subset of `other`'s), loaded as `other`
    /// loads them.
    public init(headers: [ArticleHeader], loading other: ArticleStream) {
        self.headers = headers
        self.load = other.load
    }

    /// A stream over snapshots already in memory (tests, small exports).
    public init(_ snapshots: [ArticleSnapshot]) {
        headers = snapshots.map(\.header)
        let byID = Dictionary(snapshots.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        load = { h in
            guard let s = byID[h.id] else {
                throw OffprintError(.notFound, h.id.hex, "no such article")
            }
            return s
        }
    }

    /// The number of articles.
    public var count: Int { headers.count }
    public var isEmpty: Bool { headers.isEmpty }

    /// Calls `body` with each article's position (0-based) and snapshot, in order, loading
    /// one snapshot at a time.
    ///
    /// - Throws: what loading a snapshot throws (`OffprintError`), or what `body` throws.
    public func forEach(_ body: (Int, ArticleSnapshot) throws -> Void) throws {
        for (k, h) in headers.enumerated() {
            try body(k, try load(h))
        }
    }

    /// Every snapshot, in order, in memory at once (for formats that cannot stream).
    ///
    /// - Throws: as `forEach(_:)`.
    public func collect() throws -> [ArticleSnapshot] {
        var all: [ArticleSnapshot] = []
        all.reserveCapacity(count)
        try forEach { _, s in all.append(s) }
        return all
    }
}
