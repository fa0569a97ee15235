// HTMLText: the plain text of a stored body (docs/html-subset.md), as search sees it: tags
// removed, the common character references decoded, white space collapsed. The library's
// full-text index (OffprintStorage) and the scan search (OffprintExport.TextSearch) both use
// it, so the two paths match the same text.
import Foundation

/// Plain text of stored article bodies, for search.
public enum HTMLText {
    /// The text of `html`: every tag becomes a space, the references `&amp; &lt; &gt; &quot;
    /// &apos; &#39; &nbsp;` and numeric references are decoded (others are kept as written),
    /// and runs of white space (`Character.isWhitespace`) collapse to one space, trimmed at
    /// both ends.
    public static func plainText(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count / 2)
        var inTag = false
        var entity: String? = nil
        for c in html {
            if inTag {
                if c == ">" { inTag = false; out.append(" ") }
                continue
            }
            if var e = entity {
                if c == ";" || e.count > 10 {
                    out += decode(e)
                    entity = nil
                    if c != ";" { out.append(c) }
                } else {
                    e.append(c)
                    entity = e
                }
                continue
            }
            switch c {
            case "<": inTag = true
            case "&": entity = ""
            default: out.append(c)
            }
        }
        if let e = entity { out += "&" + e }
        return out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The text a character reference named `e` (without `&` and `;`) stands for.
    static func decode(_ e: String) -> String {
        switch e {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos", "#39": return "'"
        case "nbsp": return "\u{00A0}"
        default:
            if e.hasPrefix("#x") || e.hasPrefix("#X"), let v = UInt32(e.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { return String(u) }
            if e.hasPrefix("#"), let v = UInt32(e.dropFirst()), let u = Unicode.Scalar(v) { return String(u) }
            return "&" + e + ";"
        }
    }

    /// `s` with the fullwidth Latin letters and digits (U+FF10-U+FF19, U+FF21-U+FF3A,
    /// U+FF41-U+FF5A) replaced by their ASCII counterparts, so that a search is
    /// width-insensitive for them (Unicode UAX #11, "Fullwidth"). Fullwidth punctuation,
    /// which Chinese and Japanese text uses as such, is kept.
    public static func foldingWidth(_ s: String) -> String {
        func folds(_ v: UInt32) -> Bool {
            (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v)
        }
        guard s.unicodeScalars.contains(where: { folds($0.value) }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            out.append(folds(u.value) ? Unicode.Scalar(u.value - 0xFEE0)! : u)
        }
        return String(out)
    }
}
