// StateToken: the compact summary of what a library holds that `offprint state` prints and
// `offprint bundle create --since` reads (docs/sync.md, "State tokens and bundles"): the
// library's family and its version vector (per replica, the newest HLC time held).
import Foundation
import OffprintModel
import OffprintStorage

/// A library's family and version vector, written as `ofs1.<base64url>`.
///
/// Bytes before base64url: the 16-byte family id, then per replica (sorted by id) the
/// 16-byte replica id, the HLC physical time (8 bytes, big-endian) and counter (4 bytes,
/// big-endian), then the first 4 bytes of the SHA-256 of everything before them.
public struct StateToken: Hashable, Sendable {
    /// The family of the library that printed the token (32 hex).
    public var family: String
    /// Per replica id, the newest HLC time of the revisions held from it.
    public var vector: [ReplicaID: HLCTimestamp]

    public init(family: String, vector: [ReplicaID: HLCTimestamp]) {
        self.family = family
        self.vector = vector
    }

    /// The token of `library`.
    public init(of library: Library) throws {
        self.init(family: try library.families().own, vector: try library.versionVector())
    }

    /// The token as text.
    public var text: String {
        var bytes = Self.bytes(hex: family)
        for (replica, time) in vector.sorted(by: { $0.key < $1.key }) {
            bytes += Self.bytes(hex: replica.hex)
            bytes += withUnsafeBytes(of: UInt64(bitPattern: time.physical).bigEndian, Array.init)
            bytes += withUnsafeBytes(of: UInt32(bitPattern: time.counter).bigEndian, Array.init)
        }
        bytes += Self.checksum(bytes)
        return "ofs1." + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Parses a token printed by `offprint state`.
    ///
    /// - Throws: `OffprintError(.badInput, text, "not an offprint state token")` for
    ///   anything else, a damaged or truncated token included.
    public init(text: String) throws {
        let bad = OffprintError(.badInput, text, "not an offprint state token (print one with `offprint state`)")
        guard text.hasPrefix("ofs1.") else { throw bad }
        var b64 = String(text.dropFirst(5)).replacingOccurrences(of: "-", with: "+")
            .replacingOccurrences(of: "_", with: "/")
        while b64.count % 4 != 0 { b64 += "=" }
        guard let data = Data(base64Encoded: b64) else { throw bad }
        let bytes = [UInt8](data)
        guard bytes.count >= 20, (bytes.count - 20) % 28 == 0,
              Array(bytes.suffix(4)) == Self.checksum(Array(bytes.dropLast(4))) else { throw bad }
        family = bytes[0..<16].hexString
        vector = [:]
        var i = 16
        while i + 28 <= bytes.count - 4 {
            guard let replica = ReplicaID(hex: bytes[i..<(i + 16)].hexString) else { throw bad }
            let physical = bytes[(i + 16)..<(i + 24)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let counter = bytes[(i + 24)..<(i + 28)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            vector[replica] = HLCTimestamp(physical: Int64(bitPattern: physical), counter: Int32(bitPattern: counter))
            i += 28
        }
    }

    static func checksum(_ data: [UInt8]) -> [UInt8] {
        Array(bytes(hex: ContentHash(of: data).hex).prefix(4))
    }

    static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        func nibble(_ c: UInt8) -> UInt8 { c <= 57 ? c &- 48 : (c | 0x20) &- 87 }
        return stride(from: 0, to: digits.count - 1, by: 2).map { nibble(digits[$0]) << 4 | nibble(digits[$0 + 1]) }
    }
}
