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
        let aFamilies = try a.families().known, bFamilies = try b.families().known
        // Equal summaries: equal bags, nothing to list or move (docs/sync.md).
        if try a.summary() == b.summary() && aFamilies == bFamilies {
            return SyncReport(sent: .init(revisions: 0, blobs: 0), received: .init(revisions: 0, blobs: 0))
        }
        let (aRevisions, bRevisions, aBlobs, bBlobs) = try differingHashes(a, b)

        // Read both deltas before writing either side.
        let toB = (revisions: try a.revisions(aRevisions.subtracting(bRevisions)),
                   blobs: try a.blobs(aBlobs.subtracting(bBlobs)))
        let toA = (revisions: try b.revisions(bRevisions.subtracting(aRevisions)),
                   blobs: try b.blobs(bBlobs.subtracting(aBlobs)))

        let sent = try b.insert(revisions: toB.revisions, blobs: toB.blobs, families: aFamilies)
        let received = try a.insert(revisions: toA.revisions, blobs: toA.blobs, families: bFamilies)
        return SyncReport(sent: .init(revisions: sent.revisions, blobs: sent.blobs),
                          received: .init(revisions: received.revisions, blobs: received.blobs))
    }

    /// One-way sync: `library` receives what `peer` holds and it lacks; `peer` is only read.
    ///
    /// - Returns: the counts moved, in `received` (`sent` is zero).
    /// - Throws: as `sync(_:_:)`; `library` is left unchanged on failure.
    @discardableResult
    public static func pull(into library: Library, from peer: Library) throws -> SyncReport {
        if sameFile(library.url, peer.url) {
            throw OffprintError(.failed, peer.url.path, "cannot sync a library with itself")
        }
        let ownFamilies = try library.families().known, peerFamilies = try peer.families().known
        var received = InsertCounts(revisions: 0, blobs: 0)
        if try library.summary() != peer.summary() || !peerFamilies.isSubset(of: ownFamilies) {
            let (mine, theirs, mineBlobs, theirBlobs) = try differingHashes(library, peer)
            received = try library.insert(revisions: try peer.revisions(theirs.subtracting(mine)),
                                          blobs: try peer.blobs(theirBlobs.subtracting(mineBlobs)),
                                          families: peerFamilies)
        }
        return SyncReport(sent: .init(revisions: 0, blobs: 0),
                          received: .init(revisions: received.revisions, blobs: received.blobs))
    }

    /// Each side's revision and blob hashes in the buckets (hash prefixes) whose summaries
    /// differ: everything one side holds and the other lacks is among them, and equal
    /// buckets are never listed (docs/sync.md).
    static func differingHashes(_ a: Library, _ b: Library) throws
        -> (Set<ContentHash>, Set<ContentHash>, Set<ContentHash>, Set<ContentHash>) {
        let ba = try a.bucketSummaries(), bb = try b.bucketSummaries()
        let differing = Set(ba.keys).union(bb.keys).filter { ba[$0] != bb[$0] }
        let revisionPrefixes = Set(differing.filter { $0.hasPrefix("r:") }.map { String($0.dropFirst(2)) })
        let blobPrefixes = Set(differing.filter { $0.hasPrefix("b:") }.map { String($0.dropFirst(2)) })
        // Past about half of the 4,096 buckets, one full listing is cheaper than many ranges.
        func list(_ library: Library, revisions: Bool) throws -> Set<ContentHash> {
            let prefixes = revisions ? revisionPrefixes : blobPrefixes
            if prefixes.count > 2048 { return revisions ? try library.revisionHashes() : try library.blobHashes() }
            return revisions ? try library.revisionHashes(prefixes: prefixes) : try library.blobHashes(prefixes: prefixes)
        }
        return (try list(a, revisions: true), try list(b, revisions: true),
                try list(a, revisions: false), try list(b, revisions: false))
    }

    /// The bundle holding what a library with state `since` lacks from `library` (the
    /// whole library when `since` is nil).
    public static func bundle(from library: Library, since: StateToken?) throws -> LibraryBundle {
        let missing = try library.missing(from: since?.vector ?? [:])
        return LibraryBundle(families: Array(try library.families().known),
                             revisions: missing.revisions, blobs: missing.blobs)
    }

    /// Applies a bundle to `library`, in one transaction, or refuses it whole.
    ///
    /// - Parameter path: the bundle file, named in errors.
    /// - Returns: how many revisions and blobs were new.
    /// - Throws: `OffprintError(.badInput, path, "bundle belongs to another library family
    ///   (F); sync the libraries once first")` when the library knows none of the bundle's
    ///   families; `OffprintError(.badInput, path, "bundle needs revisions this library
    ///   lacks ...")` when a bundled revision's parent is missing; the errors of
    ///   `Library.insert(revisions:blobs:families:)`.
    @discardableResult
    public static func apply(_ bundle: LibraryBundle, to library: Library, path: String) throws -> InsertCounts {
        let known = try library.families().known
        guard !known.isDisjoint(with: bundle.families) else {
            throw OffprintError(.badInput, path,
                                "bundle belongs to another library family (\(bundle.families.first ?? "none")); sync the libraries once first")
        }
        do {
            return try library.insert(revisions: bundle.revisions, blobs: bundle.blobs, families: Set(bundle.families))
        } catch let e as OffprintError where e.message.contains("missing parent") || e.message.contains("missing blob") {
            throw OffprintError(.badInput, path,
                                "bundle needs revisions this library lacks (make it with --since and this library's `offprint state`)")
        }
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
