// The full-text index (schema v4): FTS5 trigram rows kept in step with every change, sync
// insert and migration; short queries left to the scan; verify checks it, rebuild repairs it.
@_spi(Testing) import OffprintStorage
import Foundation
import OffprintModel
import OffprintTestSupport
import Testing

@Suite struct SearchIndexTests {
    static let slow = "<p>Slow reading is a habit worth keeping, page by page.</p>"
    static let zh = "<p>大型语言模型的范式转变，离线阅读的未来。</p>"

    func hits(_ library: Library, _ q: String) throws -> [ArticleID] {
        try #require(try library.searchIndex(q)).map(\.id)
    }

    @Test func findsSubstringsRankedWithASnippet() throws {
        let library = try Fixture.library()
        let a = try library.importArticle(Fixture.candidate(url: "https://e.com/a", html: "a", title: "On habits",
                                                            content: Self.slow)).articleID
        let b = try library.importArticle(Fixture.candidate(url: "https://e.com/b", html: "b", title: "Slow Reading",
                                                            content: "<p>Nothing else here.</p>")).articleID
        let c = try library.importArticle(Fixture.candidate(url: "https://e.com/c", html: "c", title: "中文",
                                                            content: Self.zh)).articleID
        // The title weighs ten times the text.
        let found = try #require(try library.searchIndex("slow READING"))
        #expect(found.map(\.id) == [b, a])
        #expect(found[0].snippet == "[Slow Reading]")
        #expect(found[1].snippet == "[Slow reading] is a habit worth keeping, page by page.")
        #expect(found[0].score > found[1].score)
        #expect(try hits(library, "eadin") == [b, a])
        #expect(try hits(library, "语言模型") == [c])
        #expect(try library.searchIndex("语言模型")?.first?.snippet == "大型[语言模型]的范式转变，离线阅读的未来。")
        #expect(try hits(library, "Jane Doe").count == 3)  // the byline
        #expect(try hits(library, "ｓｌｏｗ") == [b, a])   // fullwidth folded
        #expect(try hits(library, "a \"quoted\" phrase").isEmpty)
        #expect(try library.searchIndex("范式") == nil)
        #expect(try library.searchIndex(" ab  ") == nil)
        let texts = try library.searchableArticles()
        #expect(texts.map(\.id) == [c, b, a])
        #expect(texts[0].text == "大型语言模型的范式转变，离线阅读的未来。")
        #expect(texts[2].title == "On habits" && texts[2].byline == "By Jane Doe")
        #expect(try library.verify() == [])
    }

    @Test func keptInStepWithChanges() throws {
        let library = try Fixture.library()
        let id = try library.importArticle(Fixture.candidate(url: "https://e.com/a", html: "a", title: "First title",
                                                             content: Self.slow)).articleID
        let first = try library.history(id)[0].hash
        try library.edit(id, title: "Second heading")
        #expect(try hits(library, "First title").isEmpty)
        #expect(try hits(library, "second head") == [id])
        try library.delete(id)
        #expect(try hits(library, "second head").isEmpty)
        #expect(try hits(library, "habit").isEmpty)
        #expect(try library.searchableArticles().isEmpty)
        try library.restore(id, to: first)
        #expect(try hits(library, "First title") == [id])
        // A re-import with new content replaces the text.
        try library.importArticle(Fixture.candidate(url: "https://e.com/a", html: "a2", title: "First title",
                                                    content: "<p>Entirely new words.</p>"))
        #expect(try hits(library, "habit").isEmpty)
        #expect(try hits(library, "new words") == [id])
        #expect(try library.verify() == [])
    }

    @Test func syncInsertIndexesTheMergedHead() throws {
        let a = try Fixture.library("a.sqlite")
        let b = try Fixture.library("b.sqlite", replica: Fixture.replicaB)
        let id = try a.importArticle(Fixture.candidate(url: "https://e.com/a", html: "a", content: Self.slow)).articleID
        try b.insert(revisions: Array(a.revisions(a.revisionHashes())), blobs: a.blobs(a.blobHashes()))
        #expect(try hits(b, "habit worth") == [id])
        try a.edit(id, title: "Edited on A")
        try b.tag(id, add: ["x"], remove: [])
        try b.insert(revisions: Array(a.revisions(a.revisionHashes())), blobs: a.blobs(a.blobHashes()))
        #expect(try b.listArticles()[0].leafCount == 2)
        #expect(try hits(b, "edited on") == [id])
        #expect(try b.verify() == [])
    }

    @Test func verifyFindsADamagedIndexAndRebuildRepairsIt() throws {
        let library = try Fixture.library()
        let id = try library.importArticle(Fixture.candidate(url: "https://e.com/a", html: "a", content: Self.slow)).articleID
        try library._executeRawSQLForTesting("UPDATE article_fts SET text = 'something else'")
        #expect(try library.verify() == ["search index: the text of article \(id.hex) differs from its head"])
        try library._executeRawSQLForTesting("DELETE FROM article_fts; DELETE FROM article_search")
        #expect(try library.verify() == ["search index: article \(id.hex) is missing"])
        #expect(try hits(library, "habit").isEmpty)
        try library.rebuildSearchIndex()
        #expect(try library.verify() == [])
        #expect(try hits(library, "habit") == [id])
    }

    @Test func migrationFromSchema3BuildsTheIndex() throws {
        let url = TestPaths.temporaryDirectory().appendingPathComponent("old.sqlite")
        let library = try Library.open(at: url, clock: SteppingClock(), replica: Fixture.replicaA)
        let id = try library.importArticle(Fixture.candidate(url: "https://e.com/a", html: "a", content: Self.slow)).articleID
        // Back to schema 3: what an older Offprint wrote.
        try library._executeRawSQLForTesting("""
            DROP TABLE article_fts; DROP TABLE article_search;
            DELETE FROM grdb_migrations WHERE identifier = 'v4'; PRAGMA user_version = 3;
            """)
        library.close()
        let reopened = try #require(try Library.openExisting(at: url))
        defer { reopened.close() }
        #expect(try hits(reopened, "habit worth") == [id])
        #expect(try reopened.verify() == [])
    }
}
