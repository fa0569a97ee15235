// `offprint bundle create|apply`: sync through a file, for machines that never see each
// other's library (docs/sync.md, "State tokens and bundles").
import ArgumentParser
import Foundation

struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle", abstract: "Carry changes between libraries in a file.",
        subcommands: [BundleCreateCommand.self, BundleApplyCommand.self])
}
