// Bundles and state tokens (docs/sync.md, "State tokens and bundles"): a bundle made since
// another library's state carries only what it lacks and applies in one transaction; a
// truncated, tampered or foreign-family bundle is refused whole, nothing written.
import Foundation
import OffprintModel
import OffprintStorage
import OffprintSync
import OffprintTestSupport
import Testing

@Suite struct BundleTests {
    /// a with two articles, and b a copy of a's file (same family) made then.
    static func family() throws -> (Library, Library) {
        let a = try Fixture.library(Fixture.replicaA)
        try a.importArticle(Fixture.candidate(1))
        try a.importArticle(Fixture.candidate(2))
        let copy = TestPaths.temporaryDirectory().appendingPathComponent("copy.sqlite")
        try FileManager.default.copyItem(at: a.url, to: copy)
        let b = try #require(try Library.openExisting(at: copy, clock: SteppingClock(start: Date(timeIntervalSince1970: 1_704_067_300))))
        return (a, b)
    }

    @Test func stateTokenRoundTrips() throws {
        let (a, _) = try Self.family()
        let token = try StateToken(of: a)
        #expect(token.family == Fixture.replicaA.hex)
        #expect(token.vector.count == 1)
        #expect(token.text.hasPrefix("ofs1."))
        #expect(try StateToken(text: token.text) == token)
        var damaged = Array(token.text)
        damaged[10] = damaged[10] == "A" ? "B" : "A"
        #expect(throws: OffprintError.self) { try StateToken(text: String(damaged)) }
        #expect(throws: OffprintError.self) { try StateToken(text: "ofs1.") }
    }

    @Test func bundleSinceStateCarriesOnlyWhatIsMissing() throws {
        let (a, b) = try Self.family()
        let id = ArticleID(canonicalURL: "https://e.com/1")
        try a.tag(id, add: ["new"], remove: [])
        try a.importArticle(Fixture.candidate(3))
        let since = try StateToken(text: try StateToken(of: b).text)
        let bundle = try Synchronizer.bundle(from: a, since: since)
        // The tag revision (no new blob) and article 3 (source, body, image).
        #expect(bundle.revisions.count == 2)
        #expect(bundle.blobs.count == 3)
        let data = bundle.encoded()
        let decoded = try LibraryBundle(decoding: data, path: "x.bundle")
        #expect(decoded.revisions == bundle.revisions)
        #expect(decoded.families == [Fixture.replicaA.hex])
        let counts = try Synchronizer.apply(decoded, to: b, path: "x.bundle")
        #expect(counts == InsertCounts(revisions: 2, blobs: 3))
        #expect(try b.summary() == a.summary())
        #expect(try b.snapshot(id).state.tags == ["new"])
        #expect(try b.verify() == [])
        // Nothing more to carry.
        let again = try Synchronizer.bundle(from: a, since: try StateToken(of: b))
        #expect(again.revisions.isEmpty)
        #expect(again.blobs.isEmpty)
        // The whole library without --since.
        #expect(try Synchronizer.bundle(from: a, since: nil).revisions.count == 4)
    }

    @Test func badBundlesAreRefusedWhole() throws {
        let (a, b) = try Self.family()
        try a.importArticle(Fixture.candidate(3))
        try a.tag(ArticleID(canonicalURL: "https://e.com/3"), add: ["x"], remove: [])
        let data = try Synchronizer.bundle(from: a, since: try StateToken(of: b)).encoded()
        let before = try b.summary()
        func refused(_ bytes: Data, _ message: String) throws {
            #expect(throws: OffprintError(.badInput, "f.bundle", message)) {
                let bundle = try LibraryBundle(decoding: bytes, path: "f.bundle")
                try Synchronizer.apply(bundle, to: b, path: "f.bundle")
            }
            #expect(try b.summary() == before)
        }
        try refused(data.prefix(data.count - 5), "bundle is truncated")
        try refused(data.prefix(data.count / 2), "bundle is truncated")
        try refused(data.prefix(20), "bundle is truncated")
        var tampered = data
        let blobStart = try #require(data.range(of: Data("<p>3<img".utf8)))
        tampered[blobStart.lowerBound + 3] = UInt8(ascii: "4")
        try refused(tampered, "bundle is damaged (checksum mismatch)")
        try refused(data + Data("x".utf8), "bundle is damaged (bytes after the end)")
        try refused(Data("PK\u{3}\u{4}zip".utf8), "not an Offprint bundle")
        try refused(Data("offprint-bundle 2\n".utf8), "unsupported bundle version 2")

        // A bundle from an unrelated library.
        let stranger = try Fixture.library(ReplicaID(hex: "dddddddddddddddddddddddddddddddd")!)
        try stranger.importArticle(Fixture.candidate(9))
        let foreign = try Synchronizer.bundle(from: stranger, since: nil).encoded()
        try refused(foreign, "bundle belongs to another library family (dddddddddddddddddddddddddddddddd); sync the libraries once first")

        // A bundle made since a state that b is behind (a's own): parents and blobs missing.
        let aState = try StateToken(of: a)
        #expect(try Synchronizer.bundle(from: a, since: aState).revisions.isEmpty)
        try a.tag(ArticleID(canonicalURL: "https://e.com/3"), add: ["y"], remove: [])
        let partial = try Synchronizer.bundle(from: a, since: aState)
        #expect(partial.revisions.count == 1)
        try refused(partial.encoded(), "bundle needs revisions this library lacks (make it with --since and this library's `offprint state`)")
        #expect(try b.verify() == [])
    }

    @Test func plainSyncJoinsFamiliesSoBundlesThenApply() throws {
        let a = try Fixture.library(Fixture.replicaA)
        let b = try Fixture.library(Fixture.replicaB)
        try a.importArticle(Fixture.candidate(1))
        try Synchronizer.sync(a, b)
        #expect(try b.families().known == [Fixture.replicaA.hex, Fixture.replicaB.hex])
        try a.importArticle(Fixture.candidate(2))
        let bundle = try Synchronizer.bundle(from: a, since: try StateToken(of: b))
        #expect(try Synchronizer.apply(bundle, to: b, path: "f.bundle") == InsertCounts(revisions: 1, blobs: 3))
    }
}
