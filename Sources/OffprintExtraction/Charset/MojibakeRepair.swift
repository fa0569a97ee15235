// MojibakeRepair: undoes one round of the commonest text corruption on the web: UTF-8 bytes
// that were once decoded as GBK (`瑙掕壊璁惧畾` for `角色设定`) or as windows-1252/Latin-1
// (`cafÃ©` for `café`) and saved again. A run of suspicious characters is re-encoded with the
// wrong encoding and decoded as UTF-8; the repair is kept only when that is valid UTF-8 and
// clearly more plausible (frequent hanzi instead of rare ones; Latin letters instead of
// `Ã`+symbol pairs). The original bytes are never touched: the library keeps them as the source
// blob. docs/extraction.md, "Mojibake repair".
import Foundation
#if canImport(Glibc)
import Glibc
#endif

public enum MojibakeRepair {
    /// `text` with every repairable run repaired; the same string when there is none.
    public static func repair(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { repaired(utf8: $0) } ?? text
    }

    /// The scalar starting at byte `i` of valid UTF-8 `b`, and its length in bytes.
    @inline(__always) private static func scalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let c = UInt32(b[i])
        if c < 0x80 { return (c, 1) }
        if c < 0xE0 { return ((c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
        if c < 0xF0 { return ((c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3) }
        return ((c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                | UInt32(b[i + 3] & 0x3F), 4)
    }

    /// `repair` on valid UTF-8 bytes: the repaired text, or nil when no run needs repair.
    /// Runs are found byte-wise (ASCII, most of a page, is skipped without decoding); a new
    /// string is built only when a run is repaired.
    static func repaired(utf8 b: UnsafeBufferPointer<UInt8>) -> String? {
        // Cheap pre-checks: GBK mojibake needs CJK ideographs, Latin-1 mojibake needs Ã/Â-like
        // lead characters.
        var hasCJK = false, hasLatinLead = false
        var i = 0
        let n = b.count
        while i < n {
            if b[i] < 0xC3 {  // ASCII, continuation bytes, and U+0080-00BF
                i = max(i + 1, skipASCII(b, from: i))
                continue
            }
            let (v, k) = scalar(b, i)
            if v >= 0xC2 {
                if v >= 0x4E00 && v <= 0x9FFF { hasCJK = true } else if v <= 0xEF { hasLatinLead = true }
                if hasCJK && hasLatinLead { break }
            }
            i += k
        }
        guard hasCJK || hasLatinLead else { return nil }
        var repairs: [(start: Int, end: Int, fixed: String)] = []
        var runStart = -1
        var runLength = 0
        func flush(_ end: Int) {
            if runStart >= 0, runLength >= 2,
               let fixed = repairRun(String(decoding: UnsafeBufferPointer(rebasing: b[runStart..<end]), as: UTF8.self)) {
                repairs.append((runStart, end, fixed))
            }
            runStart = -1
            runLength = 0
        }
        i = 0
        while i < n {
            if b[i] < 0x80 {
                if runStart >= 0 { flush(i) }
                i = max(i + 1, skipASCII(b, from: i))
                continue
            }
            let (v, k) = scalar(b, i)
            let s = Unicode.Scalar(v)!
            if !s.isSpaceFast && !CharsetScoring.commonPunctuation.contains(s) {
                if runStart < 0 { runStart = i }
                runLength += 1
            } else if runStart >= 0 {
                flush(i)
            }
            i += k
        }
        flush(n)
        guard !repairs.isEmpty else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(n)
        var from = 0
        for r in repairs {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[from..<r.start]))
            out.append(contentsOf: r.fixed.utf8)
            from = r.end
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[from..<n]))
        return String(decoding: out, as: UTF8.self)
    }

    /// The index of the first non-ASCII byte at or after `i`, to within 8 bytes: whole
    /// 8-byte words of ASCII are skipped at once (most of a page is ASCII); may return `i`.
    @inline(__always) private static func skipASCII(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        guard let base = b.baseAddress else { return i }
        let raw = UnsafeRawPointer(base)
        var j = i
        let n = b.count
        while j + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: j, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            j += 8
        }
        return j
    }

    /// The repaired form of one run of non-ASCII characters, or nil.
    static func repairRun(_ run: String) -> String? {
        let scalars = Array(run.unicodeScalars)
        guard scalars.count >= 2 else { return nil }
        if scalars.allSatisfy({ $0.value >= 0x3400 && $0.value <= 0x9FFF }) {
            return repairGBK(run, scalars)
        }
        if scalars.allSatisfy({ $0.value <= 0x2122 }) {
            return repairLatin1(scalars)
        }
        return nil
    }

    /// UTF-8 once decoded as GBK: re-encode as GB18030, decode as UTF-8.
    private static func repairGBK(_ run: String, _ scalars: [Unicode.Scalar]) -> String? {
        // Common text is dense in frequent characters; mojibake is not.
        let commonBefore = scalars.filter { CharsetScoring.commonSimplified.contains($0) }.count
        guard Double(commonBefore) / Double(scalars.count) < 0.5 else { return nil }
        guard let bytes = encode(run, to: "GB18030"), bytes.count % 3 == 0 || bytes.count >= 6,
              CharsetDecoder.isValidUTF8(bytes) else { return nil }
        let fixed = String(decoding: bytes, as: UTF8.self)
        let after = Array(fixed.unicodeScalars)
        guard after.allSatisfy({ ($0.value >= 0x3400 && $0.value <= 0x9FFF) || ($0.value >= 0x3000 && $0.value <= 0x30FF)
                                 || ($0.value >= 0xFF00 && $0.value <= 0xFFEF) }) else { return nil }
        let commonAfter = after.filter {
            CharsetScoring.commonSimplified.contains($0) || CharsetScoring.commonTraditional.contains($0)
                || CharsetScoring.commonPunctuation.contains($0)
        }.count
        // Clearly more plausible: most repaired characters are frequent ones.
        guard Double(commonAfter) / Double(after.count) >= 0.5,
              Double(commonAfter) / Double(after.count) > Double(commonBefore) / Double(scalars.count) + 0.3 else { return nil }
        return fixed
    }

    /// UTF-8 once decoded as windows-1252/Latin-1: map back to the bytes, decode as UTF-8.
    private static func repairLatin1(_ scalars: [Unicode.Scalar]) -> String? {
        var bytes: [UInt8] = []
        for s in scalars {
            if s.value <= 0xFF { bytes.append(UInt8(s.value)); continue }
            guard let i = Encoding.cp1252HighTable.firstIndex(of: s.value) else { return nil }
            bytes.append(UInt8(0x80 + i))
        }
        // Every byte must belong to a multi-byte UTF-8 sequence (no stray Latin-1 letters).
        guard bytes.allSatisfy({ $0 >= 0x80 }), CharsetDecoder.isValidUTF8(bytes) else { return nil }
        let fixed = String(decoding: bytes, as: UTF8.self)
        guard fixed.unicodeScalars.count < scalars.count,
              fixed.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.generalCategory == .otherPunctuation
                  || $0.properties.generalCategory == .initialPunctuation || $0.properties.generalCategory == .finalPunctuation
                  || $0.properties.generalCategory == .dashPunctuation || $0.properties.generalCategory == .currencySymbol
                  || $0.value == 0xA0 }) else { return nil }
        return fixed
    }

    /// `text` encoded to `encoding` through iconv, strictly; nil when a character has no mapping.
    static func encode(_ text: String, to encoding: String) -> [UInt8]? {
        guard let cd = iconv_open(encoding, "UTF-8"), Int(bitPattern: cd) != -1 else { return nil }
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let total = output.count
        var ok = false
        var produced = 0
        input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = total
                ok = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1 && inLeft == 0
                produced = total - outLeft
            }
        }
        return ok ? Array(output[0..<produced]) : nil
    }
}
