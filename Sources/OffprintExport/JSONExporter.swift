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

    /// Writes the document for `articles` (sorted by id) to `url`, atomically, one article
    /// at a time: the same bytes as `render(articles:)`, but only one article's body,
    /// revisions and blobs are in memory at once. Blob bytes wait in a temporary file beside
    /// `url` until the `blobs` and `images` maps are written at the end.
    ///
    /// - Throws: `OffprintError(.unwritable, path, "cannot write the JSON file: ...")`, or
    ///   what loading an article throws.
    public func write(_ articles: ArticleStream, options: ExportOptions, to url: URL) throws {
        let tmp = try BundleWriter.temporarySibling(of: url)
        let spillURL = try BundleWriter.temporarySibling(of: url.appendingPathExtension("blobs"))
        func unwritable(_ error: Error) -> OffprintError {
            if let e = error as? OffprintError { return e }
            return OffprintError(.unwritable, url.path, "cannot write the JSON file: \(error.localizedDescription)")
        }
        let fm = FileManager.default
        guard fm.createFile(atPath: tmp.path, contents: nil), fm.createFile(atPath: spillURL.path, contents: nil),
              let out = FileHandle(forWritingAtPath: tmp.path),
              let spill = FileHandle(forUpdatingAtPath: spillURL.path) else {
            try? fm.removeItem(at: tmp)
            try? fm.removeItem(at: spillURL)
            throw OffprintError(.unwritable, url.path, "cannot write the JSON file")
        }
        defer {
            try? spill.close()
            try? fm.removeItem(at: spillURL)
        }
        do {
            var buffer = Data()
            func emit(_ text: String) throws {
                buffer.append(contentsOf: text.utf8)
                if buffer.count >= 1 << 20 { try out.write(contentsOf: buffer); buffer.removeAll(keepingCapacity: true) }
            }
            var stored: [ContentHash: (offset: UInt64, length: Int)] = [:]
            var spillEnd: UInt64 = 0
            var imageHashes = Set<ContentHash>()
            var namedHashes = Set<ContentHash>()
            func keep(_ hash: ContentHash, _ data: Data) throws {
                guard stored[hash] == nil else { return }
                try spill.seek(toOffset: spillEnd)
                try spill.write(contentsOf: data)
                stored[hash] = (spillEnd, data.count)
                spillEnd += UInt64(data.count)
            }
            try emit("{\"articles\":[")
            let sorted = articles.headers.sorted { $0.id < $1.id }
            try ArticleStream(headers: sorted, loading: articles).forEach { k, a in
                if k > 0 { try emit(",") }
                try emit(Self.json(article: a).serialized(sortKeys: true))
                for (h, d) in a.images { try keep(h, d); imageHashes.insert(h) }
                if let history = a.history {
                    for r in history.revisions {
                        for h in r.images { if let d = history.blobs[h] { try keep(h, d); imageHashes.insert(h) } }
                    }
                    for (h, d) in history.blobs { try keep(h, d); namedHashes.insert(h) }
                }
            }
            func base64Map(_ hashes: [ContentHash]) throws {
                for (k, h) in hashes.enumerated() {
                    let (offset, length) = stored[h]!
                    try spill.seek(toOffset: offset)
                    let data = try spill.read(upToCount: length) ?? Data()
                    try emit((k > 0 ? "," : "") + "\"\(h.hex)\":\"" + data.base64EncodedString() + "\"")
                }
            }
            try emit("],\"blobs\":{")
            try base64Map(namedHashes.subtracting(imageHashes).sorted())
            try emit("},\"format\":\"offprint\",\"images\":{")
            try base64Map(imageHashes.sorted())
            try emit("},\"version\":\(Self.formatVersion)}\n")
            try out.write(contentsOf: buffer)
            try out.close()
            try BundleWriter.moveIntoPlace(tmp, url)
        } catch {
            try? out.close()
            try? fm.removeItem(at: tmp)
            throw unwritable(error)
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
            return Self.json(article: a)
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

    /// One article's object (docs/json-format.md): its head fields, content and revisions.
    static func json(article a: ArticleSnapshot) -> JSONValue {
        let revisions = a.history?.revisions ?? []
        return .object([
            ("id", .string(a.id.hex)),
            ("head", .string(a.head.hex)),
            ("addedAt", .date(a.addedAt)),
            ("updatedAt", .date(a.updatedAt)),
            ("content", .string(a.content)),
            ("revisions", .array(revisions.map(Self.json))),
        ] + fields(a.metadata) + fields(a.state))
    }

    /// One revision's canonical fields (docs/revisions.md) as a JSON object, its `hash`
    /// included; the article is the enclosing one.
    static func json(_ r: Revision) -> JSONValue {
        .object([
            ("hash", .string(r.hash.hex)),
            ("parents", .array(r.parents.map { .string($0.hex) })),
            ("hlc", .object([("physical", .int(Int(r.time.physical))), ("counter", .int(Int(r.time.counter)))])),
            ("replica", .string(r.replica.hex)),
            ("change", .string(r.change.rawValue)),
            ("body", .string(r.body.hex)),
            ("source", .optional(r.source?.hex)),
            ("sourceType", .optional(r.sourceType)),
            ("images", .array(r.images.map { .string($0.hex) })),
            ("deleted", .bool(r.state.deleted)),
        ] + fields(r.metadata) + fields(r.state))
    }

    /// Readability's fields, `null` when unknown (shared by articles and revisions; key
    /// order does not matter, the document is written with sorted keys).
    static func fields(_ m: ArticleMetadata) -> [(String, JSONValue)] {
        [
            ("title", .optional(m.title)),
            ("byline", .optional(m.byline)),
            ("excerpt", .optional(m.excerpt)),
            ("siteName", .optional(m.siteName)),
            ("lang", .optional(m.lang)),
            ("dir", .optional(m.dir?.rawValue)),
            ("publishedTime", .optional(m.publishedTime)),
            ("url", .optional(m.url)),
        ]
    }

    /// The reader state shown for articles and revisions: tags (sorted) and the three marks.
    static func fields(_ s: ArticleState) -> [(String, JSONValue)] {
        [
            ("tags", .array(s.tags.map { .string($0) })),
            ("read", .bool(s.read)),
            ("favorite", .bool(s.favorite)),
            ("archived", .bool(s.archived)),
        ]
    }
}
