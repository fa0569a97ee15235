// `offprint conflicts [--json]`: the fields the merge rules decided between two concurrent
// values (docs/sync.md, "Conflicts").
import ArgumentParser
import Foundation
import OffprintModel
import OffprintStorage

struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts", abstract: "List fields changed on both sides of a sync, with the value kept and the value lost.")

    @OptionGroup var options: LibraryOptions
    @ParentCommand var root: OffprintCommand

    @Flag(help: "A JSON array of {article, field, kept, lost, revisions}.")
    var json = false

    func run() throws {
        try reportingErrors {
            var conflicts: [MergeConflict] = []
            if let library = try LibraryLocation.openForReading(options, root.global) {
                defer { library.close() }
                conflicts = try library.conflicts()
            }
            if json {
                Console.out(JSONValue.array(conflicts.map(Self.json)).serialized())
                return
            }
            for c in conflicts {
                Console.out("\(c.article.hex.prefix(12))  \(c.field): kept \(Self.text(c.kept)), lost \(Self.text(c.lost))  (\(c.revisions.map { String($0.hex.prefix(12)) }.joined(separator: " ")))")
            }
        }
    }

    static func value(_ v: MergeValue) -> JSONValue {
        switch v {
        case .text(let s): return .optional(s)
        case .flag(let b): return .bool(b)
        case .content(let h): return .string(h.hex)
        }
    }

    static func text(_ v: MergeValue) -> String {
        switch v {
        case .text(let s): return s.map(CanonicalJSON.quote) ?? "null"
        case .flag(let b): return b ? "true" : "false"
        case .content(let h): return "body " + String(h.hex.prefix(12))
        }
    }

    /// `{article, field, kept, lost, revisions}`.
    static func json(_ c: MergeConflict) -> JSONValue {
        .object([
            ("article", .string(c.article.hex)), ("field", .string(c.field)),
            ("kept", value(c.kept)), ("lost", value(c.lost)),
            ("revisions", .array(c.revisions.map { .string($0.hex) })),
        ])
    }
}
