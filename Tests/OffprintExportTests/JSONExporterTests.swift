// The JSON export: shape, key order, null for unknown values, deterministic bytes; the
// revisions and blobs of version 2 and the reader that checks them.
import Foundation
import OffprintExport
import OffprintModel
import OffprintTestSupport
import Testing

@Suite struct JSONExporterTests {
    @Test func shapeAndDeterminism() throws {
        let a = Fixtures.snapshot(key: "b", metadata: ArticleMetadata(title: "T/1", lang: "en", url: "https://x.org/a/b"),
                                  content: "<p>x</p>", tags: ["z", "a"])
        let b = Fixtures.snapshot(key: "a", metadata: ArticleMetadata(), content: "")
        let text = JSONExporter().render(articles: [a, b])
        #expect(text == JSONExporter().render(articles: [b, a]))
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\"url\":\"https://x.org/a/b\""))
        #expect(text.contains("\"addedAt\":\"2026-11-28T21:06:40Z\""))
        let obj = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        #expect(obj["format"] as? String == "offprint")
        #expect(obj["version"] as? Int == 2)
        let list = obj["articles"] as! [[String: Any]]
        #expect(list.count == 2)
        #expect((list[0]["id"] as! String) < (list[1]["id"] as! String))
        let keys: Set<String> = ["id", "head", "title", "byline", "excerpt", "siteName", "lang", "dir",
                                 "publishedTime", "url", "addedAt", "updatedAt", "tags", "read",
                                 "favorite", "archived", "content", "revisions"]
        for item in list { #expect(Set(item.keys) == keys) }
        let empty = list.first { $0["content"] as? String == "" }!
        #expect(empty["title"] is NSNull)
        #expect((obj["images"] as? [String: Any])?.isEmpty == true)
        #expect((obj["blobs"] as? [String: Any])?.isEmpty == true)
        #expect(list.allSatisfy { ($0["revisions"] as? [Any])?.isEmpty == true })  // read without history
        let url = TestPaths.temporaryDirectory().appendingPathComponent("out.json")
        try JSONExporter().write(articles: [a, b], options: Fixtures.options(), to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == text)
    }

    @Test func imagesAsBase64UnderTheirHash() throws {
        let png = HTMLExporterTests.png
        let hash = ContentHash(of: png)
        let a = Fixtures.snapshot(key: "i", metadata: ArticleMetadata(title: "I"),
                                  content: "<p><img src=\"offprint-blob:\(hash.hex)\" alt=\"\"></p>", images: [hash: png])
        let b = Fixtures.snapshot(key: "j", metadata: ArticleMetadata(title: "J"),
                                  content: "<p><img src=\"offprint-blob:\(hash.hex)\" alt=\"\"></p>", images: [hash: png])
        let text = JSONExporter().render(articles: [a, b])
        #expect(text.hasSuffix("\"images\":{\"\(hash.hex)\":\"\(png.base64EncodedString())\"},\"version\":2}\n"))
        #expect(text.components(separatedBy: png.base64EncodedString()).count == 2)
    }

    /// An article with two revisions (import, then tag), its body, source and image blobs.
    static func withHistory() -> ArticleSnapshot {
        let png = HTMLExporterTests.png
        let image = ContentHash(of: png)
        let body = Data("<p><img src=\"offprint-blob:\(image.hex)\" alt=\"\"></p>".utf8)
        let source = Data("<html>page</html>".utf8)
        let id = ArticleID(hex: String(repeating: "c", count: 64))!
        let replica = ReplicaID(hex: String(repeating: "a", count: 32))!
        let root = Revision(articleID: id, parents: [], time: HLCTimestamp(physical: 1_795_949_228_000, counter: 0),
                            replica: replica, change: .import, metadata: ArticleMetadata(title: "Ü/\"1\"", dir: .rtl),
                            state: ArticleState(), body: ContentHash(of: body), source: ContentHash(of: source),
                            sourceType: "text/html", images: [image])
        var tagged = root
        tagged.parents = [root.hash]
        tagged.time = HLCTimestamp(physical: 1_795_949_229_500, counter: 2)
        tagged.change = .tag
        tagged.state = ArticleState(tags: ["b", "a"])
        return ArticleSnapshot(id: id, head: tagged.hash, metadata: tagged.metadata, state: tagged.state,
                               addedAt: Date(timeIntervalSince1970: 1_795_949_228), updatedAt: Date(timeIntervalSince1970: 1_795_949_229.5),
                               content: String(decoding: body, as: UTF8.self), images: [image: png],
                               history: ArticleHistory(revisions: [root, tagged],
                                                       blobs: [image: png, ContentHash(of: body): body, ContentHash(of: source): source]))
    }

    @Test func revisionsAndBlobs() throws {
        let a = Self.withHistory()
        let text = JSONExporter().render(articles: [a])
        let obj = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        let rev = ((obj["articles"] as! [[String: Any]])[0]["revisions"] as! [[String: Any]])[1]
        #expect(Set(rev.keys) == ["hash", "parents", "hlc", "replica", "change", "body", "source", "sourceType",
                                  "images", "title", "byline", "excerpt", "siteName", "lang", "dir",
                                  "publishedTime", "url", "tags", "read", "favorite", "archived", "deleted"])
        let head = a.history!.revisions[1]
        #expect(rev["hash"] as? String == a.head.hex)
        #expect(rev["parents"] as? [String] == [a.history!.revisions[0].hash.hex])
        #expect(rev["hlc"] as? [String: Int] == ["physical": 1_795_949_229_500, "counter": 2])
        #expect(rev["tags"] as? [String] == ["a", "b"])
        #expect(rev["dir"] as? String == "rtl")
        #expect(text.contains("\"change\":\"tag\",\"deleted\":false,\"dir\":\"rtl\""))
        // Images under images, the body and source under blobs, once each.
        #expect((obj["images"] as! [String: String]).keys.sorted() == head.images.map(\.hex))
        #expect((obj["blobs"] as! [String: String]).keys.sorted() == [head.body.hex, head.source!.hex].sorted())

        // The reader gives back the same revisions and blobs.
        let doc = try JSONDocument(decoding: Data(text.utf8), path: "x.json")
        #expect(doc.articles.count == 1)
        #expect(doc.articles[0].revisions == a.history!.revisions)
        #expect(doc.articles[0].head == a.head)
        #expect(doc.articles[0].metadata.title == "Ü/\"1\"")
        #expect(doc.articles[0].updatedAt == "2026-11-29T10:47:09Z")
        #expect(doc.blobs.count == 3)
        #expect(doc.blobs == a.history!.blobs)
        #expect(JSONDocument.claims(Data(text.utf8)))
        #expect(JSONDocument.claims(Data(text.prefix(40).utf8)))
        #expect(JSONDocument.claims(Data("\u{FEFF} {\"version\": 9, \"format\": \"offprint\"}".utf8)))
        #expect(!JSONDocument.claims(Data("[{\"url\": \"https://e.org\"}]".utf8)))
        #expect(!JSONDocument.claims(Data("{\"guid\": \"root\", \"children\": []}".utf8)))
        let bare = Fixtures.snapshot(key: "n", metadata: ArticleMetadata(), content: "")
        #expect(throws: OffprintError(.badInput, "x.json", "article \(bare.id.hex): no revisions (written without its history)")) {
            try JSONDocument(decoding: Data(JSONExporter().render(articles: [bare]).utf8), path: "x.json")
        }
    }

    /// The streaming writer (one article at a time, blobs spilled to a temporary file) gives
    /// the bytes `render` gives, blobs shared between articles written once, and leaves no
    /// temporary file behind.
    @Test func streamingWriteEqualsRender() throws {
        let png = HTMLExporterTests.png
        let hash = ContentHash(of: png)
        let shared = Fixtures.snapshot(key: "s", metadata: ArticleMetadata(title: "S"),
                                       content: "<p><img src=\"offprint-blob:\(hash.hex)\" alt=\"\"></p>", images: [hash: png])
        let plain = Fixtures.snapshot(key: "p", metadata: ArticleMetadata(title: "P"), content: "<p>plain</p>")
        let articles = [shared, Self.withHistory(), plain]
        let dir = TestPaths.temporaryDirectory()
        let url = dir.appendingPathComponent("stream.json")
        try JSONExporter().write(ArticleStream(articles), options: Fixtures.options(), to: url)
        let written = try String(contentsOf: url, encoding: .utf8)
        #expect(written == JSONExporter().render(articles: articles))
        #expect(written.components(separatedBy: png.base64EncodedString()).count == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["stream.json"])
    }
}
