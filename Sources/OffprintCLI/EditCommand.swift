// `offprint edit ID --title T`: change an article's metadata.
import ArgumentParser
import Foundation
import OffprintModel
import OffprintStorage

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Edit an article's title.")

    @OptionGroup var options: LibraryOptions
    @ParentCommand var root: OffprintCommand

    @Option(help: "The new title.") var title: String
    @Flag(help: "Print {id, revision, changed} as JSON.") var json = false

    @Argument(help: "An article id or a unique prefix of it.")
    var id: String

    func validate() throws {
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--title must not be empty")
        }
    }

    func run() throws {
        try LibraryLocation.withExisting(options, root.global) { library in
            let article = try library.resolve(prefix: id)
            let rev = try library.edit(article, title: title)
            ChangeReport.print(verb: "edited", id: article, revision: rev, json: json)
        }
    }
}
