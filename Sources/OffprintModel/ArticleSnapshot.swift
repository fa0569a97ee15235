// ArticleSnapshot: an article as of its head revision, with its body and images: what
// `show`, `list` and the exporters work from. Exporters take these values and never open the
// library themselves.
import Foundation

/// One article at its head revision.
public struct ArticleSnapshot: Sendable {
    public var id: ArticleID
    /// The head revision's hash.
    public var head: ContentHash
    public var metadata: ArticleMetadata
    public var state: ArticleState
    /// Time of the article's first revision (HLC wall-clock part).
    public var addedAt: Date
    /// Time of the head revision.
    public var updatedAt: Date
    /// Stored body HTML (docs/html-subset.md); images as `offprint-blob:` references.
    public var content: String
    /// Image blobs the body refers to, by hash.
    public var images: [ContentHash: Data]
    /// The article's whole revision graph and the blobs it names, when the snapshot was read
    /// with its history (the JSON export, docs/json-format.md); nil otherwise.
    public var history: ArticleHistory?

    public init(id: ArticleID, head: ContentHash, metadata: ArticleMetadata, state: ArticleState,
                addedAt: Date, updatedAt: Date, content: String, images: [ContentHash: Data],
                history: ArticleHistory? = nil) {
        self.id = id
        self.head = head
        self.metadata = metadata
        self.state = state
        self.addedAt = addedAt
        self.updatedAt = updatedAt
        self.content = content
        self.images = images
        self.history = history
    }
}

/// Every revision of one article and every blob those revisions name: what another library
/// needs to hold the article exactly as this one does (same revisions, same head hash).
public struct ArticleHistory: Sendable {
    /// Every revision of the article, in head order, oldest first (HLC time, then replica
    /// id, then revision hash; docs/sync.md, "Orders and ancestry").
    public var revisions: [Revision]
    /// Every blob any of `revisions` names (bodies, sources, images), by SHA-256.
    public var blobs: [ContentHash: Data]

    public init(revisions: [Revision], blobs: [ContentHash: Data]) {
        self.revisions = revisions
        self.blobs = blobs
    }
}
