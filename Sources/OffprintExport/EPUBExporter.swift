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

    public func write(articles: [ArticleSnapshot], options: ExportOptions, to url: URL) throws {
        guard !articles.isEmpty else {
            throw OffprintError(.failed, url.path, "no articles to export")
        }
        let formats = try FormatsLocator.locate(override: options.formatsDirectory)
        var templates = try EPUBTemplates(directory: formats.appendingPathComponent("epub", isDirectory: true))
        templates.stylesheet = try options.stylesheetData(default: templates.stylesheet)
        guard options.split else {
            let book = try EPUBBook(articles: articles, options: options)
            try EPUBExporter.writeArchive(try book.entries(templates: templates), modified: options.modified, to: url)
            return
        }
        for (name, article) in try EPUBExporter.splitNames(articles, directory: url) {
            let book = try EPUBBook(articles: [article], options: options)
            try EPUBExporter.writeArchive(try book.entries(templates: templates), modified: options.modified,
                                          to: url.appendingPathComponent(name))
        }
    }

    /// `--split`: creates `directory` and names one book per article in it, in the order
    /// given: the title made safe (FileNames) and the id's first 8 characters, e.g.
    /// `Some title 3f2a9c01.epub`; the id's first 12 characters when the title is unusable.
    public static func splitNames(_ articles: [ArticleSnapshot], directory: URL) throws -> [(String, ArticleSnapshot)] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw OffprintError(.unwritable, directory.path, "cannot create the directory for the split books")
        }
        var names = FileNames()
        return articles.map { a in
            (names.name(for: a.metadata.title, fallback: String(a.id.hex.prefix(12)),
                        suffix: String(a.id.hex.prefix(8)), ext: "epub"), a)
        }
    }

    /// One file inside the container.
    struct Entry {
        var path: String
        var data: Data
        var compressed: Bool
    }

    /// Writes the ZIP container (ZIPWriter): `mimetype` first and stored, then the rest
    /// (images stored, text deflated), all with the same modification time; replaces `url`
    /// atomically.
    static func writeArchive(_ entries: [Entry], modified: Date, to url: URL) throws {
        try BundleWriter.writeZIP(to: url, modified: modified) { zip in
            for e in entries { try zip.add(e.path, e.data, compressed: e.compressed) }
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
