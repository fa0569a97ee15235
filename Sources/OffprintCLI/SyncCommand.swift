// `offprint sync OTHER_LIBRARY`: two-way union of revisions and blobs by content hash.
import ArgumentParser
import Foundation
import OffprintModel
import OffprintStorage
import OffprintSync

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Merge this library and another library file, both ways.")

    @OptionGroup var options: LibraryOptions
    @ParentCommand var root: OffprintCommand

    @Flag(help: "Print {\"sent\": {revisions, blobs}, \"received\": {revisions, blobs}}.")
    var json = false

    @Argument(help: ArgumentHelp("The other library file.", valueName: "other-library"))
    var other: String

    func run() throws {
        try reportingErrors {
            let localURL = LibraryLocation.resolve(options, root.global)
            let otherURL = URL(fileURLWithPath: other)
            // The peer is checked (read-only) before this library is created or written.
            let peer = try Library.openPeer(at: otherURL, copyIfReadOnly: false)
            defer { peer.close() }
            let library = try LibraryLocation.openForWriting(options, root.global)
            defer { library.close() }
            if localURL.standardizedFileURL.resolvingSymlinksInPath() == otherURL.standardizedFileURL.resolvingSymlinksInPath() {
                throw OffprintError(.failed, other, "cannot sync a library with itself")
            }
            let report = try Synchronizer.sync(library, peer)
            if json {
                Console.out(JSONValue.object([
                    ("sent", .object([("revisions", .int(report.sent.revisions)), ("blobs", .int(report.sent.blobs))])),
                    ("received", .object([("revisions", .int(report.received.revisions)), ("blobs", .int(report.received.blobs))])),
                ]).serialized())
            } else {
                Console.out("sent \(report.sent.revisions) revisions, \(report.sent.blobs) blobs; received \(report.received.revisions) revisions, \(report.received.blobs) blobs")
            }
        }
    }
}
