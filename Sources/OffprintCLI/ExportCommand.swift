// `offprint export --format epub|json|html|text|markdown -o PATH [selection] [ID...]`: the
// chosen articles (all when none is named) as one book, document or bundle (docs/cli.md).
import ArgumentParser
import Foundation
import OffprintExport
import OffprintModel
import OffprintStorage

/// `--tag`, `--since`, `--until`, `--unread`, `--limit`, `--sort`: shared by `export` and
/// `search`.
struct SelectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only articles with this tag (repeat for several: all must match).", valueName: "tag"))
    var tag: [String] = []

    @Option(help: ArgumentHelp("Only articles added on or after this day (YYYY-MM-DD, UTC) or time (ISO 8601).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only articles added on or before this day (YYYY-MM-DD, UTC) or before this time.", valueName: "date"))
    var until: String?

    @Flag(help: "Only unread articles.")
    var unread = false

    @Option(help: ArgumentHelp("At most this many articles (after sorting).", valueName: "n"))
    var limit: Int?

    @Option(help: ArgumentHelp("Order: added (newest first, the default), published (newest first), title.", valueName: "order"))
    var sort: String = "added"

    func validate() throws {
        _ = try selection()
    }

    /// The selection these options describe.
    func selection() throws -> ArticleSelection {
        guard let order = ArticleSelection.Sort(rawValue: sort) else {
            throw ValidationError("unknown sort order '\(sort)'; use added, published or title")
        }
        var s = ArticleSelection(tags: tag, unreadOnly: unread, limit: limit, sort: order)
        if let since {
            guard let d = ArticleSelection.parseDate(since, endOfDay: false) else {
                throw ValidationError("--since: not a date (YYYY-MM-DD or ISO 8601): '\(since)'")
            }
            s.since = d
        }
        if let until {
            guard let d = ArticleSelection.parseDate(until, endOfDay: true) else {
                throw ValidationError("--until: not a date (YYYY-MM-DD or ISO 8601): '\(until)'")
            }
            s.until = d
        }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        return s
    }

    /// Whether any filter or ordering other than the default is given.
    var isDefault: Bool { tag.isEmpty && since == nil && until == nil && !unread && limit == nil && sort == "added" }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export articles as an EPUB book, a JSON document, or an HTML, text or Markdown bundle.")

    @OptionGroup var options: LibraryOptions
    @ParentCommand var root: OffprintCommand
    @OptionGroup var select: SelectionOptions

    @Option(help: "Output format: \(ExporterRegistry.names.joined(separator: ", ")).")
    var format: String = "epub"

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "The file to write; for html, text and markdown a directory, or a .zip; '-' for standard output (text).",
        valueName: "path"))
    var output: String

    @Option(help: "Book title (default: the article's title for one article, else \"Offprint: N articles\").")
    var title: String?

    @Option(help: "Book author (dc:creator).")
    var author: String?

    @Option(help: ArgumentHelp("Language (BCP 47) when the articles give none.", valueName: "tag"))
    var language: String?

    @Option(help: ArgumentHelp("A folder holding your own copy of Formats/ (templates, stylesheets).", valueName: "dir"))
    var templates: String?

    @Option(help: ArgumentHelp("A stylesheet replacing the format's own (epub, html).", valueName: "file"))
    var css: String?

    @Option(help: ArgumentHelp("text: wrap lines at this many columns (display width).", valueName: "n"))
    var wrap: Int?

    @Flag(help: "html: one self-contained file (images as data: URIs) instead of a bundle.")
    var singleFile = false

    @Option(help: ArgumentHelp("epub: an image (PNG, JPEG, GIF, WebP) for the cover instead of the generated one.", valueName: "image"))
    var cover: String?

    @Flag(help: "epub: one book per article, into the directory given by -o.")
    var split = false

    @Flag(help: "epub: convert WebP images to PNG for EPUB 3.2-era readers.")
    var imageCompat = false

    @Option(help: ArgumentHelp("Only articles matching this full-text query (as `offprint search`).", valueName: "query"))
    var search: String?

    @Argument(help: "Articles to export (ids or unique prefixes); all when none is given.")
    var ids: [String] = []

    func validate() throws {
        guard let exporter = ExporterRegistry.exporter(named: format) else {
            throw ValidationError("unknown format '\(format)'; known: \(ExporterRegistry.names.joined(separator: ", "))")
        }
        if output == "-", !exporter.writesStream {
            throw ValidationError("the \(exporter.name) format cannot be written to standard output; give -o PATH")
        }
        if let wrap, wrap < 8 { throw ValidationError("--wrap must be 8 or more") }
        if singleFile, exporter.name != "html" { throw ValidationError("--single-file applies to --format html") }
        for (flag, given) in [("--cover", cover != nil), ("--split", split), ("--image-compat", imageCompat)]
        where given && exporter.name != "epub" {
            throw ValidationError("\(flag) applies to --format epub")
        }
    }

    func run() throws {
        try LibraryLocation.withExisting(options, root.global) { library in
            var articles = try library.articleStream(
                try ExportCommand.choose(library: library, ids: ids, search: search, select: select))
            guard !articles.isEmpty else {
                throw OffprintError(.notFound, library.url.path, "no articles to export")
            }
            let exporter = ExporterRegistry.exporter(named: format)!
            if exporter is JSONExporter {
                // The JSON document carries each article's revisions and blobs (docs/json-format.md).
                articles = ArticleStream(headers: articles.headers) { h in try library.snapshot(h.id, includingHistory: true) }
            }
            let formats = try FormatsLocator.locate(override: templates.map { URL(fileURLWithPath: $0) })
            let exportOptions = ExportOptions(
                title: title, author: author, language: language,
                modified: ExportClock.modified(articles.headers),
                formatsDirectory: formats,
                stylesheet: css.map { URL(fileURLWithPath: $0) },
                wrap: wrap, singleFile: singleFile,
                coverImage: cover.map { URL(fileURLWithPath: $0) }, split: split, imageCompat: imageCompat)
            if output == "-" {
                try exporter.writeStream(articles, options: exportOptions, to: FileHandle.standardOutput)
            } else {
                try exporter.write(articles, options: exportOptions, to: URL(fileURLWithPath: output))
            }
            Console.note("wrote \(output) (\(articles.count) article\(articles.count == 1 ? "" : "s"), \(exporter.name))")
        }
    }

    /// The articles to export: the named ids (in the order given) or every article, then
    /// the search query and selection filters, in the selection's order.
    static func choose(library: Library, ids: [String], search: String?,
                       select: SelectionOptions) throws -> [ArticleID] {
        let chosen: [ArticleID]? = ids.isEmpty ? nil : try ids.map { try library.resolve(prefix: $0) }
        if let chosen, search == nil, select.isDefault { return chosen }
        var listings = try library.listArticles().map {
            ArticleListing(id: $0.id, metadata: $0.metadata, state: $0.state, addedAt: $0.addedAt)
        }
        if let chosen {
            let wanted = Set(chosen)
            listings = listings.filter { wanted.contains($0.id) }
        }
        if let search {
            let hits = Set(try SearchCommand.matches(library: library, query: search))
            listings = listings.filter { hits.contains($0.id) }
        }
        return try select.selection().apply(listings).map(\.id)
    }
}

/// The export time: `SOURCE_DATE_EPOCH` when set (reproducible-builds.org spec), else the
/// newest head revision time among the exported articles, so the same articles always give
/// the same bytes.
enum ExportClock {
    static func modified(_ articles: [ArticleHeader]) -> Date {
        if let s = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let secs = Int64(s) {
            return Date(timeIntervalSince1970: Double(secs))
        }
        return articles.map(\.updatedAt).max() ?? Date(timeIntervalSince1970: 0)
    }
}
