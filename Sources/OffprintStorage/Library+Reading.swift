// Library+Reading: everything commands read: id prefixes, the article list, snapshots for
// show and export, history, single revisions and blobs.
import Foundation
import GRDB
import OffprintModel

extension Library {
    /// The article whose id starts with `prefix` (case-insensitive hex), like a git
    /// abbreviation.
    ///
    /// - Parameter includeDeleted: also match deleted articles (for `history`).
    /// - Throws: `OffprintError(.notFound, prefix, "no article matches this id")` when none
    ///   matches, `OffprintError(.notFound, prefix, "id prefix matches N articles; give more characters")` when
    ///   several do.
    public func resolve(prefix: String, includeDeleted: Bool = false) throws -> ArticleID {
        let p = prefix.lowercased()
        let isHex = !p.isEmpty && p.utf8.count <= 64
            && p.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
        guard isHex else { throw OffprintError(.notFound, prefix, "no article matches this id") }
        let ids = try read { db in
            try String.fetchAll(db, sql: """
                SELECT id FROM article WHERE substr(id, 1, ?) = ? AND (? OR deleted = 0) LIMIT 1000
                """, arguments: [p.utf8.count, p, includeDeleted])
        }
        switch ids.count {
        case 0: throw OffprintError(.notFound, prefix, "no article matches this id")
        case 1: return ArticleID(hex: ids[0])!
        default: throw OffprintError(.notFound, prefix, "id prefix matches \(ids.count) articles; give more characters")
        }
    }

    /// All articles that are not deleted, newest first (by `addedAt` descending, then id).
    public func listArticles() throws -> [ArticleSummary] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.id, a.head AS hash, a.merged, a.leaves, a.added_at, a.updated_at, r.canonical
                FROM article a JOIN revision r ON r.hash = a.head
                WHERE a.deleted = 0 ORDER BY a.added_at DESC, a.id
                """).map { row in
                guard let id = ArticleID(hex: row["id"]) else {
                    throw OffprintError(.badLibrary, url.path, "damaged library: bad article row")
                }
                let (head, r) = try RevisionGraph.effectiveHead(row)
                return ArticleSummary(id: id, head: head, metadata: r.metadata, state: r.state,
                                      addedAt: Self.date(row["added_at"]),
                                      updatedAt: Self.date(row["updated_at"]),
                                      leafCount: row["leaves"])
            }
        }
    }

    /// The article at its head, with its body and image blobs (deleted articles too).
    ///
    /// - Throws: `OffprintError(.notFound, id, "no such article")`; `.badLibrary` when a
    ///   blob the head refers to is missing.
    public func snapshot(_ id: ArticleID) throws -> ArticleSnapshot {
        try read { db in try snapshot(db, id) }
    }

    /// Snapshots of `ids` in the given order, or of every article that is not deleted
    /// (newest first, as `listArticles()`) when `ids` is nil.
    ///
    /// - Throws: as `snapshot(_:)`.
    public func snapshots(_ ids: [ArticleID]? = nil) throws -> [ArticleSnapshot] {
        try read { db in
            let wanted = try ids ?? String.fetchAll(db, sql: """
                SELECT id FROM article WHERE deleted = 0 ORDER BY added_at DESC, id
                """).compactMap(ArticleID.init(hex:))
            return try wanted.map { try snapshot(db, $0) }
        }
    }

    func snapshot(_ db: Database, _ id: ArticleID) throws -> ArticleSnapshot {
        let (h, r) = try headRevision(db, id)
        guard let body = try blob(db, r.body) else {
            throw OffprintError(.badLibrary, url.path, "damaged library: missing body blob \(r.body.hex)")
        }
        var images: [ContentHash: Data] = [:]
        for hash in r.images {
            guard let data = try blob(db, hash) else {
                throw OffprintError(.badLibrary, url.path, "damaged library: missing image blob \(hash.hex)")
            }
            images[hash] = data
        }
        return ArticleSnapshot(id: id, head: h.head, metadata: h.metadata, state: h.state,
                               addedAt: h.addedAt, updatedAt: h.updatedAt,
                               content: String(decoding: body, as: UTF8.self), images: images)
    }

    /// Every revision of the article, newest first (by time, replica, hash, descending),
    /// each with the fields it changed.
    ///
    /// - Throws: `OffprintError(.notFound, id, "no such article")`.
    public func history(_ id: ArticleID) throws -> [HistoryEntry] {
        let all = try read { db in try RevisionGraph.revisions(db, of: id) }
        guard !all.isEmpty else { throw OffprintError(.notFound, id.hex, "no such article") }
        func key(_ h: ContentHash, _ r: Revision) -> RevisionKey {
            RevisionKey(hash: h, time: r.time, replica: r.replica)
        }
        return all.map { hash, revision in
            let parents = revision.parents.compactMap { p in all[p].map { key(p, $0) } }
            let changed = RevisionGraph.head(of: parents).flatMap { all[$0.hash] }
                .map { HistoryEntry.changedFields(from: $0, to: revision) } ?? []
            return HistoryEntry(hash: hash, revision: revision, changedFields: changed)
        }
        .sorted { RevisionKey.headOrder(key($1.hash, $1.revision), key($0.hash, $0.revision)) }
    }

    /// The revision named `hash`, or nil when the library does not hold it.
    ///
    /// - Throws: `.badLibrary` when its stored text does not parse.
    public func revision(_ hash: ContentHash) throws -> Revision? {
        try read { db in try RevisionGraph.revision(db, hash) }
    }

    /// The bytes of blob `hash`, or nil when the library does not hold it.
    public func blob(_ hash: ContentHash) throws -> Data? {
        try read { db in try blob(db, hash) }
    }

    func blob(_ db: Database, _ hash: ContentHash) throws -> Data? {
        try Data.fetchOne(db, sql: "SELECT data FROM blob WHERE hash = ?", arguments: [hash.hex])
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
