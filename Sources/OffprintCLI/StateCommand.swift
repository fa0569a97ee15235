// `offprint state`: the token summarising what this library holds, for `bundle create --since`
// on another machine (docs/sync.md, "State tokens and bundles").
import ArgumentParser
import Foundation
import OffprintModel
import OffprintStorage
import OffprintSync

struct StateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state", abstract: "Print a compact token of what this library holds (for `bundle create --since`).")

    @OptionGroup var options: LibraryOptions
    @ParentCommand var root: OffprintCommand

    func run() throws {
        try LibraryLocation.withExisting(options, root.global) { library in
            Console.out(try StateToken(of: library).text)
        }
    }
}
