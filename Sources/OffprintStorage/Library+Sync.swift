// Library+Sync: what OffprintSync needs from a library (docs/sync.md): the hashes it holds,
// revisions and blobs by hash, and one transaction that adds what a peer sent.
import Foundation
import GRDB
import OffprintModel

/// How many new revisions and blobs one `Library.insert(revisions:blobs:)` stored.
public struct InsertCounts: Hashable, Sendable {
    public var revisions: Int
    public var blobs: Int
    public init(revisions: Int, blobs: Int) {
        self.revisions = revisions
        self.blobs = blobs
    }
}

/// What one `Library.insertReporting(revisions:blobs:families:)` changed, article by article.
public struct InsertReport: Hashable, Sendable {
    /// How many new revisions and blobs were stored.
    public var counts: InsertCounts
    /// Articles the library did not hold before that received revisions.
    public var addedArticles: Set<ArticleID>
    /// Articles the library held before that received new revisions.
    public var revisedArticles: Set<ArticleID>
}

extension Library {
    /// The hashes of every revision the library holds.
    public func revisionHashes() throws -> Set<ContentHash> {
        try read { db in
            Set(try String.fetchAll(db.cachedStatement(sql: "SELECT hash FROM revision")).compactMap(ContentHash.init(hex:)))
        }
    }

    /// The hashes of every blob the library holds.
    public func blobHashes() throws -> Set<ContentHash> {
        try read { db in
            Set(try String.fetchAll(db.cachedStatement(sql: "SELECT hash FROM blob")).compactMap(ContentHash.init(hex:)))
        }
    }

    /// The revisions named by `hashes`, in hash order; hashes the library lacks are skipped.
    ///
    /// - Throws: `.badLibrary` when a stored revision does not parse.
    public func revisions<S: Sequence>(_ hashes: S) throws -> [Revision] where S.Element == ContentHash {
        try read { db in
            try Set(hashes).sorted().compactMap { try RevisionGraph.revision(db, $0) }
        }
    }

    /// The blobs named by `hashes`, in hash order; hashes the library lacks are skipped.
    public func blobs<S: Sequence>(_ hashes: S) throws -> [(ContentHash, Data)] where S.Element == ContentHash {
        try read { db in
            try Set(hashes).sorted().compactMap { h in try blob(db, h).map { (h, $0) } }
        }
    }

    /// The summary of the revisions and blobs held (counts and XOR of their hashes), read
    /// from the meta row without listing anything.
    public func summary() throws -> BagSummary {
        try read { db in try BagSummary.read(db) }
    }

    /// The per-prefix summaries of the revisions and blobs held: key `r:<3 hex>` (revisions)
    /// or `b:<3 hex>` (blobs), value `<count>:<XOR of the hashes>`; empty buckets absent.
    public func bucketSummaries() throws -> [String: String] {
        try read { db in try BagSummary.readBuckets(db) }
    }

    /// The hashes of the revisions whose hash starts with one of `prefixes` (3 hex each).
    public func revisionHashes(prefixes: Set<String>) throws -> Set<ContentHash> {
        try hashes(in: "revision", prefixes: prefixes)
    }

    /// The hashes of the blobs whose hash starts with one of `prefixes` (3 hex each).
    public func blobHashes(prefixes: Set<String>) throws -> Set<ContentHash> {
        try hashes(in: "blob", prefixes: prefixes)
    }

    private func hashes(in table: String, prefixes: Set<String>) throws -> Set<ContentHash> {
        try read { db in
            var out = Set<ContentHash>()
            let statement = try db.makeStatement(sql: "SELECT hash FROM \(table) WHERE hash >= ? AND hash < ?")
            for prefix in prefixes.sorted() {
                for h in try String.fetchAll(statement, arguments: [prefix, prefix + "g"]) {
                    if let hash = ContentHash(hex: h) { out.insert(hash) }
                }
            }
            return out
        }
    }

    /// The library's own family id and every family it has joined (its own included),
    /// 32 hex each (docs/sync.md, "Library family").
    public func families() throws -> (own: String, known: Set<String>) {
        try read { db in
            let own = try String.fetchOne(db.cachedStatement(sql: "SELECT family FROM meta WHERE id = 1")) ?? ""
            return (own, Set(try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM family"))))
        }
    }

    /// For each replica id, the greatest HLC time among the revisions held from it: the
    /// version vector of `offprint state`.
    public func versionVector() throws -> [ReplicaID: HLCTimestamp] {
        try read { db in
            var out: [ReplicaID: HLCTimestamp] = [:]
            for row in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT r.replica, r.time_physical, max(r.time_counter) AS counter FROM revision r
                JOIN (SELECT replica, max(time_physical) AS p FROM revision GROUP BY replica) m
                  ON m.replica = r.replica AND m.p = r.time_physical
                GROUP BY r.replica
                """)) {
                guard let replica = ReplicaID(hex: row["replica"]) else { continue }
                out[replica] = HLCTimestamp(physical: row["time_physical"], counter: row["counter"])
            }
            return out
        }
    }

    /// What a library with version vector `vector` lacks, assuming it holds every revision
    /// the vector covers (docs/sync.md, "State tokens and bundles"): the revisions whose
    /// replica is not in the vector or whose time is after its entry, and the blobs those
    /// revisions name that no covered revision names.
    ///
    /// - Throws: `.badLibrary` when a stored revision does not parse.
    public func missing(from vector: [ReplicaID: HLCTimestamp])
        throws -> (revisions: [Revision], blobs: [(ContentHash, Data)]) {
        try read { db in
            var wanted: [Revision] = []
            var coveredBlobs = Set<ContentHash>()
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT hash, replica, time_physical, time_counter, canonical FROM revision ORDER BY hash
                """)
            while let row = try cursor.next() {
                guard let hash = ContentHash(hex: row["hash"]) else { continue }
                let time = HLCTimestamp(physical: row["time_physical"], counter: row["time_counter"])
                let covered = ReplicaID(hex: row["replica"]).flatMap { vector[$0] }.map { time <= $0 } ?? false
                let r = try RevisionGraph.parse(row["canonical"], hash: hash)
                let named = [r.body] + r.images + (r.source.map { [$0] } ?? [])
                if covered { coveredBlobs.formUnion(named) } else { wanted.append(r) }
            }
            var blobHashes = Set<ContentHash>()
            for r in wanted { blobHashes.formUnion([r.body] + r.images + (r.source.map { [$0] } ?? [])) }
            let blobs = try blobHashes.subtracting(coveredBlobs).sorted().compactMap { h in
                try blob(db, h).map { (h, $0) }
            }
            return (wanted, blobs)
        }
    }

    /// Adds revisions and blobs received from a peer, in one transaction: all or nothing.
    ///
    /// Each blob's SHA-256 must equal its given hash; each revision must survive a round
    /// trip through its canonical text; every parent and every body, source and image blob
    /// a new revision names must be in the library or in this batch, and parents must
    /// belong to the same article. Items already present are skipped. The library clock
    /// advances to at least the newest time received, and the heads of the affected
    /// articles are recomputed. `families` (32 hex each) are added to the families this
    /// library has joined (docs/sync.md, "Library family").
    ///
    /// - Returns: how many revisions and blobs were new, and which articles were new or
    ///   received new revisions.
    /// - Throws: `OffprintError(.badLibrary, path, ...)` naming the first item that fails a
    ///   check (nothing is written), or the write errors of any transaction.
    @discardableResult
    public func insert(revisions: [Revision], blobs: [(ContentHash, Data)],
                       families: Set<String> = []) throws -> InsertCounts {
        try insertReporting(revisions: revisions, blobs: blobs, families: families).counts
    }

    /// `insert(revisions:blobs:families:)`, reporting also which articles were new and which
    /// received new revisions (`offprint import` of a JSON document). When the library holds
    /// every revision, blob and family already, only a read runs and the report is empty.
    ///
    /// - Throws: as `insert(revisions:blobs:families:)`; nothing is written then.
    @discardableResult
    public func insertReporting(revisions: [Revision], blobs: [(ContentHash, Data)],
                                families: Set<String> = []) throws -> InsertReport {
        let path = url.path
        var incomingBlobs = Set<ContentHash>()
        for (hash, data) in blobs {
            let actual = ContentHash(of: data)
            guard actual == hash else {
                throw OffprintError(.badLibrary, path, "received blob \(hash.hex) hashes to \(actual.hex)")
            }
            incomingBlobs.insert(hash)
        }
        var incoming: [ContentHash: Revision] = [:]
        for r in revisions {
            let canonical = r.canonicalSerialization()
            guard (try? Revision(canonical: canonical)) == r else {
                throw OffprintError(.badLibrary, path, "received revision \(r.hash.hex) does not round-trip")
            }
            incoming[ContentHash(ofUTF8: canonical)] = r
        }
        // Everything already held: nothing to write, so no write transaction is begun (a
        // library on read-only media, or one another writer holds, takes an unchanged
        // import or an empty sync without an error).
        let held = try read { db in
            func has(_ table: String, _ key: String) throws -> Bool {
                try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM \(table) WHERE \(table == "family" ? "id" : "hash") = ?"),
                                  arguments: [key]) ?? false
            }
            return try incoming.keys.allSatisfy { try has("revision", $0.hex) }
                && incomingBlobs.allSatisfy { try has("blob", $0.hex) }
                && families.filter { $0.utf8.count == 32 }.allSatisfy { try has("family", $0) }
        }
        if held {
            return InsertReport(counts: InsertCounts(revisions: 0, blobs: 0), addedArticles: [], revisedArticles: [])
        }
        return try write { db in
            func hasRevision(_ h: ContentHash) throws -> ArticleID? {
                if let r = incoming[h] { return r.articleID }
                return try String.fetchOne(db.cachedStatement(sql: "SELECT article_id FROM revision WHERE hash = ?"),
                                           arguments: [h.hex]).flatMap(ArticleID.init(hex:))
            }
            func hasBlob(_ h: ContentHash) throws -> Bool {
                if incomingBlobs.contains(h) { return true }
                return try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM blob WHERE hash = ?"), arguments: [h.hex]) ?? false
            }
            var counts = InsertCounts(revisions: 0, blobs: 0)
            var added = Set<ArticleID>(), revised = Set<ArticleID>()
            for (hash, data) in blobs where try RevisionGraph.insertBlob(db, hash, data) {
                counts.blobs += 1
            }
            var affected = Set<ArticleID>()
            var newest = try RevisionGraph.lastTime(db)
            for (hash, r) in incoming.sorted(by: { $0.key < $1.key }) {
                let (_, isNew) = try RevisionGraph.insert(db, r)
                guard isNew else { continue }
                for parent in r.parents {
                    guard let article = try hasRevision(parent) else {
                        throw OffprintError(.badLibrary, path,
                                            "received revision \(hash.hex) has a missing parent \(parent.hex)")
                    }
                    guard article == r.articleID else {
                        throw OffprintError(.badLibrary, path,
                                            "received revision \(hash.hex) has a parent in another article")
                    }
                }
                for blob in [r.body] + r.images + (r.source.map { [$0] } ?? []) where try !hasBlob(blob) {
                    throw OffprintError(.badLibrary, path,
                                        "received revision \(hash.hex) refers to a missing blob \(blob.hex)")
                }
                counts.revisions += 1
                if affected.insert(r.articleID).inserted {
                    let known = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM article WHERE id = ?"),
                                                  arguments: [r.articleID.hex]) ?? false
                    if known { revised.insert(r.articleID) } else { added.insert(r.articleID) }
                }
                newest = max(newest, r.time)
            }
            for family in families.sorted() where family.utf8.count == 32 {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO family (id) VALUES (?)").execute(arguments: [family])
            }
            try RevisionGraph.setLastTime(db, newest)
            for id in affected.sorted() { try RevisionGraph.refreshArticle(db, id) }
            return InsertReport(counts: counts, addedArticles: added, revisedArticles: revised)
        }
    }
}
