// ChangeReport: what tag, mark, edit and delete print.
import Foundation
import OffprintModel

enum ChangeReport {
    /// `<verb> <id prefix> (revision <hash prefix>)`, or the JSON object
    /// `{"id", "revision", "changed"}`; `revision` null when nothing changed.
    static func print(verb: String, id: ArticleID, revision: Revision?, json: Bool) {
        if json {
            Console.out(JSONValue.object([
                ("id", .string(id.hex)), ("revision", .optional(revision?.hash.hex)),
                ("changed", .bool(revision != nil)),
            ]).serialized())
        } else if let revision {
            Console.out("\(verb) \(id.hex.prefix(12)) (revision \(revision.hash.hex.prefix(12)))")
        } else {
            Console.out("unchanged \(id.hex.prefix(12)) (nothing to do)")
        }
    }
}
