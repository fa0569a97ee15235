// verify(): healthy libraries pass; tampered blobs, revisions and caches are reported.
import Foundation
@_spi(Testing) import OffprintStorage
import OffprintModel
import Testing

@Suite struct LibraryVerifyTests {
    static func populated() throws -> (Library, ArticleID) {
        let library = try Fixture.library()
        let id = try library.importArticle(Fixture.candidate(url: "https://e.com/a", html: "<html>a</html>")).articleID
        try library.mark(id, read: true)
        return (library, id)
    }

    @Test func healthyLibraryPasses() throws {
        let (library, _) = try Self.populated()
        #expect(try library.verify() == [])
        #expect(try Fixture.library().verify() == [])
    }

    @Test func findsTamperedBlob() throws {
        let (library, _) = try Self.populated()
        let source = ContentHash(of: Data("<html>a</html>".utf8))
        try library._executeRawSQLForTesting("UPDATE blob SET data = X'00' WHERE hash = '\(source.hex)'")
        let wrong = ContentHash(of: Data([0])).hex
        #expect(try library.verify() == [
            "blob \(source.hex): content hashes to \(wrong)",
            "blob \(source.hex): size 14 but 1 bytes",
        ])
    }

    @Test func findsMissingBlobAndWrongHead() throws {
        let (library, id) = try Self.populated()
        let history = try library.history(id)
        let body = history[0].revision.body
        try library._executeRawSQLForTesting("""
            DELETE FROM blob WHERE hash = '\(body.hex)';
            UPDATE article SET head = '\(history[1].hash.hex)' WHERE id = '\(id.hex)';
            """)
        let revisionProblems = [history[0].hash, history[1].hash].sorted()
            .map { "revision \($0.hex): missing body blob \(body.hex)" }
        #expect(try library.verify() == revisionProblems + [
            "article \(id.hex): cached head \(history[1].hash.hex) but the graph gives \(history[0].hash.hex)",
            // The blob was removed behind the library's back, so its summary no longer matches.
            "stored summary (revision and blob counts, digest) disagrees with the tables",
            "stored summary of bucket b:\(body.hex.prefix(3)) disagrees with the tables",
        ])
    }

    @Test func findsTamperedRevision() throws {
        let (library, id) = try Self.populated()
        let head = try library.history(id)[0].hash
        try library._executeRawSQLForTesting(
            "UPDATE revision SET canonical = replace(canonical, 'read true', 'read false') WHERE hash = '\(head.hex)'")
        let problems = try library.verify()
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("revision \(head.hex): canonical text hashes to ") == true)
    }
}
