// SQLiteLockHolder: another writer on a library file, for the busy-library tests. The sqlite3
// shell (/usr/bin/sqlite3) opens the file and begins a transaction that stays open until
// `release()`; SQLite's file locking (https://sqlite.org/lockingv3.html) then makes other
// connections wait for it.
import Foundation

/// A `sqlite3` shell process holding a transaction open on one database file.
public final class SQLiteLockHolder {
    private let process = Process()
    private let input = Pipe()

    /// Starts `sqlite3 path` and runs `BEGIN <mode>` in it, returning once the lock is held.
    ///
    /// - Parameter mode: `EXCLUSIVE` (no other connection may read or write) or `IMMEDIATE`
    ///   (a RESERVED lock: others may read, no one else may write).
    /// - Throws: when the shell cannot be started or does not confirm the lock.
    public init(path: String, mode: String) throws {
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("BEGIN \(mode);\nSELECT 'locked';\n".utf8))
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("locked") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        guard String(decoding: seen, as: UTF8.self).contains("locked") else {
            release()
            throw CocoaError(.fileLocking)
        }
    }

    /// Rolls the transaction back and ends the shell. Calling it again does nothing.
    public func release() {
        guard process.isRunning else { return }
        input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit { release() }
}
