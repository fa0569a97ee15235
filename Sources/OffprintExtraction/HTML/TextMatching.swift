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

    /// The words laid end to end, for the one-pass search: the word `k` (sorted by first
    /// byte) is `flat[wordStart[k]..<wordStart[k + 1]]`, and the words starting with (folded)
    /// byte `b` are those from `bucket[b]` to `bucket[b + 1]`.
    private let flat: [UInt8]
    private let wordStart: [Int]
    private let bucket: [Int]

    init(_ alternation: String, tokens: [String] = []) {
        words = alternation.split(separator: "|").map { Array($0.lowercased().utf8) }
        self.tokens = tokens.map { Array($0.lowercased().utf8) }
        let sorted = words.filter { !$0.isEmpty }.sorted { $0[0] < $1[0] }
        var flat: [UInt8] = [], starts: [Int] = [0]
        var bucket = [Int](repeating: 0, count: 257)
        for w in sorted {
            flat.append(contentsOf: w)
            starts.append(flat.count)
        }
        // bucket[b] = the number of words whose first byte is below b.
        var k = 0
        for b in 0...256 {
            while k < sorted.count && Int(sorted[k][0]) < b { k += 1 }
            bucket[b] = k
        }
        self.flat = flat
        wordStart = starts
        self.bucket = bucket
    }

    func matches(_ s: String) -> Bool {
        if s.isEmpty { return false }
        return s.utf8.withContiguousStorageIfAvailable(matches) ?? Array(s.utf8).withUnsafeBufferPointer(matches)
    }

    /// `matches` on UTF-8 bytes, ASCII letters compared case-insensitively (the words are lower case).
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // One pass over the bytes: at each position, only the words starting with that
        // (folded) byte are compared (searching for each word in turn cost ~3,000
        // instructions per class name).
        @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }
        let found = flat.withUnsafeBufferPointer { fp in
            wordStart.withUnsafeBufferPointer { ws in
                bucket.withUnsafeBufferPointer { bk in
                    let n = bytes.count
                    var i = 0
                    while i < n {
                        let f = Int(lower(bytes[i]))
                        var w = bk[f]
                        let wEnd = bk[f + 1]
                        while w < wEnd {
                            let from = ws[w], to = ws[w + 1]
                            if to - from <= n - i {
                                var k = from + 1, j = i + 1
                                while k < to && lower(bytes[j]) == fp[k] { k += 1; j += 1 }
                                if k == to { return true }
                            }
                            w += 1
                        }
                        i += 1
                    }
                    return false
                }
            }
        }
        if found { return true }
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
    func containsIgnoringCase(_ needle: String) -> Bool {
        let word = Array(needle.lowercased().utf8)
        func find(_ b: UnsafeBufferPointer<UInt8>) -> Bool { Keywords.findFolded(word, in: b, from: 0) != nil }
        return utf8.withContiguousStorageIfAvailable(find) ?? Array(utf8).withUnsafeBufferPointer(find)
    }
}
