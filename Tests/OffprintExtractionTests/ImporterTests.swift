// InputImporter, CharsetDecoder, PlainTextImporter and MarkdownImporter: kinds, errors,
// decoding rules and the text and Markdown conversions.
import Foundation
@testable import OffprintExtraction
import OffprintModel
import OffprintTestSupport
import Testing

@Suite("Charset decoding")
struct CharsetTests {
    @Test("a UTF-8 BOM is removed and wins")
    func utf8BOM() {
        let d = CharsetDecoder.decode(Data([0xEF, 0xBB, 0xBF] + Array("<meta charset=gbk>é".utf8)), kind: .html)
        #expect(d.text == "<meta charset=gbk>é")
        #expect(d.evidence == .byteOrderMark)
    }

    @Test("UTF-16BE with a BOM")
    func utf16BE() {
        let d = CharsetDecoder.decode(Data([0xFE, 0xFF, 0x00, 0x41, 0x4E, 0x2D]), kind: .text)
        #expect(d.text == "A中")
        #expect(d.encoding == "UTF-16BE")
    }

    @Test("a label is honoured for bytes that are not UTF-8, wherever the meta is")
    func metaAfterText() {
        let bytes: [UInt8] = Array("<title>caf".utf8) + [0xE9] + Array("</title><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">".utf8)
        let d = CharsetDecoder.decode(Data(bytes), kind: .html)
        #expect(d.text.hasPrefix("<title>café</title>"))
        #expect(d.encoding == "windows-1252")
        #expect(d.evidence == .metaDeclaration)
    }

    @Test("an XHTML file's XML declaration names its encoding")
    func xmlDeclaration() {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html><p>caf".utf8) + [0xE9]
        let d = CharsetDecoder.decode(Data(bytes), kind: .html)
        #expect(d.text.hasSuffix("café"))
        #expect(d.evidence == .metaDeclaration)
    }

    @Test("WHATWG labels: gb2312 and gbk mean GB18030, latin1 means windows-1252")
    func labels() {
        let gbk: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4]   // 中文
        let html = Array("<meta charset=\"gb2312\">".utf8) + gbk
        #expect(CharsetDecoder.decode(Data(html), kind: .html).text.hasSuffix("中文"))
        #expect(CharsetDecoder.decode(Data(html), kind: .html).encoding == "GB18030")
        let latin = Array("<meta charset=latin1>".utf8) + [0x93, 0x41, 0x94]
        #expect(CharsetDecoder.decode(Data(latin), kind: .html).text.hasSuffix("“A”"))
    }

    @Test("EUC-KR text is detected")
    func eucKR() {
        // "안녕하세요 세계입니다" in EUC-KR.
        let bytes: [UInt8] = [0xBE, 0xC8, 0xB3, 0xE7, 0xC7, 0xCF, 0xBC, 0xBC, 0xBF, 0xE4, 0x20,
                              0xBC, 0xBC, 0xB0, 0xE8, 0xC0, 0xD4, 0xB4, 0xCF, 0xB4, 0xD9]
        let d = CharsetDecoder.decode(Data(bytes), kind: .text)
        #expect(d.encoding == "EUC-KR")
        #expect(d.text == "안녕하세요 세계입니다")
    }

    @Test("unlabelled Latin-1 prose is detected as windows-1252, EUC-JP as EUC-JP")
    func latinAndEUCJP() {
        let latin: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" na".utf8) + [0xEF] + Array("ve fa".utf8) + [0xE7]
            + Array("ade, d".utf8) + [0xE9, 0x6A, 0xE0] + Array(" vu, se".utf8) + [0xF1] + Array("or.".utf8)
        let d = CharsetDecoder.decode(Data(latin), kind: .text)
        #expect(d.encoding == "windows-1252")
        #expect(d.text == "Café naïve façade, déjà vu, señor.")
        let japanese = "オフライン読書の日本語の文章です。ひらがなとカタカナ。"
        let euc = Data([0xa5, 0xaa, 0xa5, 0xd5, 0xa5, 0xe9, 0xa5, 0xa4, 0xa5, 0xf3, 0xc6, 0xc9, 0xbd, 0xf1, 0xa4, 0xce,
                        0xc6, 0xfc, 0xcb, 0xdc, 0xb8, 0xec, 0xa4, 0xce, 0xca, 0xb8, 0xbe, 0xcf, 0xa4, 0xc7, 0xa4, 0xb9,
                        0xa1, 0xa3, 0xa4, 0xd2, 0xa4, 0xe9, 0xa4, 0xac, 0xa4, 0xca, 0xa4, 0xc8, 0xa5, 0xab, 0xa5, 0xbf,
                        0xa5, 0xab, 0xa5, 0xca, 0xa1, 0xa3])
        let e = CharsetDecoder.decode(euc, kind: .text)
        #expect(e.encoding == "EUC-JP")
        #expect(e.text == japanese)
    }

    @Test("UTF-8 validation rejects overlongs and surrogates")
    func validation() {
        #expect(CharsetDecoder.isValidUTF8(Array("héllo 中文 😀".utf8)))
        #expect(!CharsetDecoder.isValidUTF8([0xC0, 0xAF]))
        #expect(!CharsetDecoder.isValidUTF8([0xED, 0xA0, 0x80]))
        #expect(!CharsetDecoder.isValidUTF8([0xE4, 0xB8]))
        // After whole 8-byte words of ASCII, which are passed at once.
        let ascii = Array("<p>plain ASCII text, long enough</p>".utf8)
        #expect(CharsetDecoder.isValidUTF8(ascii))
        #expect(!CharsetDecoder.isValidUTF8(ascii + [0xE4, 0xB8]))
        #expect(!CharsetDecoder.isValidUTF8(ascii + [0xFF] + ascii))
        #expect(!CharsetDecoder.isValidUTF8(ascii + [0xC3, 0x41] + ascii))
        #expect(CharsetDecoder.isValidUTF8(ascii + Array("é".utf8) + ascii + Array("中".utf8)))
    }

    @Test("pages that go to the parser as they are: valid UTF-8 without BOM or NUL")
    func plainUTF8() {
        #expect(Extractor.isPlainUTF8(Data("<p>café 中文</p>".utf8)))
        #expect(!Extractor.isPlainUTF8(Data([0xEF, 0xBB, 0xBF] + Array("<p>x</p>".utf8))))
        #expect(!Extractor.isPlainUTF8(Data(Array("<p>x".utf8) + [0] + Array("</p>".utf8))))
        #expect(!Extractor.isPlainUTF8(Data(Array("<p>caf".utf8) + [0xE9] + Array("</p>".utf8))))
        #expect(Extractor.containsNoscriptTag(Data("<body><NoScript><p>x</p></NoScript>".utf8)))
        #expect(!Extractor.containsNoscriptTag(Data("<body><p>noscript</p><script></script>".utf8)))
    }

    @Test("the bytes path and the decoded path give the same article, repairs included")
    func bytesAndTextPathsAgree() throws {
        let body = String(repeating: "<p>The reading room opens every weekday, and the catalogue is searchable offline.</p>", count: 8)
        for page in ["<html><head><title>Caf\u{e9} notes</title></head><body><article><h1>Café notes</h1>\(body)</article></body></html>",
                     "<html><body><article><p>Ã©tÃ© cafÃ© rÃ©sumÃ© for the carte</p>\(body)</article></body></html>"] {
            let fromBytes = try Extractor.extract(html: Data(page.utf8), url: nil, baseDirectory: nil)
            let fromText = try Extractor.extract(htmlText: MojibakeRepair.repair(page), url: nil, baseDirectory: nil)
            #expect(fromBytes.content == fromText.content)
            #expect(fromBytes.metadata == fromText.metadata)
        }
        let repaired = try Extractor.extract(html: Data("<html><body><article><p>Ã©tÃ© cafÃ© rÃ©sumÃ© for the carte</p>\(body)</article></body></html>".utf8),
                                             url: nil, baseDirectory: nil)
        #expect(repaired.textContent.hasPrefix("été café résumé for the carte"))
    }
}

@Suite("Input importer")
struct InputImporterTests {
    @Test("a missing file")
    func missing() {
        let url = URL(fileURLWithPath: "/nonexistent/offprint/page.html")
        #expect(throws: OffprintError(.badInput, url.path, "no such file")) {
            try InputImporter.candidate(forFile: url)
        }
    }

    @Test("a directory where a file was expected")
    func directory() {
        let dir = TestPaths.temporaryDirectory()
        #expect(throws: OffprintError(.badInput, dir.path, "is a directory, not a file")) {
            try InputImporter.candidate(forFile: dir)
        }
    }

    @Test("an empty file")
    func empty() throws {
        let file = TestPaths.temporaryDirectory().appendingPathComponent("empty.html")
        try Data().write(to: file)
        #expect(throws: OffprintError(.badInput, file.path, "file is empty")) {
            try InputImporter.candidate(forFile: file)
        }
    }

    @Test("a binary file")
    func binary() throws {
        let file = TestPaths.temporaryDirectory().appendingPathComponent("photo.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).write(to: file)
        #expect(throws: OffprintError(.badInput, file.path, "binary file, not HTML, text or Markdown")) {
            try InputImporter.candidate(forFile: file)
        }
        let noise = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) })
        #expect(throws: OffprintError(.badInput, "-", "binary file, not HTML, text or Markdown")) {
            try InputImporter.candidate(data: noise, origin: "-", typeHint: nil)
        }
    }

    @Test("a page with no article text")
    func noText() {
        let html = Data("<html><head><title>x</title></head><body><div></div></body></html>".utf8)
        #expect(throws: OffprintError(.badInput, "p.html", "no article text found")) {
            try InputImporter.candidate(data: html, origin: "p.html", typeHint: .html)
        }
    }

    @Test("kinds by extension and by sniffing")
    func kinds() throws {
        #expect(InputImporter.isImportable(url: URL(fileURLWithPath: "/a/b.HTML")))
        #expect(InputImporter.isImportable(url: URL(fileURLWithPath: "/a/b.md")))
        #expect(InputImporter.isImportable(url: URL(fileURLWithPath: "/a/b.txt")))
        #expect(!InputImporter.isImportable(url: URL(fileURLWithPath: "/a/b.png")))
        #expect(!InputImporter.isImportable(url: URL(fileURLWithPath: "/a/.hidden.html")))
        #expect(InputImporter.sniff(Data("  <!DOCTYPE html><p>x".utf8)) == .html)
        #expect(InputImporter.sniff(Data("Title\n\nsome <html> talk".utf8)) == .html)
        #expect(InputImporter.sniff(Data("Just text.\n".utf8)) == .text)
        let c = try InputImporter.candidate(data: Data("Hello\n\nWorld.".utf8), origin: "-", typeHint: nil)
        #expect(c.sourceType == .text)
    }

    @Test("an HTML page saved with its _files folder: the image is read from disk")
    func savedPageImages() throws {
        let dir = TestPaths.temporaryDirectory()
        let files = dir.appendingPathComponent("page_files")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 1, count: 32))
        try png.write(to: files.appendingPathComponent("photo one.png"))
        let para = "<p>The committee met on Tuesday to review the proposal for the new reading room, and agreed that the catalogue must be searchable offline by everyone.</p>"
        let html = "<html><head><title>Saved page title here</title></head><body><article>\(para)<p><img src=\"page_files/photo%20one.png\" alt=\"x\"></p>\(para)\(para)\(para)</article></body></html>"
        let file = dir.appendingPathComponent("page.html")
        try Data(html.utf8).write(to: file)
        let c = try InputImporter.candidate(forFile: file)
        #expect(c.extracted.images.count == 1)
        #expect(c.extracted.images.first?.src == "page_files/photo%20one.png")
        #expect(c.extracted.images.first?.mediaType == "image/png")
        #expect(c.extracted.images.first?.data == png)
        #expect(imageSources(c.extracted.content) == ["page_files/photo%20one.png"])
    }
}

@Suite("Offline images")
struct OfflineImageTests {
    @Test("a file: URL image is read and named by a reference the HTML subset keeps")
    func fileURLImage() throws {
        let dir = TestPaths.temporaryDirectory()
        let gif = Data(Array("GIF89a".utf8) + [UInt8](repeating: 0, count: 20))
        let imageFile = dir.appendingPathComponent("pics").appendingPathComponent("a b.gif")
        try FileManager.default.createDirectory(at: imageFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try gif.write(to: imageFile)
        let para = ExtractionDetailTests.paragraph
        let html = "<html><body><article>\(para)<p><img src=\"\(imageFile.absoluteString)\" alt=\"g\"></p>\(para)\(para)</article></body></html>"
        let a = try Extractor.extract(html: Data(html.utf8), url: nil, baseDirectory: dir)
        #expect(a.images.count == 1)
        let image = try #require(a.images.first)
        #expect(image.src == "pics/a%20b.gif")
        #expect(image.mediaType == "image/gif")
        #expect(imageSources(a.content) == [image.src])
    }
}

@Suite("Text and Markdown")
struct TextMarkdownTests {
    @Test("text: paragraphs on blank lines, escaped, title is the first line")
    func text() throws {
        let a = try PlainTextImporter.extract(string: "  My <Title>\n\nLine one & more\nline two\n\n\nSecond para.\n")
        #expect(a.metadata.title == "My <Title>")
        #expect(a.content == "<p>Line one &amp; more<br>line two</p><p>Second para.</p>")
        #expect(a.textContent == "Line one & more\nline two\n\nSecond para.")
    }

    @Test("markdown: front matter title, GFM table and strikethrough, raw HTML dropped")
    func markdown() throws {
        let md = """
        ---
        title: "Front: matter title"
        author: Jane Doe
        ---
        # Heading

        Some *emphasis* and ~~gone~~ text, see https://example.org.

        | a | b |
        |---|---|
        | 1 | 2 |

        <script>alert(1)</script>
        """
        let a = try MarkdownImporter.extract(string: md)
        #expect(a.metadata.title == "Front: matter title")
        #expect(a.metadata.byline == "Jane Doe")
        #expect(a.content.contains("<em>emphasis</em>"))
        #expect(a.content.contains("<table>"))
        #expect(a.content.contains("<s>gone</s>") || a.content.contains("<del>gone</del>"))
        #expect(a.content.contains("href=\"https://example.org\""))
        #expect(!a.content.contains("script"))
        #expect(!a.textContent.contains("alert"))
    }

    @Test("markdown: title from the first # heading")
    func markdownHeading() throws {
        let a = try MarkdownImporter.extract(string: "Intro line\n\n# The Heading\n\nBody text.")
        #expect(a.metadata.title == "The Heading")
        let b = try MarkdownImporter.extract(string: "Just a line\n\nBody text.")
        #expect(b.metadata.title == "Just a line")
    }
}

@Suite("HTML extraction details")
struct ExtractionDetailTests {
    static let paragraph = "<p>The committee met on Tuesday to review the proposal for the new reading room. Members agreed that the collection should be open to the public every weekday, and that the catalogue must be searchable offline.</p>"

    @Test("metadata from JSON-LD, og and link rel=canonical")
    func metadata() throws {
        let html = """
        <html lang="de"><head><title>Page title | Site</title>
        <meta property="og:site_name" content="The Site"><meta name="description" content="Desc.">
        <meta property="article:published_time" content="2024-05-06T07:08:09Z">
        <link rel="canonical" href="/canonical/path">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"JSON headline","author":{"name":"Ann Author"}}</script>
        </head><body><article>\(Self.paragraph)\(Self.paragraph)\(Self.paragraph)</article></body></html>
        """
        let a = try Extractor.extract(html: Data(html.utf8), url: "https://example.org/a/b?c=1", baseDirectory: nil)
        #expect(a.metadata.title == "JSON headline")
        #expect(a.metadata.byline == "Ann Author")
        #expect(a.metadata.siteName == "The Site")
        #expect(a.metadata.excerpt == "Desc.")
        #expect(a.metadata.lang == "de")
        #expect(a.metadata.publishedTime == "2024-05-06T07:08:09Z")
        #expect(a.canonicalURL == "https://example.org/canonical/path")
        #expect(a.metadata.url == "https://example.org/canonical/path")
    }

    @Test("script, style, event handlers and classes never reach the content")
    func sanitised() throws {
        let html = """
        <html><body><div class="x" id="y"><p onclick="evil()" style="color:red" class="c">Hello there, this is a paragraph long enough to count for the scoring.</p>
        <script>bad()</script><style>p{}</style>\(Self.paragraph)\(Self.paragraph)<a href="javascript:bad()">link text</a></div></body></html>
        """
        let a = try Extractor.extract(html: Data(html.utf8), url: nil, baseDirectory: nil)
        #expect(!a.content.contains("onclick"))
        #expect(!a.content.contains("style"))
        #expect(!a.content.contains("class="))
        #expect(!a.content.contains("bad()"))
        #expect(!a.content.contains("javascript:"))
        #expect(a.textContent.contains("Hello there"))
    }

    @Test("a page whose only text is inside <noscript> or a <form> still imports")
    func fallbacks() throws {
        let noscript = "<html><body><noscript><div><p>Sono almeno 9 le femmine di orso marsicano che si sono riprodotte nel 2019.</p></div></noscript></body></html>"
        let a = try Extractor.extract(html: Data(noscript.utf8), url: nil, baseDirectory: nil)
        #expect(a.textContent.contains("orso marsicano"))
        let form = "<html><body><form action=\"/x\"><p>Only a short notice inside a form.</p><input name=q></form></body></html>"
        let b = try Extractor.extract(html: Data(form.utf8), url: nil, baseDirectory: nil)
        #expect(b.textContent.contains("Only a short notice inside a form."))
        #expect(!b.content.contains("<input"))
    }

    @Test("garbage never crashes")
    func robustness() {
        let inputs: [String] = ["", "<", "<<<>>>", "<html>", "</p></div>", "<table><td><td><tr></table>",
                                String(repeating: "<div>", count: 3000) + "text", "<img src=data:,>",
                                "<p>\u{0}\u{1}</p>", "<svg><p>x</p></svg>", "<select><option>a"]
        for s in inputs {
            _ = try? Extractor.extract(html: Data(s.utf8), url: "not a url", baseDirectory: nil)
        }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let bytes = (0..<2000).map { _ in UInt8.random(in: 0...255, using: &rng) }
            _ = try? Extractor.extract(html: Data(bytes), url: nil, baseDirectory: nil)
        }
    }
}
