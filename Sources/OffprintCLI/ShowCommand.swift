// `offprint show ID [--format text|html|json]`: one article at its head revision.
import ArgumentParser
import Foundation
import OffprintExport
import OffprintModel
import OffprintStorage

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one article (ID or a unique prefix of it).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, html, json }

    @OptionGroup var options: LibraryOptions
    @ParentCommand var root: OffprintCommand

    @Option(help: "text, html or json.")
    var format: Format = .text

    @Argument(help: "An article id or a unique prefix of it.")
    var id: String

    func run() throws {
        try LibraryLocation.withExisting(options, root.global) { library in
            let s = try library.snapshot(try library.resolve(prefix: id))
            switch format {
            case .json:
                var fields = ListCommand.json(ArticleSummary(snapshot: s))
                if case .object(var pairs) = fields {
                    pairs.append(("excerpt", .optional(s.metadata.excerpt)))
                    pairs.append(("dir", .optional(s.metadata.dir?.rawValue)))
                    pairs.append(("publishedTime", .optional(s.metadata.publishedTime)))
                    pairs.append(("content", .string(s.content)))
                    fields = .object(pairs)
                }
                Console.out(fields.serialized())
            case .html:
                Console.out(s.content)
            case .text:
                Console.out(PlainTextRenderer.article(s))
            }
        }
    }
}
