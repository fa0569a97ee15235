// `offprint bundle create -o FILE [--since STATE]`: what the other library lacks, as a file.
import ArgumentParser
import Foundation
import OffprintModel
import OffprintStorage
import OffprintSync

struct BundleCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Write the revisions and blobs another library lacks to a bundle file.")

    @OptionGroup var options: LibraryOptions
    @ParentCommand var root: OffprintCommand

    @Option(name: .shortAndLong, help: ArgumentHelp("The bundle file to write.", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("The other library's `offprint state` token; without it, everything.", valueName: "state"))
    var since: String?

    @Flag(help: "Print {\"revisions\": N, \"blobs\": N, \"bytes\": N}.")
    var json = false

    func run() throws {
        try reportingErrors {
            let token = try since.map { try StateToken(text: $0) }
            let library = try LibraryLocation.openRequired(options, root.global)
            defer { library.close() }
            let content = try Synchronizer.bundle(from: library, since: token)
            let data = content.encoded()
            do {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw OffprintError(.unwritable, output, "cannot write bundle: \(error.localizedDescription)")
            }
            if json {
                Console.out(JSONValue.object([
                    ("revisions", .int(content.revisions.count)), ("blobs", .int(content.blobs.count)),
                    ("bytes", .int(data.count)),
                ]).serialized())
            } else {
                Console.note("wrote \(output) (\(content.revisions.count) revisions, \(content.blobs.count) blobs, \(data.count) bytes)")
            }
        }
    }
}
