// `offprint mark ID --read|--unread|--favorite|--unfavorite|--archive|--unarchive`.
import ArgumentParser
import Foundation
import OffprintModel
import OffprintStorage

struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark", abstract: "Mark an article read, favourite or archived (or not).")

    @OptionGroup var options: LibraryOptions
    @ParentCommand var root: OffprintCommand


    @Flag(help: "Mark as read.") var read = false
    @Flag(help: "Mark as unread.") var unread = false
    @Flag(help: "Mark as favourite.") var favorite = false
    @Flag(help: "Remove the favourite mark.") var unfavorite = false
    @Flag(help: "Archive.") var archive = false
    @Flag(help: "Take out of the archive.") var unarchive = false
    @Flag(help: "Print {id, revision, changed} as JSON.") var json = false

    @Argument(help: "An article id or a unique prefix of it.")
    var id: String

    func validate() throws {
        if read && unread { throw ValidationError("--read and --unread contradict each other") }
        if favorite && unfavorite { throw ValidationError("--favorite and --unfavorite contradict each other") }
        if archive && unarchive { throw ValidationError("--archive and --unarchive contradict each other") }
        if !(read || unread || favorite || unfavorite || archive || unarchive) {
            throw ValidationError("give at least one of --read, --unread, --favorite, --unfavorite, --archive, --unarchive")
        }
    }

    func run() throws {
        try LibraryLocation.withExisting(options, root.global) { library in
            let article = try library.resolve(prefix: id)
            let rev = try library.mark(article,
                                       read: read ? true : (unread ? false : nil),
                                       favorite: favorite ? true : (unfavorite ? false : nil),
                                       archived: archive ? true : (unarchive ? false : nil))
            ChangeReport.print(verb: "marked", id: article, revision: rev, json: json)
        }
    }
}
