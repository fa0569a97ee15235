// LibrarySchema: the file format of a library, as an append-only list of migrations
// (docs/schema.md). Never edit a registered migration; add a new one and bump
// `LibrarySchema.version`.
import GRDB
import OffprintModel

enum LibrarySchema {
    /// `PRAGMA application_id` of every Offprint library: "OFPR" as a big-endian UInt32.
    static let applicationID: Int32 = 0x4F46_5052

    /// The newest schema this code knows; written to `PRAGMA user_version` by the last
    /// migration.
    static let version = 4

    /// The migrator every `Library` runs when it opens a file.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                CREATE TABLE meta (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    replica TEXT NOT NULL CHECK (length(replica) = 32),
                    created_at INTEGER NOT NULL,
                    hlc_physical INTEGER NOT NULL,
                    hlc_counter INTEGER NOT NULL
                );
                CREATE TABLE blob (
                    hash TEXT PRIMARY KEY NOT NULL CHECK (length(hash) = 64),
                    data BLOB NOT NULL,
                    size INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE revision (
                    hash TEXT PRIMARY KEY NOT NULL CHECK (length(hash) = 64),
                    article_id TEXT NOT NULL CHECK (length(article_id) = 64),
                    time_physical INTEGER NOT NULL,
                    time_counter INTEGER NOT NULL,
                    replica TEXT NOT NULL,
                    canonical TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX revision_article ON revision(article_id);
                CREATE TABLE revision_parent (
                    child TEXT NOT NULL REFERENCES revision(hash) DEFERRABLE INITIALLY DEFERRED,
                    parent TEXT NOT NULL REFERENCES revision(hash) DEFERRABLE INITIALLY DEFERRED,
                    PRIMARY KEY (child, parent)
                ) WITHOUT ROWID;
                CREATE INDEX revision_parent_parent ON revision_parent(parent);
                CREATE TABLE article (
                    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 64),
                    head TEXT NOT NULL REFERENCES revision(hash) DEFERRABLE INITIALLY DEFERRED,
                    leaves INTEGER NOT NULL,
                    deleted INTEGER NOT NULL,
                    added_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX article_added ON article(added_at);
                """)
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        // v2 (docs/sync.md): the library family, the families it has joined, the summary
        // of its bag of items, and the cached virtual head of articles with several leaves.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                ALTER TABLE meta ADD COLUMN family TEXT NOT NULL DEFAULT '';
                ALTER TABLE meta ADD COLUMN digest TEXT NOT NULL DEFAULT '';
                ALTER TABLE meta ADD COLUMN revision_count INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE meta ADD COLUMN blob_count INTEGER NOT NULL DEFAULT 0;
                UPDATE meta SET family = replica;
                CREATE TABLE family (
                    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 32)
                ) WITHOUT ROWID;
                INSERT INTO family (id) SELECT family FROM meta;
                ALTER TABLE article ADD COLUMN merged TEXT;
                """)
            try BagSummary.recompute(db)
            // Articles with several leaves get their merged head (the cache only).
            for id in try String.fetchAll(db, sql: "SELECT id FROM article WHERE leaves > 1")
                .compactMap(ArticleID.init(hex:)) {
                try RevisionGraph.refreshArticle(db, id, updatingSearch: false)
            }
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        // v3 (docs/sync.md): the bag summary per hash prefix (4,096 buckets each for
        // revisions and blobs), so a sync lists only the buckets that differ.
        migrator.registerMigration("v3") { db in
            try db.execute(sql: """
                CREATE TABLE bucket (
                    kind TEXT NOT NULL CHECK (kind IN ('r', 'b')),
                    prefix TEXT NOT NULL CHECK (length(prefix) = 3),
                    count INTEGER NOT NULL,
                    digest TEXT NOT NULL CHECK (length(digest) = 64),
                    PRIMARY KEY (kind, prefix)
                ) WITHOUT ROWID;
                """)
            try BagSummary.recomputeBuckets(db)
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        // v4 (docs/schema.md, "Search"): the full-text index of every article that is not
        // deleted, FTS5 with the trigram tokenizer, built from the existing heads.
        migrator.registerMigration("v4") { db in
            try db.execute(sql: """
                CREATE TABLE article_search (
                    rowid INTEGER PRIMARY KEY,
                    article_id TEXT NOT NULL UNIQUE CHECK (length(article_id) = 64),
                    head TEXT NOT NULL CHECK (length(head) = 64)
                );
                CREATE VIRTUAL TABLE article_fts USING fts5(
                    title, byline, site_name, text, tokenize = 'trigram'
                );
                """)
            try SearchIndex.rebuild(db)
            try db.execute(sql: "PRAGMA user_version = 4")
        }
        return migrator
    }
}
