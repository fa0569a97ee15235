// TextSearch: matching a query against articles' text by scanning, and the snippet shown
// for a hit. `offprint search` uses it for queries shorter than three characters (which the
// library's trigram index cannot match), over the texts the index holds; hits are ranked by
// matches in the title, then in the byline, site name and text, then newest first.
import Foundation
import OffprintModel

/// Plain scan search over article text.
public enum TextSearch {
    /// One hit (the same value the library's index gives).
    public typealias Hit = SearchHit

    /// The text of a stored body: tags removed, the common entities decoded, white space
    /// collapsed (`HTMLText.plainText`, the text the library's search index holds).
    public static func plainText(html: String) -> String {
        HTMLText.plainText(html)
    }

    /// The hit for `query` in an article with `title`, `text` and `others` (byline, site
    /// name), nil when none contains it (case- and width-insensitive). The snippet comes
    /// from the text when it matches, else from the first other field that does, else from
    /// the title.
    public static func match(_ query: String, id: ArticleID, title: String?, text: String,
                             others: [String?] = []) -> Hit? {
        let q = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !q.isEmpty else { return nil }
        let options: String.CompareOptions = [.caseInsensitive, .widthInsensitive]
        let titleHits = title.map { count(q, in: $0, options) } ?? 0
        let textHits = count(q, in: text, options)
        let otherHits = others.map { $0.map { count(q, in: $0, options) } ?? 0 }
        let total = titleHits * 10 + textHits + otherHits.reduce(0, +)
        guard total > 0 else { return nil }
        let source = textHits > 0 ? text
            : zip(others, otherHits).first(where: { $0.1 > 0 })?.0 ?? title ?? ""
        return Hit(id: id, score: total, snippet: snippet(q, in: source, options))
    }

    static func count(_ q: String, in s: String, _ options: String.CompareOptions) -> Int {
        var n = 0
        var range = s.startIndex..<s.endIndex
        while let r = s.range(of: q, options: options, range: range) {
            n += 1
            range = r.upperBound..<s.endIndex
            if n >= 1000 { break }
        }
        return n
    }

    /// Up to 40 characters either side of the first match, the match bracketed.
    public static func snippet(_ q: String, in s: String, _ options: String.CompareOptions = [.caseInsensitive, .widthInsensitive]) -> String {
        guard let r = s.range(of: q, options: options) else { return String(s.prefix(80)) }
        let start = s.index(r.lowerBound, offsetBy: -40, limitedBy: s.startIndex) ?? s.startIndex
        let end = s.index(r.upperBound, offsetBy: 40, limitedBy: s.endIndex) ?? s.endIndex
        return (start > s.startIndex ? "…" : "") + s[start..<r.lowerBound] + "[" + s[r] + "]"
            + s[r.upperBound..<end] + (end < s.endIndex ? "…" : "")
    }
}
