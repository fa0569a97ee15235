// `offprint export --format epub|json -o FILE [ID...]`: one book (or JSON document) holding
// the chosen articles, all when none is named.
import ArgumentParser
import Foundation
import OffprintExport
import OffprintModel
import OffprintStorage

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export articles as one EPUB book or one JSON document.")

    @OptionGroup var options: LibraryOptions
    @ParentCommand var root: OffprintCommand

    @Option(help: "Output format: \(ExporterRegistry.names.joined(separator: ", ")).")
    var format: String = "epub"

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write.", valueName: "file"))
    var output: String

    @Option(help: "Book title (default: the article's title for one article, else \"Offprint: N articles\").")
    var title: String?

    @Option(help: "Book author (dc:creator).")
    var author: String?

    @Option(help: ArgumentHelp("A folder holding your own copy of Formats/ (templates, stylesheets).", valueName: "dir"))
    var templates: String?

    @Argument(help: "Articles to export (ids or unique prefixes); all when none is given.")
    var ids: [String] = []

    func validate() throws {
        guard ExporterRegistry.exporter(named: format) != nil else {
            throw ValidationError("unknown format '\(format)'; known: \(ExporterRegistry.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        try reportingErrors {
            let library = try LibraryLocation.openRequired(options, root.global)
            defer { library.close() }
            let chosen: [ArticleID]? = ids.isEmpty ? nil : try ids.map { try library.resolve(prefix: $0) }
            let articles = try library.snapshots(chosen)
            guard !articles.isEmpty else {
                throw OffprintError(.notFound, nil, "no articles to export")
            }
            let exporter = ExporterRegistry.exporter(named: format)!
            let formats = try FormatsLocator.locate(override: templates.map { URL(fileURLWithPath: $0) })
            let exportOptions = ExportOptions(
                title: title, author: author,
                modified: ExportClock.modified(articles),
                formatsDirectory: formats)
            let url = URL(fileURLWithPath: output)
            try exporter.write(articles: articles, options: exportOptions, to: url)
            Console.note("wrote \(output) (\(articles.count) article\(articles.count == 1 ? "" : "s"), \(format))")
        }
    }
}

/// The export time: `SOURCE_DATE_EPOCH` when set (reproducible-builds.org spec), else the
/// newest head revision time among the exported articles, so the same articles always give
/// the same bytes.
enum ExportClock {
    static func modified(_ articles: [ArticleSnapshot]) -> Date {
        if let s = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let secs = Int64(s) {
            return Date(timeIntervalSince1970: Double(secs))
        }
        return articles.map(\.updatedAt).max() ?? Date(timeIntervalSince1970: 0)
    }
}
