// Library+Verify: `offprint verify`, a full consistency check of the file: SQLite's own
// integrity check, every content address re-hashed, every reference resolved, every cached
// head re-derived.
import Foundation
import GRDB
import OffprintModel

extension Library {
    /// Checks the whole library and returns the problems found, one line each; an empty
    /// list means the library is healthy. Reads only; repairs nothing.
    ///
    /// Checks: `PRAGMA integrity_check`; each blob's SHA-256 and size; each revision's
    /// SHA-256 over its canonical text, that the text parses and agrees with the row's
    /// columns and parent rows; that every parent, body, source and image exists (parents in
    /// the same article); that every article's cached head, leaf count and deleted flag
    /// equal what the graph derives by the merge rules (docs/sync.md), the merged head of an
    /// article with several leaves included; that the stored bag summary matches the tables;
    /// that the library clock is not behind any revision; that the search index holds
    /// exactly the articles that are not deleted, each with its head's text (docs/schema.md,
    /// "Search"; `rebuildSearchIndex()` repairs it).
    ///
    /// - Throws: `OffprintError` only when the file cannot be read at all.
    public func verify() throws -> [String] {
        try read { db in
            var problems: [String] = []
            for line in try String.fetchAll(db, sql: "PRAGMA integrity_check") where line != "ok" {
                problems.append("integrity check: \(line)")
            }

            var blobs = Set<String>()
            let blobRows = try Row.fetchCursor(db, sql: "SELECT hash, data, size FROM blob ORDER BY hash")
            while let row = try blobRows.next() {
                let hash: String = row["hash"]
                let data: Data = row["data"] ?? Data()
                blobs.insert(hash)
                let actual = ContentHash(of: data).hex
                if actual != hash { problems.append("blob \(hash): content hashes to \(actual)") }
                if (row["size"] as Int) != data.count {
                    problems.append("blob \(hash): size \(row["size"] as Int) but \(data.count) bytes")
                }
            }

            var parentRows: [String: Set<String>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT child, parent FROM revision_parent") {
                parentRows[row["child"], default: []].insert(row["parent"])
            }
            var revisions: [String: Revision] = [:]
            var articles = Set<String>()
            var newest = HLCTimestamp(physical: 0)
            for row in try Row.fetchAll(db, sql: "SELECT * FROM revision ORDER BY hash") {
                let hash: String = row["hash"]
                let canonical: String = row["canonical"]
                articles.insert(row["article_id"])
                let actual = ContentHash(ofUTF8: canonical).hex
                if actual != hash {
                    problems.append("revision \(hash): canonical text hashes to \(actual)")
                }
                guard let r = try? Revision(canonical: canonical) else {
                    problems.append("revision \(hash): canonical text does not parse")
                    continue
                }
                revisions[hash] = r
                newest = max(newest, r.time)
                if r.articleID.hex != (row["article_id"] as String) || r.replica.hex != (row["replica"] as String)
                    || r.time != HLCTimestamp(physical: row["time_physical"], counter: row["time_counter"]) {
                    problems.append("revision \(hash): columns disagree with its canonical text")
                }
                if Set(r.parents.map(\.hex)) != parentRows[hash, default: []] {
                    problems.append("revision \(hash): parent rows disagree with its canonical text")
                }
                var referenced = [("body", r.body)] + r.images.map { ("image", $0) }
                if let source = r.source { referenced.append(("source", source)) }
                for (role, blob) in referenced where !blobs.contains(blob.hex) {
                    problems.append("revision \(hash): missing \(role) blob \(blob.hex)")
                }
            }
            for (hash, r) in revisions.sorted(by: { $0.key < $1.key }) {
                for parent in r.parents {
                    if let p = revisions[parent.hex] {
                        if p.articleID != r.articleID {
                            problems.append("revision \(hash): parent \(parent.hex) belongs to another article")
                        }
                    } else {
                        problems.append("revision \(hash): missing parent \(parent.hex)")
                    }
                }
            }
            for child in parentRows.keys where revisions[child] == nil && !articles.isEmpty {
                if try Int.fetchOne(db, sql: "SELECT count(*) FROM revision WHERE hash = ?", arguments: [child]) == 0 {
                    problems.append("parent row for missing revision \(child)")
                }
            }

            var cached: [String: Row] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM article") { cached[row["id"]] = row }
            var heads: [(ArticleID, ContentHash, Revision)] = []
            for article in articles.sorted() {
                guard let id = ArticleID(hex: article) else {
                    problems.append("article \(article): not an article id")
                    continue
                }
                guard let derived = try RevisionGraph.derive(db, of: id) else { continue }
                if !derived.head.state.deleted {
                    heads.append((id, derived.merged.map { ContentHash(ofUTF8: $0) } ?? derived.newest.hash, derived.head))
                }
                guard let row = cached[article] else {
                    problems.append("article \(article): missing from the article cache")
                    continue
                }
                if (row["head"] as String) != derived.newest.hash.hex {
                    problems.append("article \(article): cached head \(row["head"] as String) but the graph gives \(derived.newest.hash.hex)")
                }
                if (row["leaves"] as Int) != derived.leaves {
                    problems.append("article \(article): cached leaf count \(row["leaves"] as Int) but the graph has \(derived.leaves)")
                }
                if (row["merged"] as String?) != derived.merged {
                    problems.append("article \(article): cached merged head is not the one the merge rules derive")
                }
                if (row["deleted"] as Bool) != derived.head.state.deleted {
                    problems.append("article \(article): cached deleted flag disagrees with the head")
                }
            }
            for article in cached.keys.sorted() where !articles.contains(article) {
                problems.append("article \(article): cached but has no revisions")
            }
            let summary = try BagSummary.compute(db)
            if try BagSummary.read(db) != summary {
                problems.append("stored summary (revision and blob counts, digest) disagrees with the tables")
            }
            let buckets = try BagSummary.computeBuckets(db)
            let stored = try BagSummary.readBuckets(db)
            for key in Set(buckets.keys).union(stored.keys).sorted() where buckets[key] != stored[key] {
                problems.append("stored summary of bucket \(key) disagrees with the tables")
            }
            if try RevisionGraph.lastTime(db) < newest {
                problems.append("library clock is behind its newest revision")
            }
            problems += try SearchIndex.problems(db, heads: heads)
            if try Int.fetchOne(db, sql: "PRAGMA application_id") != Int(LibrarySchema.applicationID) {
                problems.append("application_id is not Offprint's")
            }
            return problems
        }
    }

    /// Runs raw SQL against the library, outside every check. For tests that damage a
    /// library on purpose; never call it elsewhere.
    @_spi(Testing)
    public func _executeRawSQLForTesting(_ sql: String) throws {
        try write { db in try db.execute(sql: sql) }
    }
}
