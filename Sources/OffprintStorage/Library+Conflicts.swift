// Library+Conflicts: `offprint conflicts`, the fields the merge rules decided between two
// concurrent values (docs/sync.md, "Conflicts"), at every merge point of every article.
import Foundation
import GRDB
import OffprintModel

extension Library {
    /// Every conflict the merge rules met, by article id: the open ones (an article's
    /// current leaves, when it has several) and the resolved ones (each stored revision with
    /// several parents, whose parents are folded again).
    ///
    /// - Throws: `.badLibrary` when a stored revision does not parse.
    public func conflicts() throws -> [MergeConflict] {
        try read { db in
            var points: [ArticleID: [[ContentHash]]] = [:]
            for id in try String.fetchAll(db, sql: "SELECT id FROM article WHERE leaves > 1 ORDER BY id")
                .compactMap(ArticleID.init(hex:)) {
                points[id, default: []].append(try RevisionGraph.leaves(db, of: id).map(\.hash))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT r.article_id, p.child, group_concat(p.parent) AS parents
                FROM revision_parent p JOIN revision r ON r.hash = p.child
                GROUP BY p.child HAVING count(*) > 1
                """) {
                guard let id = ArticleID(hex: row["article_id"]) else { continue }
                let parents = (row["parents"] as String).split(separator: ",")
                    .compactMap { ContentHash(hex: String($0)) }
                points[id, default: []].append(parents)
            }
            var out: [MergeConflict] = []
            for id in points.keys.sorted() {
                let graph = try RevisionGraph.revisions(db, of: id)
                let sets = Set(points[id]!.map { $0.sorted() }).sorted { $0.map(\.hex).joined() < $1.map(\.hex).joined() }
                for tips in sets {
                    out += MergeRules.head(of: tips, in: graph)?.conflicts ?? []
                }
            }
            return out
        }
    }
}
