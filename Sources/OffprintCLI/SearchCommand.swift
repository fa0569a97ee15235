// `offprint search QUERY [--json]`: articles whose title, byline, site name or text contains
// QUERY, ranked, each with a snippet around the match (docs/cli.md): the library's FTS5
// index for queries of three or more characters, a scan for shorter ones.
import ArgumentParser
import Foundation
import OffprintExport
import OffprintModel
import OffprintStorage

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find articles whose title, byline, site name or text contains QUERY.")

    @OptionGroup var options: LibraryOptions
    @ParentCommand var root: OffprintCommand
    @OptionGroup var select: SelectionOptions

    @Flag(help: "A JSON array of hits (docs/cli.md).")
    var json = false

    @Argument(help: "Text to look for (any language; case-insensitive).")
    var query: String

    func validate() throws {
        if query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("the query is empty") }
    }

    func run() throws {
        try reportingErrors {
            var hits: [(ArticleSummary, TextSearch.Hit)] = []
            if let library = try LibraryLocation.openForReading(options, root.global) {
                defer { library.close() }
                let found = try SearchCommand.search(library: library, query: query)
                // Only the hits' summaries are read, not the whole list.
                let summaries = Dictionary(uniqueKeysWithValues: try library.summaries(found.map(\.id)).map { ($0.id, $0) })
                let listings = found.compactMap { h in summaries[h.id].map {
                    ArticleListing(id: $0.id, metadata: $0.metadata, state: $0.state, addedAt: $0.addedAt)
                } }
                // Filters apply; the order stays by rank unless --sort is given.
                var chosen = try select.selection().apply(listings).map(\.id)
                if select.sort == "added" {
                    let keep = Set(chosen)
                    chosen = found.map(\.id).filter { keep.contains($0) }
                    if let limit = select.limit { chosen = Array(chosen.prefix(limit)) }
                }
                let byID = Dictionary(uniqueKeysWithValues: found.map { ($0.id, $0) })
                hits = chosen.compactMap { id in summaries[id].flatMap { s in byID[id].map { (s, $0) } } }
            }
            if json {
                Console.out(JSONValue.array(hits.map { s, h in
                    .object([("id", .string(s.id.hex)), ("title", .optional(s.metadata.title)),
                             ("url", .optional(s.metadata.url)), ("addedAt", .date(s.addedAt)),
                             ("score", .int(h.score)), ("snippet", .string(h.snippet))])
                }).serialized())
                return
            }
            for (s, h) in hits {
                Console.out("\(s.id.hex.prefix(12))  \(s.metadata.title ?? "(untitled)")")
                Console.out("    " + h.snippet)
            }
        }
    }

    /// Hits for `query`, best first. Queries of three or more characters go to the
    /// library's full-text index (ranked by bm25, FTS5 snippet); shorter ones, which the
    /// trigram index cannot match, scan the indexed texts (title matches count ten, others
    /// one each; then newest added, then id).
    static func search(library: Library, query: String) throws -> [TextSearch.Hit] {
        if let indexed = try library.searchIndex(query) {
            return indexed
        }
        var hits: [(TextSearch.Hit, Date)] = []
        for a in try library.searchableArticles() {
            if let h = TextSearch.match(query, id: a.id, title: a.title, text: a.text, others: [a.byline, a.siteName]) {
                hits.append((h, a.addedAt))
            }
        }
        return hits.sorted { ($0.0.score, $0.1, $1.0.id.hex) > ($1.0.score, $1.1, $0.0.id.hex) }.map(\.0)
    }

    /// The ids of the articles matching `query`.
    static func matches(library: Library, query: String) throws -> [ArticleID] {
        try search(library: library, query: query).map(\.id)
    }
}
