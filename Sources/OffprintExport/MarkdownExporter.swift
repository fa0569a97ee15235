// MarkdownExporter: the Markdown bundle (`--format markdown`): one CommonMark file per
// article (MarkdownRenderer) starting with YAML front matter (title, byline, url, date,
// tags, id), the images it shows in `assets/<sha256>.<ext>`, written into a directory (an
// Obsidian-style vault) or a `.zip`. File names come from titles (FileNames).
import Foundation
import OffprintModel
import OffprintXML

/// The Markdown writer.
public struct MarkdownExporter: Exporter {
    public let name = "markdown"
    public let fileExtension = "md"

    public init() {}

    public func write(_ articles: ArticleStream, options: ExportOptions, to url: URL) throws {
        guard !articles.isEmpty else { throw OffprintError(.failed, url.path, "no articles to export") }
        let bundle = try BundleWriter(url: url, modified: options.modified)
        do {
            var names = FileNames()
            var written = Set<String>()
            try articles.forEach { _, a in
                let file = names.name(for: MetadataText.line(a.metadata.title), fallback: String(a.id.hex.prefix(12)), ext: "md")
                let (text, images) = try document(a)
                for (path, data) in images where written.insert(path).inserted {
                    try bundle.add(path, data, compressed: false)
                }
                try bundle.add(file, Data(text.utf8))
            }
            try bundle.finish()
        } catch {
            bundle.abandon()
            throw error
        }
    }

    /// The Markdown file of `a` (front matter, a blank line, the body, a final newline) and
    /// the images it refers to, by bundle path.
    public func document(_ a: ArticleSnapshot) throws -> (text: String, images: [(path: String, data: Data)]) {
        let root = try ArticleBody.tree(a.content, subject: a.id.hex)
        ArticleBody.fixLinks(root)
        var images: [(path: String, data: Data)] = []
        var paths: [ObjectIdentifier: String] = [:]
        for img in root.elements(named: "img") {
            guard let (hash, data) = ArticleBody.imageData(img.attribute("src") ?? "", in: a),
                  let type = ImageMediaType.sniff(data) else { continue }
            let path = "assets/\(hash.hex).\(type.fileExtension)"
            paths[ObjectIdentifier(img)] = path
            if !images.contains(where: { $0.path == path }) { images.append((path, data)) }
        }
        let renderer = MarkdownRenderer(imagePath: { paths[ObjectIdentifier($0)] })
        let body = renderer.blocks(root).joined(separator: "\n\n")
        return (Self.frontMatter(a) + "\n" + (body.isEmpty ? "" : body + "\n"), images)
    }

    /// YAML front matter: `title`, `byline`, `url`, `date` (published time, else the day
    /// the article was added), `tags` (a flow sequence) and `id`; strings double-quoted with
    /// JSON escapes (valid YAML 1.2), `null` when unknown.
    static func frontMatter(_ a: ArticleSnapshot) -> String {
        func q(_ s: String?) -> String { JSONValue.optional(s).serialized() }
        let m = a.metadata
        return """
        ---
        title: \(q(MetadataText.title(a)))
        byline: \(q(MetadataText.line(m.byline)))
        url: \(q(MetadataText.line(m.url)))
        date: \(q(MetadataText.date(a)))
        tags: \(JSONValue.array(a.state.tags.map(JSONValue.string)).serialized())
        id: \(q(a.id.hex))
        ---

        """
    }
}
