// HistoryEntry: one line of `offprint history`, a revision and what it changed.
import Foundation
import OffprintModel

/// One revision of an article with the fields it changed.
public struct HistoryEntry: Hashable, Sendable {
    /// The revision's hash.
    public var hash: ContentHash
    /// The full revision.
    public var revision: Revision
    /// Names of the fields that differ from the revision's newest parent (by the head
    /// order: time, replica, hash), in the order of `HistoryEntry.fieldNames`; empty for a
    /// root revision.
    public var changedFields: [String]

    public var parents: [ContentHash] { revision.parents }
    public var time: HLCTimestamp { revision.time }
    public var replica: ReplicaID { revision.replica }
    public var change: ChangeKind { revision.change }

    public init(hash: ContentHash, revision: Revision, changedFields: [String]) {
        self.hash = hash
        self.revision = revision
        self.changedFields = changedFields
    }

    /// Every field name `changedFields` can hold, in order.
    public static let fieldNames = [
        "title", "byline", "excerpt", "siteName", "lang", "dir", "publishedTime", "url",
        "tags", "read", "favorite", "archived", "deleted",
        "body", "source", "sourceType", "images",
    ]

    /// The names of the fields in which `b` differs from `a`.
    public static func changedFields(from a: Revision, to b: Revision) -> [String] {
        let same: [Bool] = [
            a.metadata.title == b.metadata.title, a.metadata.byline == b.metadata.byline,
            a.metadata.excerpt == b.metadata.excerpt, a.metadata.siteName == b.metadata.siteName,
            a.metadata.lang == b.metadata.lang, a.metadata.dir == b.metadata.dir,
            a.metadata.publishedTime == b.metadata.publishedTime, a.metadata.url == b.metadata.url,
            a.state.tags == b.state.tags, a.state.read == b.state.read,
            a.state.favorite == b.state.favorite, a.state.archived == b.state.archived,
            a.state.deleted == b.state.deleted,
            a.body == b.body, a.source == b.source, a.sourceType == b.sourceType,
            a.images == b.images,
        ]
        return zip(fieldNames, same).filter { !$0.1 }.map(\.0)
    }
}
