// LibraryBundle: the offline form of a sync, a file carrying revisions and blobs from one
// library to another that never sees it (docs/sync.md, "State tokens and bundles", format
// version 1): a length-prefixed stream with a header naming the writer's families and a
// SHA-256 over the whole content.
import Foundation
import OffprintModel
import OffprintStorage

/// The content of a bundle file.
public struct LibraryBundle: Sendable {
    /// The families the writing library knows (32 hex each), sorted.
    public var families: [String]
    /// The revisions, in hash order.
    public var revisions: [Revision]
    /// The blobs, in hash order.
    public var blobs: [(ContentHash, Data)]

    public init(families: [String], revisions: [Revision], blobs: [(ContentHash, Data)]) {
        self.families = Array(Set(families)).sorted()
        self.revisions = revisions.sorted { $0.hash < $1.hash }
        self.blobs = blobs.sorted { $0.0 < $1.0 }
    }

    /// The bundle's bytes (docs/sync.md, "Bundle format, version 1").
    public func encoded() -> Data {
        var out = Data("offprint-bundle 1\n".utf8)
        for f in families { out += Data("family \(f)\n".utf8) }
        out += Data("revisions \(revisions.count)\nblobs \(blobs.count)\n".utf8)
        for r in revisions {
            let text = Data(r.canonicalSerialization().utf8)
            out += Data("r \(text.count)\n".utf8)
            out += text
        }
        for (hash, data) in blobs {
            out += Data("b \(hash.hex) \(data.count)\n".utf8)
            out += data
        }
        out += Data("end \(ContentHash(of: out).hex)\n".utf8)
        return out
    }

    /// Reads a bundle, refusing it whole when anything is wrong.
    ///
    /// - Parameter path: the file, named in errors.
    /// - Throws: `OffprintError(.badInput, path, ...)`: `not an Offprint bundle`,
    ///   `bundle is truncated`, `bundle is damaged (checksum mismatch)`,
    ///   `bundle is damaged (<what>)`, `unsupported bundle version <v>`.
    public init(decoding data: Data, path: String) throws {
        let bytes = [UInt8](data)
        var i = 0
        func fail(_ m: String) -> OffprintError { OffprintError(.badInput, path, m) }
        let truncated = fail("bundle is truncated")
        func line() throws -> String {
            guard let nl = bytes[i...].firstIndex(of: 0x0A) else { throw truncated }
            defer { i = nl + 1 }
            return String(decoding: bytes[i..<nl], as: UTF8.self)
        }
        func take(_ n: Int) throws -> ArraySlice<UInt8> {
            guard n >= 0, i + n <= bytes.count else { throw truncated }
            defer { i += n }
            return bytes[i..<(i + n)]
        }
        func count(_ text: String, _ key: String) throws -> Int {
            guard text.hasPrefix(key + " "), let n = Int(text.dropFirst(key.count + 1)), n >= 0 else {
                throw fail("bundle is damaged (expected \(key))")
            }
            return n
        }
        guard bytes.starts(with: Array("offprint-bundle ".utf8)) else { throw fail("not an Offprint bundle") }
        let version = try line()
        guard version == "offprint-bundle 1" else {
            throw fail("unsupported bundle version \(version.dropFirst("offprint-bundle ".count))")
        }
        var families: [String] = []
        var next = try line()
        while next.hasPrefix("family ") {
            families.append(String(next.dropFirst(7)))
            next = try line()
        }
        let revisionCount = try count(next, "revisions")
        let blobCount = try count(try line(), "blobs")
        var revisions: [Revision] = []
        for n in 0..<revisionCount {
            let length = try count(try line(), "r")
            let text = String(decoding: try take(length), as: UTF8.self)
            guard let r = try? Revision(canonical: text) else {
                throw fail("bundle is damaged (revision \(n + 1) does not parse)")
            }
            revisions.append(r)
        }
        var blobs: [(ContentHash, Data)] = []
        for _ in 0..<blobCount {
            let header = try line().split(separator: " ")
            guard header.count == 3, header[0] == "b", let hash = ContentHash(hex: String(header[1])),
                  let length = Int(header[2]) else { throw fail("bundle is damaged (bad blob header)") }
            blobs.append((hash, Data(try take(length))))
        }
        let contentEnd = i
        let end = try line()
        guard end.hasPrefix("end ") else { throw fail("bundle is damaged (expected end)") }
        guard String(end.dropFirst(4)) == ContentHash(of: bytes[0..<contentEnd]).hex else {
            throw fail("bundle is damaged (checksum mismatch)")
        }
        guard i == bytes.count else { throw fail("bundle is damaged (bytes after the end)") }
        self.families = families
        self.revisions = revisions
        self.blobs = blobs
    }
}
