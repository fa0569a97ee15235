// `offprint restore ID REVISION`: a new revision equal in fields to an old one.
import ArgumentParser
import Foundation
import OffprintModel
import OffprintStorage

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Make an old revision of an article current again (a new `restore` revision).")

    @OptionGroup var options: LibraryOptions
    @ParentCommand var root: OffprintCommand

    @Flag(help: "Print {id, revision, changed} as JSON.") var json = false

    @Argument(help: "An article id or a unique prefix of it (deleted articles too).")
    var id: String

    @Argument(help: "A revision hash of that article, or a unique prefix of it (see `offprint history`).")
    var revision: String

    func run() throws {
        try LibraryLocation.withExisting(options, root.global) { library in
            let article = try library.resolve(prefix: id, includeDeleted: true)
            let old = try library.resolveRevision(prefix: revision, of: article)
            let rev = try library.restore(article, to: old)
            ChangeReport.print(verb: "restored", id: article, revision: rev, json: json)
        }
    }
}
