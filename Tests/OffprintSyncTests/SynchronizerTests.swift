// Two-way sync: union by hash, identical heads on both sides, nothing to do the second
// time, nothing lost to an empty peer, refusals.
import Foundation
import OffprintModel
@_spi(Testing) import OffprintStorage
@testable import OffprintSync
import OffprintTestSupport
import Testing

@Suite struct SynchronizerTests {
    static func state(_ library: Library) throws -> [[String]] {
        try library.listArticles().map {
            [$0.id.hex, $0.head.hex, $0.metadata.title ?? "", $0.state.tags.joined(separator: ","),
             "\($0.state.read)", "\($0.leafCount)"]
        }
    }

    @Test func overlapAndConcurrentChangesConverge() throws {
        let a = try Fixture.library(Fixture.replicaA)
        let b = try Fixture.library(Fixture.replicaB, clock: SteppingClock(start: Date(timeIntervalSince1970: 1_704_067_300)))
        let shared = try a.importArticle(Fixture.candidate(1)).articleID
        try a.importArticle(Fixture.candidate(2))
        try b.importArticle(Fixture.candidate(3))

        let first = try Synchronizer.sync(a, b)
        // a had 2 articles (2 revisions; source, body, image blob each), b had 1.
        #expect(first == SyncReport(sent: .init(revisions: 2, blobs: 6), received: .init(revisions: 1, blobs: 3)))
        #expect(try Self.state(a) == Self.state(b))

        // Concurrent changes to the shared article on both sides, plus a deletion.
        try a.tag(shared, add: ["from-a"], remove: [])
        try b.mark(shared, read: true)
        try b.edit(shared, title: "Edited on b")
        try b.delete(ArticleID(canonicalURL: "https://e.com/2"))
        try a.importArticle(Fixture.candidate(4))

        let second = try Synchronizer.sync(a, b)
        #expect(second == SyncReport(sent: .init(revisions: 2, blobs: 3), received: .init(revisions: 3, blobs: 0)))
        let stateA = try Self.state(a)
        #expect(stateA == (try Self.state(b)))
        #expect(stateA.map { $0[0] } == [ArticleID(canonicalURL: "https://e.com/4").hex,
                                         ArticleID(canonicalURL: "https://e.com/3").hex,
                                         shared.hex])
        // b's edit is later in HLC order (b's clock runs 100 s ahead), so it is the head;
        // both branches stay leaves until a later change merges them.
        let sharedRow = try #require(stateA.last)
        #expect(sharedRow[2] == "Edited on b")
        #expect(sharedRow[5] == "2")
        #expect(try a.verify() == [])
        #expect(try b.verify() == [])

        #expect(try Synchronizer.sync(a, b).isEmpty)
        #expect(try Synchronizer.sync(b, a) == SyncReport(sent: .init(revisions: 0, blobs: 0),
                                                           received: .init(revisions: 0, blobs: 0)))

        // A change after the sync merges both branches.
        let merged = try #require(try a.tag(shared, add: ["merged"], remove: []))
        #expect(merged.parents.count == 2)
        try Synchronizer.sync(a, b)
        #expect(try Self.state(a) == Self.state(b))
        #expect(try b.listArticles().last?.leafCount == 1)
        // a's clock advanced past b's revisions, so the merge is after them in HLC order.
        #expect(try b.listArticles().last?.head == merged.hash)
    }

    @Test func syncWithEmptyLibraryDeletesNothing() throws {
        let a = try Fixture.library(Fixture.replicaA)
        for n in 1...3 { try a.importArticle(Fixture.candidate(n)) }
        let before = try Self.state(a)
        let empty = try Fixture.library(Fixture.replicaB)
        let report = try Synchronizer.sync(a, empty)
        #expect(report == SyncReport(sent: .init(revisions: 3, blobs: 9), received: .init(revisions: 0, blobs: 0)))
        #expect(try Self.state(a) == before)
        #expect(try Self.state(empty) == before)
        #expect(try empty.snapshots().map(\.content) == (try a.snapshots().map(\.content)))
        #expect(try empty.verify() == [])
    }

    @Test func reportEncodesAsDocumented() throws {
        let report = SyncReport(sent: .init(revisions: 1, blobs: 2), received: .init(revisions: 3, blobs: 4))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(report), as: UTF8.self)
        #expect(json == #"{"received":{"blobs":4,"revisions":3},"sent":{"blobs":2,"revisions":1}}"#)
        #expect(try JSONDecoder().decode(SyncReport.self, from: Data(json.utf8)) == report)
    }

    @Test func refusesSyncWithItself() throws {
        let a = try Fixture.library(Fixture.replicaA)
        let again = try #require(try Library.openExisting(at: a.url))
        #expect(throws: OffprintError(.failed, a.url.path, "cannot sync a library with itself")) {
            try Synchronizer.sync(a, again)
        }
        let viaDots = URL(fileURLWithPath: a.url.deletingLastPathComponent().path + "/./" + a.url.lastPathComponent)
        #expect(Synchronizer.sameFile(a.url, viaDots))
    }

    @Test func foreignPeerIsRefusedUnchanged() throws {
        let url = TestPaths.temporaryDirectory().appendingPathComponent("peer.sqlite")
        let text = Data("not a library\n".utf8)
        try text.write(to: url)
        #expect(throws: OffprintError(.badLibrary, url.path, "not an Offprint library (not an SQLite database)")) {
            try Library.openExisting(at: url)
        }
        #expect(try Data(contentsOf: url) == text)
    }

    @Test func tamperedRevisionIsRejectedAndNothingWritten() throws {
        let a = try Fixture.library(Fixture.replicaA)
        let id = try a.importArticle(Fixture.candidate(1)).articleID
        let head = try #require(try a.revision(try a.snapshot(id).head))
        let b = try Fixture.library(Fixture.replicaB)
        // A revision whose body blob is not sent: refused, b stays empty.
        #expect(throws: OffprintError.self) { try b.insert(revisions: [head], blobs: []) }
        // A blob whose bytes do not match its name: refused.
        #expect(throws: OffprintError.self) {
            try b.insert(revisions: [], blobs: [(head.body, Data("forged".utf8))])
        }
        #expect(try b.revisionHashes().isEmpty)
        #expect(try b.blobHashes().isEmpty)
    }
}

@Suite struct SynchronizerFailureTests {
    @Test func damagedSideLeavesBothFilesAsTheyWere() throws {
        let a = try Fixture.library(Fixture.replicaA)
        try a.importArticle(Fixture.candidate(1))
        let b = try Fixture.library(Fixture.replicaB)
        try b.importArticle(Fixture.candidate(2))
        let source = ContentHash(of: Fixture.candidate(1).source)
        try a._executeRawSQLForTesting("UPDATE blob SET data = X'00' WHERE hash = '\(source.hex)'")
        let before = (a: try a.revisionHashes(), b: try b.revisionHashes(),
                      aBlobs: try a.blobHashes(), bBlobs: try b.blobHashes())
        #expect(throws: OffprintError(.badLibrary, b.url.path,
                                      "received blob \(source.hex) hashes to \(ContentHash(of: Data([0])).hex)")) {
            try Synchronizer.sync(a, b)
        }
        #expect(try a.revisionHashes() == before.a)
        #expect(try b.revisionHashes() == before.b)
        #expect(try a.blobHashes() == before.aBlobs)
        #expect(try b.blobHashes() == before.bBlobs)
        #expect(try b.verify() == [])
    }
}
