// `offprint verify [--rebuild-search]`: integrity check, re-hash of every blob and revision,
// every reference, every derived row (heads, summaries, search index).
import ArgumentParser
import Foundation
import OffprintModel
import OffprintStorage

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check the library file: SQLite integrity, every hash, every reference, every head.")

    @OptionGroup var options: LibraryOptions
    @ParentCommand var root: OffprintCommand

    @Flag(help: "Print {\"ok\": Bool, \"problems\": [String]}.")
    var json = false

    @Flag(help: "Rebuild the search index (derived data) from every article's head before checking.")
    var rebuildSearch = false

    func run() throws {
        try LibraryLocation.withExisting(options, root.global) { library in
            if rebuildSearch { try library.rebuildSearchIndex() }
            let problems = try library.verify()
            if json {
                Console.out(JSONValue.object([
                    ("ok", .bool(problems.isEmpty)),
                    ("problems", .array(problems.map(JSONValue.string))),
                ]).serialized())
            } else if problems.isEmpty {
                Console.out("ok: library is intact")
            } else {
                for p in problems { Console.error(p) }
            }
            if !problems.isEmpty { throw ExitCode(ExitStatus.failed) }
        }
    }
}
