// Revision: one immutable, hash-named version of an article. The canonical serialisation
// that the hash covers is specified in docs/revisions.md; change it only with a new version
// line, never in place.
import Foundation

/// What kind of change a revision records. Informative only: the head is derived from the
/// graph and the fields, never from this.
public enum ChangeKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// First import of an article.
    case `import`
    /// A changed version of the same page imported again.
    case reimport
    /// Metadata edited by the reader (`offprint edit`).
    case edit
    /// Tags added or removed (`offprint tag`).
    case tag
    /// Read, favourite or archived state changed (`offprint mark`).
    case mark
    /// Tombstone (`offprint delete`).
    case delete
    /// Result of re-running extraction, or of restoring an old revision.
    case restore
}

/// One immutable version of an article.
///
/// `hash` is the SHA-256 of `canonicalSerialization()` (docs/revisions.md) and so covers
/// every field, the body and source hashes and the parents. A revision with no parents is
/// an article's root; the head of an article is derived from its revision graph.
public struct Revision: Hashable, Sendable, Codable {
    /// The article this revision belongs to.
    public var articleID: ArticleID
    /// Parent revision hashes, sorted; empty for a root revision.
    public var parents: [ContentHash]
    /// Hybrid-logical-clock time of the change.
    public var time: HLCTimestamp
    /// The replica (library) that made the change.
    public var replica: ReplicaID
    /// What kind of change this was.
    public var change: ChangeKind
    /// Descriptive fields.
    public var metadata: ArticleMetadata
    /// Reader state.
    public var state: ArticleState
    /// Hash of the extracted article HTML blob (the body).
    public var body: ContentHash
    /// Hash of the original source bytes blob, nil for revisions with no source (none yet).
    public var source: ContentHash?
    /// Media type of the original source (`text/html`, `text/plain`, `text/markdown`).
    public var sourceType: String?
    /// Hashes of the image blobs the body refers to, sorted and unique.
    public var images: [ContentHash]

    public init(articleID: ArticleID, parents: [ContentHash], time: HLCTimestamp,
                replica: ReplicaID, change: ChangeKind, metadata: ArticleMetadata,
                state: ArticleState, body: ContentHash, source: ContentHash?,
                sourceType: String?, images: [ContentHash]) {
        self.articleID = articleID
        self.parents = Array(Set(parents)).sorted()
        self.time = time
        self.replica = replica
        self.change = change
        self.metadata = metadata
        self.state = state
        self.body = body
        self.source = source
        self.sourceType = sourceType
        self.images = Array(Set(images)).sorted()
    }

    /// The revision's name: SHA-256 of its canonical serialisation.
    public var hash: ContentHash { ContentHash(ofUTF8: canonicalSerialization()) }

    /// The canonical serialisation (docs/revisions.md): UTF-8 lines `key value`, in a fixed
    /// key order, strings as JSON string literals, absent values as `null`, lists one line per
    /// element in sorted order. Version line first.
    public func canonicalSerialization() -> String {
        var out = "offprint-revision 1\n"
        func line(_ key: String, _ value: String) { out += key; out += " "; out += value; out += "\n" }
        func str(_ s: String?) -> String { s.map(CanonicalJSON.quote) ?? "null" }
        line("article", articleID.hex)
        for p in parents { line("parent", p.hex) }
        line("time", "\(time.physical) \(time.counter)")
        line("replica", replica.hex)
        line("change", change.rawValue)
        line("body", body.hex)
        line("source", source?.hex ?? "null")
        line("source-type", str(sourceType))
        for i in images { line("image", i.hex) }
        line("title", str(metadata.title))
        line("byline", str(metadata.byline))
        line("excerpt", str(metadata.excerpt))
        line("site-name", str(metadata.siteName))
        line("lang", str(metadata.lang))
        line("dir", str(metadata.dir?.rawValue))
        line("published-time", str(metadata.publishedTime))
        line("url", str(metadata.url))
        for t in state.tags { line("tag", CanonicalJSON.quote(t)) }
        line("read", state.read ? "true" : "false")
        line("favorite", state.favorite ? "true" : "false")
        line("archived", state.archived ? "true" : "false")
        line("deleted", state.deleted ? "true" : "false")
        return out
    }
}

/// The minimal JSON string escaping used in canonical serialisations, independent of any
/// encoder's choices: `"` and `\` escaped, U+0000-U+001F as `\u00XX`, all else literal UTF-8.
public enum CanonicalJSON {
    /// `s` as a JSON string literal, quotes included.
    public static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let h = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }
}
