// JSONExporter: the whole set of articles as one JSON document (docs/json-format.md,
// version 2), with deterministic bytes: compact, keys sorted, slashes not escaped, a final
// newline. Each article carries its whole revision graph and the document every blob those
// revisions name, so that `offprint import` (JSONDocumentReader) puts the very same
// revisions into another library: export, import into an empty library and export again
// gives the same bytes.
import Foundation
import OffprintModel

/// Writes `{"articles": [...], "blobs": {...}, "format": "offprint", "images": {...},
/// "version": 2}` (docs/json-format.md).
public struct JSONExporter: Exporter {
    public let name = "json"
    public let fileExtension = "json"

    public init() {}

    /// The format version written in `version`; readers refuse greater ones.
    public static let formatVersion = 2

    /// Writes `render(articles:)` to `url`, atomically.
    ///
    /// - Throws: `OffprintError(.unwritable, path, "cannot write the JSON file: ...")`.
    public func write(articles: [ArticleSnapshot], options: ExportOptions, to url: URL) throws {
        let data = Data(render(articles: articles).utf8)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw OffprintError(.unwritable, url.path, "cannot write the JSON file: \(error.localizedDescription)")
        }
    }

    /// The JSON text for `articles` (sorted by id, whatever their order): compact, keys
    /// sorted by their UTF-8 bytes, `/` not escaped, ending in a newline.
    ///
    /// An article's `revisions` are its `history` (head order, oldest first); a snapshot
    /// read without its history gets `[]`, and such a document cannot be imported. Every
    /// blob is written once: under `images` when the head or any revision names it as an
    /// image, else under `blobs`.
    public func render(articles: [ArticleSnapshot]) -> String {
        var images: [ContentHash: Data] = [:]
        var named: [ContentHash: Data] = [:]
        let list: [JSONValue] = articles.sorted { $0.id < $1.id }.map { a in
            for (h, d) in a.images { images[h] = d }
            let revisions = a.history?.revisions ?? []
            if let history = a.history {
                for r in revisions { for h in r.images { if let d = history.blobs[h] { images[h] = d } } }
                for (h, d) in history.blobs { named[h] = d }
            }
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
                ("revisions", .array(revisions.map(Self.json))),
            ])
        }
        let others = named.filter { images[$0.key] == nil }
        func base64Map(_ m: [ContentHash: Data]) -> JSONValue {
            .object(m.keys.sorted().map { ($0.hex, .string(m[$0]!.base64EncodedString())) })
        }
        let doc = JSONValue.object([
            ("format", .string("offprint")),
            ("version", .int(Self.formatVersion)),
            ("articles", .array(list)),
            ("blobs", base64Map(others)),
            ("images", base64Map(images)),
        ])
        return doc.serialized(sortKeys: true) + "\n"
    }

    /// One revision's canonical fields (docs/revisions.md) as a JSON object, its `hash`
    /// included; the article is the enclosing one.
    static func json(_ r: Revision) -> JSONValue {
        let m = r.metadata
        return .object([
            ("hash", .string(r.hash.hex)),
            ("parents", .array(r.parents.map { .string($0.hex) })),
            ("hlc", .object([("physical", .int(Int(r.time.physical))), ("counter", .int(Int(r.time.counter)))])),
            ("replica", .string(r.replica.hex)),
            ("change", .string(r.change.rawValue)),
            ("body", .string(r.body.hex)),
            ("source", .optional(r.source?.hex)),
            ("sourceType", .optional(r.sourceType)),
            ("images", .array(r.images.map { .string($0.hex) })),
            ("title", .optional(m.title)),
            ("byline", .optional(m.byline)),
            ("excerpt", .optional(m.excerpt)),
            ("siteName", .optional(m.siteName)),
            ("lang", .optional(m.lang)),
            ("dir", .optional(m.dir?.rawValue)),
            ("publishedTime", .optional(m.publishedTime)),
            ("url", .optional(m.url)),
            ("tags", .array(r.state.tags.map { .string($0) })),
            ("read", .bool(r.state.read)),
            ("favorite", .bool(r.state.favorite)),
            ("archived", .bool(r.state.archived)),
            ("deleted", .bool(r.state.deleted)),
        ])
    }
}
