// ImportOutcome: what `Library.importArticle` did with one input.
import OffprintModel

/// The result of importing one `ImportCandidate`.
public enum ImportOutcome: Hashable, Sendable {
    /// A new article, with its first revision's hash.
    case added(ArticleID, ContentHash)
    /// A known article whose source bytes changed (or that was deleted and is imported
    /// again), with the new revision's hash.
    case revised(ArticleID, ContentHash)
    /// A known article already holding these exact source bytes; nothing was written.
    case unchanged(ArticleID)

    /// The article concerned.
    public var articleID: ArticleID {
        switch self {
        case .added(let id, _), .revised(let id, _), .unchanged(let id): return id
        }
    }
}
