// `offprint bundle apply FILE`: adds a bundle's revisions and blobs in one transaction, or
// refuses the bundle whole.
import ArgumentParser
import Foundation
import OffprintModel
import OffprintStorage
import OffprintSync

struct BundleApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply", abstract: "Add a bundle's revisions and blobs to this library (all or nothing).")

    @OptionGroup var options: LibraryOptions
    @ParentCommand var root: OffprintCommand

    @Flag(help: "Print {\"received\": {revisions, blobs}}.")
    var json = false

    @Argument(help: ArgumentHelp("The bundle file.", valueName: "file"))
    var file: String

    func run() throws {
        try reportingErrors {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw OffprintError(.badInput, file, "cannot read bundle")
            }
            let content = try LibraryBundle(decoding: data, path: file)
            let library = try LibraryLocation.openRequired(options, root.global)
            defer { library.close() }
            let counts = try Synchronizer.apply(content, to: library, path: file)
            if json {
                Console.out(JSONValue.object([
                    ("received", .object([("revisions", .int(counts.revisions)), ("blobs", .int(counts.blobs))])),
                ]).serialized())
            } else {
                Console.out("received \(counts.revisions) revisions, \(counts.blobs) blobs")
            }
        }
    }
}
