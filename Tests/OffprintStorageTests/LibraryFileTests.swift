// The library file: creation, refusing foreign files without touching them, newer schemas,
// paths under a regular file, and a complete single file after close.
import Foundation
@_spi(Testing) import OffprintStorage
import OffprintModel
import OffprintTestSupport
import Testing

@Suite struct LibraryFileTests {
    static func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    static func expectRefused(_ url: URL, _ message: String) throws {
        let before = try bytes(url)
        #expect(throws: OffprintError(.badLibrary, url.path, message)) {
            try Library.open(at: url, clock: SteppingClock())
        }
        #expect(throws: OffprintError(.badLibrary, url.path, message)) {
            try Library.openExisting(at: url)
        }
        #expect(try bytes(url) == before)
        let dir = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(dir == [url.lastPathComponent])
    }

    @Test func refusesTextFile() throws {
        let url = TestPaths.temporaryDirectory().appendingPathComponent("notes.sqlite")
        try Data("just some notes, long enough to have a hundred bytes of header or not at all\n".utf8).write(to: url)
        try Self.expectRefused(url, "not an Offprint library (not an SQLite database)")
    }

    @Test func refusesEmptyFile() throws {
        let url = TestPaths.temporaryDirectory().appendingPathComponent("empty.sqlite")
        try Data().write(to: url)
        try Self.expectRefused(url, "not an Offprint library (empty file)")
    }

    @Test func refusesAnotherApplicationsDatabase() throws {
        let url = TestPaths.temporaryDirectory().appendingPathComponent("other.sqlite")
        let library = try Library.open(at: url, clock: SteppingClock())
        try library._executeRawSQLForTesting("PRAGMA application_id = 1234567")
        library.close()
        try Self.expectRefused(url, "not an Offprint library (application_id 0x0012D687)")
    }

    @Test func refusesNewerSchema() throws {
        let url = TestPaths.temporaryDirectory().appendingPathComponent("new.sqlite")
        let library = try Library.open(at: url, clock: SteppingClock())
        try library._executeRawSQLForTesting("PRAGMA user_version = 99")
        library.close()
        #expect(throws: OffprintError(.badLibrary, url.path, "library was written by a newer Offprint (schema 99)")) {
            try Library.openExisting(at: url)
        }
    }

    @Test func openExistingCreatesNothing() throws {
        let dir = TestPaths.temporaryDirectory()
        let url = dir.appendingPathComponent("sub/none.sqlite")
        #expect(try Library.openExisting(at: url) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [])
    }

    @Test func createsParentDirectoriesAndReopens() throws {
        let dir = TestPaths.temporaryDirectory()
        let url = dir.appendingPathComponent("a/b/lib.sqlite")
        let library = try Library.open(at: url, clock: SteppingClock(), replica: Fixture.replicaB)
        let id = try library.importArticle(Fixture.candidate(url: "https://e.com/a", html: "a")).articleID
        library.close()
        let header = try Self.bytes(url).prefix(100)
        #expect(Array(header.prefix(16)) == Array("SQLite format 3\0".utf8))
        #expect(Array(header[68..<72]) == [0x4F, 0x46, 0x50, 0x52])
        let reopened = try #require(try Library.openExisting(at: url))
        #expect(reopened.replica == Fixture.replicaB)
        #expect(try reopened.listArticles().map(\.id) == [id])
    }

    @Test func pathUnderRegularFileIsUnwritable() throws {
        let dir = TestPaths.temporaryDirectory()
        let file = dir.appendingPathComponent("file.txt")
        try Data("x".utf8).write(to: file)
        let url = file.appendingPathComponent("sub/lib.sqlite")
        #expect(throws: OffprintError(.unwritable, url.path, "cannot create library: \(file.path) is not a directory")) {
            try Library.open(at: url, clock: SteppingClock())
        }
        #expect(try Self.bytes(file) == Data("x".utf8))
    }

    @Test func directoryIsRefused() throws {
        let dir = TestPaths.temporaryDirectory()
        #expect(throws: OffprintError(.badLibrary, dir.path, "not an Offprint library (a directory)")) {
            try Library.open(at: dir, clock: SteppingClock())
        }
    }

    @Test func closeLeavesOneCompleteFile() throws {
        let dir = TestPaths.temporaryDirectory()
        let url = dir.appendingPathComponent("lib.sqlite")
        let library = try Library.open(at: url, clock: SteppingClock())
        let id = try library.importArticle(Fixture.candidate(url: "https://e.com/a", html: "a")).articleID
        try library.tag(id, add: ["t"], remove: [])
        library.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["lib.sqlite"])
        // A copy of the file alone is the whole library.
        let copy = TestPaths.temporaryDirectory().appendingPathComponent("copy.sqlite")
        try FileManager.default.copyItem(at: url, to: copy)
        let reopened = try #require(try Library.openExisting(at: copy))
        #expect(try reopened.listArticles().map(\.state.tags) == [["t"]])
        #expect(try reopened.verify() == [])
    }
}

@Suite struct LibraryReadOnlyTests {
    @Test func readOnlyFileCanBeRead() throws {
        let dir = TestPaths.temporaryDirectory()
        let url = dir.appendingPathComponent("lib.sqlite")
        let library = try Library.open(at: url, clock: SteppingClock())
        let id = try library.importArticle(Fixture.candidate(url: "https://e.com/a", html: "a")).articleID
        library.close()
        let before = try Data(contentsOf: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: url.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path) }
        let reopened = try #require(try Library.openExisting(at: url))
        #expect(try reopened.listArticles().map(\.id) == [id])
        #expect(try reopened.verify() == [])
        reopened.close()
        #expect(try Data(contentsOf: url) == before)
    }
}
