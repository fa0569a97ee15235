// Library+History: an article's whole revision graph with the blobs it names, for the JSON
// export (docs/json-format.md, version 2), and the head those revisions give, computed
// without a library, so that a JSON document can be checked before anything is written.
import Foundation
import GRDB
import OffprintModel

extension Library {
    /// The article at its head, as `snapshot(_:)`, with its `history` filled in: every
    /// revision of the article (head order, oldest first) and every blob they name.
    ///
    /// - Throws: `OffprintError(.notFound, id, "no such article")`; `.badLibrary` when a
    ///   revision does not parse or a blob it names is missing.
    public func snapshot(_ id: ArticleID, includingHistory: Bool) throws -> ArticleSnapshot {
        try read { db in
            var s = try snapshot(db, id)
            if includingHistory { s.history = try history(db, id) }
            return s
        }
    }

    /// Snapshots of `ids` in the given order, or of every article that is not deleted
    /// (newest first) when `ids` is nil, each with its history when `includingHistory`.
    ///
    /// - Throws: as `snapshot(_:includingHistory:)`.
    public func snapshots(_ ids: [ArticleID]?, includingHistory: Bool) throws -> [ArticleSnapshot] {
        guard includingHistory else { return try snapshots(ids) }
        return try read { db in
            let wanted = try ids ?? String.fetchAll(db, sql: """
                SELECT id FROM article WHERE deleted = 0 ORDER BY added_at DESC, id
                """).compactMap(ArticleID.init(hex:))
            return try wanted.map { id in
                var s = try snapshot(db, id)
                s.history = try history(db, id)
                return s
            }
        }
    }

    private func history(_ db: Database, _ id: ArticleID) throws -> ArticleHistory {
        let graph = try RevisionGraph.revisions(db, of: id)
        let ordered = graph.sorted { RevisionKey.headOrder(Self.key($0.key, $0.value), Self.key($1.key, $1.value)) }
        var blobs: [ContentHash: Data] = [:]
        for (_, r) in ordered {
            for hash in [r.body] + r.images + (r.source.map { [$0] } ?? []) where blobs[hash] == nil {
                guard let data = try blob(db, hash) else {
                    throw OffprintError(.badLibrary, url.path, "damaged library: missing blob \(hash.hex)")
                }
                blobs[hash] = data
            }
        }
        return ArticleHistory(revisions: ordered.map(\.value), blobs: blobs)
    }

    static func key(_ hash: ContentHash, _ r: Revision) -> RevisionKey {
        RevisionKey(hash: hash, time: r.time, replica: r.replica)
    }

    /// The head that the revisions of one article give, as a library holding exactly them
    /// derives it (docs/sync.md): the single leaf, or the virtual merged revision of several
    /// leaves, with its hash; and the article's first and head times (`addedAt`, the least
    /// HLC physical time; `updatedAt`, the newest leaf's).
    ///
    /// - Parameter revisions: the article's whole graph (closed under parents).
    /// - Returns: nil when `revisions` is empty.
    public static func derivedHead(of revisions: [Revision])
        -> (hash: ContentHash, revision: Revision, addedAt: Date, updatedAt: Date)? {
        var graph: [ContentHash: Revision] = [:]
        for r in revisions { graph[r.hash] = r }
        let parents = Set(graph.values.flatMap(\.parents))
        let leaves = graph.filter { !parents.contains($0.key) }.map { key($0.key, $0.value) }
        guard let newest = RevisionGraph.head(of: leaves),
              let head = MergeRules.head(of: leaves.map(\.hash), in: graph)?.revision else { return nil }
        let hash = leaves.count == 1 ? newest.hash : head.hash
        let added = graph.values.map(\.time.physical).min() ?? newest.time.physical
        return (hash, head, date(added), date(newest.time.physical))
    }
}
