// EPUBExporter: writes articles as one EPUB 3.3 book (docs/epub.md): package document,
// navigation document, NCX for EPUB 2 readers, one XHTML content document per article, the
// stylesheet and the embedded images. Templates and the stylesheet come from
// Formats/epub/; output bytes depend only on the input.
import Crypto
import Foundation
import Mustache
import OffprintModel
import OffprintXML

/// The EPUB 3 writer.
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
        let book = try EPUBBook(articles: articles, options: options)
        let entries = try book.entries(templates: templates)
        try EPUBExporter.writeArchive(entries, modified: options.modified, to: url)
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
    var container: Data
    var stylesheet: Data

    init(directory: URL) throws {
        func read(_ name: String) throws -> Data {
            let url = directory.appendingPathComponent(name)
            do { return try Data(contentsOf: url) } catch {
                throw OffprintError(.failed, url.path, "cannot read the EPUB template; check OFFPRINT_FORMATS")
            }
        }
        func template(_ name: String) throws -> MustacheTemplate {
            let text = String(decoding: try read(name), as: UTF8.self)
            do { return try MustacheTemplate(string: text) } catch {
                throw OffprintError(.failed, directory.appendingPathComponent(name).path,
                                    "the template does not parse: \(error)")
            }
        }
        package = try template("package.opf.mustache")
        nav = try template("nav.xhtml.mustache")
        ncx = try template("toc.ncx.mustache")
        chapter = try template("chapter.xhtml.mustache")
        container = try read("container.xml")
        stylesheet = try read("style.css")
    }
}
