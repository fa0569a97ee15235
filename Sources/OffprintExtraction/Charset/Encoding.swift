// Encoding: the legacy encodings Offprint decodes, their WHATWG labels, and decoding through
// glibc iconv (windows-1252 is decoded in Swift, with the WHATWG mapping of 0x80-0x9F).
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One character encoding: its WHATWG name and the glibc iconv converter that decodes it.
struct Encoding: Hashable, Sendable {
    /// WHATWG Encoding Standard name.
    let name: String
    /// glibc iconv name; nil for the encodings decoded in Swift (UTF-8, UTF-16, windows-1252).
    let iconvName: String?

    init(name: String, iconvName: String?) {
        self.name = name
        self.iconvName = iconvName
    }

    static let utf8 = Encoding(name: "UTF-8", iconvName: nil)
    static let utf16le = Encoding(name: "UTF-16LE", iconvName: nil)
    static let utf16be = Encoding(name: "UTF-16BE", iconvName: nil)
    static let windows1252 = Encoding(name: "windows-1252", iconvName: nil)
    static let gb18030 = Encoding(name: "GB18030", iconvName: "GB18030")
    static let big5 = Encoding(name: "Big5", iconvName: "BIG5-HKSCS")
    static let shiftJIS = Encoding(name: "Shift_JIS", iconvName: "CP932")
    static let eucJP = Encoding(name: "EUC-JP", iconvName: "EUC-JP")
    static let eucKR = Encoding(name: "EUC-KR", iconvName: "CP949")
    static let iso2022JP = Encoding(name: "ISO-2022-JP", iconvName: "ISO-2022-JP")

    static let windows1250 = Encoding(name: "windows-1250", iconvName: "WINDOWS-1250")
    static let windows1251 = Encoding(name: "windows-1251", iconvName: "WINDOWS-1251")
    static let koi8R = Encoding(name: "KOI8-R", iconvName: "KOI8-R")
    static let iso88592 = Encoding(name: "ISO-8859-2", iconvName: "ISO-8859-2")
    static let iso88595 = Encoding(name: "ISO-8859-5", iconvName: "ISO-8859-5")
    static let windows1253 = Encoding(name: "windows-1253", iconvName: "WINDOWS-1253")
    static let iso88597 = Encoding(name: "ISO-8859-7", iconvName: "ISO-8859-7")

    /// The candidates of statistical detection, in order of preference on equal scores: the
    /// legacy CJK multi-byte encodings, then the single-byte ones of Western, Cyrillic,
    /// Central European and Greek text.
    static let detectionCandidates: [Encoding] = [
        .gb18030, .big5, .shiftJIS, .eucJP, .eucKR, .windows1252,
        .windows1251, .koi8R, .iso88595, .windows1250, .iso88592, .windows1253, .iso88597,
    ]

    /// The encoding a label names (WHATWG Encoding Standard, section 4.2, "Names and labels"),
    /// case-insensitive and trimmed; nil for unknown labels and `replacement`.
    init?(label: String) {
        let key = label.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard let enc = Encoding.labels[key] else { return nil }
        self = enc
    }

    private static let labels: [String: Encoding] = {
        var table: [String: Encoding] = [:]
        func add(_ enc: Encoding, _ names: [String]) { for n in names { table[n] = enc } }
        add(.utf8, ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"])
        add(.windows1252, ["ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
                           "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1",
                           "us-ascii", "windows-1252", "x-cp1252", "x-user-defined"])
        add(.gb18030, ["chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk",
                       "iso-ir-58", "x-gbk", "gb18030", "hz-gb-2312"])
        add(.big5, ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"])
        add(.eucJP, ["cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"])
        add(.iso2022JP, ["csiso2022jp", "iso-2022-jp"])
        add(.shiftJIS, ["csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis"])
        add(.eucKR, ["cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987",
                     "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949"])
        add(.utf16be, ["unicodefffe", "utf-16be"])
        add(.utf16le, ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"])
        func single(_ name: String, _ iconv: String, _ names: [String]) {
            add(Encoding(name: name, iconvName: iconv), names + [name.lowercased()])
        }
        single("IBM866", "IBM866", ["866", "cp866", "csibm866"])
        single("ISO-8859-2", "ISO-8859-2", ["csisolatin2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2",
                                            "iso_8859-2:1987", "l2", "latin2"])
        single("ISO-8859-3", "ISO-8859-3", ["csisolatin3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3",
                                            "iso_8859-3:1988", "l3", "latin3"])
        single("ISO-8859-4", "ISO-8859-4", ["csisolatin4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4",
                                            "iso_8859-4:1988", "l4", "latin4"])
        single("ISO-8859-5", "ISO-8859-5", ["csisolatincyrillic", "cyrillic", "iso-ir-144", "iso8859-5", "iso88595",
                                            "iso_8859-5", "iso_8859-5:1988"])
        single("ISO-8859-6", "ISO-8859-6", ["arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic",
                                            "ecma-114", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6",
                                            "iso88596", "iso_8859-6", "iso_8859-6:1987"])
        single("ISO-8859-7", "ISO-8859-7", ["csisolatingreek", "ecma-118", "elot_928", "greek", "greek8",
                                            "iso-ir-126", "iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987",
                                            "sun_eu_greek"])
        single("ISO-8859-8", "ISO-8859-8", ["csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8-e",
                                            "iso-ir-138", "iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988",
                                            "visual", "iso-8859-8-i", "csiso88598i", "logical"])
        single("ISO-8859-10", "ISO-8859-10", ["csisolatin6", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6"])
        single("ISO-8859-13", "ISO-8859-13", ["iso8859-13", "iso885913"])
        single("ISO-8859-14", "ISO-8859-14", ["iso8859-14", "iso885914"])
        single("ISO-8859-15", "ISO-8859-15", ["csisolatin9", "iso8859-15", "iso885915", "iso_8859-15", "l9"])
        single("ISO-8859-16", "ISO-8859-16", [])
        single("KOI8-R", "KOI8-R", ["cskoi8r", "koi", "koi8", "koi8_r"])
        single("KOI8-U", "KOI8-U", ["koi8-ru"])
        single("macintosh", "MACINTOSH", ["csmacintosh", "mac", "x-mac-roman"])
        single("windows-874", "CP874", ["dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620"])
        single("windows-1250", "WINDOWS-1250", ["cp1250", "x-cp1250"])
        single("windows-1251", "WINDOWS-1251", ["cp1251", "x-cp1251"])
        single("windows-1253", "WINDOWS-1253", ["cp1253", "x-cp1253"])
        single("windows-1254", "WINDOWS-1254", ["cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9",
                                                "iso88599", "iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "x-cp1254"])
        single("windows-1255", "WINDOWS-1255", ["cp1255", "x-cp1255"])
        single("windows-1256", "WINDOWS-1256", ["cp1256", "x-cp1256"])
        single("windows-1257", "WINDOWS-1257", ["cp1257", "x-cp1257"])
        single("windows-1258", "WINDOWS-1258", ["cp1258", "x-cp1258"])
        return table
    }()

    /// Decodes `bytes`, returning nil at the first invalid sequence (used by detection). With
    /// `allowTruncatedEnd`, an incomplete sequence at the very end is tolerated (a sample cut
    /// in the middle of a character).
    func decodeStrictly(_ bytes: [UInt8], allowTruncatedEnd: Bool = false) -> String? {
        if self == .windows1252 { return Encoding.decodeWindows1252(bytes) }
        if self == .utf8 { return CharsetDecoder.isValidUTF8(bytes) ? String(decoding: bytes, as: UTF8.self) : nil }
        if self == .utf16le || self == .utf16be {
            return CharsetDecoder.decodeUTF16(bytes, littleEndian: self == .utf16le)
        }
        guard let iconvName else { return nil }
        return Encoding.iconvDecode(bytes, from: iconvName, lenient: false, allowTruncatedEnd: allowTruncatedEnd)
    }

    /// Decodes `bytes`, replacing each invalid byte by U+FFFD. Never fails.
    func decodeLeniently(_ bytes: [UInt8]) -> String {
        if self == .windows1252 { return Encoding.decodeWindows1252(bytes) }
        if self == .utf8 { return String(decoding: bytes, as: UTF8.self) }
        if self == .utf16le || self == .utf16be {
            return CharsetDecoder.decodeUTF16(bytes, littleEndian: self == .utf16le)
        }
        if let iconvName, let s = Encoding.iconvDecode(bytes, from: iconvName, lenient: true, allowTruncatedEnd: true) {
            return s
        }
        return Encoding.decodeWindows1252(bytes)
    }

    /// WHATWG windows-1252: bytes 0x80-0x9F through the table, every other byte is its code point.
    static func decodeWindows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            if b >= 0x80 && b <= 0x9F {
                scalars.append(Unicode.Scalar(cp1252High[Int(b) - 0x80])!)
            } else {
                scalars.append(Unicode.Scalar(b))
            }
        }
        return String(scalars)
    }

    /// The code points of windows-1252 bytes 0x80-0x9F (undefined bytes map to C1 controls).
    static var cp1252HighTable: [UInt32] { cp1252High }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Decodes through glibc iconv into UTF-8. Strict mode returns nil at the first invalid
    /// sequence; lenient mode writes U+FFFD and skips one byte.
    static func iconvDecode(_ bytes: [UInt8], from: String, lenient: Bool, allowTruncatedEnd: Bool) -> String? {
        if bytes.isEmpty { return "" }
        guard let cd = iconv_open("UTF-8", from), Int(bitPattern: cd) != -1 else { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 2 + 16)
        let chunk = 16384
        var scratch = [UInt8](repeating: 0, count: chunk)
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        var failed = false
        input.withUnsafeMutableBufferPointer { inBuf in
            var offset = 0
            let total = inBuf.count
            while offset < total {
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress! + offset)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = total - offset
                var produced = 0
                var rc = 0
                var err: Int32 = 0
                scratch.withUnsafeMutableBufferPointer { outBuf in
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuf.count
                    rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    err = errno
                    produced = outBuf.count - outLeft
                }
                output.append(contentsOf: scratch[0..<produced])
                offset = total - inLeft
                if rc != -1 { break }
                switch err {
                case E2BIG:
                    continue
                case EINVAL:
                    // Incomplete sequence at the end of the input.
                    if !lenient && !allowTruncatedEnd { failed = true; return }
                    if lenient { output.append(contentsOf: replacement) }
                    offset = total
                default:
                    // EILSEQ: invalid sequence.
                    if !lenient { failed = true; return }
                    output.append(contentsOf: replacement)
                    offset += 1
                    _ = iconv(cd, nil, nil, nil, nil)
                }
            }
        }
        if failed { return nil }
        return String(decoding: output, as: UTF8.self)
    }
}
