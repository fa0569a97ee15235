// OffprintError: the one error type every module throws; the CLI renders it as one line
// and maps `kind` to an exit status (docs/cli.md, "Exit status").
import Foundation

/// An error with the thing it concerns (a file path, an article id) and what is wrong.
public struct OffprintError: Error, Sendable, CustomStringConvertible, Equatable {
    /// Families of error; each maps to one exit status.
    public enum Kind: String, Sendable {
        /// An input file is missing, empty, binary or cannot be parsed (exit 1).
        case badInput
        /// The library or sync peer is not an Offprint library, is damaged or too new (exit 3).
        case badLibrary
        /// A location cannot be created or written (exit 3).
        case unwritable
        /// No article matches an id, or a prefix matches several (exit 4).
        case notFound
        /// Anything else that failed (exit 1).
        case failed
    }

    public var kind: Kind
    /// The file path or article id the error is about, nil when none.
    public var subject: String?
    /// What is wrong, one line, lower case start, no final period.
    public var message: String

    public init(_ kind: Kind, _ subject: String?, _ message: String) {
        self.kind = kind
        self.subject = subject
        self.message = message
    }

    /// `subject: message`, or `message` alone.
    public var description: String {
        if let subject { return "\(subject): \(message)" }
        return message
    }
}
