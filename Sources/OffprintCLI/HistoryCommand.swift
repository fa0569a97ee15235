// `offprint history ID [--json]`: an article's revisions, newest first.
import ArgumentParser
import Foundation
import OffprintModel
import OffprintStorage

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List an article's revisions, newest first.")

    @OptionGroup var options: LibraryOptions
    @ParentCommand var root: OffprintCommand

    @Flag(help: "A JSON array of revisions (docs/cli.md).")
    var json = false

    @Argument(help: "An article id or a unique prefix of it.")
    var id: String

    func run() throws {
        try LibraryLocation.withExisting(options, root.global) { library in
            let entries = try library.history(try library.resolve(prefix: id, includeDeleted: true))
            if json {
                Console.out(JSONValue.array(entries.map(Self.json)).serialized())
                return
            }
            for e in entries {
                let changed = e.changedFields.isEmpty ? "" : " (" + e.changedFields.joined(separator: ", ") + ")"
                Console.out("\(e.hash.hex.prefix(12))  \(ISO8601.string(e.revision.time.date))  \(e.revision.change.rawValue)\(changed)")
            }
        }
    }

    /// `{hash, parents, time, hlc: {physical, counter}, replica, change, changed, title,
    /// tags, read, favorite, archived, deleted}`.
    static func json(_ e: HistoryEntry) -> JSONValue {
        let r = e.revision
        return .object([
            ("hash", .string(e.hash.hex)),
            ("parents", .array(r.parents.map { .string($0.hex) })),
            ("time", .date(r.time.date)),
            ("hlc", .object([("physical", .int(Int(r.time.physical))), ("counter", .int(Int(r.time.counter)))])),
            ("replica", .string(r.replica.hex)),
            ("change", .string(r.change.rawValue)),
            ("changed", .array(e.changedFields.map(JSONValue.string))),
            ("title", .optional(r.metadata.title)),
            ("tags", .array(r.state.tags.map(JSONValue.string))),
            ("read", .bool(r.state.read)), ("favorite", .bool(r.state.favorite)),
            ("archived", .bool(r.state.archived)), ("deleted", .bool(r.state.deleted)),
        ])
    }
}
