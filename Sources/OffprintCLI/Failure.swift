// Failure: how errors reach the user. Every error is one line on stderr,
// `offprint: <subject>: <message>`, and one exit status (docs/cli.md, "Exit status").
import ArgumentParser
import Foundation
import OffprintModel

/// Exit statuses (docs/cli.md).
enum ExitStatus {
    /// Some input failed, or verify found damage.
    static let failed: Int32 = 1
    /// A library or peer file is not an Offprint library, is too new, or cannot be written.
    static let badLibrary: Int32 = 3
    /// No article matches an id, or a prefix is ambiguous, or there is no library yet.
    static let notFound: Int32 = 4

    static func code(for kind: OffprintError.Kind) -> Int32 {
        switch kind {
        case .badInput, .failed: return failed
        case .badLibrary, .unwritable: return badLibrary
        case .notFound: return notFound
        }
    }
}

/// Standard error, one line at a time.
enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data(("offprint: " + line + "\n").utf8))
    }

    static func note(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Whether standard error is a terminal (progress is shown only then).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}

/// Runs `body`, turning a thrown error into its one-line message and exit status.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as OffprintError {
        Console.error(e.description)
        throw ExitCode(ExitStatus.code(for: e.kind))
    } catch let e as ExitCode {
        throw e
    } catch {
        Console.error("\(error)")
        throw ExitCode(ExitStatus.failed)
    }
}
