// JSONExporter: the whole set of articles as one JSON document (docs/json-format.md), with
// deterministic bytes: keys sorted, two-space indentation, slashes not escaped, a final
// newline.
import Foundation
import OffprintModel

/// Writes `{"format": "offprint", "version": 1, "articles": [...], "images": {...}}`
/// (docs/json-format.md).
public struct JSONExporter: Exporter {
    public let name = "json"
    public let fileExtension = "json"

    public init() {}

    /// The format version written in `version`.
    public static let formatVersion = 1

    public func write(articles: [ArticleSnapshot], options: ExportOptions, to url: URL) throws {
        let data = Data(render(articles: articles).utf8)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw OffprintError(.unwritable, url.path, "cannot write the JSON file: \(error.localizedDescription)")
        }
    }

    /// The JSON text for `articles` (sorted by id): compact, keys sorted by their UTF-8
    /// bytes, `/` not escaped, ending in a newline.
    public func render(articles: [ArticleSnapshot]) -> String {
        let list: [JSONValue] = articles.sorted { $0.id < $1.id }.map { a in
            let m = a.metadata
            return .object([
                ("id", .string(a.id.hex)),
                ("head", .string(a.head.hex)),
                ("title", .optional(m.title)),
                ("byline", .optional(m.byline)),
                ("excerpt", .optional(m.excerpt)),
                ("siteName", .optional(m.siteName)),
                ("lang", .optional(m.lang)),
                ("dir", .optional(m.dir?.rawValue)),
                ("publishedTime", .optional(m.publishedTime)),
                ("url", .optional(m.url)),
                ("addedAt", .date(a.addedAt)),
                ("updatedAt", .date(a.updatedAt)),
                ("tags", .array(a.state.tags.map { .string($0) })),
                ("read", .bool(a.state.read)),
                ("favorite", .bool(a.state.favorite)),
                ("archived", .bool(a.state.archived)),
                ("content", .string(a.content)),
            ])
        }
        // Image blobs the articles refer to, once each, base64 under their hash.
        var images: [String: Data] = [:]
        for a in articles { for (h, d) in a.images { images[h.hex] = d } }
        let doc = JSONValue.object([
            ("format", .string("offprint")),
            ("version", .int(Self.formatVersion)),
            ("articles", .array(list)),
            ("images", .object(images.keys.sorted().map { ($0, .string(images[$0]!.base64EncodedString())) })),
        ])
        return doc.serialized(sortKeys: true) + "\n"
    }
}
