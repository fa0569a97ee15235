// The Markdown export: front matter, CommonMark constructs, escaping (text that looks like
// syntax stays text: rendered back through cmark-gfm it gives the same words), images in
// assets/, determinism.
import Foundation
import OffprintExport
import OffprintExtraction
import OffprintModel
import OffprintTestSupport
import Testing

@Suite struct MarkdownExporterTests {
    func article(_ content: String, title: String? = "Tom & Jerry <3 \"quotes\" — C++ / a:b?",
                 images: [ContentHash: Data] = [:]) -> ArticleSnapshot {
        Fixtures.snapshot(key: "m", metadata: ArticleMetadata(title: title, byline: "Jane \"JD\" Doe",
                                                              publishedTime: "2026-05-02T10:00:00Z",
                                                              url: "https://example.org/m"),
                          content: content, images: images, tags: ["b", "a: colon"])
    }

    @Test func frontMatterAndBody() throws {
        let md = try MarkdownExporter().document(article(TextExporterTests.rich)).text
        let expected = """
        ---
        title: "Tom & Jerry <3 \\"quotes\\" — C++ / a:b?"
        byline: "Jane \\"JD\\" Doe"
        url: "https://example.org/m"
        date: "2026-05-02T10:00:00Z"
        tags: ["a: colon","b"]
        id: "\(article("").id.hex)"
        ---

        ## Three rules

        1. **Save** the source.
        2. Name things.

        > The best archive is the one you open.

        ```
        offprint import x.html
          indented
        ```

        | Habit | Cost |
        | --- | --- |
        | Tagging | a few words |

        See [the spec](https://example.org/a) and [again](https://example.org/a), relative.

        - one
        - two
          - nested

        * * *

        After\\
        break

        """
        #expect(md == expected)
    }

    @Test func syntaxInTextStaysText() throws {
        let html = "<p># not a heading *not emphasis* [not](a link) 1. not a list &amp;copy; a_b_c `tick` | pipe</p><p>- not a bullet</p><p>2) nor this</p><p>code: <code>a ` b</code></p>"
        let md = try MarkdownExporter().document(article(html)).text
        let back = try MarkdownImporter.extract(string: md)
        let text = back.textContent
        #expect(text.contains("# not a heading *not emphasis* [not](a link) 1. not a list &copy; a_b_c `tick` | pipe"))
        #expect(text.contains("- not a bullet"))
        #expect(text.contains("2) nor this"))
        #expect(back.content.contains("<code>a ` b</code>"))
        #expect(!back.content.contains("<h1>"))
        #expect(!back.content.contains("<em>"))
        #expect(!back.content.contains("<ul>"))
        #expect(!back.content.contains("<ol"))
    }

    @Test func imagesInAssetsAndDeterministicBundle() throws {
        let png = HTMLExporterTests.png
        let hash = ContentHash(of: png)
        let a = article("<p>Look: <img src=\"offprint-blob:\(hash.hex)\" alt=\"a [pixel]\"> and <img src=\"https://r.example.org/x.png\" alt=\"remote\"></p>",
                        images: [hash: png])
        let doc = try MarkdownExporter().document(a)
        #expect(doc.text.contains("Look: ![a \\[pixel\\]](assets/\(hash.hex).png) and [remote]"))
        #expect(doc.images.map(\.path) == ["assets/\(hash.hex).png"])
        let z1 = TestPaths.temporaryDirectory().appendingPathComponent("v.zip")
        let z2 = TestPaths.temporaryDirectory().appendingPathComponent("v.zip")
        try MarkdownExporter().write(articles: [a], options: Fixtures.options(), to: z1)
        try MarkdownExporter().write(articles: [a], options: Fixtures.options(), to: z2)
        #expect(try Data(contentsOf: z1) == Data(contentsOf: z2))
        #expect(try Fixtures.entries(z1).map(\.path) == ["assets/\(hash.hex).png", "Tom & Jerry 3 quotes — C++ a b.md"])
        let dir = TestPaths.temporaryDirectory().appendingPathComponent("vault")
        try MarkdownExporter().write(articles: [a], options: Fixtures.options(), to: dir)
        #expect(try Data(contentsOf: dir.appendingPathComponent("assets/\(hash.hex).png")) == png)
    }

    @Test func corpusRoundTripKeepsTheWords() throws {
        // Every corpus page, written as Markdown and read back by cmark-gfm, keeps its words.
        for a in try Fixtures.corpusSnapshots().prefix(30) {
            let md = try MarkdownExporter().document(a).text
            let back = try MarkdownImporter.extract(string: md).textContent
            let words = { (s: String) in s.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() } }
            let original = Set(words(TextSearch.plainText(html: a.content)))
            let kept = Set(words(back))
            let missing = original.subtracting(kept)
            #expect(Double(missing.count) <= Double(original.count) * 0.01 + 1, "\(a.metadata.title ?? ""): \(missing.sorted().prefix(12))")
        }
    }
}
