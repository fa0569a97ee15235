// TextExporter: the plain-text bundle (`--format text`): one UTF-8 `.txt` file per article
// (PlainTextRenderer.document) plus `index.txt`, written into a directory or a `.zip`
// (BundleWriter), or every article in one stream on standard output (`-o -`), separated by
// form feeds. File names come from titles (FileNames), made safe and unique.
import Foundation
import OffprintModel

/// The plain-text writer.
public struct TextExporter: Exporter {
    public let name = "text"
    public let fileExtension = "txt"
    public var writesStream: Bool { true }

    public init() {}

    public func write(_ articles: ArticleStream, options: ExportOptions, to url: URL) throws {
        guard !articles.isEmpty else { throw OffprintError(.failed, url.path, "no articles to export") }
        let bundle = try BundleWriter(url: url, modified: options.modified)
        do {
            var names = FileNames()
            var entries: [(file: String, article: ArticleHeader)] = []
            try articles.forEach { _, a in
                let file = names.name(for: MetadataText.line(a.metadata.title), fallback: String(a.id.hex.prefix(12)), ext: "txt")
                try bundle.add(file, Data(PlainTextRenderer.document(a, wrap: options.wrap).utf8))
                entries.append((file, a.header))
            }
            try bundle.add("index.txt", Data(index(entries, options: options).utf8))
            try bundle.finish()
        } catch {
            bundle.abandon()
            throw error
        }
    }

    public func writeStream(_ articles: ArticleStream, options: ExportOptions, to handle: FileHandle) throws {
        try articles.forEach { k, a in
            let text = (k == 0 ? "" : "\u{0C}\n") + PlainTextRenderer.document(a, wrap: options.wrap)
            do { try handle.write(contentsOf: Data(text.utf8)) } catch {
                throw OffprintError(.unwritable, "-", "cannot write to standard output")
            }
        }
    }

    /// `index.txt`: the export's title underlined, then one entry per article, in order:
    /// number, title, byline and date, URL, and the file holding it.
    func index(_ entries: [(file: String, article: ArticleHeader)], options: ExportOptions) -> String {
        let count = entries.count
        let title = MetadataText.line(options.title) ?? "Offprint: \(count) article" + (count == 1 ? "" : "s")
        var lines = [title, String(repeating: "=", count: DisplayWidth.of(title)), ""]
        let width = "\(count). ".count
        let pad = String(repeating: " ", count: width)
        for (k, e) in entries.enumerated() {
            let a = e.article
            let titleLines = TextLayout.wrap(MetadataText.title(a), width: options.wrap.map { max($0 - width, 8) })
            for (i, l) in titleLines.enumerated() {
                lines.append((i == 0 ? "\(k + 1). ".padding(toLength: width, withPad: " ", startingAt: 0) : pad) + l)
            }
            let by = [MetadataText.line(a.metadata.byline), MetadataText.line(a.metadata.siteName), MetadataText.date(a)]
                .compactMap { $0 }.joined(separator: " · ")
            lines.append(pad + by)
            if let u = MetadataText.line(a.metadata.url) { lines.append(pad + u) }
            lines.append(pad + "file: " + e.file)
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
