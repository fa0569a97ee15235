// Library+Opening: finding, checking and creating the library file. A file that is not an
// Offprint library is recognised from its header bytes, read with plain file APIs, before
// SQLite ever opens it, so a foreign file is never modified.
import Foundation
import GRDB
import OffprintModel

extension Library {
    /// Opens the library at `url`, creating it (and any missing parent directories) when
    /// the file does not exist yet. A new file gets a fresh replica id (or `replica`, for
    /// tests) and is made complete in a temporary file beside `url` before it appears
    /// under its name.
    ///
    /// - Parameters:
    ///   - url: the `.sqlite` library file.
    ///   - clock: the source of "now" for new revisions.
    ///   - replica: the replica id for a newly created file; ignored for an existing one.
    /// - Throws: `OffprintError(.unwritable, path, "cannot create library: <component> is
    ///   not a directory")` when a path component is a regular file, `.unwritable` when the
    ///   directory cannot be written, and the `.badLibrary` errors of
    ///   `openExisting(at:clock:)` for a file that is not an Offprint library.
    public static func open(at url: URL, clock: any WallClock,
                            replica: ReplicaID? = nil) throws -> Library {
        if let existing = try openExisting(at: url, clock: clock) { return existing }
        try createLibraryFile(at: url, replica: replica ?? .random(), clock: clock)
        return try Library(openingCheckedFileAt: url, clock: clock)
    }

    /// Opens the library at `url` only if the file exists; nothing is created.
    ///
    /// - Returns: nil when there is no file at `url`.
    /// - Throws: `OffprintError(.badLibrary, path, message)` without touching the file when
    ///   it is a directory, empty ("not an Offprint library (empty file)"), not SQLite
    ///   ("not an Offprint library (not an SQLite database)"), another application's SQLite
    ///   database ("not an Offprint library (application_id 0x...)"), or written by a newer
    ///   Offprint ("library was written by a newer Offprint (schema N)").
    public static func openExisting(at url: URL,
                                    clock: any WallClock = SystemClock()) throws -> Library? {
        guard try LibraryFile.checkExisting(at: url) else { return nil }
        return try Library(openingCheckedFileAt: url, clock: clock)
    }

    /// Opens an existing library as a sync peer (docs/sync.md, "Safety checks"): like
    /// `openExisting(at:clock:)`, but a peer with an older schema that cannot be written
    /// (read-only file or directory) is copied to a temporary directory and the copy is
    /// migrated and opened, so the peer file itself is never changed. `copyIfReadOnly: false`
    /// (two-way sync, which must write the peer) migrates in place or fails.
    ///
    /// - Throws: `OffprintError(.notFound, path, "no such library file")` when nothing is
    ///   there; the `.badLibrary` errors of `openExisting(at:clock:)`.
    public static func openPeer(at url: URL, clock: any WallClock = SystemClock(),
                                copyIfReadOnly: Bool = true) throws -> Library {
        guard try LibraryFile.checkExisting(at: url) else {
            throw OffprintError(.notFound, url.path, "no such library file")
        }
        let fm = FileManager.default
        // Writable by access(2) and by its mode bits (root passes access(2) on any file, but
        // a file whose owner made it read-only is meant to stay unchanged).
        func writable(_ path: String) -> Bool {
            let mode = (try? fm.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0
            return fm.isWritableFile(atPath: path) && mode & 0o222 != 0
        }
        let writable = writable(url.path) && writable(url.deletingLastPathComponent().path)
        if copyIfReadOnly, !writable, try LibraryFile.userVersion(at: url) < LibrarySchema.version {
            let copy = fm.temporaryDirectory.appendingPathComponent("offprint-peer-\(UUID().uuidString)")
                .appendingPathComponent(url.lastPathComponent)
            do {
                try fm.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
                try fm.copyItem(at: url, to: copy)
                try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: copy.path)
            } catch {
                throw OffprintError(.unwritable, url.path, "cannot copy the read-only peer to migrate it: \(error.localizedDescription)")
            }
            return try Library(openingCheckedFileAt: copy, clock: clock)
        }
        return try Library(openingCheckedFileAt: url, clock: clock)
    }

    /// Builds a new, complete library in a temporary file and links it to `url`.
    private static func createLibraryFile(at url: URL, replica: ReplicaID,
                                          clock: any WallClock) throws {
        let path = url.path
        let directory = url.deletingLastPathComponent()
        try LibraryFile.createDirectories(directory, forLibrary: path)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        do {
            let queue = try DatabaseQueue(path: temporary.path)
            try LibrarySchema.migrator.migrate(queue)
            try queue.write { db in
                let now = clock.now().unixMilliseconds
                try db.execute(sql: """
                    INSERT INTO meta (id, replica, created_at, hlc_physical, hlc_counter, family, digest)
                    VALUES (1, ?, ?, 0, 0, ?, ?)
                    """, arguments: [replica.hex, now, replica.hex, BagSummary.zero])
                try db.execute(sql: "INSERT INTO family (id) VALUES (?)", arguments: [replica.hex])
            }
            try queue.close()
        } catch {
            if let e = error as? DatabaseError, e.resultCode == .SQLITE_CANTOPEN {
                throw OffprintError(.unwritable, path,
                                    "cannot create library: \(directory.path) is not writable")
            }
            throw Library.translate(error, path: path)
        }
        // link(2) never replaces a file another process may have created meanwhile.
        if link(temporary.path, path) != 0 {
            let code = errno
            if code == EEXIST { return }
            if (code == EPERM || code == EOPNOTSUPP || code == EXDEV),
               rename(temporary.path, path) == 0 { return }
            throw OffprintError(.unwritable, path,
                                "cannot create library: \(String(cString: strerror(code)))")
        }
    }
}

/// Checks on the library file made with plain, read-only file APIs.
enum LibraryFile {
    /// The 16 bytes every SQLite 3 database file starts with.
    static let sqliteMagic = Array("SQLite format 3\0".utf8)

    /// False when nothing exists at `url`; true when it is a file with an Offprint header.
    /// Throws the `.badLibrary` errors of `checkHeader(at:)` otherwise.
    static func checkExisting(at url: URL) throws -> Bool {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return false }
        if isDirectory.boolValue {
            throw OffprintError(.badLibrary, path, "not an Offprint library (a directory)")
        }
        try checkHeader(at: url)
        return true
    }

    /// Reads the first 100 bytes (the SQLite header) and refuses anything but an Offprint
    /// library.
    static func checkHeader(at url: URL) throws {
        let path = url.path
        let header: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            header = try handle.read(upToCount: 100) ?? Data()
        } catch {
            throw OffprintError(.badLibrary, path, "cannot read library: \(error.localizedDescription)")
        }
        if header.isEmpty {
            throw OffprintError(.badLibrary, path, "not an Offprint library (empty file)")
        }
        let bytes = [UInt8](header)
        guard bytes.count >= 100, Array(bytes[0..<16]) == sqliteMagic else {
            throw OffprintError(.badLibrary, path, "not an Offprint library (not an SQLite database)")
        }
        let id = bytes[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard id == UInt32(bitPattern: LibrarySchema.applicationID) else {
            throw OffprintError(.badLibrary, path,
                                "not an Offprint library (application_id \(hex32(id)))")
        }
    }

    /// The schema version in the SQLite header (`user_version`, 4 bytes big-endian at
    /// offset 60), read without opening the database.
    static func userVersion(at url: URL) throws -> Int {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let bytes = [UInt8](try handle.read(upToCount: 100) ?? Data())
        guard bytes.count >= 64 else { return 0 }
        return Int(bytes[60..<64].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
    }

    /// `0x` and 8 uppercase hex digits.
    static func hex32(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: 8 - h.count) + h
    }

    /// Creates `directory` and its parents, refusing when a component is a regular file.
    static func createDirectories(_ directory: URL, forLibrary path: String) throws {
        var prefix = URL(fileURLWithPath: "/")
        for component in directory.standardizedFileURL.pathComponents where component != "/" {
            prefix.appendPathComponent(component)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: prefix.path, isDirectory: &isDirectory) {
                if !isDirectory.boolValue {
                    throw OffprintError(.unwritable, path,
                                        "cannot create library: \(prefix.path) is not a directory")
                }
            } else {
                break
            }
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw OffprintError(.unwritable, path,
                                "cannot create library: cannot create directory \(directory.path)")
        }
    }
}
