// Library: the facade over one library file. It owns the database connection, runs the
// migrator when it opens (so no instance ever sees an old schema), and offers
// intention-named operations, each one transaction. Opening and file checks live in
// Library+Opening.swift; imports, reader changes, reads, verification and sync support in
// their own Library+*.swift files. Formats: docs/schema.md, docs/revisions.md.
import Foundation
import GRDB
import OffprintModel

/// An Offprint library: one SQLite file holding content-addressed blobs and an immutable
/// graph of revisions per article (docs/revisions.md), plus a derived cache of each
/// article's head.
///
/// Create one with `Library.open(at:clock:replica:)` or `Library.openExisting(at:clock:)`.
/// Every write is one SQLite transaction in the default rollback-journal mode, so when no
/// command is running the `.sqlite` file alone is the complete library.
///
/// Thread safety: all access goes through one serial `DatabaseQueue`, so a `Library` may be
/// shared between tasks.
public final class Library: Sendable {
    /// The library file.
    public let url: URL
    /// This library's replica id, made when the file was created.
    public let replica: ReplicaID
    /// The source of "now" for new revisions.
    public let clock: any WallClock

    let dbQueue: DatabaseQueue

    /// Opens `url`, which has already passed `LibraryFile.checkHeader` (or was just made),
    /// refuses a newer schema and migrates an older one.
    init(openingCheckedFileAt url: URL, clock: any WallClock) throws {
        self.url = url
        self.clock = clock
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.label = "offprint-library"
        let path = url.path
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            let schema = try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
            if schema > LibrarySchema.version {
                throw OffprintError(.badLibrary, path,
                                    "library was written by a newer Offprint (schema \(schema))")
            }
            let migrator = LibrarySchema.migrator
            if try queue.read({ db in try migrator.hasBeenSuperseded(db) }) {
                throw OffprintError(.badLibrary, path,
                                    "library was written by a newer Offprint (schema \(schema))")
            }
            // Migrate only when needed, so that reading a read-only file never writes.
            if try !queue.read({ db in try migrator.hasCompletedMigrations(db) }) {
                try migrator.migrate(queue)
            }
            let replicaHex = try queue.read { db in
                try String.fetchOne(db, sql: "SELECT replica FROM meta WHERE id = 1")
            }
            guard let replicaHex, let replica = ReplicaID(hex: replicaHex) else {
                throw OffprintError(.badLibrary, path, "damaged library: no replica id")
            }
            self.replica = replica
            self.dbQueue = queue
        } catch {
            throw Library.translate(error, path: path)
        }
    }

    /// Closes the database connection. Afterwards the file is complete on its own (no
    /// `-journal` or `-wal` file is left: every write committed in rollback-journal mode) and
    /// every other method throws `OffprintError(.failed, ...)`. Calling it again does nothing.
    /// Dropping the last reference closes the connection as well.
    ///
    /// Does not throw, so that it fits in a `defer`: every transaction has already committed
    /// or rolled back, and a connection SQLite cannot close yet is closed when the value is
    /// released.
    public func close() {
        try? dbQueue.close()
    }

    // MARK: - Transactions and errors

    /// Runs `body` in one write transaction, translating database errors.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try dbQueue.write(body) } catch { throw translate(error) }
    }

    /// Runs `body` as a read, translating database errors.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try dbQueue.read(body) } catch { throw translate(error) }
    }

    func translate(_ error: any Error) -> any Error {
        Library.translate(error, path: url.path)
    }

    /// Maps a GRDB error to the `OffprintError` the CLI renders; `OffprintError` passes through.
    static func translate(_ error: any Error, path: String) -> any Error {
        if error is OffprintError { return error }
        guard let e = error as? DatabaseError else {
            return OffprintError(.failed, path, "\(error)")
        }
        let detail = e.message ?? "\(e.resultCode)"
        switch e.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return OffprintError(.failed, path,
                                 "library is busy (another offprint command is using it); try again")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_FULL, .SQLITE_IOERR:
            return OffprintError(.unwritable, path, "cannot write library: \(detail)")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return OffprintError(.badLibrary, path, "damaged library: \(detail)")
        default:
            return OffprintError(.failed, path, "database error: \(detail)")
        }
    }
}
