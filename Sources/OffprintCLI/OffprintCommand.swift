// OffprintCommand: the root of the command line. Global options (--library) are accepted
// before the subcommand and, through LibraryOptions, after it.
import ArgumentParser
import Foundation

/// `offprint`: an offline article library.
public struct OffprintCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "offprint",
        abstract: "An offline article library: import saved pages, keep every version, export EPUB, sync two library files.",
        discussion: "The library is one SQLite file: --library PATH, else $OFFPRINT_LIBRARY, else $XDG_DATA_HOME/offprint/library.sqlite (~/.local/share/offprint/library.sqlite). See docs/cli.md.",
        version: "0.1.0",
        subcommands: [
            ImportCommand.self, ExtractCommand.self, ListCommand.self, ShowCommand.self,
            HistoryCommand.self, TagCommand.self, MarkCommand.self, EditCommand.self,
            DeleteCommand.self, RestoreCommand.self, ExportCommand.self, SyncCommand.self,
            PullCommand.self, StateCommand.self, BundleCommand.self, ConflictsCommand.self,
            VerifyCommand.self, SearchCommand.self, ReextractCommand.self,
        ]
    )

    @OptionGroup public var global: LibraryOptions

    public init() {}
}
