// ContentHash: the SHA-256 name of a blob or a revision, the content address everything in a
// library is stored under.
import Crypto
import Foundation

/// A SHA-256 digest written as 64 lowercase hex characters.
///
/// Blobs (original source bytes, extracted article HTML, images) and revisions are named by
/// the hash of their bytes (for revisions, of their canonical serialisation, see
/// `docs/revisions.md`). Comparable so that lists of hashes sort into one canonical order.
public struct ContentHash: HexIdentifier {
    /// The 64 lowercase hex characters.
    public let hex: String

    /// Wraps a hex string; returns nil unless it is exactly 64 hex characters (case folded).
    public init?(hex: String) {
        guard let lower = HexDigits.normalized(hex, length: 64) else { return nil }
        self.hex = lower
    }

    /// The SHA-256 of `data`.
    public init(of data: some DataProtocol) {
        self.hex = SHA256.hash(data: data).hexString
    }

    /// The SHA-256 of the UTF-8 bytes of `string`.
    public init(ofUTF8 string: String) {
        self.init(of: Data(string.utf8))
    }

}

extension Sequence where Element == UInt8 {
    /// Lowercase hex, two characters per byte.
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(underestimatedCount * 2)
        for b in self {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
