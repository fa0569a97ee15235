// Library+Reextract: re-running extraction on the original sources a library keeps, so that a
// better extractor improves existing articles (docs/cli.md, "reextract"). Storage does not
// depend on the extraction module: the caller passes the extraction function.
import Foundation
import GRDB
import OffprintModel

/// What re-extraction did to one article.
public enum ReextractOutcome: Hashable, Sendable {
    /// A new revision (kind `.reimport`) records the new result.
    case revised(ArticleID, ContentHash)
    /// The new result equals the head's: nothing was written.
    case unchanged(ArticleID)
    /// Not re-extracted, with the reason (no stored source, deleted, images that were read
    /// from files beside the page and are not in the source).
    case skipped(ArticleID, String)
}

extension Library {
    /// The input of one re-extraction: the stored original bytes, their media type and the
    /// URL the head records.
    public typealias ExtractionFunction = (_ source: Data, _ sourceType: SourceType, _ url: String?) throws -> ExtractedArticle

    /// Re-extracts the head of each article in `ids` (every article that is not deleted when
    /// nil) from its stored source with `extract`, and adds a revision only where the result
    /// (body, images, metadata) differs from the head's. A title the user edited (an `.edit`
    /// revision in the history) is kept; reader state is carried over. Each article is its
    /// own transaction.
    ///
    /// - Throws: `OffprintError` when the library cannot be read or written; an extraction
    ///   error for one article is rethrown with that article as the subject.
    public func reextract(_ ids: [ArticleID]? = nil, using extract: ExtractionFunction) throws -> [ReextractOutcome] {
        let targets = try ids ?? listArticles().map(\.id)
        var outcomes: [ReextractOutcome] = []
        for id in targets {
            // Read the head and its source outside the write, then extract, then write.
            let found: (ContentHash, Revision, Data?, Bool)? = try read { db in
                guard let head = try RevisionGraph.head(db, of: id) else { return nil }
                let source = try head.revision.source.flatMap { try self.blob(db, $0) }
                let edited = try RevisionGraph.revisions(db, of: id).values.contains { $0.change == .edit }
                return (head.hash, head.revision, source, edited)
            }
            guard let (headHash, head, sourceData, titleEdited) = found else {
                throw OffprintError(.notFound, id.description, "no such article")
            }
            if head.state.deleted { outcomes.append(.skipped(id, "deleted")); continue }
            guard let source = sourceData, let type = head.sourceType.flatMap(SourceType.init(rawValue:)) else {
                outcomes.append(.skipped(id, "no stored source")); continue
            }
            let extracted: ExtractedArticle
            do {
                extracted = try extract(source, type, head.metadata.url)
            } catch let e as OffprintError {
                throw OffprintError(e.kind, id.description, e.message)
            }
            if extracted.images.count < head.images.count && head.images.count > 0 {
                outcomes.append(.skipped(id, "images were read from files beside the page"))
                continue
            }
            var metadata = extracted.metadata
            if titleEdited { metadata.title = head.metadata.title }
            var body = extracted.content
            var images: [ContentHash] = []
            for image in extracted.images {
                images.append(image.hash)
                body = Self.replacingImageSource(image.src, with: BlobReference.uri(image.hash), in: body)
            }
            let bodyData = Data(body.utf8)
            let bodyHash = ContentHash(of: bodyData)
            if bodyHash == head.body && images == head.images && metadata == head.metadata {
                outcomes.append(.unchanged(id)); continue
            }
            let outcome: ReextractOutcome = try write { db in
                // The head may have moved since it was read: re-extract against the current one.
                guard let current = try RevisionGraph.head(db, of: id), current.hash == headHash else {
                    return .skipped(id, "changed during re-extraction")
                }
                for image in extracted.images { _ = try RevisionGraph.insertBlob(db, image.hash, image.data) }
                _ = try RevisionGraph.insertBlob(db, bodyHash, bodyData)
                let revision = Revision(
                    articleID: id,
                    parents: try RevisionGraph.leaves(db, of: id).map(\.hash),
                    time: try RevisionGraph.nextTime(db, clock: clock),
                    replica: replica,
                    change: .reimport,
                    metadata: metadata,
                    state: head.state,
                    body: bodyHash, source: head.source, sourceType: head.sourceType,
                    images: images)
                let (hash, _) = try RevisionGraph.insert(db, revision)
                try RevisionGraph.refreshArticle(db, id)
                return .revised(id, hash)
            }
            outcomes.append(outcome)
        }
        return outcomes
    }
}
