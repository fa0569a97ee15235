// `offprint reextract [ID...]`: re-runs extraction on the stored original sources and adds a
// revision only where the result changed (docs/cli.md).
import ArgumentParser
import Foundation
import OffprintExtraction
import OffprintModel
import OffprintStorage

struct ReextractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reextract",
        abstract: "Re-extract articles from their stored original sources; a revision only where the result changed.")

    @OptionGroup var options: LibraryOptions
    @ParentCommand var root: OffprintCommand

    @Flag(help: "One JSON object per article: {id, outcome, revision, reason}.") var json = false

    @Argument(help: "Article ids or unique prefixes (default: every article that is not deleted).")
    var ids: [String] = []

    func run() throws {
        try LibraryLocation.withExisting(options, root.global) { library in
            let targets = ids.isEmpty ? nil : try ids.map { try library.resolve(prefix: $0) }
            let outcomes = try library.reextract(targets) { source, type, url in
                try InputImporter.candidate(data: source, origin: url ?? "stored source", typeHint: type, url: url).extracted
            }
            var revised = 0
            for outcome in outcomes {
                switch outcome {
                case .revised(let id, let rev):
                    revised += 1
                    Console.out(json ? Self.line(id, "revised", rev.hex, nil) : "revised \(id.hex.prefix(12)) \(rev.hex.prefix(12))")
                case .unchanged(let id):
                    Console.out(json ? Self.line(id, "unchanged", nil, nil) : "unchanged \(id.hex.prefix(12))")
                case .skipped(let id, let reason):
                    Console.out(json ? Self.line(id, "skipped", nil, reason) : "skipped \(id.hex.prefix(12)): \(reason)")
                }
            }
            if !json { Console.out("\(revised) of \(outcomes.count) articles revised") }
        }
    }

    static func line(_ id: ArticleID, _ outcome: String, _ revision: String?, _ reason: String?) -> String {
        JSONValue.object([("id", .string(id.description)), ("outcome", .string(outcome)),
                          ("revision", .optional(revision)), ("reason", .optional(reason))]).serialized()
    }
}
