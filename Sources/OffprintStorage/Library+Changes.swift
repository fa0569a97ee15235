// Library+Changes: the reader's own changes (tags, read/favourite/archived, title, delete).
// Each is one new revision whose parents are all current leaves of the article, so a change
// made after a sync also merges the branches the sync brought in.
import Foundation
import GRDB
import OffprintModel

extension Library {
    /// Adds and removes tags (removals apply after additions).
    ///
    /// - Returns: the new revision, or nil when the tag set is unchanged.
    /// - Throws: `OffprintError(.notFound, id, ...)` for an unknown or deleted article.
    @discardableResult
    public func tag(_ id: ArticleID, add: [String], remove: [String]) throws -> Revision? {
        try change(id, .tag) { r in
            var tags = Set(r.state.tags).union(add)
            tags.subtract(remove)
            r.state.setTags(tags)
        }
    }

    /// Sets the read, favourite and archived flags; nil leaves a flag as it is.
    ///
    /// - Returns: the new revision, or nil when no flag changes.
    /// - Throws: `OffprintError(.notFound, id, ...)` for an unknown or deleted article.
    @discardableResult
    public func mark(_ id: ArticleID, read: Bool? = nil, favorite: Bool? = nil,
                     archived: Bool? = nil) throws -> Revision? {
        try change(id, .mark) { r in
            if let read { r.state.read = read }
            if let favorite { r.state.favorite = favorite }
            if let archived { r.state.archived = archived }
        }
    }

    /// Replaces the title.
    ///
    /// - Returns: the new revision, or nil when the title is already `title`.
    /// - Throws: `OffprintError(.notFound, id, ...)` for an unknown or deleted article.
    @discardableResult
    public func edit(_ id: ArticleID, title: String) throws -> Revision? {
        try change(id, .edit) { r in r.metadata.title = title }
    }

    /// Deletes the article by writing a tombstone revision (`state.deleted = true`). The
    /// history and blobs stay, so a sync spreads the deletion instead of resurrecting it.
    ///
    /// - Returns: the tombstone, or nil when the article is already deleted.
    /// - Throws: `OffprintError(.notFound, id, ...)` for an unknown article.
    @discardableResult
    public func delete(_ id: ArticleID) throws -> Revision? {
        try change(id, .delete) { r in r.state.deleted = true }
    }

    /// Restores an old revision: a new revision of kind `restore` whose fields (metadata,
    /// reader state including `deleted`, body, source and images) equal those of revision
    /// `old`, with all current leaves as parents. Works on deleted articles too.
    ///
    /// - Returns: the new revision, or nil when the head already has those fields.
    /// - Throws: `OffprintError(.notFound, id, "no such article")`,
    ///   `OffprintError(.notFound, old, "no revision of this article has this hash")`.
    @discardableResult
    public func restore(_ id: ArticleID, to old: ContentHash) throws -> Revision? {
        try write { db in
            guard let head = try RevisionGraph.head(db, of: id) else {
                throw OffprintError(.notFound, id.hex, "no such article")
            }
            guard let source = try RevisionGraph.revision(db, old), source.articleID == id else {
                throw OffprintError(.notFound, old.hex, "no revision of this article has this hash")
            }
            let h = head.revision
            if source.metadata == h.metadata && source.state == h.state && source.body == h.body
                && source.source == h.source && source.sourceType == h.sourceType && source.images == h.images {
                return nil
            }
            let revision = Revision(
                articleID: id, parents: try RevisionGraph.leaves(db, of: id).map(\.hash),
                time: try RevisionGraph.nextTime(db, clock: clock), replica: replica, change: .restore,
                metadata: source.metadata, state: source.state, body: source.body,
                source: source.source, sourceType: source.sourceType, images: source.images)
            try RevisionGraph.insert(db, revision)
            try RevisionGraph.refreshArticle(db, id)
            return revision
        }
    }

    /// The revision of article `id` whose hash starts with `prefix` (case-insensitive hex).
    ///
    /// - Throws: `OffprintError(.notFound, prefix, "no revision of this article matches this hash")`
    ///   or `"revision prefix matches N revisions; give more characters"`.
    public func resolveRevision(prefix: String, of id: ArticleID) throws -> ContentHash {
        let p = prefix.lowercased()
        let isHex = !p.isEmpty && p.utf8.count <= 64
            && p.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
        let hashes = isHex ? try read { db in
            try String.fetchAll(db, sql: """
                SELECT hash FROM revision WHERE article_id = ? AND substr(hash, 1, ?) = ? LIMIT 1000
                """, arguments: [id.hex, p.utf8.count, p])
        } : []
        switch hashes.count {
        case 0: throw OffprintError(.notFound, prefix, "no revision of this article matches this hash")
        case 1: return ContentHash(hex: hashes[0])!
        default:
            throw OffprintError(.notFound, prefix, "revision prefix matches \(hashes.count) revisions; give more characters")
        }
    }

    /// One reader change: the head, modified by `modify`, as a new revision on all leaves.
    private func change(_ id: ArticleID, _ kind: ChangeKind,
                        _ modify: (inout Revision) -> Void) throws -> Revision? {
        try write { db in
            guard let head = try RevisionGraph.head(db, of: id) else {
                throw OffprintError(.notFound, id.hex, "no such article")
            }
            if head.revision.state.deleted {
                if kind == .delete { return nil }
                throw OffprintError(.notFound, id.hex, "article is deleted")
            }
            var revision = head.revision
            modify(&revision)
            if revision.metadata == head.revision.metadata && revision.state == head.revision.state {
                return nil
            }
            revision = Revision(
                articleID: id, parents: try RevisionGraph.leaves(db, of: id).map(\.hash),
                time: try RevisionGraph.nextTime(db, clock: clock), replica: replica, change: kind,
                metadata: revision.metadata, state: revision.state, body: revision.body,
                source: revision.source, sourceType: revision.sourceType, images: revision.images)
            try RevisionGraph.insert(db, revision)
            try RevisionGraph.refreshArticle(db, id)
            return revision
        }
    }
}
