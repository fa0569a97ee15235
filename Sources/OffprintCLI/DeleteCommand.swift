// `offprint delete ID`: a tombstone revision; the history stays.
import ArgumentParser
import Foundation
import OffprintModel
import OffprintStorage

struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete an article (a tombstone revision; history is kept).")

    @OptionGroup var options: LibraryOptions
    @ParentCommand var root: OffprintCommand

    @Flag(help: "Print {id, revision, changed} as JSON.") var json = false

    @Argument(help: "An article id or a unique prefix of it.")
    var id: String

    func run() throws {
        try LibraryLocation.withExisting(options, root.global) { library in
            let article = try library.resolve(prefix: id, includeDeleted: true)
            let rev = try library.delete(article)
            ChangeReport.print(verb: "deleted", id: article, revision: rev, json: json)
        }
    }
}
