// Safety of sync (docs/sync.md, "Safety checks"): kill -9 at random moments leaves both
// files valid and each either as before or fully merged; a library held by another writer
// makes sync wait, then fail with one clear line; an older-schema peer is migrated first
// (on a copy when read-only); a newer or foreign peer is refused and left unchanged.
import Foundation
import OffprintModel
@_spi(Testing) import OffprintStorage
import OffprintSync
import OffprintTestSupport
import Testing

@Suite(.serialized) struct SyncSafetyTests {
    static func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    /// Two closed libraries with `n` different articles each, and their revision sets.
    static func makePair(_ n: Int, in dir: URL) throws -> (URL, URL, Set<ContentHash>, Set<ContentHash>) {
        let a = try Library.open(at: dir.appendingPathComponent("a.sqlite"), clock: SteppingClock(), replica: Fixture.replicaA)
        let b = try Library.open(at: dir.appendingPathComponent("b.sqlite"), clock: SteppingClock(), replica: Fixture.replicaB)
        for i in 0..<n {
            try a.importArticle(Fixture.candidate(i))
            try b.importArticle(Fixture.candidate(n + i))
        }
        try a.importArticle(Fixture.candidate(2 * n))
        try b.importArticle(Fixture.candidate(2 * n, version: 2))
        let result = (a.url, b.url, try a.revisionHashes(), try b.revisionHashes())
        a.close()
        b.close()
        return result
    }

    @Test func killNineDuringSyncLeavesEachFileBeforeOrMerged() throws {
        let dir = TestPaths.temporaryDirectory()
        let (pristineA, pristineB, revsA, revsB) = try Self.makePair(150, in: dir)
        let union = revsA.union(revsB)
        let work = TestPaths.temporaryDirectory()
        let a = work.appendingPathComponent("a.sqlite"), b = work.appendingPathComponent("b.sqlite")
        func fresh() throws {
            for url in [a, b] {
                for suffix in ["", "-journal"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
            }
            try FileManager.default.copyItem(at: pristineA, to: a)
            try FileManager.default.copyItem(at: pristineB, to: b)
        }
        func launch() throws -> Process {
            let p = Process()
            p.executableURL = OffprintProcess.executable
            p.arguments = ["--library", a.path, "sync", b.path]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        // How long one whole sync takes, to spread the kills over it.
        try fresh()
        let started = Date()
        let full = try launch()
        full.waitUntilExit()
        #expect(full.terminationStatus == 0)
        let duration = max(Date().timeIntervalSince(started), 0.05)

        var generator = SystemRandomNumberGenerator()
        var killed = 0
        var outcomes = Set<String>()
        for _ in 0..<20 {
            try fresh()
            let p = try launch()
            usleep(UInt32(Double.random(in: 0...duration, using: &generator) * 1_000_000))
            if p.isRunning {
                kill(p.processIdentifier, SIGKILL)
            }
            p.waitUntilExit()
            if p.terminationReason == .uncaughtSignal { killed += 1 }
            let la = try #require(try Library.openExisting(at: a))
            let lb = try #require(try Library.openExisting(at: b))
            #expect(try la.verify() == [])
            #expect(try lb.verify() == [])
            let ha = try la.revisionHashes(), hb = try lb.revisionHashes()
            #expect(ha == revsA || ha == union)
            #expect(hb == revsB || hb == union)
            // The peer is written first: this library is never merged before it.
            #expect(!(ha == union && hb == revsB))
            outcomes.insert("\(ha == union ? "merged" : "before")/\(hb == union ? "merged" : "before")")
            la.close()
            lb.close()
        }
        #expect(killed > 0)
        #expect(outcomes.isSubset(of: ["before/before", "before/merged", "merged/merged"]))
    }

    @Test func busyLibraryMakesSyncWaitThenFailCleanly() throws {
        let dir = TestPaths.temporaryDirectory()
        let (a, b, revsA, revsB) = try Self.makePair(3, in: dir)
        let beforeA = try Self.bytes(a), beforeB = try Self.bytes(b)
        // Another writer: the sqlite3 shell holding an exclusive transaction on b.
        let holder = try SQLiteLockHolder(path: b.path, mode: "EXCLUSIVE")

        let started = Date()
        let run = try OffprintProcess.run(["--library", a.path, "sync", b.path])
        let waited = Date().timeIntervalSince(started)
        holder.release()

        #expect(run.status == 1)
        #expect(run.stderr == "offprint: \(b.path): library is busy (another offprint command is using it); try again\n")
        #expect(waited >= 4.5)
        #expect(try Self.bytes(a) == beforeA)
        #expect(try Self.bytes(b) == beforeB)
        let la = try #require(try Library.openExisting(at: a)), lb = try #require(try Library.openExisting(at: b))
        #expect(try la.verify() == [])
        #expect(try lb.verify() == [])
        #expect(try la.revisionHashes() == revsA)
        #expect(try lb.revisionHashes() == revsB)
    }

    /// Turns a current library file into a schema-1 file, as the first release wrote it.
    static func downgradeToSchema1(_ url: URL) throws {
        let library = try #require(try Library.openExisting(at: url))
        try library._executeRawSQLForTesting("""
            DROP TABLE bucket;
            DROP TABLE family;
            ALTER TABLE meta DROP COLUMN family;
            ALTER TABLE meta DROP COLUMN digest;
            ALTER TABLE meta DROP COLUMN revision_count;
            ALTER TABLE meta DROP COLUMN blob_count;
            ALTER TABLE article DROP COLUMN merged;
            DELETE FROM grdb_migrations WHERE identifier IN ('v2', 'v3');
            PRAGMA user_version = 1;
            """)
        library.close()
    }

    static func schemaVersion(_ url: URL) throws -> Int {
        let header = [UInt8](try Self.bytes(url).prefix(64))
        return Int(header[60..<64].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
    }

    @Test func olderSchemaPeerIsMigratedFirst() throws {
        let dir = TestPaths.temporaryDirectory()
        let (a, b, revsA, revsB) = try Self.makePair(2, in: dir)
        try Self.downgradeToSchema1(b)
        #expect(try Self.schemaVersion(b) == 1)
        let run = try OffprintProcess.run(["--library", a.path, "sync", b.path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        // Article 4 is on both sides with the same body and image: 9 blobs each, 2 shared.
        #expect(run.stdout == "{\"sent\":{\"revisions\":3,\"blobs\":7},\"received\":{\"revisions\":3,\"blobs\":7}}\n")
        #expect(try Self.schemaVersion(b) == 3)
        let lb = try #require(try Library.openExisting(at: b))
        #expect(try lb.verify() == [])
        #expect(try lb.revisionHashes() == revsA.union(revsB))
        // The migrated peer keeps its own family and has joined a's.
        #expect(try lb.families().own == Fixture.replicaB.hex)
        #expect(try lb.families().known == [Fixture.replicaA.hex, Fixture.replicaB.hex])
    }

    @Test func readOnlyOlderSchemaPeerIsPulledFromACopy() throws {
        let dir = TestPaths.temporaryDirectory()
        let (a, b, revsA, revsB) = try Self.makePair(2, in: dir)
        let peerDir = TestPaths.temporaryDirectory()
        let peer = peerDir.appendingPathComponent("peer.sqlite")
        try FileManager.default.moveItem(at: b, to: peer)
        try Self.downgradeToSchema1(peer)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: peer.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: peerDir.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: peerDir.path) }
        let before = try Self.bytes(peer)
        let run = try OffprintProcess.run(["--library", a.path, "pull", peer.path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "{\"received\":{\"revisions\":3,\"blobs\":7}}\n")
        #expect(try Self.bytes(peer) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: peerDir.path) == ["peer.sqlite"])
        let la = try #require(try Library.openExisting(at: a))
        #expect(try la.revisionHashes() == revsA.union(revsB))
        #expect(try la.verify() == [])
    }

    @Test func newerOrForeignPeerIsRefusedUnchanged() throws {
        let dir = TestPaths.temporaryDirectory()
        let (a, b, _, _) = try Self.makePair(2, in: dir)
        let newer = try #require(try Library.openExisting(at: b))
        try newer._executeRawSQLForTesting("PRAGMA user_version = 99")
        newer.close()
        let foreign = dir.appendingPathComponent("notes.sqlite")
        try Data(String(repeating: "not a library\n", count: 10).utf8).write(to: foreign)
        let beforeA = try Self.bytes(a)
        for (peer, message) in [(b, "library was written by a newer Offprint (schema 99)"),
                                (foreign, "not an Offprint library (not an SQLite database)")] {
            let before = try Self.bytes(peer)
            for command in ["sync", "pull"] {
                let run = try OffprintProcess.run(["--library", a.path, command, peer.path])
                #expect(run.status == 3)
                #expect(run.stderr == "offprint: \(peer.path): \(message)\n")
                #expect(try Self.bytes(peer) == before)
                #expect(try Self.bytes(a) == beforeA)
            }
        }
    }

    @Test func olderCopyOfItselfDeletesNothing() throws {
        let a = try Fixture.library(Fixture.replicaA)
        for n in 1...3 { try a.importArticle(Fixture.candidate(n)) }
        let old = TestPaths.temporaryDirectory().appendingPathComponent("old.sqlite")
        try FileManager.default.copyItem(at: a.url, to: old)
        try a.delete(ArticleID(canonicalURL: "https://e.com/1"))
        try a.tag(ArticleID(canonicalURL: "https://e.com/2"), add: ["kept"], remove: [])
        try a.importArticle(Fixture.candidate(4))
        let listed = try a.listArticles(), revisions = try a.revisionHashes()
        let copy = try #require(try Library.openExisting(at: old))
        let report = try Synchronizer.sync(a, copy)
        #expect(report == SyncReport(sent: .init(revisions: 3, blobs: 3), received: .init(revisions: 0, blobs: 0)))
        #expect(try a.listArticles() == listed)
        #expect(try a.revisionHashes() == revisions)
        #expect(try copy.listArticles() == listed)
        #expect(listed.map(\.id).contains(ArticleID(canonicalURL: "https://e.com/1")) == false)
        #expect(listed.count == 3)
    }

    @Test func emptyPeerDeletesNothingEitherWay() throws {
        let dir = TestPaths.temporaryDirectory()
        let (a, _, revsA, _) = try Self.makePair(3, in: dir)
        let empty = dir.appendingPathComponent("empty.sqlite")
        let e = try Library.open(at: empty, clock: SteppingClock(), replica: Fixture.replicaB)
        e.close()
        let la = try #require(try Library.openExisting(at: a))
        let listed = try la.listArticles()
        la.close()
        for args in [["--library", a.path, "pull", empty.path], ["--library", empty.path, "sync", a.path],
                     ["--library", a.path, "sync", empty.path]] {
            #expect(try OffprintProcess.run(args).status == 0)
        }
        let after = try #require(try Library.openExisting(at: a))
        #expect(try after.revisionHashes() == revsA)
        #expect(try after.listArticles() == listed)
        let copy = try #require(try Library.openExisting(at: empty))
        #expect(try copy.listArticles() == listed)
    }
}
