// ArticleSummary: one line of `offprint list`, an article at its head without the body.
import Foundation
import OffprintModel

/// An article at its head revision, without body or images.
public struct ArticleSummary: Hashable, Sendable {
    public var id: ArticleID
    /// The head revision's hash.
    public var head: ContentHash
    public var metadata: ArticleMetadata
    public var state: ArticleState
    /// Wall-clock time of the article's earliest revision (millisecond precision).
    public var addedAt: Date
    /// Wall-clock time of the head revision (millisecond precision).
    public var updatedAt: Date
    /// How many leaves the revision graph has; more than 1 means concurrent changes that no
    /// later revision has merged yet.
    public var leafCount: Int

    public init(id: ArticleID, head: ContentHash, metadata: ArticleMetadata, state: ArticleState,
                addedAt: Date, updatedAt: Date, leafCount: Int) {
        self.id = id
        self.head = head
        self.metadata = metadata
        self.state = state
        self.addedAt = addedAt
        self.updatedAt = updatedAt
        self.leafCount = leafCount
    }

    /// The summary of a snapshot; `leafCount` is not in a snapshot and defaults to 1.
    public init(snapshot s: ArticleSnapshot, leafCount: Int = 1) {
        self.init(id: s.id, head: s.head, metadata: s.metadata, state: s.state,
                  addedAt: s.addedAt, updatedAt: s.updatedAt, leafCount: leafCount)
    }
}
