// Library+Stream: the articles of an export as an ArticleStream: every header read at once
// (one read transaction), each snapshot (body and image blobs) read when the exporter reaches
// it, so an export of many articles holds one article's bytes at a time.
import Foundation
import GRDB
import OffprintModel

extension Library {
    /// The articles `ids` (in the order given), or every article that is not deleted (newest
    /// first, as `listArticles()`) when `ids` is nil, as a stream for the exporters.
    ///
    /// - Throws: `OffprintError(.notFound, id, "no such article")`; `.badLibrary` when a
    ///   revision does not parse. Loading a snapshot later throws as `snapshot(_:)`.
    public func articleStream(_ ids: [ArticleID]? = nil) throws -> ArticleStream {
        let headers = try read { db in
            let wanted = try ids ?? String.fetchAll(db, sql: """
                SELECT id FROM article WHERE deleted = 0 ORDER BY added_at DESC, id
                """).compactMap(ArticleID.init(hex:))
            return try wanted.map { try header(db, $0) }
        }
        return ArticleStream(headers: headers) { [self] h in try snapshot(h.id) }
    }

    /// The article's head without its body and images.
    ///
    /// - Throws: `OffprintError(.notFound, id, "no such article")`.
    func header(_ db: Database, _ id: ArticleID) throws -> ArticleHeader {
        try headRevision(db, id).header
    }

    /// The article's header and its effective head revision (merged heads derived).
    ///
    /// - Throws: `OffprintError(.notFound, id, "no such article")`; `.badLibrary` when the
    ///   revision does not parse.
    func headRevision(_ db: Database, _ id: ArticleID) throws -> (header: ArticleHeader, revision: Revision) {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT a.head AS hash, a.merged, a.added_at, a.updated_at, r.canonical
            FROM article a JOIN revision r ON r.hash = a.head WHERE a.id = ?
            """, arguments: [id.hex]) else {
            throw OffprintError(.notFound, id.hex, "no such article")
        }
        let (head, r) = try RevisionGraph.effectiveHead(row)
        return (ArticleHeader(id: id, head: head, metadata: r.metadata, state: r.state,
                              addedAt: Self.date(row["added_at"]), updatedAt: Self.date(row["updated_at"])), r)
    }
}
