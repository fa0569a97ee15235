// SearchIndex: the full-text index of the library (docs/schema.md, "Search"): one FTS5 row
// per article that is not deleted, holding its head's title, byline, site name and plain
// text, tokenized into trigrams so that any substring of three or more characters matches,
// in every script (Chinese and Japanese have no spaces between words). Derived data: kept
// in step by `RevisionGraph.refreshArticle` in the same transaction as every change, built
// from the heads by migration v4, checked by `verify` and rebuilt by `rebuildSearchIndex`.
import Foundation
import GRDB
import OffprintModel

/// The text the index holds for one article: what a scan search reads instead of parsing
/// every body again.
public struct SearchableArticle: Sendable, Hashable {
    /// The article.
    public var id: ArticleID
    /// The head's title, byline and site name as indexed (fullwidth letters and digits
    /// folded); nil when unknown.
    public var title: String?
    public var byline: String?
    public var siteName: String?
    /// The head body's plain text (`HTMLText.plainText`), fullwidth letters and digits folded.
    public var text: String
    /// Time of the article's first revision.
    public var addedAt: Date
}

enum SearchIndex {
    /// The shortest query, in Unicode scalars, the trigram index can answer.
    static let minimumQueryLength = 3

    /// The indexed columns for a head revision: title, byline, site name, text, each with
    /// fullwidth letters and digits folded (`HTMLText.foldingWidth`). A missing body blob (a damaged
    /// library, which `verify` reports) gives an empty text.
    static func document(_ db: Database, _ r: Revision) throws -> [String?] {
        let body = try Data.fetchOne(db.cachedStatement(sql: "SELECT data FROM blob WHERE hash = ?"),
                                     arguments: [r.body.hex])
        let text = body.map { HTMLText.plainText(String(decoding: $0, as: UTF8.self)) } ?? ""
        return [r.metadata.title, r.metadata.byline, r.metadata.siteName, text].map { $0.map(HTMLText.foldingWidth) }
    }

    /// Removes the article's row, when it has one.
    static func remove(_ db: Database, _ id: ArticleID) throws {
        guard let rowid = try Int64.fetchOne(db.cachedStatement(sql: "SELECT rowid FROM article_search WHERE article_id = ?"),
                                             arguments: [id.hex]) else { return }
        try db.cachedStatement(sql: "DELETE FROM article_fts WHERE rowid = ?").execute(arguments: [rowid])
        try db.cachedStatement(sql: "DELETE FROM article_search WHERE rowid = ?").execute(arguments: [rowid])
    }

    /// Makes the article's row hold `revision`, its head named `head`: removed when the head
    /// is deleted, left alone when it already holds that head, else (re)written.
    static func update(_ db: Database, _ id: ArticleID, head: ContentHash, revision: Revision) throws {
        if revision.state.deleted {
            try remove(db, id)
            return
        }
        let existing = try Row.fetchOne(db.cachedStatement(sql: "SELECT rowid, head FROM article_search WHERE article_id = ?"),
                                        arguments: [id.hex])
        if let existing, (existing["head"] as String) == head.hex { return }
        let rowid: Int64
        if let existing {
            rowid = existing["rowid"]
            try db.cachedStatement(sql: "DELETE FROM article_fts WHERE rowid = ?").execute(arguments: [rowid])
            try db.cachedStatement(sql: "UPDATE article_search SET head = ? WHERE rowid = ?").execute(arguments: [head.hex, rowid])
        } else {
            try db.cachedStatement(sql: "INSERT INTO article_search (article_id, head) VALUES (?, ?)")
                .execute(arguments: [id.hex, head.hex])
            rowid = db.lastInsertedRowID
        }
        let doc = try document(db, revision)
        try db.cachedStatement(sql: "INSERT INTO article_fts (rowid, title, byline, site_name, text) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [rowid, doc[0], doc[1], doc[2], doc[3]])
    }

    /// Every article that is not deleted, with its head's hash and revision.
    static func heads(_ db: Database) throws -> [(ArticleID, ContentHash, Revision)] {
        try Row.fetchAll(db, sql: """
            SELECT a.id, a.head AS hash, a.merged, r.canonical
            FROM article a JOIN revision r ON r.hash = a.head WHERE a.deleted = 0 ORDER BY a.id
            """).compactMap { row in
            guard let id = ArticleID(hex: row["id"]) else { return nil }
            let (hash, revision) = try RevisionGraph.effectiveHead(row)
            return (id, hash, revision)
        }
    }

    /// Empties the index and indexes every article that is not deleted again.
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM article_fts; DELETE FROM article_search;")
        for (id, hash, revision) in try heads(db) {
            try update(db, id, head: hash, revision: revision)
        }
    }

    /// What is wrong with the index, one line each: articles missing from it, rows holding
    /// an old head or text that differs from the head's, rows of deleted or unknown articles.
    /// `heads` are the heads the graph derives for the articles that are not deleted (the
    /// text of a head whose body blob is missing is not compared: that is reported already).
    static func problems(_ db: Database, heads: [(ArticleID, ContentHash, Revision)]) throws -> [String] {
        var problems: [String] = []
        var rows: [String: Row] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT s.article_id, s.head, f.rowid AS fts, f.title, f.byline, f.site_name, f.text
            FROM article_search s LEFT JOIN article_fts f ON f.rowid = s.rowid
            """) {
            rows[row["article_id"]] = row
        }
        let ftsCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM article_fts") ?? 0
        if ftsCount != rows.count {
            problems.append("search index: \(ftsCount) text rows for \(rows.count) articles")
        }
        var expected = Set<String>()
        for (id, hash, revision) in heads {
            expected.insert(id.hex)
            guard let row = rows[id.hex] else {
                problems.append("search index: article \(id.hex) is missing")
                continue
            }
            if (row["head"] as String) != hash.hex {
                problems.append("search index: article \(id.hex) holds revision \(row["head"] as String), not its head \(hash.hex)")
                continue
            }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM blob WHERE hash = ?", arguments: [revision.body.hex]) == true else {
                continue
            }
            let doc = try document(db, revision)
            let stored: [String?] = [row["title"], row["byline"], row["site_name"], row["text"]]
            if (row["fts"] as Int64?) == nil || stored != doc {
                problems.append("search index: the text of article \(id.hex) differs from its head")
            }
        }
        for id in rows.keys.sorted() where !expected.contains(id) {
            problems.append("search index: article \(id) is deleted or unknown but indexed")
        }
        return problems
    }

    /// `query` as the index sees it: fullwidth letters and digits folded, white space collapsed.
    static func normalized(_ query: String) -> String {
        HTMLText.foldingWidth(query).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

extension Library {
    /// The shortest query (in Unicode scalars, after white space is collapsed) that
    /// `searchIndex(_:)` answers: the trigram tokenizer cannot match fewer than 3.
    public static var minimumIndexedQueryLength: Int { SearchIndex.minimumQueryLength }

    /// The articles (not deleted) whose title, byline, site name or text contains `query`
    /// as a substring, case-insensitively (Unicode case folding) and with fullwidth letters and digits
    /// folded, best first: by FTS5 `bm25` rank (title weighing 10, byline and site name 2,
    /// text 1), then newest added, then id (docs/cli.md, `search`).
    ///
    /// - Returns: nil when the normalized query has fewer than
    ///   `minimumIndexedQueryLength` Unicode scalars (scan those with `searchableArticles()`).
    /// - Throws: `OffprintError` when the library cannot be read.
    public func searchIndex(_ query: String) throws -> [SearchHit]? {
        let q = SearchIndex.normalized(query)
        guard q.unicodeScalars.count >= SearchIndex.minimumQueryLength else { return nil }
        // One FTS5 phrase: a substring match under the trigram tokenizer.
        let phrase = "\"" + q.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.article_id, bm25(article_fts, 10.0, 2.0, 2.0, 1.0) AS rank,
                       snippet(article_fts, -1, '[', ']', '…', 64) AS snippet
                FROM article_fts JOIN article_search s ON s.rowid = article_fts.rowid
                JOIN article a ON a.id = s.article_id
                WHERE article_fts MATCH ? AND a.deleted = 0
                ORDER BY rank, a.added_at DESC, s.article_id
                """, arguments: [phrase]).compactMap { row in
                guard let id = ArticleID(hex: row["article_id"]) else { return nil }
                let rank: Double = row["rank"]
                return SearchHit(id: id, score: Int((-rank * 1_000_000).rounded()), snippet: row["snippet"] ?? "")
            }
        }
    }

    /// The indexed text of every article that is not deleted, newest added first, for a
    /// scan search (queries too short for the index).
    ///
    /// - Throws: `OffprintError` when the library cannot be read.
    public func searchableArticles() throws -> [SearchableArticle] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.article_id, f.title, f.byline, f.site_name, f.text, a.added_at
                FROM article_search s JOIN article_fts f ON f.rowid = s.rowid
                JOIN article a ON a.id = s.article_id
                WHERE a.deleted = 0 ORDER BY a.added_at DESC, s.article_id
                """).compactMap { row in
                guard let id = ArticleID(hex: row["article_id"]) else { return nil }
                return SearchableArticle(id: id, title: row["title"], byline: row["byline"],
                                         siteName: row["site_name"], text: row["text"] ?? "",
                                         addedAt: Self.date(row["added_at"]))
            }
        }
    }

    /// Empties the search index and builds it again from every article's head, in one
    /// transaction (derived data: nothing else changes).
    ///
    /// - Throws: `OffprintError` when the library cannot be written.
    public func rebuildSearchIndex() throws {
        try write { db in try SearchIndex.rebuild(db) }
    }
}

extension Library {
    /// The summaries of the articles `ids` that exist and are not deleted, in the order
    /// given (unknown and deleted ids skipped): what `search` shows for its hits without
    /// reading every article as `listArticles()` does.
    ///
    /// - Throws: `.badLibrary` when a head revision does not parse.
    public func summaries(_ ids: [ArticleID]) throws -> [ArticleSummary] {
        try read { db in
            let statement = try db.cachedStatement(sql: """
                SELECT a.id, a.head AS hash, a.merged, a.leaves, a.added_at, a.updated_at, r.canonical
                FROM article a JOIN revision r ON r.hash = a.head WHERE a.id = ? AND a.deleted = 0
                """)
            return try ids.compactMap { id in
                guard let row = try Row.fetchOne(statement, arguments: [id.hex]) else { return nil }
                let (head, r) = try RevisionGraph.effectiveHead(row)
                return ArticleSummary(id: id, head: head, metadata: r.metadata, state: r.state,
                                      addedAt: Self.date(row["added_at"]), updatedAt: Self.date(row["updated_at"]),
                                      leafCount: row["leaves"])
            }
        }
    }
}
