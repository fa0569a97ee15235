// EPUBExporter: writes articles as one EPUB 3.3 book (docs/epub.md): package document,
// cover page, navigation document (also the contents page), NCX for EPUB 2 readers, one
// XHTML content document per article, the stylesheet and the embedded images; or, with
// `ExportOptions.split`, one such book per article into a directory. Templates and the
// stylesheet come from Formats/epub/; output bytes depend only on the input.
import Crypto
import Foundation
import Mustache
import OffprintModel
import OffprintXML

/// The EPUB 3 writer: one book, or one book per article (`ExportOptions.split`).
public struct EPUBExporter: Exporter {
    public let name = "epub"
    public let fileExtension = "epub"

    public init() {}

    public func write(_ articles: ArticleStream, options: ExportOptions, to url: URL) throws {
        guard !articles.isEmpty else {
            throw OffprintError(.failed, url.path, "no articles to export")
        }
        let formats = try FormatsLocator.locate(override: options.formatsDirectory)
        var templates = try EPUBTemplates(directory: formats.appendingPathComponent("epub", isDirectory: true))
        templates.stylesheet = try options.stylesheetData(default: templates.stylesheet)
        guard options.split else {
            try EPUBExporter.writeBook(articles, options: options, templates: templates, to: url)
            return
        }
        let names = try EPUBExporter.splitNames(articles.headers, directory: url)
        try articles.forEach { k, article in
            try EPUBExporter.writeBook(ArticleStream([article]), options: options, templates: templates,
                                       to: url.appendingPathComponent(names[k]))
        }
    }

    /// `--split`: creates `directory` and names one book per article in it, in the order
    /// given: the title made safe (FileNames) and the id's first 8 characters, e.g.
    /// `Some title 3f2a9c01.epub`; the id's first 12 characters when the title is unusable.
    ///
    /// - Throws: `OffprintError(.unwritable, directory, ...)` when it cannot be created.
    public static func splitNames(_ articles: [ArticleHeader], directory: URL) throws -> [String] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw OffprintError(.unwritable, directory.path, "cannot create the directory for the split books")
        }
        var names = FileNames()
        return articles.map { a in
            names.name(for: a.metadata.title, fallback: String(a.id.hex.prefix(12)),
                       suffix: String(a.id.hex.prefix(8)), ext: "epub")
        }
    }

    /// Writes one book of `articles` at `url` (ZIPWriter, atomically): `mimetype` first and
    /// stored, the container file and stylesheet, then each chapter followed by the images it
    /// embeds for the first time (stored, not deflated), and last the package document, cover
    /// page, navigation document and NCX, which list everything. Articles are loaded one at a
    /// time; an image's bytes are dropped once written.
    static func writeBook(_ articles: ArticleStream, options: ExportOptions, templates: EPUBTemplates,
                          to url: URL) throws {
        var book = try EPUBBook(articles: articles.headers, options: options)
        try BundleWriter.writeZIP(to: url, modified: options.modified) { zip in
            try zip.add("mimetype", Data("application/epub+zip".utf8), compressed: false)
            try zip.add("META-INF/container.xml", templates.container)
            try zip.add("EPUB/style.css", templates.stylesheet)
            try book.writeNewImages(to: zip)
            try articles.forEach { k, article in
                let body = try EPUBContent.body(of: article, images: &book.images)
                try zip.add("EPUB/" + book.chapters[k].href,
                            Data(templates.chapter.render(book.chapters[k].values(body: body)).utf8))
                try book.writeNewImages(to: zip)
            }
            let values = book.values()
            try zip.add("EPUB/package.opf", Data(templates.package.render(values).utf8))
            try zip.add("EPUB/cover.xhtml", Data(templates.cover.render(values).utf8))
            try zip.add("EPUB/nav.xhtml", Data(templates.nav.render(values).utf8))
            try zip.add("EPUB/toc.ncx", Data(templates.ncx.render(values).utf8))
        }
    }
}

/// The EPUB templates of a Formats directory.
struct EPUBTemplates {
    var package: MustacheTemplate
    var nav: MustacheTemplate
    var ncx: MustacheTemplate
    var chapter: MustacheTemplate
    var cover: MustacheTemplate
    var container: Data
    var stylesheet: Data

    init(directory: URL) throws {
        let folder = FormatFolder(directory: directory, format: "EPUB")
        package = try folder.template("package.opf.mustache")
        nav = try folder.template("nav.xhtml.mustache")
        ncx = try folder.template("toc.ncx.mustache")
        chapter = try folder.template("chapter.xhtml.mustache")
        cover = try folder.template("cover.xhtml.mustache")
        container = try folder.data("container.xml")
        stylesheet = try folder.data("style.css")
    }
}
