// SearchHit: one article a search found, with its relevance and snippet.
import Foundation

/// One article a search found: by the library's full-text index (OffprintStorage) or by
/// a scan (`TextSearch`, OffprintExport).
public struct SearchHit: Sendable, Hashable {
    /// The article.
    public var id: ArticleID
    /// Relevance, higher is better. Index: SQLite FTS5's `bm25` over title (weight 10),
    /// byline (2), site name (2) and text (1), negated and in millionths. Scan: title
    /// matches count ten, other matches one each. Compare scores within one query only.
    public var score: Int
    /// About 64 characters of the best-matching field around the match, the matched text
    /// in `[` `]`, `…` where text was cut (FTS5 `snippet`).
    public var snippet: String

    public init(id: ArticleID, score: Int, snippet: String) {
        self.id = id
        self.score = score
        self.snippet = snippet
    }
}
