// RevisionGraph: the SQL that stores and walks an article's revision graph, and the cache
// of each article's head. The head is a pure function of the graph (docs/revisions.md,
// "Leaves and the head rule"; docs/sync.md, "The fold"), so two libraries holding the same
// revisions derive the same head.
import Foundation
import GRDB
import OffprintModel

/// The fields of a revision the head rule looks at.
struct RevisionKey: Hashable {
    var hash: ContentHash
    var time: HLCTimestamp
    var replica: ReplicaID

    /// The head order: time, then replica id, then revision hash; greatest wins.
    static func headOrder(_ a: RevisionKey, _ b: RevisionKey) -> Bool {
        if a.time != b.time { return a.time < b.time }
        if a.replica != b.replica { return a.replica < b.replica }
        return a.hash < b.hash
    }
}

enum RevisionGraph {
    /// The newest among `leaves`: the greatest by (time, replica, hash).
    static func head(of leaves: [RevisionKey]) -> RevisionKey? {
        leaves.max(by: RevisionKey.headOrder)
    }

    static func key(_ row: Row) throws -> RevisionKey {
        guard let hash = ContentHash(hex: row["hash"]), let replica = ReplicaID(hex: row["replica"]) else {
            throw OffprintError(.badLibrary, nil, "damaged library: bad revision row")
        }
        return RevisionKey(hash: hash,
                           time: HLCTimestamp(physical: row["time_physical"], counter: row["time_counter"]),
                           replica: replica)
    }

    /// The article's leaves: its revisions that are nobody's parent.
    static func leaves(_ db: Database, of id: ArticleID) throws -> [RevisionKey] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT hash, time_physical, time_counter, replica FROM revision r
            WHERE article_id = ?
              AND NOT EXISTS (SELECT 1 FROM revision_parent p WHERE p.parent = r.hash)
            """), arguments: [id.hex]).map(key)
    }

    /// The stored revision named `hash`, parsed from its canonical text; nil when absent.
    static func revision(_ db: Database, _ hash: ContentHash) throws -> Revision? {
        guard let text = try String.fetchOne(db.cachedStatement(sql: "SELECT canonical FROM revision WHERE hash = ?"),
                                             arguments: [hash.hex]) else { return nil }
        return try parse(text, hash: hash)
    }

    static func parse(_ canonical: String, hash: ContentHash) throws -> Revision {
        do {
            return try Revision(canonical: canonical)
        } catch let error as OffprintError {
            throw OffprintError(.badLibrary, nil, "damaged library: revision \(hash.hex): \(error.message)")
        }
    }

    /// Every revision of the article, parsed, keyed by hash.
    static func revisions(_ db: Database, of id: ArticleID) throws -> [ContentHash: Revision] {
        var out: [ContentHash: Revision] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT hash, canonical FROM revision WHERE article_id = ?"),
                                    arguments: [id.hex]) {
            guard let hash = ContentHash(hex: row["hash"]) else { continue }
            out[hash] = try parse(row["canonical"], hash: hash)
        }
        return out
    }

    /// The cached head of the article, parsed; nil when the article is unknown. With
    /// several leaves this is the virtual merged revision (docs/sync.md), named by the hash
    /// of its canonical text.
    static func head(_ db: Database, of id: ArticleID) throws -> (hash: ContentHash, revision: Revision)? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT a.merged, r.hash, r.canonical FROM article a JOIN revision r ON r.hash = a.head WHERE a.id = ?
            """), arguments: [id.hex]) else { return nil }
        return try effectiveHead(row)
    }

    /// The head from a row with columns `merged`, `hash` (the newest leaf) and `canonical`
    /// (its text).
    static func effectiveHead(_ row: Row) throws -> (hash: ContentHash, revision: Revision) {
        if let merged: String = row["merged"] {
            let hash = ContentHash(ofUTF8: merged)
            return (hash, try parse(merged, hash: hash))
        }
        guard let hash = ContentHash(hex: row["hash"]) else {
            throw OffprintError(.badLibrary, nil, "damaged library: bad article row")
        }
        return (hash, try parse(row["canonical"], hash: hash))
    }

    /// Stores `revision` unless present; returns its hash and whether it was new.
    @discardableResult
    static func insert(_ db: Database, _ revision: Revision) throws -> (ContentHash, Bool) {
        let canonical = revision.canonicalSerialization()
        let hash = ContentHash(ofUTF8: canonical)
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO revision (hash, article_id, time_physical, time_counter, replica, canonical)
            VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [hash.hex, revision.articleID.hex, revision.time.physical,
                             revision.time.counter, revision.replica.hex, canonical])
        guard db.changesCount > 0 else { return (hash, false) }
        try BagSummary.add(db, hash, isBlob: false)
        for parent in revision.parents {
            try db.execute(sql: "INSERT INTO revision_parent (child, parent) VALUES (?, ?)",
                           arguments: [hash.hex, parent.hex])
        }
        return (hash, true)
    }

    /// Stores a blob unless present; returns whether it was new.
    @discardableResult
    static func insertBlob(_ db: Database, _ hash: ContentHash, _ data: Data) throws -> Bool {
        try db.execute(sql: "INSERT OR IGNORE INTO blob (hash, data, size) VALUES (?, ?, ?)",
                       arguments: [hash.hex, data, data.count])
        guard db.changesCount > 0 else { return false }
        try BagSummary.add(db, hash, isBlob: true)
        return true
    }

    /// What the graph derives for the article's cache row: the newest leaf, the leaf count,
    /// and the head (the single leaf, or the virtual merged revision); nil without revisions.
    static func derive(_ db: Database, of id: ArticleID)
        throws -> (newest: RevisionKey, leaves: Int, head: Revision, merged: String?)? {
        let leaves = try leaves(db, of: id)
        guard let newest = head(of: leaves) else { return nil }
        if leaves.count == 1 {
            guard let r = try revision(db, newest.hash) else { return nil }
            return (newest, 1, r, nil)
        }
        let graph = try revisions(db, of: id)
        guard let merged = MergeRules.head(of: leaves.map(\.hash), in: graph) else { return nil }
        return (newest, leaves.count, merged.revision, merged.revision.canonicalSerialization())
    }

    /// Recomputes the article's cache row from its graph, and its row in the search index
    /// (docs/schema.md, "Search") unless `updatingSearch` is false (migrations older than
    /// the index).
    static func refreshArticle(_ db: Database, _ id: ArticleID, updatingSearch: Bool = true) throws {
        guard let derived = try derive(db, of: id) else {
            try db.cachedStatement(sql: "DELETE FROM article WHERE id = ?").execute(arguments: [id.hex])
            if updatingSearch { try SearchIndex.remove(db, id) }
            return
        }
        if updatingSearch {
            let headHash = derived.merged.map { ContentHash(ofUTF8: $0) } ?? derived.newest.hash
            try SearchIndex.update(db, id, head: headHash, revision: derived.head)
        }
        let added = try Int64.fetchOne(db.cachedStatement(sql: "SELECT min(time_physical) FROM revision WHERE article_id = ?"),
                                       arguments: [id.hex]) ?? derived.newest.time.physical
        try db.cachedStatement(sql: """
            INSERT INTO article (id, head, leaves, deleted, added_at, updated_at, merged)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET head = excluded.head, leaves = excluded.leaves,
                deleted = excluded.deleted, added_at = excluded.added_at,
                updated_at = excluded.updated_at, merged = excluded.merged
            """).execute(arguments: [id.hex, derived.newest.hash.hex, derived.leaves, derived.head.state.deleted,
                             added, derived.newest.time.physical, derived.merged])
    }

    /// The library's last HLC time.
    static func lastTime(_ db: Database) throws -> HLCTimestamp {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT hlc_physical, hlc_counter FROM meta WHERE id = 1")) else {
            throw OffprintError(.badLibrary, nil, "damaged library: no meta row")
        }
        return HLCTimestamp(physical: row["hlc_physical"], counter: row["hlc_counter"])
    }

    static func setLastTime(_ db: Database, _ t: HLCTimestamp) throws {
        try db.execute(sql: "UPDATE meta SET hlc_physical = ?, hlc_counter = ? WHERE id = 1",
                       arguments: [t.physical, t.counter])
    }

    /// The HLC time for a new local revision, recorded as the library's last time.
    static func nextTime(_ db: Database, clock: any WallClock) throws -> HLCTimestamp {
        let last = try lastTime(db)
        let t = HLCTimestamp.next(after: last, wallMilliseconds: clock.now().unixMilliseconds)
        try setLastTime(db, t)
        return t
    }
}
