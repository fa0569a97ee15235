// TextMatching: the hand-written matchers of the hot paths. Readability's class/id patterns are
// alternations of literal words, matched case-insensitively anywhere in the string; matching
// them as byte searches over the lower-cased UTF-8 is many times faster than
// NSRegularExpression (which bridges every string to UTF-16 on Linux). Also a white-space test
// with an ASCII fast path (Unicode property lookups dominated profiles).
import Foundation

/// An alternation of literal words (`"banner|comment|footer"`), matched case-insensitively
/// (ASCII) anywhere in a string, as the regular expression `/banner|comment|footer/i` would.
struct Keywords: Sendable {
    let words: [[UInt8]]
    /// Words that only count as a whole space-separated token (`hid` in `^hid$| hid$| hid |^hid `).
    let tokens: [[UInt8]]

    /// For each byte, whether some word starts with it (the words are lower case, so only
    /// folded bytes are looked up).
    private let firstBytes: [Bool]

    init(_ alternation: String, tokens: [String] = []) {
        words = alternation.split(separator: "|").map { Array($0.lowercased().utf8) }
        self.tokens = tokens.map { Array($0.lowercased().utf8) }
        var table = [Bool](repeating: false, count: 256)
        for w in words where !w.isEmpty { table[Int(w[0])] = true }
        firstBytes = table
    }

    func matches(_ s: String) -> Bool {
        if s.isEmpty { return false }
        return s.utf8.withContiguousStorageIfAvailable(matches) ?? Array(s.utf8).withUnsafeBufferPointer(matches)
    }

    /// `matches` on UTF-8 bytes, ASCII letters compared case-insensitively (the words are lower case).
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Most class names and ids match no word: one pass over the bytes rules out every word
        // whose first byte never occurs (folded), before each word is searched for.
        var any = false
        for c in bytes where firstBytes[Int(c >= 0x41 && c <= 0x5A ? c + 32 : c)] { any = true; break }
        if any {
            for w in words where Keywords.findFolded(w, in: bytes, from: 0) != nil { return true }
        }
        for t in tokens {
            var from = 0
            while let at = Keywords.findFolded(t, in: bytes, from: from) {
                let before = at == 0 || bytes[at - 1] == 0x20
                let end = at + t.count
                let after = end == bytes.count || bytes[end] == 0x20
                if before && after { return true }
                from = at + 1
            }
        }
        return false
    }

    /// The first index of lower-case `needle` in `hay` (ASCII letters folded to lower case)
    /// at or after `from`.
    static func findFolded(_ needle: [UInt8], in hp: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let n = needle.count, h = hp.count
        guard n > 0, h - from >= n else { return nil }
        @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }
        return needle.withUnsafeBufferPointer { np in
            let first = np[0]
            var i = from
            let last = h - n
            while i <= last {
                if lower(hp[i]) == first {
                    var k = 1
                    while k < n && lower(hp[i + k]) == np[k] { k += 1 }
                    if k == n { return i }
                }
                i += 1
            }
            return nil
        }
    }

    /// The first index of `needle` in `hay` at or after `from`.
    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        let n = needle.count, h = hay.count
        guard n > 0, h - from >= n else { return nil }
        let first = needle[0]
        var i = from
        let last = h - n
        return hay.withUnsafeBufferPointer { hp in
            needle.withUnsafeBufferPointer { np in
                while i <= last {
                    if hp[i] == first {
                        var k = 1
                        while k < n && hp[i + k] == np[k] { k += 1 }
                        if k == n { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace`, with the ASCII and Latin-1 cases answered without a table.
    @inline(__always) var isSpaceFast: Bool {
        let v = value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v == 0x85 || v == 0xA0 { return true }
        if v < 0x1680 { return false }
        return properties.isWhitespace
    }
}

extension String {
    /// Whether the string contains `needle` (byte-wise, no Foundation bridging).
    func containsBytes(_ needle: String) -> Bool {
        Keywords.find(Array(needle.utf8), in: Array(utf8), from: 0) != nil
    }

    /// Whether the string contains `needle` ignoring ASCII case.
    func containsIgnoringCase(_ needle: String) -> Bool { Keywords(needle).matches(self) }
}
