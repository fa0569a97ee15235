// The JSON export: shape, key order, null for unknown values, deterministic bytes.
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
        #expect(obj["version"] as? Int == 1)
        let list = obj["articles"] as! [[String: Any]]
        #expect(list.count == 2)
        #expect((list[0]["id"] as! String) < (list[1]["id"] as! String))
        let keys: Set<String> = ["id", "head", "title", "byline", "excerpt", "siteName", "lang", "dir",
                                 "publishedTime", "url", "addedAt", "updatedAt", "tags", "read",
                                 "favorite", "archived", "content"]
        for item in list { #expect(Set(item.keys) == keys) }
        let empty = list.first { $0["content"] as? String == "" }!
        #expect(empty["title"] is NSNull)
        #expect((obj["images"] as? [String: Any])?.isEmpty == true)
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
        #expect(text.hasSuffix("\"images\":{\"\(hash.hex)\":\"\(png.base64EncodedString())\"},\"version\":1}\n"))
        #expect(text.components(separatedBy: png.base64EncodedString()).count == 2)
    }
}
