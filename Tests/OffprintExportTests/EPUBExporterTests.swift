// The EPUB container and package: mimetype first and stored, determinism, titles with
// markup characters, language and direction, images embedded once or dropped.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import OffprintExport
import OffprintModel
import OffprintTestSupport
import Testing

@Suite struct EPUBExporterTests {
    static let specialTitle = "Tom & Jerry <3 \"quotes\" — C++ / a:b?"

    func article(_ key: String, title: String? = "An article", lang: String? = "en",
                 content: String = "<p>Hello.</p>", images: [ContentHash: Data] = [:]) -> ArticleSnapshot {
        Fixtures.snapshot(key: key, metadata: ArticleMetadata(title: title, byline: "Jane Doe",
                                                              siteName: "Example", lang: lang,
                                                              url: "https://example.org/\(key)"),
                          content: content, images: images)
    }

    @Test func mimetypeIsFirstStoredWithoutExtraField() throws {
        let url = try Fixtures.export([article("a")])
        let bytes = [UInt8](try Data(contentsOf: url))
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        let method = Int(bytes[8]) | Int(bytes[9]) << 8
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        let extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
        #expect(method == 0)
        #expect(extraLength == 0)
        #expect(String(decoding: bytes[30..<(30 + nameLength)], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[(30 + nameLength)..<(30 + nameLength + 20)], as: UTF8.self) == "application/epub+zip")
        let paths = try Fixtures.entries(url).map(\.path)
        #expect(paths.first == "mimetype")
        #expect(paths.contains("META-INF/container.xml"))
        #expect(paths.contains("EPUB/package.opf"))
        #expect(paths.contains("EPUB/nav.xhtml"))
        #expect(paths.contains("EPUB/toc.ncx"))
        #expect(paths.contains("EPUB/style.css"))
        #expect(paths.contains("EPUB/text/chapter-0001.xhtml"))
    }

    @Test func twoExportsAreByteIdentical() throws {
        let arts = [article("a"), article("b", title: "Second", lang: "de")]
        let one = try Data(contentsOf: Fixtures.export(arts))
        let two = try Data(contentsOf: Fixtures.export(arts))
        #expect(one == two)
        let opf = try Fixtures.text(Fixtures.export(arts), "EPUB/package.opf")
        #expect(opf.contains("<meta property=\"dcterms:modified\">2026-11-29T10:47:08Z</meta>"))
        #expect(opf.contains("<dc:identifier id=\"book-id\">urn:uuid:"))
        #expect(opf.contains("<dc:title>Offprint: 2 articles</dc:title>"))
        // Same set of articles in another order: the same identifier.
        let swapped = try Fixtures.text(Fixtures.export(arts.reversed()), "EPUB/package.opf")
        func identifier(_ s: String) -> Substring? {
            s.range(of: "urn:uuid:").map { s[$0.lowerBound...].prefix(45) }
        }
        #expect(identifier(opf) == identifier(swapped))
    }

    @Test func titleWithMarkupCharactersEverywhere() throws {
        let url = try Fixtures.export([article("t", title: Self.specialTitle)])
        let escaped = "Tom &amp; Jerry &lt;3 &quot;quotes&quot; — C++ / a:b?"
        let opf = try Fixtures.text(url, "EPUB/package.opf")
        #expect(opf.contains("<dc:title>\(escaped)</dc:title>"))
        let nav = try Fixtures.text(url, "EPUB/nav.xhtml")
        #expect(nav.contains(">\(escaped)</a>"))
        let ncx = try Fixtures.text(url, "EPUB/toc.ncx")
        #expect(ncx.contains("<text>\(escaped)</text>"))
        let chapter = try Fixtures.text(url, "EPUB/text/chapter-0001.xhtml")
        #expect(chapter.contains("<title>\(escaped)</title>"))
        #expect(chapter.contains(">\(escaped)</h1>"))
        // Parsed as XML, the text is exactly the title.
        for doc in [opf, nav, ncx, chapter] {
            let xml = try XMLDocument(data: Data(doc.utf8))
            #expect(xml.rootElement() != nil)
            #expect(doc.contains("&amp;") && !doc.contains("Tom & Jerry"))
        }
        let xml = try XMLDocument(data: Data(chapter.utf8))
        let h1 = try xml.nodes(forXPath: "//*[local-name()='h1']").first?.stringValue
        #expect(h1 == Self.specialTitle)
        // File names never come from titles.
        #expect(try Fixtures.entries(url).allSatisfy { !$0.path.contains("Tom") })
    }

    @Test func rtlPersianArticle() throws {
        let url = try Fixtures.export([Fixtures.caseSnapshot("rtl-fa.html")])
        let opf = try Fixtures.text(url, "EPUB/package.opf")
        #expect(opf.contains("<dc:language>fa-IR</dc:language>"))
        let chapter = try Fixtures.text(url, "EPUB/text/chapter-0001.xhtml")
        #expect(chapter.contains("xml:lang=\"fa-IR\" lang=\"fa-IR\" dir=\"rtl\""))
        #expect(opf.contains("<spine toc=\"ncx\" page-progression-direction=\"rtl\">"))
        let mixed = try Fixtures.text(Fixtures.export([Fixtures.caseSnapshot("rtl-fa.html"), article("a")]), "EPUB/package.opf")
        #expect(mixed.contains("<spine toc=\"ncx\">"))
    }

    @Test func languageTagsAreValidated() throws {
        let url = try Fixtures.export([article("a", lang: "zh_hant_tw"), article("b", lang: "not a tag")])
        let opf = try Fixtures.text(url, "EPUB/package.opf")
        #expect(opf.contains("<dc:language>zh-Hant-TW</dc:language>"))
        let second = try Fixtures.text(url, "EPUB/text/chapter-0002.xhtml")
        #expect(!second.contains("lang="))
        let none = try Fixtures.text(Fixtures.export([article("c", lang: nil)]), "EPUB/package.opf")
        #expect(none.contains("<dc:language>en</dc:language>"))
    }

    @Test func dataImageEmbeddedOnceRemoteImageDroppedWithAlt() throws {
        let gif = "data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="
        let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!
        let hash = ContentHash(of: png)
        let body = """
        <p><img src="\(gif)" alt="one"> and again <img src="\(gif)" alt="two"></p>
        <p><img src="https://remote.example.org/pic.jpg" alt="a remote picture"></p>
        <p><img src="offprint-blob:\(hash.hex)" alt="blob"><img src="offprint-blob:\(String(repeating: "0", count: 64))" alt="missing blob"></p>
        """
        let url = try Fixtures.export([article("i", content: body, images: [hash: png]),
                                       article("j", content: "<p><img src=\"\(gif)\" alt=\"three\"></p>")])
        let entries = try Fixtures.entries(url)
        let images = entries.filter { $0.path.hasPrefix("EPUB/images/") }
        #expect(images.count == 2)
        #expect(images.contains { $0.path == "EPUB/images/\(hash.hex).png" })
        #expect(images.contains { $0.path.hasSuffix(".gif") })
        let opf = try Fixtures.text(url, "EPUB/package.opf")
        #expect(opf.components(separatedBy: "media-type=\"image/gif\"").count == 2)
        let chapter = try Fixtures.text(url, "EPUB/text/chapter-0001.xhtml")
        #expect(!chapter.contains("remote.example.org"))
        #expect(chapter.contains("a remote picture"))
        #expect(chapter.contains("missing blob"))
        #expect(!chapter.contains("offprint-blob:"))
        #expect(chapter.contains("src=\"../images/\(hash.hex).png\""))
    }

    @Test func linksAreKeptOnlyWhenTheyResolve() throws {
        let body = """
        <p id="top"><a href="https://example.org/a b">web</a> <a href="/relative">rel</a>
        <a href="#top">up</a> <a href="#nowhere">gone</a> <a href="javascript:alert(1)">js</a>
        <a href="mailto:someone@example.org">mail</a></p>
        """
        let chapter = try Fixtures.text(Fixtures.export([article("l", content: body)]), "EPUB/text/chapter-0001.xhtml")
        #expect(chapter.contains("href=\"https://example.org/a%20b\""))
        #expect(chapter.contains("href=\"#top\""))
        #expect(chapter.contains("href=\"mailto:someone@example.org\""))
        #expect(!chapter.contains("/relative"))
        #expect(!chapter.contains("#nowhere"))
        #expect(!chapter.contains("javascript"))
    }

    @Test func noArticlesIsAnError() {
        #expect(throws: OffprintError.self) { try Fixtures.export([]) }
    }

    /// A user's Formats copy holding only the chapter template: the other files (the cover
    /// page, added after such copies were made, among them) come from the built-in folder.
    @Test func partialTemplatesFallBackToTheBuiltInFiles() throws {
        let mine = TestPaths.temporaryDirectory().appendingPathComponent("MyFormats/epub", isDirectory: true)
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        var chapter = try String(contentsOf: Fixtures.formats.appendingPathComponent("epub/chapter.xhtml.mustache"), encoding: .utf8)
        chapter = chapter.replacingOccurrences(of: "<body", with: "<!-- my chapter template --><body")
        try chapter.write(to: mine.appendingPathComponent("chapter.xhtml.mustache"), atomically: true, encoding: .utf8)
        var o = Fixtures.options()
        o.formatsDirectory = mine.deletingLastPathComponent()
        let url = TestPaths.temporaryDirectory().appendingPathComponent("mine.epub")
        try EPUBExporter().write(articles: [article("a")], options: o, to: url)
        #expect(try Fixtures.text(url, "EPUB/text/chapter-0001.xhtml").contains("<!-- my chapter template -->"))
        #expect(try Fixtures.text(url, "EPUB/cover.xhtml").contains("An article"))
    }

    /// A template that does not parse is named with the line and column of the fault.
    @Test func aBrokenTemplateIsNamedWithItsLine() throws {
        let mine = TestPaths.temporaryDirectory().appendingPathComponent("Broken/epub", isDirectory: true)
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        let chapter = mine.appendingPathComponent("chapter.xhtml.mustache")
        try "<html>\n<body>{{#content}}{{/title}}</body>\n</html>\n".write(to: chapter, atomically: true, encoding: .utf8)
        var o = Fixtures.options()
        o.formatsDirectory = mine.deletingLastPathComponent()
        let url = TestPaths.temporaryDirectory().appendingPathComponent("broken.epub")
        let error = try #require(throws: OffprintError.self) {
            try EPUBExporter().write(articles: [article("a")], options: o, to: url)
        }
        #expect(error.subject == chapter.path)
        #expect(error.message.hasPrefix("the template does not parse: line 2, column "))
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test func registryAndLocator() throws {
        #expect(ExporterRegistry.names == ["epub", "html", "json", "markdown", "text"])
        #expect(ExporterRegistry.exporter(named: "EPUB")?.name == "epub")
        #expect(ExporterRegistry.exporter(named: "docx") == nil)
        let found = try FormatsLocator.locate(environment: [:], executable:
            TestPaths.root.appendingPathComponent(".build/release/offprint"))
        #expect(found.standardizedFileURL.path == Fixtures.formats.standardizedFileURL.path)
        let env = try FormatsLocator.locate(environment: ["OFFPRINT_FORMATS": Fixtures.formats.path],
                                            executable: URL(fileURLWithPath: "/nonexistent/bin/offprint"))
        #expect(env.path == Fixtures.formats.path)
        #expect(throws: OffprintError.self) {
            try FormatsLocator.locate(environment: [:], executable: URL(fileURLWithPath: "/nonexistent/bin/offprint"))
        }
    }
}
