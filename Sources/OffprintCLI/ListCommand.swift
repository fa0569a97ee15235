// `offprint list [--json]`: the articles, newest first.
import ArgumentParser
import Foundation
import OffprintModel
import OffprintStorage

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the articles, newest first.")

    @OptionGroup var options: LibraryOptions
    @ParentCommand var root: OffprintCommand

    @Flag(help: "A JSON array of articles (docs/cli.md).")
    var json = false

    func run() throws {
        try reportingErrors {
            let articles: [ArticleSummary]
            if let library = try LibraryLocation.openForReading(options, root.global) {
                defer { library.close() }
                articles = try library.listArticles()
            } else {
                articles = []
            }
            if json {
                Console.out(JSONValue.array(articles.map(Self.json)).serialized())
                return
            }
            for a in articles {
                let flags = (a.state.read ? "r" : "-") + (a.state.favorite ? "*" : "-") + (a.state.archived ? "a" : "-")
                let date = String(ISO8601.string(a.addedAt).prefix(10))
                var line = "\(a.id.hex.prefix(12))  \(date)  \(flags)  \(a.metadata.title ?? "(untitled)")"
                if !a.state.tags.isEmpty { line += "  [" + a.state.tags.joined(separator: ", ") + "]" }
                Console.out(line)
            }
        }
    }

    /// `{id, title, url, byline, siteName, lang, addedAt, updatedAt, head, tags, read,
    /// favorite, archived}`.
    static func json(_ a: ArticleSummary) -> JSONValue {
        .object([
            ("id", .string(a.id.hex)), ("title", .optional(a.metadata.title)),
            ("url", .optional(a.metadata.url)), ("byline", .optional(a.metadata.byline)),
            ("siteName", .optional(a.metadata.siteName)), ("lang", .optional(a.metadata.lang)),
            ("addedAt", .date(a.addedAt)), ("updatedAt", .date(a.updatedAt)),
            ("head", .string(a.head.hex)), ("tags", .array(a.state.tags.map(JSONValue.string))),
            ("read", .bool(a.state.read)), ("favorite", .bool(a.state.favorite)),
            ("archived", .bool(a.state.archived)),
        ])
    }
}
