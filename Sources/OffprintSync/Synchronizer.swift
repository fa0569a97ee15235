// Synchronizer: two-way sync of two libraries by content address (docs/sync.md). Each side
// tells the other which revision and blob hashes it holds; each receives what it lacks, in
// one transaction per file; heads are then derived from the union graph, identically on
// both sides. Layering as in Fossil: this file is the protocol, Library+Sync.swift the
// storage.
import Foundation
import OffprintModel
import OffprintStorage

/// Merges two libraries so that both end up holding the union of their revisions and blobs.
public enum Synchronizer {
    /// Two-way sync of `a` and `b`.
    ///
    /// Afterwards both libraries hold the same revisions and blobs and so derive the same
    /// head for every article. Each library is written in one transaction: if the sync fails,
    /// each file is either as it was or fully merged. Nothing is ever removed; a deletion
    /// travels as a tombstone revision. Syncing again moves nothing.
    ///
    /// - Returns: the counts moved; `sent` is a -> b, `received` is b -> a.
    /// - Throws: `OffprintError(.failed, path, "cannot sync a library with itself")` when
    ///   both are the same file; `.badLibrary` when a side holds damaged revisions or blobs
    ///   (the receiving side is then left unchanged); the write errors of `Library`.
    @discardableResult
    public static func sync(_ a: Library, _ b: Library) throws -> SyncReport {
        if sameFile(a.url, b.url) {
            throw OffprintError(.failed, b.url.path, "cannot sync a library with itself")
        }
        let aRevisions = try a.revisionHashes(), bRevisions = try b.revisionHashes()
        let aBlobs = try a.blobHashes(), bBlobs = try b.blobHashes()

        // Read both deltas before writing either side.
        let toB = (revisions: try a.revisions(aRevisions.subtracting(bRevisions)),
                   blobs: try a.blobs(aBlobs.subtracting(bBlobs)))
        let toA = (revisions: try b.revisions(bRevisions.subtracting(aRevisions)),
                   blobs: try b.blobs(bBlobs.subtracting(aBlobs)))

        let sent = try b.insert(revisions: toB.revisions, blobs: toB.blobs)
        let received = try a.insert(revisions: toA.revisions, blobs: toA.blobs)
        return SyncReport(sent: .init(revisions: sent.revisions, blobs: sent.blobs),
                          received: .init(revisions: received.revisions, blobs: received.blobs))
    }

    /// True when `x` and `y` name the same file (same path after resolving symbolic links,
    /// or the same device and inode).
    static func sameFile(_ x: URL, _ y: URL) -> Bool {
        let px = x.standardizedFileURL.resolvingSymlinksInPath().path
        let py = y.standardizedFileURL.resolvingSymlinksInPath().path
        if px == py { return true }
        let fm = FileManager.default
        guard let ax = try? fm.attributesOfItem(atPath: px), let ay = try? fm.attributesOfItem(atPath: py),
              let ix = ax[.systemFileNumber] as? UInt64, let iy = ay[.systemFileNumber] as? UInt64,
              let dx = ax[.systemNumber] as? UInt64, let dy = ay[.systemNumber] as? UInt64 else {
            return false
        }
        return ix == iy && dx == dy
    }
}
