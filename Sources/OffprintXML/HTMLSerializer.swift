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
        // Written as UTF-8 bytes and made a string once: appending the pieces to a `String`
        // cost a fifth of serialising (small temporary strings, growth checks).
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        for n in nodes { write(n, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Escapes text content for HTML or XML: `&`, `<`, `>`.
    public static func escapeText(_ s: String) -> String { escape(s, quotes: false) }

    /// Escapes an attribute value (to be written between double quotes): `&`, `<`, `>`, `"`.
    public static func escapeAttribute(_ s: String) -> String { escape(s, quotes: true) }

    private static func escape(_ s: String, quotes: Bool) -> String {
        var out: [UInt8] = []
        appendEscaped(s, quotes: quotes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func write(_ n: HTMLNode, into out: inout [UInt8]) {
        switch n.kind {
        case .text:
            if let p = n.parent, p.name == "script" || p.name == "style" {
                out.append(contentsOf: n.text.utf8)
            } else {
                appendEscaped(n.text, quotes: false, to: &out)
            }
        case .comment:
            break
        case .document:
            for c in n.children { write(c, into: &out) }
        case .element:
            out.append(0x3C)  // <
            out.append(contentsOf: n.name.utf8)
            for a in n.attributes {
                out.append(0x20)
                out.append(contentsOf: a.name.utf8)
                out.append(contentsOf: [0x3D, 0x22])  // ="
                appendEscaped(a.value, quotes: true, to: &out)
                out.append(0x22)
            }
            out.append(0x3E)  // >
            if HTMLParser.isVoid(n.name) { return }
            for c in n.children { write(c, into: &out) }
            out.append(contentsOf: [0x3C, 0x2F])  // </
            out.append(contentsOf: n.name.utf8)
            out.append(0x3E)
        }
    }

    /// Appends the UTF-8 of `s` to `out` with `&`, `<`, `>` (and, with `quotes`, `"`) escaped.
    private static func appendEscaped(_ s: String, quotes: Bool, to out: inout [UInt8]) {
        func run(_ b: UnsafeBufferPointer<UInt8>) {
            var start = 0
            for i in 0..<b.count {
                let c = b[i]
                let entity: [UInt8]
                switch c {
                case 0x26: entity = [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
                case 0x3C: entity = [0x26, 0x6C, 0x74, 0x3B]  // &lt;
                case 0x3E: entity = [0x26, 0x67, 0x74, 0x3B]  // &gt;
                case 0x22 where quotes: entity = [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
                out.append(contentsOf: entity)
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<b.count]))
        }
        if s.utf8.withContiguousStorageIfAvailable(run) == nil { Array(s.utf8).withUnsafeBufferPointer(run) }
    }
}
