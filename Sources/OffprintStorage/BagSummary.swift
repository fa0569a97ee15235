// BagSummary: a constant-size summary of the bag of items a library holds (docs/sync.md,
// "Sync, pull, and the transaction"): how many revisions, how many blobs, and the XOR of
// all their SHA-256 names, overall and per 3-hex-digit prefix of the name (a bucket).
// Maintained in the same transaction as every insert, so two libraries already in sync are
// recognised without listing their hashes, and two that differ list only the buckets that
// differ.
import Foundation
import GRDB
import OffprintModel

/// The summary of a library's revisions and blobs. Equal summaries mean equal bags (the
/// XOR of SHA-256 names collides only by accident).
public struct BagSummary: Hashable, Sendable {
    /// Number of revisions held.
    public var revisions: Int
    /// Number of blobs held.
    public var blobs: Int
    /// XOR of every revision and blob hash, 64 lowercase hex (all zeros for an empty bag).
    public var digest: String

    public init(revisions: Int, blobs: Int, digest: String) {
        self.revisions = revisions
        self.blobs = blobs
        self.digest = digest
    }

    /// The digest of the empty bag.
    static let zero = String(repeating: "0", count: 64)

    /// `a` XOR `b`, both 64 hex characters.
    static func xor(_ a: String, _ b: String) -> String {
        let x = Array(a.utf8), y = Array(b.utf8)
        func nibble(_ c: UInt8) -> UInt8 { c <= 57 ? c - 48 : (c | 0x20) - 87 }
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 48, count: 64)
        for i in 0..<min(64, min(x.count, y.count)) {
            out[i] = digits[Int(nibble(x[i]) ^ nibble(y[i]))]
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The stored summary.
    static func read(_ db: Database) throws -> BagSummary {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT revision_count, blob_count, digest FROM meta WHERE id = 1")) else {
            throw OffprintError(.badLibrary, nil, "damaged library: no meta row")
        }
        return BagSummary(revisions: row["revision_count"], blobs: row["blob_count"], digest: row["digest"])
    }

    /// Adds one new item to the stored summary and to its bucket.
    static func add(_ db: Database, _ hash: ContentHash, isBlob: Bool) throws {
        let current = try String.fetchOne(db.cachedStatement(sql: "SELECT digest FROM meta WHERE id = 1")) ?? zero
        try db.cachedStatement(sql: """
            UPDATE meta SET digest = ?, revision_count = revision_count + ?, blob_count = blob_count + ?
            WHERE id = 1
            """).execute(arguments: [xor(current.isEmpty ? zero : current, hash.hex), isBlob ? 0 : 1, isBlob ? 1 : 0])
        let kind = isBlob ? "b" : "r", prefix = String(hash.hex.prefix(3))
        if let bucket = try String.fetchOne(db.cachedStatement(sql: "SELECT digest FROM bucket WHERE kind = ? AND prefix = ?"),
                                            arguments: [kind, prefix]) {
            try db.execute(sql: "UPDATE bucket SET count = count + 1, digest = ? WHERE kind = ? AND prefix = ?",
                           arguments: [xor(bucket, hash.hex), kind, prefix])
        } else {
            try db.execute(sql: "INSERT INTO bucket (kind, prefix, count, digest) VALUES (?, ?, 1, ?)",
                           arguments: [kind, prefix, hash.hex])
        }
    }

    /// The per-prefix summaries computed from the tables: key `r:<3 hex>` or `b:<3 hex>`,
    /// value `<count>:<digest>`.
    static func computeBuckets(_ db: Database) throws -> [String: String] {
        var buckets: [String: (Int, String)] = [:]
        for (kind, table) in [("r", "revision"), ("b", "blob")] {
            let cursor = try String.fetchCursor(db, sql: "SELECT hash FROM \(table)")
            while let h = try cursor.next() {
                let key = kind + ":" + h.prefix(3)
                let (n, d) = buckets[key] ?? (0, zero)
                buckets[key] = (n + 1, xor(d, h))
            }
        }
        return buckets.mapValues { "\($0.0):\($0.1)" }
    }

    /// The stored per-prefix summaries, keyed as `computeBuckets`.
    static func readBuckets(_ db: Database) throws -> [String: String] {
        var out: [String: String] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT kind, prefix, count, digest FROM bucket")) {
            out[(row["kind"] as String) + ":" + (row["prefix"] as String)] = "\(row["count"] as Int):\(row["digest"] as String)"
        }
        return out
    }

    /// Rewrites the bucket table from the tables.
    static func recomputeBuckets(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM bucket")
        for (key, value) in try computeBuckets(db) {
            let k = key.split(separator: ":"), v = value.split(separator: ":")
            try db.execute(sql: "INSERT INTO bucket (kind, prefix, count, digest) VALUES (?, ?, ?, ?)",
                           arguments: [String(k[0]), String(k[1]), Int(v[0]) ?? 0, String(v[1])])
        }
    }

    /// The summary computed from the tables themselves.
    static func compute(_ db: Database) throws -> BagSummary {
        var digest = zero
        var counts = [0, 0]
        for (i, table) in ["revision", "blob"].enumerated() {
            let cursor = try String.fetchCursor(db, sql: "SELECT hash FROM \(table)")
            while let h = try cursor.next() {
                digest = xor(digest, h)
                counts[i] += 1
            }
        }
        return BagSummary(revisions: counts[0], blobs: counts[1], digest: digest)
    }

    /// Rewrites the stored summary from the tables.
    static func recompute(_ db: Database) throws {
        let s = try compute(db)
        try db.execute(sql: "UPDATE meta SET digest = ?, revision_count = ?, blob_count = ? WHERE id = 1",
                       arguments: [s.digest, s.revisions, s.blobs])
    }
}
