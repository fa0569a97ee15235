// Importing: new article, the same bytes again, changed bytes under the same canonical URL,
// image references, re-import after delete.
import Foundation
@testable import OffprintStorage
import OffprintModel
import Testing

@Suite struct LibraryImportTests {
    @Test func importAddsThenUnchangedThenRevised() throws {
        let library = try Fixture.library()
        let first = Fixture.candidate(url: "https://example.com/story", html: "<html>v1</html>")
        let id = ArticleID(canonicalURL: "https://example.com/story")

        guard case .added(let addedID, let rev1) = try library.importArticle(first) else {
            Issue.record("expected .added"); return
        }
        #expect(addedID == id)
        #expect(try library.importArticle(first) == .unchanged(id))

        let second = Fixture.candidate(url: "http://www.example.com/story/", html: "<html>v2</html>",
                                       title: "New title")
        guard case .revised(let revisedID, let rev2) = try library.importArticle(second) else {
            Issue.record("expected .revised"); return
        }
        #expect(revisedID == id)
        #expect(rev2 != rev1)
        // The old bytes are still known: importing them again changes nothing.
        #expect(try library.importArticle(first) == .unchanged(id))

        let history = try library.history(id)
        #expect(history.map(\.hash) == [rev2, rev1])
        #expect(history[0].parents == [rev1])
        #expect(history[0].change == .reimport)
        #expect(history[1].change == .import)
        #expect(history[0].changedFields == ["title", "url", "body", "source"])

        let list = try library.listArticles()
        #expect(list.count == 1)
        #expect(list[0].head == rev2)
        #expect(list[0].metadata.title == "New title")
        #expect(list[0].addedAt == Date(timeIntervalSince1970: 1_704_067_201))
        #expect(list[0].updatedAt == Date(timeIntervalSince1970: 1_704_067_202))
        #expect(try library.blob(ContentHash(of: Data("<html>v1</html>".utf8))) == Data("<html>v1</html>".utf8))
        #expect(try library.verify() == [])
    }

    @Test func articleWithoutURLIsNamedBySourceBytes() throws {
        let library = try Fixture.library()
        let c = Fixture.candidate(url: nil, html: "plain text")
        let outcome = try library.importArticle(c)
        #expect(outcome.articleID == ArticleID(sourceHash: ContentHash(of: Data("plain text".utf8))))
    }

    @Test func imagesBecomeBlobReferences() throws {
        let library = try Fixture.library()
        let png = Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3])
        let gif = Data([0x47, 0x49, 0x46, 9])
        let c = Fixture.candidate(
            url: "https://example.com/pics", html: "<html>pics</html>",
            content: #"<p><img src="a.png?x=1&amp;y=&quot;2&quot;"><img src="b.gif"><img src="a.png?x=1&amp;y=&quot;2&quot;"><img src="other.png"></p>"#,
            images: [ImageResource(src: #"a.png?x=1&y="2""#, data: png, mediaType: "image/png"),
                     ImageResource(src: "b.gif", data: gif, mediaType: "image/gif")])
        let outcome = try library.importArticle(c)
        let snap = try library.snapshot(outcome.articleID)
        let p = ContentHash(of: png), g = ContentHash(of: gif)
        #expect(snap.content == #"<p><img src="offprint-blob:\#(p.hex)"><img src="offprint-blob:\#(g.hex)"><img src="offprint-blob:\#(p.hex)"><img src="other.png"></p>"#)
        #expect(snap.images == [p: png, g: gif])
        let head = try #require(try library.revision(snap.head))
        #expect(head.images == [p, g].sorted())
        #expect(head.body == ContentHash(ofUTF8: snap.content))
    }

    @Test func reimportAfterDeleteRevivesWithState() throws {
        let library = try Fixture.library()
        let c = Fixture.candidate(url: "https://example.com/x", html: "<html>x</html>")
        let id = try library.importArticle(c).articleID
        try library.tag(id, add: ["keep"], remove: [])
        try library.delete(id)
        #expect(try library.listArticles().isEmpty)
        guard case .revised = try library.importArticle(c) else { Issue.record("expected .revised"); return }
        let list = try library.listArticles()
        #expect(list.map(\.id) == [id])
        #expect(list[0].state == ArticleState(tags: ["keep"]))
    }

    @Test func listIsNewestFirst() throws {
        let library = try Fixture.library()
        let a = try library.importArticle(Fixture.candidate(url: "https://e.com/a", html: "a")).articleID
        let b = try library.importArticle(Fixture.candidate(url: "https://e.com/b", html: "b")).articleID
        let c = try library.importArticle(Fixture.candidate(url: "https://e.com/c", html: "c")).articleID
        try library.edit(a, title: "edited later")
        #expect(try library.listArticles().map(\.id) == [c, b, a])
        #expect(try library.snapshots().map(\.id) == [c, b, a])
        #expect(try library.snapshots([a, c]).map(\.id) == [a, c])
    }

    @Test func imageReplacementEscapesLikeTheSerializer() {
        let html = #"<img src="x&lt;1&gt;&amp;.png">"#
        #expect(Library.replacingImageSource("x<1>&.png", with: "Z", in: html) == #"<img src="Z">"#)
    }
}
