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
        func run(_ b: UnsafeBufferPointer<UInt8>) -> String {
            // Most text has nothing to escape.
            guard b.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || (quotes && $0 == 0x22) }) else {
                return s
            }
            var out: [UInt8] = []
            out.reserveCapacity(b.count + 16)
            for c in b {
                switch c {
                case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
                case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
                case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
                case 0x22 where quotes: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
                default: out.append(c)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return s.utf8.withContiguousStorageIfAvailable(run) ?? Array(s.utf8).withUnsafeBufferPointer(run)
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
