// BagSummary: a constant-size summary of the bag of items a library holds (docs/sync.md,
// "Sync, pull, and the transaction"): how many revisions, how many blobs, and the XOR of
// all their SHA-256 names. Maintained in the same transaction as every insert, so two
// libraries already in sync are recognised without listing their hashes.
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
        guard let row = try Row.fetchOne(db, sql: "SELECT revision_count, blob_count, digest FROM meta WHERE id = 1") else {
            throw OffprintError(.badLibrary, nil, "damaged library: no meta row")
        }
        return BagSummary(revisions: row["revision_count"], blobs: row["blob_count"], digest: row["digest"])
    }

    /// Adds one new item to the stored summary.
    static func add(_ db: Database, _ hash: ContentHash, isBlob: Bool) throws {
        let current = try String.fetchOne(db, sql: "SELECT digest FROM meta WHERE id = 1") ?? zero
        try db.execute(sql: """
            UPDATE meta SET digest = ?, revision_count = revision_count + ?, blob_count = blob_count + ?
            WHERE id = 1
            """, arguments: [xor(current.isEmpty ? zero : current, hash.hex), isBlob ? 0 : 1, isBlob ? 1 : 0])
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
