// EPUBCheck 5 on real pages: one book of the whole Readability corpus, one book per case
// file. Skipped when EPUBCheck is not installed.
import Foundation
import OffprintExport
import OffprintModel
import OffprintTestSupport
import Testing

@Suite(.enabled(if: EPUBCheck.isAvailable, "EPUBCheck is not installed"))
struct EPUBCheckTests {
    @Test func corpusBookIsClean() throws {
        let articles = try Fixtures.corpusSnapshots()
        #expect(articles.count >= 90)
        let url = try Fixtures.export(articles, name: "corpus.epub")
        let result = try EPUBCheck.run(url)
        #expect(result.clean, "\(result.output.prefix(6000))")
    }

    @Test(arguments: Fixtures.caseFiles)
    func caseBookIsClean(_ file: String) throws {
        let url = try Fixtures.export([Fixtures.caseSnapshot(file)], name: file + ".epub")
        let result = try EPUBCheck.run(url)
        #expect(result.clean, "\(file): \(result.output.prefix(4000))")
    }

    /// Harder than extraction output: the whole saved pages (scripts, forms, SVG, ads).
    @Test func rawCorpusPagesBookIsClean() throws {
        let dir = TestPaths.corpus.appendingPathComponent("readability-pages")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        var articles: [ArticleSnapshot] = []
        for name in names {
            guard let data = try? Data(contentsOf: dir.appendingPathComponent(name).appendingPathComponent("source.html"))
            else { continue }
            articles.append(Fixtures.snapshot(key: "raw/" + name, metadata: ArticleMetadata(title: name),
                                              content: String(decoding: data, as: UTF8.self)))
        }
        let result = try EPUBCheck.run(Fixtures.export(articles, name: "raw.epub"))
        #expect(result.clean, "\(result.output.prefix(6000))")
    }

    /// `--cover` (PNG; WebP with `--image-compat`), the generated cover page and `--split`.
    @Test func coverAndSplitBooksAreClean() throws {
        let png = EPUBExtrasTests.png, webp = EPUBExtrasTests.webp
        let pictured = Fixtures.snapshot(
            key: "p", metadata: ArticleMetadata(title: EPUBExporterTests.specialTitle, lang: "en"),
            content: "<p><img src=\"offprint-blob:\(ContentHash(of: webp).hex)\" alt=\"w\"/>Text.</p>",
            images: [ContentHash(of: webp): webp])
        let plain = Fixtures.snapshot(key: "q", metadata: ArticleMetadata(title: "Plain", lang: "de"),
                                      content: "<p>Hallo.</p>")
        let dir = TestPaths.temporaryDirectory()
        let pngFile = dir.appendingPathComponent("cover.png"), webpFile = dir.appendingPathComponent("cover.webp")
        try png.write(to: pngFile)
        try webp.write(to: webpFile)
        var books = [try Fixtures.export([pictured, plain], name: "cover-png.epub", cover: pngFile),
                     try Fixtures.export([pictured, plain], name: "cover-webp.epub", cover: webpFile, imageCompat: true)]
        let split = try Fixtures.export([pictured, plain], name: "split", split: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: split.path).sorted() {
            books.append(split.appendingPathComponent(name))
        }
        #expect(books.count == 4)
        for book in books {
            let result = try EPUBCheck.run(book)
            #expect(result.clean, "\(book.lastPathComponent): \(result.output.prefix(4000))")
        }
    }

    @Test func specialTitleBookIsClean() throws {
        let a = Fixtures.snapshot(key: "x", metadata: ArticleMetadata(title: EPUBExporterTests.specialTitle,
                                                                     url: "ftp://odd"),
                                  content: "<span><div>block in span</div></span><li>stray</li><table><td>x</td></table>")
        let result = try EPUBCheck.run(Fixtures.export([a], title: EPUBExporterTests.specialTitle))
        #expect(result.clean, "\(result.output.prefix(4000))")
    }
}
