// JSONDocumentReader: reading back what JSONExporter writes (docs/json-format.md, version
// 2) for `offprint import FILE.json`. The reader is strict and checks everything it can
// without a library: the shape and version, every blob against its SHA-256, every revision
// against its hash, every parent and blob a revision names present in the document, no
// blob that no revision names. What the revisions' head must look like is checked by the
// caller, which knows the merge rules (OffprintStorage `Library.derivedHead(of:)`).
import Foundation
import OffprintModel

/// An Offprint JSON document, read and checked: each article's summary fields and revision
/// graph, and the blobs the revisions need.
public struct JSONDocument: Sendable {
    /// One article of the document.
    public struct Article: Sendable {
        /// The article id (`id`).
        public var id: ArticleID
        /// The head hash the writing library showed (`head`).
        public var head: ContentHash
        /// Title, byline, excerpt, site name, lang, dir, published time and URL as written.
        public var metadata: ArticleMetadata
        /// Tags, read, favorite, archived as written (`deleted` is false).
        public var state: ArticleState
        /// `addedAt` and `updatedAt` as written: ISO 8601 UTC, whole seconds.
        public var addedAt: String
        public var updatedAt: String
        /// The head's body as written (`content`).
        public var content: String
        /// The article's revisions, each checked against its hash, in document order.
        public var revisions: [Revision]
    }

    /// The articles, in document order (sorted by id).
    public var articles: [Article]
    /// Every blob of `blobs` and `images`, each checked against its SHA-256.
    public var blobs: [ContentHash: Data]

    /// The greatest `version` this reader accepts.
    public static let readableVersion = JSONExporter.formatVersion

    /// Whether `data` claims to be an Offprint JSON document, so that `offprint import`
    /// reads it with `init(decoding:path:)` (and reports its damage) rather than as text:
    /// after an optional UTF-8 byte order mark and white space, it starts with
    /// `{"articles":` (as every document JSONExporter writes does, even a truncated one),
    /// or it is a JSON object whose `format` is `"offprint"`. Other JSON (read-later
    /// exports, bookmarks) is not claimed.
    public static func claims(_ data: Data) -> Bool {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        bytes = bytes.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        guard bytes.first == UInt8(ascii: "{") else { return false }
        if bytes.starts(with: Array(#"{"articles":"#.utf8)) { return true }
        return (try? JSONDecoder().decode(Header.self, from: data))?.format == "offprint"
    }

    /// Reads and checks a document.
    ///
    /// - Parameter path: the file, the subject of errors.
    /// - Throws: `OffprintError(.badInput, path, message)`, message one line:
    ///   `not valid JSON (truncated or damaged)`; `not an Offprint JSON document (...)`;
    ///   `unsupported Offprint JSON version N (this Offprint reads up to 2)`;
    ///   `Offprint JSON version 1 carries no revisions; export it again with this Offprint`;
    ///   `malformed Offprint JSON (<where>: <what>)`; `blob <hash> is not base64`;
    ///   `blob <hash> hashes to <sha256>`; `article <id>: ...` for a bad id, a duplicate
    ///   article, an article without revisions, a revision whose fields hash to another name
    ///   or whose parent or blob the document lacks; `blob <hash> is named by no revision`.
    public init(decoding data: Data, path: String) throws {
        func fail(_ message: String) -> OffprintError { OffprintError(.badInput, path, message) }
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: data) } catch {
            throw fail("not valid JSON (truncated or damaged)")
        }
        guard let format = header.format else { throw fail("not an Offprint JSON document (no format)") }
        guard format == "offprint" else {
            throw fail("not an Offprint JSON document (format \(CanonicalJSON.quote(format)))")
        }
        guard let version = header.version else { throw fail("not an Offprint JSON document (no version)") }
        if version > Self.readableVersion {
            throw fail("unsupported Offprint JSON version \(version) (this Offprint reads up to \(Self.readableVersion))")
        }
        guard version == Self.readableVersion else {
            throw fail("Offprint JSON version \(version) carries no revisions; export it again with this Offprint")
        }
        let doc: DocumentV2
        do { doc = try JSONDecoder().decode(DocumentV2.self, from: data) } catch let error as DecodingError {
            throw fail("malformed Offprint JSON (\(Self.describe(error)))")
        } catch {
            throw fail("not valid JSON (truncated or damaged)")
        }

        var blobs: [ContentHash: Data] = [:]
        for (key, value) in doc.images.sorted(by: { $0.key < $1.key }) + doc.blobs.sorted(by: { $0.key < $1.key }) {
            guard let hash = ContentHash(hex: key), hash.hex == key else { throw fail("blob key \(key) is not a SHA-256") }
            guard let bytes = Data(base64Encoded: value) else { throw fail("blob \(key) is not base64") }
            let actual = ContentHash(of: bytes)
            guard actual == hash else { throw fail("blob \(key) hashes to \(actual.hex)") }
            guard blobs[hash] == nil else { throw fail("blob \(key) is written twice") }
            blobs[hash] = bytes
        }

        var articles: [Article] = []
        var seen = Set<ArticleID>()
        var revisionArticle: [ContentHash: ArticleID] = [:]
        var used = Set<ContentHash>()
        for a in doc.articles {
            guard let id = ArticleID(hex: a.id), id.hex == a.id else { throw fail("article id \(a.id) is not 64 hex digits") }
            func bad(_ what: String) -> OffprintError { fail("article \(a.id): \(what)") }
            guard seen.insert(id).inserted else { throw bad("written twice") }
            guard let head = ContentHash(hex: a.head), head.hex == a.head else { throw bad("head \(a.head) is not a SHA-256") }
            guard !a.revisions.isEmpty else { throw bad("no revisions (written without its history)") }
            let metadata = try Self.metadata(a.title, a.byline, a.excerpt, a.siteName, a.lang, a.dir,
                                             a.publishedTime, a.url, bad)
            var revisions: [Revision] = []
            for r in a.revisions {
                let revision = try Self.revision(r, article: id, bad)
                let hash = revision.hash
                guard hash.hex == r.hash else {
                    throw bad("revision \(r.hash) does not match its fields (they hash to \(hash.hex))")
                }
                guard revisionArticle[hash] == nil else { throw bad("revision \(r.hash) is written twice") }
                revisionArticle[hash] = id
                revisions.append(revision)
            }
            articles.append(Article(id: id, head: head, metadata: metadata,
                                    state: ArticleState(tags: a.tags, read: a.read, favorite: a.favorite, archived: a.archived),
                                    addedAt: a.addedAt, updatedAt: a.updatedAt, content: a.content,
                                    revisions: revisions))
        }
        for article in articles {
            for r in article.revisions {
                let hash = r.hash
                for parent in r.parents where revisionArticle[parent] != article.id {
                    throw fail("article \(article.id.hex): revision \(hash.hex) has a parent \(parent.hex) the article lacks")
                }
                for blob in [r.body] + r.images + (r.source.map { [$0] } ?? []) {
                    guard blobs[blob] != nil else {
                        throw fail("article \(article.id.hex): revision \(hash.hex) names a blob \(blob.hex) the document lacks")
                    }
                    used.insert(blob)
                }
            }
        }
        for hash in blobs.keys.sorted() where !used.contains(hash) {
            throw fail("blob \(hash.hex) is named by no revision")
        }
        self.articles = articles
        self.blobs = blobs
    }

    // MARK: - Decoding

    private struct Header: Decodable {
        var format: String?
        var version: Int?
    }

    private struct DocumentV2: Decodable {
        var articles: [ArticleV2]
        var blobs: [String: String]
        var images: [String: String]
    }

    private struct ArticleV2: Decodable {
        var id, head: String
        var title, byline, excerpt, siteName, lang, dir, publishedTime, url: String?
        var addedAt, updatedAt: String
        var tags: [String]
        var read, favorite, archived: Bool
        var content: String
        var revisions: [RevisionV2]
    }

    private struct RevisionV2: Decodable {
        struct HLC: Decodable {
            var physical: Int64
            var counter: Int32
        }
        var hash: String
        var parents: [String]
        var hlc: HLC
        var replica, change, body: String
        var source, sourceType: String?
        var images: [String]
        var title, byline, excerpt, siteName, lang, dir, publishedTime, url: String?
        var tags: [String]
        var read, favorite, archived, deleted: Bool
    }

    private static func metadata(_ title: String?, _ byline: String?, _ excerpt: String?, _ siteName: String?,
                                 _ lang: String?, _ dir: String?, _ publishedTime: String?, _ url: String?,
                                 _ bad: (String) -> OffprintError) throws -> ArticleMetadata {
        var direction: TextDirection?
        if let dir {
            guard let d = TextDirection(rawValue: dir) else { throw bad("bad dir \(CanonicalJSON.quote(dir))") }
            direction = d
        }
        return ArticleMetadata(title: title, byline: byline, excerpt: excerpt, siteName: siteName, lang: lang,
                               dir: direction, publishedTime: publishedTime, url: url)
    }

    private static func revision(_ r: RevisionV2, article: ArticleID,
                                 _ bad: (String) -> OffprintError) throws -> Revision {
        func hash(_ text: String, _ role: String) throws -> ContentHash {
            guard let h = ContentHash(hex: text), h.hex == text else {
                throw bad("revision \(r.hash): \(role) \(text) is not a SHA-256")
            }
            return h
        }
        guard let replica = ReplicaID(hex: r.replica), replica.hex == r.replica else {
            throw bad("revision \(r.hash): replica \(r.replica) is not 32 hex digits")
        }
        guard let change = ChangeKind(rawValue: r.change) else {
            throw bad("revision \(r.hash): unknown change \(CanonicalJSON.quote(r.change))")
        }
        let metadata = try metadata(r.title, r.byline, r.excerpt, r.siteName, r.lang, r.dir, r.publishedTime, r.url, bad)
        return Revision(
            articleID: article, parents: try r.parents.map { try hash($0, "parent") },
            time: HLCTimestamp(physical: r.hlc.physical, counter: r.hlc.counter), replica: replica,
            change: change, metadata: metadata,
            state: ArticleState(tags: r.tags, read: r.read, favorite: r.favorite, archived: r.archived, deleted: r.deleted),
            body: try hash(r.body, "body"), source: try r.source.map { try hash($0, "source") },
            sourceType: r.sourceType, images: try r.images.map { try hash($0, "image") })
    }

    /// A decoding error in one line: where (`articles[2].revisions[0].hlc`) and what.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            var out = ""
            for k in keys {
                if let i = k.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + k.stringValue }
            }
            return out.isEmpty ? "document" : out
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath)): missing key \(key.stringValue)"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(type)"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(type), found null"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): damaged"
        @unknown default:
            return "damaged"
        }
    }
}
