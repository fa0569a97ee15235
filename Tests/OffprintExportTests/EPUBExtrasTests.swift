// EPUB extras (docs/epub.md): the generated cover page and `--cover IMAGE`, the contents
// page in the spine, `--split` (one book per article, safe unique file names), and
// `--image-compat` (WebP embedded as PNG), each also checked by EPUBCheck when installed.
import Foundation
import OffprintExport
import OffprintModel
import OffprintTestSupport
import Testing

@Suite struct EPUBExtrasTests {
    /// A 2 × 2 opaque red PNG (73 bytes).
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR42mM4IScHRAwQCgAfJgQRSo6NIAAAAABJRU5ErkJggg==")!
    /// A 4 × 3 lossless WebP (76 bytes; libwebp `WebPEncodeLosslessRGBA`), one pixel with
    /// alpha 128.
    static let webp = Data(base64Encoded: "UklGRkQAAABXRUJQVlA4TDgAAAAvA4AAEF9AkG1TrAEd9ogCgSSw8QcbZAJJG5uPJ3/whwjikEWDMQYEASQsGSS1wRKzLBzR/7AfAQ==")!

    func article(_ key: String, title: String?, content: String = "<p>Hello.</p>",
                 images: [ContentHash: Data] = [:]) -> ArticleSnapshot {
        Fixtures.snapshot(key: key, metadata: ArticleMetadata(title: title, lang: "en", url: "https://example.org/\(key)"),
                          content: content, images: images)
    }

    func file(_ data: Data, _ name: String) throws -> URL {
        let url = TestPaths.temporaryDirectory().appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    @Test func generatedCoverAndContentsPageOpenTheSpine() throws {
        let url = try Fixtures.export([article("a", title: "One"), article("b", title: "Two")])
        let cover = try Fixtures.text(url, "EPUB/cover.xhtml")
        #expect(cover.contains("<h1 class=\"offprint-cover-title\">Offprint: 2 articles</h1>"))
        #expect(cover.contains("<p class=\"offprint-cover-date\">2026-11-29</p>"))
        #expect(cover.contains("<p class=\"offprint-cover-count\">2 articles</p>"))
        #expect(!cover.contains("<img"))
        let opf = try Fixtures.text(url, "EPUB/package.opf")
        #expect(opf.contains("<item id=\"cover\" href=\"cover.xhtml\" media-type=\"application/xhtml+xml\"/>"))
        #expect(!opf.contains("cover-image"))
        #expect(!opf.contains("<meta name=\"cover\""))
        let refs = opf.split(separator: "\n").filter { $0.contains("<itemref") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(refs == ["<itemref idref=\"cover\"/>", "<itemref idref=\"nav\"/>",
                         "<itemref idref=\"chapter-0001\"/>", "<itemref idref=\"chapter-0002\"/>"])
        let nav = try Fixtures.text(url, "EPUB/nav.xhtml")
        #expect(nav.contains("<a epub:type=\"cover\" href=\"cover.xhtml\">Cover</a>"))
        #expect(nav.contains("<a epub:type=\"bodymatter\" href=\"text/chapter-0001.xhtml\">Start</a>"))
        let one = try Fixtures.text(Fixtures.export([article("a", title: "One")]), "EPUB/cover.xhtml")
        #expect(one.contains(">One</h1>") && one.contains(">1 article</p>"))
    }

    @Test func coverImageIsEmbeddedOnceWithCoverImageProperty() throws {
        let hash = ContentHash(of: Self.png)
        // The same image inside an article: still one manifest item, marked as the cover.
        let a = article("c", title: "Pictured", content: "<p><img src=\"offprint-blob:\(hash.hex)\" alt=\"red\"/></p>",
                        images: [hash: Self.png])
        let url = try Fixtures.export([a], cover: file(Self.png, "cover.png"))
        let opf = try Fixtures.text(url, "EPUB/package.opf")
        #expect(opf.contains("<item id=\"img-\(hash.hex)\" href=\"images/\(hash.hex).png\" media-type=\"image/png\" properties=\"cover-image\"/>"))
        #expect(opf.components(separatedBy: "images/\(hash.hex).png").count == 2)
        #expect(opf.contains("<meta name=\"cover\" content=\"img-\(hash.hex)\"/>"))
        let cover = try Fixtures.text(url, "EPUB/cover.xhtml")
        #expect(cover.contains("<img src=\"images/\(hash.hex).png\" alt=\"Pictured\"/>"))
        #expect(try Fixtures.entries(url).filter { $0.path.hasPrefix("EPUB/images/") }.map(\.path)
                == ["EPUB/images/\(hash.hex).png"])
    }

    @Test func coverThatIsNoImageIsRefused() throws {
        let bad = try file(Data("not an image".utf8), "cover.txt")
        #expect(throws: OffprintError.self) { try Fixtures.export([article("a", title: "x")], cover: bad) }
    }

    @Test func splitWritesOneBookPerArticleWithSafeUniqueNames() throws {
        let arts = [article("s1", title: "Same: title?"), article("s2", title: "Same: title?"),
                    article("s3", title: "  ..  "), article("s4", title: "Ünïcode / 范式")]
        let dir = try Fixtures.export(arts, name: "split", split: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        let p = arts.map { String($0.id.hex.prefix(8)) }
        let expected = ["Same title \(p[0]).epub", "Same title \(p[1]).epub",
                        "\(arts[2].id.hex.prefix(12)).epub", "Ünïcode 范式 \(p[3]).epub"].sorted()
        #expect(names == expected)
        for (name, a) in zip(["Same title \(p[0]).epub", "Same title \(p[1]).epub",
                              "\(arts[2].id.hex.prefix(12)).epub", "Ünïcode 范式 \(p[3]).epub"], arts) {
            let book = dir.appendingPathComponent(name)
            let paths = try Fixtures.entries(book).map(\.path)
            #expect(paths.filter { $0.hasPrefix("EPUB/text/") } == ["EPUB/text/chapter-0001.xhtml"])
            let opf = try Fixtures.text(book, "EPUB/package.opf")
            let title = EPUBExtrasTests.xmlEscaped(a.metadata.title!.split(separator: " ").joined(separator: " "))
            #expect(opf.contains("<dc:title>\(title)</dc:title>"), "\(name)")
        }
        // Deterministic: the same articles give the same files.
        let again = try Fixtures.export(arts, name: "split", split: true)
        for n in names {
            #expect(try Data(contentsOf: dir.appendingPathComponent(n)) == Data(contentsOf: again.appendingPathComponent(n)))
        }
    }

    static func xmlEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    @Test func imageCompatEmbedsWebPAsPNG() throws {
        let hash = ContentHash(of: Self.webp)
        let a = article("w", title: "WebP", content: "<p><img src=\"offprint-blob:\(hash.hex)\" alt=\"w\"/></p>",
                        images: [hash: Self.webp])
        let plain = try Fixtures.entries(Fixtures.export([a])).filter { $0.path.hasPrefix("EPUB/images/") }
        #expect(plain.map(\.path) == ["EPUB/images/\(hash.hex).webp"])

        let url = try Fixtures.export([a], imageCompat: true)
        let images = try Fixtures.entries(url).filter { $0.path.hasPrefix("EPUB/images/") }
        #expect(images.count == 1)
        let png = try #require(images.first).data
        let pngHash = ContentHash(of: png)
        #expect(images.first?.path == "EPUB/images/\(pngHash.hex).png")
        let b = [UInt8](png)
        #expect(Array(b[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(String(decoding: b[12..<16], as: UTF8.self) == "IHDR")
        // 4 × 3, 8 bits per channel, colour type 6 (RGBA: one pixel is half transparent).
        #expect(Array(b[16..<26]) == [0, 0, 0, 4, 0, 0, 0, 3, 8, 6])
        #expect(String(decoding: b[(b.count - 8)..<(b.count - 4)], as: UTF8.self) == "IEND")
        let opf = try Fixtures.text(url, "EPUB/package.opf")
        #expect(opf.contains("href=\"images/\(pngHash.hex).png\" media-type=\"image/png\""))
        #expect(!opf.contains("image/webp"))
        let chapter = try Fixtures.text(url, "EPUB/text/chapter-0001.xhtml")
        #expect(chapter.contains("<img src=\"../images/\(pngHash.hex).png\" alt=\"w\"/>"))
        #expect(try Data(contentsOf: Fixtures.export([a], imageCompat: true)) == Data(contentsOf: url))
    }

    @Test(.enabled(if: EPUBCheck.debianJar != nil, "Debian's EPUBCheck 4.2.6 is not installed"))
    func imageCompatBookPassesEPUBCheck4() throws {
        let hash = ContentHash(of: Self.webp)
        let a = article("w", title: "WebP", content: "<p><img src=\"offprint-blob:\(hash.hex)\" alt=\"w\"/></p>",
                        images: [hash: Self.webp])
        // Without --image-compat, EPUBCheck 4 rejects the WebP image (not an EPUB 3.2 core media type).
        let plain = try EPUBCheck.run(Fixtures.export([a], name: "webp.epub"), jar: EPUBCheck.debianJar)
        #expect(!plain.clean)
        let compat = try EPUBCheck.run(Fixtures.export([a], name: "compat.epub", cover: file(Self.webp, "cover.webp"),
                                                       imageCompat: true),
                                       jar: EPUBCheck.debianJar)
        #expect(compat.clean, "\(compat.output.prefix(4000))")
    }
}
