// `offprint tag ID +name -name`: add and remove tags.
import ArgumentParser
import Foundation
import OffprintModel
import OffprintStorage

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag", abstract: "Add (+name) and remove (-name) tags.")

    @OptionGroup var options: LibraryOptions
    @ParentCommand var root: OffprintCommand

    @Flag(help: "Print {id, revision, changed} as JSON.")
    var json = false

    @Argument(help: "An article id or a unique prefix of it.")
    var id: String

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("+name adds a tag, -name removes one.", valueName: "+tag|-tag"))
    var changes: [String] = []

    func validate() throws {
        guard !changes.isEmpty else { throw ValidationError("give at least one +tag or -tag") }
        for c in changes where !(c.hasPrefix("+") || c.hasPrefix("-")) || c.count < 2 {
            throw ValidationError("'\(c)' is not +tag or -tag")
        }
    }

    func run() throws {
        try LibraryLocation.withExisting(options, root.global) { library in
            let add = changes.filter { $0.hasPrefix("+") }.map { String($0.dropFirst()) }
            let remove = changes.filter { $0.hasPrefix("-") }.map { String($0.dropFirst()) }
            let article = try library.resolve(prefix: id)
            let rev = try library.tag(article, add: add, remove: remove)
            ChangeReport.print(verb: "tagged", id: article, revision: rev, json: json)
        }
    }
}
