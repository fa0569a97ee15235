// ArticleID and ReplicaID: the two identities in a library, and how an article's identity is
// derived from a page (docs/revisions.md, "Article identity").
import Foundation

/// An article's identity: 64 lowercase hex characters.
///
/// Derived once, at first import, from the page and never from extracted text, so that
/// re-extraction never changes it: SHA-256 of `"url:" + normalised canonical URL` when the
/// page has a canonical URL (`<link rel=canonical>`, `og:url`, or the URL it was fetched
/// from), otherwise SHA-256 of `"source:" + hex SHA-256 of the original bytes`.
public struct ArticleID: HexIdentifier {
    public let hex: String

    /// Wraps a stored id; nil unless 64 hex characters.
    public init?(hex: String) {
        guard let h = ContentHash(hex: hex) else { return nil }
        self.hex = h.hex
    }

    /// The identity of a page with canonical URL `url` (normalised first, see `URLNormalizer`).
    public init(canonicalURL url: String) {
        self.hex = ContentHash(ofUTF8: "url:" + URLNormalizer.normalize(url)).hex
    }

    /// The identity of a page with no canonical URL, from its original bytes' hash.
    public init(sourceHash: ContentHash) {
        self.hex = ContentHash(ofUTF8: "source:" + sourceHash.hex).hex
    }

}

/// The identity of one library file (a replica): 32 lowercase hex characters (128 random
/// bits), made when the library is created.
public struct ReplicaID: HexIdentifier {
    public let hex: String

    /// Wraps a stored id; nil unless 32 hex characters.
    public init?(hex: String) {
        guard let lower = HexDigits.normalized(hex, length: 32) else { return nil }
        self.hex = lower
    }

    /// A new random replica id.
    public static func random() -> ReplicaID {
        var g = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &g) }
        return ReplicaID(hex: bytes.hexString)!
    }

}

/// URL normalisation for article identity (a subset of RFC 3986 section 6.2.2 and 6.2.3):
/// scheme and host lower-cased, default port removed, fragment removed, empty path made
/// `/`, `http` treated as `https`, a leading `www.` dropped, trailing `/` on a non-root path
/// removed, and common tracking parameters (`utm_*`, `fbclid`, `gclid`) removed.
public enum URLNormalizer {
    /// The normalised form of `url`; a string that does not parse as an absolute URL is
    /// returned trimmed and otherwise unchanged.
    public static func normalize(_ url: String) -> String {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        guard var comps = URLComponents(string: trimmed), let scheme = comps.scheme?.lowercased(),
              let host = comps.host, !host.isEmpty else { return trimmed }
        comps.scheme = (scheme == "http") ? "https" : scheme
        var h = host.lowercased()
        if h.hasPrefix("www.") { h.removeFirst(4) }
        comps.host = h
        if (scheme == "http" && comps.port == 80) || (scheme == "https" && comps.port == 443) {
            comps.port = nil
        }
        comps.fragment = nil
        if comps.path.isEmpty { comps.path = "/" }
        if comps.path.count > 1 && comps.path.hasSuffix("/") { comps.path.removeLast() }
        if let items = comps.queryItems {
            let kept = items.filter { item in
                let n = item.name.lowercased()
                return !(n.hasPrefix("utm_") || n == "fbclid" || n == "gclid")
            }
            comps.queryItems = kept.isEmpty ? nil : kept
        }
        return comps.string ?? trimmed
    }
}

/// A value named by a fixed number of lowercase hex digits: ordered, printed and encoded
/// (as a JSON string) as those digits.
public protocol HexIdentifier: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The lowercase hex digits.
    var hex: String { get }
    /// Wraps digits; nil when they are not valid for this kind of identifier.
    init?(hex: String)
}

extension HexIdentifier {
    public var description: String { hex }
    public static func < (a: Self, b: Self) -> Bool { a.hex < b.hex }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(hex: s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a valid \(Self.self): \(s)"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(hex)
    }
}

/// Checking hex digit strings.
public enum HexDigits {
    /// `s` lower-cased when it is exactly `length` hex digits, else nil.
    public static func normalized(_ s: String, length: Int) -> String? {
        let lower = s.lowercased()
        guard lower.utf8.count == length,
              lower.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }) else { return nil }
        return lower
    }
}
