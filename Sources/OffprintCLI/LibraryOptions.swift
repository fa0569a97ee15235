// LibraryOptions: the --library option, and where the library file is when it is not given.
import ArgumentParser
import Foundation
import OffprintModel
import OffprintStorage

/// `--library PATH`, shared by the root command and every subcommand that uses a library.
public struct LibraryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The library file.", valueName: "path"))
    public var library: String?

    public init() {}
}

/// Finding and opening the library file.
enum LibraryLocation {
    /// The library path: the subcommand's `--library`, else the root's, else
    /// `$OFFPRINT_LIBRARY`, else `$XDG_DATA_HOME/offprint/library.sqlite`, else
    /// `~/.local/share/offprint/library.sqlite` (XDG Base Directory Specification 0.8).
    static func resolve(_ own: LibraryOptions, _ root: LibraryOptions?) -> URL {
        let env = ProcessInfo.processInfo.environment
        if let p = own.library ?? root?.library { return URL(fileURLWithPath: p) }
        if let p = env["OFFPRINT_LIBRARY"], !p.isEmpty { return URL(fileURLWithPath: p) }
        let dataHome: URL
        if let x = env["XDG_DATA_HOME"], x.hasPrefix("/") {
            dataHome = URL(fileURLWithPath: x)
        } else {
            let home = env["HOME"] ?? NSHomeDirectory()
            dataHome = URL(fileURLWithPath: home).appendingPathComponent(".local/share")
        }
        return dataHome.appendingPathComponent("offprint/library.sqlite")
    }

    /// Opens the library for writing, creating it on first write.
    static func openForWriting(_ own: LibraryOptions, _ root: LibraryOptions?) throws -> Library {
        try Library.open(at: resolve(own, root), clock: SystemClock())
    }

    /// Opens the library for reading; nil when it does not exist yet (nothing is created).
    static func openForReading(_ own: LibraryOptions, _ root: LibraryOptions?) throws -> Library? {
        try Library.openExisting(at: resolve(own, root))
    }

    /// Opens an existing library or fails with "no library at PATH".
    static func openRequired(_ own: LibraryOptions, _ root: LibraryOptions?) throws -> Library {
        let url = resolve(own, root)
        guard let lib = try Library.openExisting(at: url) else {
            throw OffprintError(.notFound, url.path, "no library here yet (import something first)")
        }
        return lib
    }

    /// Runs `body` with the existing library the options name, closes it afterwards, and
    /// reports any error as one line with its exit status (`reportingErrors`): the frame of
    /// every subcommand that reads or changes an existing library.
    ///
    /// - Throws: `ExitCode` after printing the error (`no library here yet` when the file
    ///   does not exist, or what `body` throws).
    static func withExisting(_ own: LibraryOptions, _ root: LibraryOptions?,
                             _ body: (Library) throws -> Void) throws {
        try reportingErrors {
            let library = try openRequired(own, root)
            defer { library.close() }
            try body(library)
        }
    }
}
