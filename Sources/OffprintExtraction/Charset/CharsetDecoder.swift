// CharsetDecoder: turns the bytes of an HTML page or a text file into a Swift string. The
// order of evidence (BOM, valid UTF-8, `<meta>` prescan, statistical detection, fallback) is
// described in docs/extraction.md, "Character encodings"; decoding goes through glibc iconv
// because Foundation on Linux cannot decode GB18030, Big5 or EUC-KR.
import Foundation

/// How the encoding of some bytes was decided, strongest evidence first.
public enum CharsetEvidence: String, Sendable, Hashable {
    /// A byte order mark (UTF-8, UTF-16LE, UTF-16BE).
    case byteOrderMark
    /// The bytes are valid UTF-8 and contain non-ASCII text; any label is overruled.
    case validUTF8
    /// Only ASCII bytes: decoded as UTF-8 (identical for every ASCII-compatible label).
    case ascii
    /// A `<meta charset>` or `<meta http-equiv=Content-Type>` declaration in the first 64 KiB.
    case metaDeclaration
    /// Statistical detection among the legacy CJK encodings and windows-1252.
    case detected
    /// Nothing decided it: windows-1252, which never fails.
    case fallback
}

/// The result of decoding: the text, the WHATWG name of the encoding used, and why.
public struct DecodedText: Sendable, Hashable {
    /// The decoded text, without a byte order mark.
    public var text: String
    /// The encoding's WHATWG name (`UTF-8`, `GB18030`, `Big5`, `Shift_JIS`, `EUC-JP`,
    /// `EUC-KR`, `windows-1252`, `UTF-16LE`, ...).
    public var encoding: String
    /// Which rule chose the encoding.
    public var evidence: CharsetEvidence
}

/// Character-encoding detection and decoding for HTML pages and plain-text files.
///
/// Order (docs/extraction.md): (1) a BOM; (2) valid UTF-8 containing non-ASCII bytes wins over
/// any label, because pages that are UTF-8 but declare a legacy charset are far more common
/// than the reverse; (3) for HTML, a prescan of `<meta charset>` / `<meta http-equiv
/// content="...; charset=...">` anywhere in the first 64 KiB (libxml2 only honours a
/// declaration that precedes the first non-ASCII byte), else an XML declaration's encoding; (4) detection among GB18030, Big5,
/// Shift_JIS, EUC-JP, EUC-KR and windows-1252 by decoding with each and scoring how
/// plausible the text is; (5) windows-1252. Labels map to encodings as in the WHATWG
/// Encoding Standard (`latin1`, `us-ascii` -> windows-1252, `gb2312`, `gbk` -> GB18030, ...).
public enum CharsetDecoder {
    /// What the bytes are, which decides whether a `<meta>` prescan applies.
    public enum Kind: Sendable { case html, text }

    /// Decodes `data`. Never fails: the last resort, windows-1252, maps every byte.
    public static func decode(_ data: Data, kind: Kind) -> DecodedText {
        let bytes = [UInt8](data)
        return decode(bytes: bytes, kind: kind)
    }

    /// Decodes a byte array; see `decode(_:kind:)`.
    public static func decode(bytes: [UInt8], kind: Kind) -> DecodedText {
        // 1. Byte order marks.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return DecodedText(text: String(decoding: bytes.dropFirst(3), as: UTF8.self),
                               encoding: "UTF-8", evidence: .byteOrderMark)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return DecodedText(text: decodeUTF16(bytes.dropFirst(2), littleEndian: true),
                               encoding: "UTF-16LE", evidence: .byteOrderMark)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return DecodedText(text: decodeUTF16(bytes.dropFirst(2), littleEndian: false),
                               encoding: "UTF-16BE", evidence: .byteOrderMark)
        }
        // 2. Valid UTF-8 (or plain ASCII).
        let ascii = !bytes.contains(where: { $0 >= 0x80 })
        if ascii {
            return DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: "UTF-8", evidence: .ascii)
        }
        // One validating pass (the same rules as `isValidUTF8`) instead of a check and a
        // repairing decode.
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text, encoding: "UTF-8", evidence: .validUTF8)
        }
        // 3. A declaration in the page.
        if kind == .html, let label = prescanMetaCharset(bytes) ?? xmlDeclarationEncoding(bytes),
           let enc = Encoding(label: label) {
            // A page that declares UTF-8 (or UTF-16, which WHATWG maps to UTF-8 in a meta
            // declaration) but is not valid UTF-8: decode leniently as UTF-8.
            if enc == .utf8 || enc == .utf16le || enc == .utf16be {
                return DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: "UTF-8",
                                   evidence: .metaDeclaration)
            }
            return DecodedText(text: enc.decodeLeniently(bytes), encoding: enc.name, evidence: .metaDeclaration)
        }
        // 4. Detection.
        if let (enc, text) = detect(bytes) {
            return DecodedText(text: text, encoding: enc.name, evidence: .detected)
        }
        // 5. Fallback.
        return DecodedText(text: Encoding.windows1252.decodeLeniently(bytes), encoding: "windows-1252",
                           evidence: .fallback)
    }

    /// Whether `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValidUTF8($0) }
    }

    /// `isValidUTF8` on a buffer; whole 8-byte words of ASCII are passed at once.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                while i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                }
                continue
            }
            var need = 0
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; upper = 0x9F
            case 0xF0: need = 3; lower = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; upper = 0x8F
            default: return false
            }
            if i + need >= n { return false }
            let c1 = bytes[i + 1]
            if c1 < lower || c1 > upper { return false }
            var k = 2
            while k <= need {
                let c = bytes[i + k]
                if c < 0x80 || c > 0xBF { return false }
                k += 1
            }
            i += need + 1
        }
        return true
    }

    /// The charset label declared by a `<meta>` element in the first 64 KiB of `bytes`, or nil.
    /// Unlike the HTML standard's prescan, declarations after non-ASCII text are found too.
    public static func prescanMetaCharset(_ bytes: [UInt8]) -> String? {
        let limit = min(bytes.count, 65536)
        var i = 0
        while i < limit {
            // Find "<meta" case-insensitively, skipping comments.
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if i + 3 < limit, bytes[i + 1] == 0x21, bytes[i + 2] == 0x2D, bytes[i + 3] == 0x2D {
                // <!-- ... -->
                var j = i + 4
                while j + 2 < limit && !(bytes[j] == 0x2D && bytes[j + 1] == 0x2D && bytes[j + 2] == 0x3E) { j += 1 }
                i = j + 3
                continue
            }
            guard i + 5 < limit, lowerASCII(bytes[i + 1]) == 0x6D, lowerASCII(bytes[i + 2]) == 0x65,
                  lowerASCII(bytes[i + 3]) == 0x74, lowerASCII(bytes[i + 4]) == 0x61,
                  isSpaceOrSlash(bytes[i + 5]) else { i += 1; continue }
            var j = i + 5
            var attributes: [String: String] = [:]
            while j < limit {
                while j < limit && isSpaceOrSlash(bytes[j]) { j += 1 }
                if j >= limit || bytes[j] == 0x3E { break }
                var name: [UInt8] = []
                while j < limit, !isSpaceOrSlash(bytes[j]), bytes[j] != 0x3D, bytes[j] != 0x3E {
                    name.append(lowerASCII(bytes[j])); j += 1
                }
                while j < limit && isSpace(bytes[j]) { j += 1 }
                var value: [UInt8] = []
                if j < limit && bytes[j] == 0x3D {
                    j += 1
                    while j < limit && isSpace(bytes[j]) { j += 1 }
                    if j < limit && (bytes[j] == 0x22 || bytes[j] == 0x27) {
                        let quote = bytes[j]; j += 1
                        while j < limit && bytes[j] != quote { value.append(bytes[j]); j += 1 }
                        j += 1
                    } else {
                        while j < limit, !isSpace(bytes[j]), bytes[j] != 0x3E { value.append(bytes[j]); j += 1 }
                    }
                }
                let key = String(decoding: name, as: UTF8.self)
                if !key.isEmpty && attributes[key] == nil {
                    attributes[key] = String(decoding: value.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
                }
            }
            if let cs = attributes["charset"], !cs.trimmingCharacters(in: .whitespaces).isEmpty {
                return cs.trimmingCharacters(in: .whitespaces)
            }
            if let equiv = attributes["http-equiv"], equiv.lowercased() == "content-type",
               let content = attributes["content"], let cs = charset(inContentType: content) {
                return cs
            }
            i = j + 1
        }
        return nil
    }

    /// The `encoding` of an XML declaration (`<?xml version="1.0" encoding="ISO-8859-1"?>`)
    /// at the very start of `bytes` (XHTML files), or nil.
    public static func xmlDeclarationEncoding(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(200).map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
        guard head.hasPrefix("<?xml"), let end = head.range(of: "?>") else { return nil }
        let decl = head[..<end.lowerBound]
        guard let r = decl.range(of: "encoding") else { return nil }
        let rest = decl[r.upperBound...].drop(while: { $0 == " " || $0 == "=" })
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix(while: { $0 != quote })
        return value.isEmpty ? nil : String(value)
    }

    /// The `charset=` parameter of a Content-Type value (`text/html; charset="gbk"`), or nil.
    public static func charset(inContentType value: String) -> String? {
        let lower = value.lowercased()
        guard let r = lower.range(of: "charset") else { return nil }
        var rest = lower[r.upperBound...].drop(while: { $0 == " " || $0 == "\t" })
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "'" })
        let label = rest.prefix(while: { !";\"' \t,".contains($0) })
        return label.isEmpty ? nil : String(label)
    }

    // MARK: - Detection

    /// The most plausible legacy encoding for `bytes` (which are not valid UTF-8) and the text
    /// it gives, or nil when no candidate decodes them.
    static func detect(_ bytes: [UInt8]) -> (Encoding, String)? {
        // Score a bounded sample for speed; decode the whole input with the winner.
        let sample = bytes.count > 65536 ? Array(bytes.prefix(65536)) : bytes
        var best: (Encoding, Double)?
        for enc in Encoding.detectionCandidates {
            guard let text = enc.decodeStrictly(sample, allowTruncatedEnd: sample.count < bytes.count) else { continue }
            let score = CharsetScoring.plausibility(of: text, as: enc)
            if best == nil || score > best!.1 { best = (enc, score) }
        }
        guard let (enc, score) = best, score > 0 else { return nil }
        return (enc, enc.decodeLeniently(bytes))
    }

    // MARK: - Helpers

    static func decodeUTF16<C: Collection>(_ bytes: C, littleEndian: Bool) -> String where C.Element == UInt8 {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var it = bytes.makeIterator()
        while let a = it.next() {
            guard let b = it.next() else { break }
            units.append(littleEndian ? UInt16(a) | UInt16(b) << 8 : UInt16(a) << 8 | UInt16(b))
        }
        return String(decoding: units, as: UTF16.self)
    }

    private static func lowerASCII(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b + 32 : b }
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }
    private static func isSpaceOrSlash(_ b: UInt8) -> Bool { isSpace(b) || b == 0x2F }
}
