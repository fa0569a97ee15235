// The plain-text export: layout of headings, lists, quotes, code, tables and links; wrapping
// by display width (CJK wide, closing punctuation, whole words); bundles as a directory, a
// .zip and one stream; deterministic bytes.
import Foundation
import OffprintExport
import OffprintModel
import OffprintTestSupport
import Testing

@Suite struct TextExporterTests {
    static let rich = """
    <h2>Three rules</h2><ol><li><strong>Save</strong> the source.</li><li>Name things.</li></ol>
    <blockquote><p>The best archive is the one you open.</p></blockquote>
    <pre><code>offprint import x.html
      indented</code></pre>
    <table><thead><tr><th>Habit</th><th>Cost</th></tr></thead><tbody><tr><td>Tagging</td><td>a few words</td></tr></tbody></table>
    <p>See <a href="https://example.org/a">the spec</a> and <a href="https://example.org/a">again</a>, <a href="/rel">relative</a>.</p>
    <ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul><hr><p>After<br>break</p>
    """

    func article(_ key: String = "t", title: String? = "Tom & Jerry <3 \"quotes\" — C++ / a:b?",
                 content: String = rich) -> ArticleSnapshot {
        Fixtures.snapshot(key: key, metadata: ArticleMetadata(title: title, byline: "Jane Doe", lang: "en",
                                                              publishedTime: "2026-05-02",
                                                              url: "https://example.org/\(key)"),
                          content: content)
    }

    @Test func documentLayout() {
        let text = PlainTextRenderer.document(article())
        let expected = """
        Tom & Jerry <3 "quotes" — C++ / a:b?
        ====================================
        Jane Doe
        https://example.org/t
        2026-05-02

        Three rules
        -----------

        1. Save the source.
        2. Name things.

        > The best archive is the one you open.

            offprint import x.html
              indented

        Habit   | Cost
        --------+------------
        Tagging | a few words

        See the spec [1] and again [1], relative.

        - one
        - two
          - nested

        * * *

        After
        break

        References

        [1] https://example.org/a

        """
        #expect(text == expected)
    }

    @Test func wrapsByDisplayWidth() {
        // Wide characters count two columns: 10 ideographs fill 20 columns.
        #expect(DisplayWidth.of("离线阅读") == 8)
        #expect(DisplayWidth.of("ｶﾀｶﾅ") == 4) // halfwidth katakana are narrow
        #expect(DisplayWidth.of("Ａ") == 2)  // fullwidth
        #expect(DisplayWidth.of("e\u{301}") == 1)
        let zh = PlainTextRenderer.wrap("惊喜是因为没想到大型语言模型效果能好成这样。惊醒是顿悟到", width: 20)
        #expect(zh.allSatisfy { DisplayWidth.of($0) <= 20 })
        #expect(zh.joined() == "惊喜是因为没想到大型语言模型效果能好成这样。惊醒是顿悟到")
        // No line starts with closing punctuation: 。 stays with the ideograph before it.
        #expect(zh == ["惊喜是因为没想到大型", "语言模型效果能好成这", "样。惊醒是顿悟到"]
                || zh.allSatisfy { !$0.hasPrefix("。") })
        let jp = PlainTextRenderer.wrap("一二三四五六七八九」十", width: 18)
        #expect(jp == ["一二三四五六七八", "九」十"])
        // Latin words are never split; a too-long word stays whole on its line.
        let en = PlainTextRenderer.wrap("the quick brown fox supercalifragilistic jumps", width: 10)
        #expect(en == ["the quick", "brown fox", "supercalifragilistic", "jumps"])
        // Mixed: a break may fall between a Latin word and an ideograph.
        let mixed = PlainTextRenderer.wrap("大型语言模型(LLM,Large Language Model)效果", width: 16)
        #expect(mixed.allSatisfy { !$0.contains("Langu") || $0.contains("Language") })
        #expect(mixed.joined(separator: " ").replacingOccurrences(of: " ", with: "") ==
                "大型语言模型(LLM,LargeLanguageModel)效果")
    }

    @Test func wrappedDocumentKeepsLinesWithinWidth() {
        let long = "<p>" + String(repeating: "Offline reading is calm reading. ", count: 10) + "</p><p>"
            + String(repeating: "离线阅读的好处，", count: 10) + "</p>"
        let text = PlainTextRenderer.document(article(content: long), wrap: 40)
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(line) <= 40, "\(line)") }
        #expect(text.contains("离线阅读的好处，"))
    }

    @Test func tooWideTableBecomesRecords() {
        let t = "<table><tr><th>Name</th><th>Description</th></tr><tr><td>Offprint</td><td>" +
            String(repeating: "an offline article library ", count: 3) + "</td></tr></table>"
        let text = PlainTextRenderer.body(html: t, wrap: 30)
        #expect(text.hasPrefix("Name: Offprint\nDescription: an offline\narticle library an offline\n"))
    }

    @Test func bundlesDirectoryZipAndStream() throws {
        let arts = [article("a"), article("b", title: "Second"), article("c", title: "Second")]
        let dir = TestPaths.temporaryDirectory().appendingPathComponent("out")
        try TextExporter().write(articles: arts, options: Fixtures.options(), to: dir)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == ["Second (2).txt", "Second.txt", "Tom & Jerry 3 quotes — C++ a b.txt", "index.txt"])
        let index = try String(contentsOf: dir.appendingPathComponent("index.txt"), encoding: .utf8)
        #expect(index.hasPrefix("Offprint: 3 articles\n====================\n\n1. Tom & Jerry <3 \"quotes\" — C++ / a:b?\n"))
        #expect(index.contains("   file: Second (2).txt"))
        let zipURL = TestPaths.temporaryDirectory().appendingPathComponent("t.zip")
        try TextExporter().write(articles: arts, options: Fixtures.options(), to: zipURL)
        let entries = try Fixtures.entries(zipURL)
        #expect(entries.map(\.path) == ["Tom & Jerry 3 quotes — C++ a b.txt", "Second.txt", "Second (2).txt", "index.txt"])
        #expect(entries[0].data == (try Data(contentsOf: dir.appendingPathComponent("Tom & Jerry 3 quotes — C++ a b.txt"))))
        let again = TestPaths.temporaryDirectory().appendingPathComponent("t.zip")
        try TextExporter().write(articles: arts, options: Fixtures.options(), to: again)
        #expect(try Data(contentsOf: zipURL) == Data(contentsOf: again))
        // One stream: documents separated by form feeds.
        let streamURL = TestPaths.temporaryDirectory().appendingPathComponent("s.txt")
        FileManager.default.createFile(atPath: streamURL.path, contents: nil)
        let h = try FileHandle(forWritingTo: streamURL)
        try TextExporter().writeStream(articles: arts, options: Fixtures.options(), to: h)
        try h.close()
        let stream = try String(contentsOf: streamURL, encoding: .utf8)
        #expect(stream.components(separatedBy: "\u{0C}\n").count == 3)
        #expect(stream.hasPrefix(PlainTextRenderer.document(arts[0])))
    }

    @Test func caseTitleAndEntitiesInText() throws {
        let special = try Fixtures.caseSnapshot("title-special-chars.html")
        #expect(PlainTextRenderer.document(special).hasPrefix("Tom & Jerry <3 \"quotes\" — C++ / a:b?\n"))
        let entities = PlainTextRenderer.document(try Fixtures.caseSnapshot("named-entities.html"))
        #expect(entities.contains("Fish\u{00A0}&\u{00A0}chips cost £5 — ‘cheap’ © 2026 … café naïve"))
    }
}
