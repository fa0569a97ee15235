// `offprint pull OTHER_LIBRARY`: one-way sync, only this library receives.
import ArgumentParser
import Foundation
import OffprintModel
import OffprintStorage
import OffprintSync

struct PullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull", abstract: "Copy into this library what another library file holds and it lacks; the other file is only read.")

    @OptionGroup var options: LibraryOptions
    @ParentCommand var root: OffprintCommand

    @Flag(help: "Print {\"received\": {revisions, blobs}}.")
    var json = false

    @Argument(help: ArgumentHelp("The other library file.", valueName: "other-library"))
    var other: String

    func run() throws {
        try reportingErrors {
            let peer = try Library.openPeer(at: URL(fileURLWithPath: other))
            defer { peer.close() }
            let library = try LibraryLocation.openForWriting(options, root.global)
            defer { library.close() }
            let report = try Synchronizer.pull(into: library, from: peer)
            if json {
                Console.out(JSONValue.object([
                    ("received", .object([("revisions", .int(report.received.revisions)), ("blobs", .int(report.received.blobs))])),
                ]).serialized())
            } else {
                Console.out("received \(report.received.revisions) revisions, \(report.received.blobs) blobs")
            }
        }
    }
}
