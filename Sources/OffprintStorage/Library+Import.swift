// Library+Import: storing an extracted article (docs/architecture.md, "The flow of an
// import"): source, body and image blobs plus one revision, in one transaction.
import Foundation
import GRDB
import OffprintModel

extension Library {
    /// Stores `candidate` as a new article or a new revision of a known one, in one
    /// transaction.
    ///
    /// The article is `candidate.articleID`. When one of its revisions already records
    /// source bytes with the same SHA-256 and the article is not deleted, nothing is written
    /// (`.unchanged`). Otherwise the source, image and body blobs are stored (the body is
    /// `extracted.content` with each image's `src` replaced by `offprint-blob:<hash>`), and a
    /// revision of kind `.import` (`.reimport` for a known article) whose parents are all
    /// current leaves, whose metadata comes from extraction and whose reader state (tags,
    /// read, favourite, archived) is carried from the head, undeleted.
    ///
    /// - Returns: `.added(id, revision)`, `.revised(id, revision)` or `.unchanged(id)`.
    /// - Throws: `OffprintError` (`.unwritable`, `.badLibrary`, `.failed`) when the write fails;
    ///   the library is then unchanged.
    @discardableResult
    public func importArticle(_ candidate: ImportCandidate) throws -> ImportOutcome {
        let id = candidate.articleID
        let sourceHash = ContentHash(of: candidate.source)
        return try write { db in
            let head = try RevisionGraph.head(db, of: id)
            if let head, !head.revision.state.deleted {
                let known = try RevisionGraph.revisions(db, of: id).values
                if known.contains(where: { $0.source == sourceHash }) { return .unchanged(id) }
            }
            try RevisionGraph.insertBlob(db, sourceHash, candidate.source)
            var body = candidate.extracted.content
            var images: [ContentHash] = []
            for image in candidate.extracted.images {
                let hash = image.hash
                try RevisionGraph.insertBlob(db, hash, image.data)
                images.append(hash)
                body = Self.replacingImageSource(image.src, with: BlobReference.uri(hash), in: body)
            }
            let bodyData = Data(body.utf8)
            let bodyHash = ContentHash(of: bodyData)
            try RevisionGraph.insertBlob(db, bodyHash, bodyData)

            var state = head?.revision.state ?? ArticleState()
            state.deleted = false
            let revision = Revision(
                articleID: id,
                parents: try RevisionGraph.leaves(db, of: id).map(\.hash),
                time: try RevisionGraph.nextTime(db, clock: clock),
                replica: replica,
                change: head == nil ? .import : .reimport,
                metadata: candidate.extracted.metadata,
                state: state,
                body: bodyHash, source: sourceHash, sourceType: candidate.sourceType.rawValue,
                images: images)
            let (hash, _) = try RevisionGraph.insert(db, revision)
            try RevisionGraph.refreshArticle(db, id)
            return head == nil ? .added(id, hash) : .revised(id, hash)
        }
    }

    /// `html` with every `src="<src>"` attribute (the value escaped as an HTML serialiser
    /// escapes attribute values) turned into `src="<replacement>"`.
    static func replacingImageSource(_ src: String, with replacement: String, in html: String) -> String {
        var out = html
        var seen = Set<String>()
        for escaped in [escapeAttribute(src, angleBrackets: true), escapeAttribute(src, angleBrackets: false)]
        where seen.insert(escaped).inserted {
            out = out.replacingOccurrences(of: "src=\"\(escaped)\"", with: "src=\"\(replacement)\"")
        }
        return out
    }

    /// `&` and `"` (and, as HTMLSerializer does, `<` and `>`) as character references.
    static func escapeAttribute(_ s: String, angleBrackets: Bool) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "<" where angleBrackets: out += "&lt;"
            case ">" where angleBrackets: out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
