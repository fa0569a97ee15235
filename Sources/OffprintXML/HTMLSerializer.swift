// HTMLSerializer: writes an HTMLNode tree as HTML text (the HTML syntax, not XML), for the
// `content` that extraction returns and the HTML exports.
import Foundation

/// Writing HTMLNode trees as HTML.
public enum HTMLSerializer {
    /// Elements whose text is raw (not escaped) in HTML syntax.
    static let rawText: Set<String> = ["script", "style"]

    /// The HTML serialisation of `nodes`: `&`, `<`, `>` escaped in text, `&` and `"` in
    /// attribute values, void elements without end tags, comments dropped.
    public static func html(_ nodes: [HTMLNode]) -> String {
        var out = ""
        for n in nodes { write(n, into: &out) }
        return out
    }

    /// Escapes text content for HTML or XML: `&`, `<`, `>`.
    public static func escapeText(_ s: String) -> String { escape(s, quotes: false) }

    /// Escapes an attribute value (to be written between double quotes): `&`, `<`, `>`, `"`.
    public static func escapeAttribute(_ s: String) -> String { escape(s, quotes: true) }

    private static func escape(_ s: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    private static func write(_ n: HTMLNode, into out: inout String) {
        switch n.kind {
        case .text:
            if let p = n.parent, rawText.contains(p.name) { out += n.text } else { out += escapeText(n.text) }
        case .comment:
            break
        case .document:
            for c in n.children { write(c, into: &out) }
        case .element:
            out += "<" + n.name
            for a in n.attributes {
                out += " " + a.name + "=\"" + escapeAttribute(a.value) + "\""
            }
            out += ">"
            if XHTMLWriter.voidElements.contains(n.name) { return }
            for c in n.children { write(c, into: &out) }
            out += "</" + n.name + ">"
        }
    }
}
