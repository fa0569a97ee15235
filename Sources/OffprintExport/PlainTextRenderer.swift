// PlainTextRenderer: an article as readable plain text (`offprint show`), paragraphs
// separated by blank lines. The plain-text export bundle builds on it.
import Foundation
import OffprintModel
import OffprintXML

/// Rendering stored article HTML as plain text.
public enum PlainTextRenderer {
    static let blocks: Set<String> = [
        "p", "div", "section", "article", "header", "footer", "main", "aside", "blockquote",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "pre", "table",
        "tr", "figure", "figcaption", "hr", "caption",
    ]

    /// A header (title, byline, site, published time, URL), a blank line, then the body.
    public static func article(_ a: ArticleSnapshot) -> String {
        let m = a.metadata
        var header = [m.title ?? "(untitled)"]
        if let b = m.byline { header.append(b) }
        if let s = m.siteName { header.append(s) }
        if let p = m.publishedTime { header.append(p) }
        if let u = m.url { header.append(u) }
        return header.joined(separator: "\n") + "\n\n" + body(html: a.content)
    }

    /// The text of an HTML fragment: one paragraph per block, blank lines between them,
    /// list items as `- item` (or `1. item`), `pre` kept verbatim, images as `[alt]`.
    public static func body(html: String) -> String {
        guard let doc = try? HTMLParser.parse(utf8: Data(html.utf8)) else { return html }
        var paragraphs: [String] = []
        var current = ""
        func flush() {
            let t = current.trimmingCharacters(in: .whitespacesAndNewlines)
            if !t.isEmpty { paragraphs.append(t) }
            current = ""
        }
        func walk(_ n: HTMLNode, listPrefix: String?, inPre: Bool) {
            switch n.kind {
            case .text:
                if inPre { current += n.text } else {
                    let collapsed = n.text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
                        .joined(separator: " ")
                    if n.text.first.map({ $0.isWhitespace }) == true, !current.isEmpty, !current.hasSuffix(" ") { current += " " }
                    current += collapsed
                    if n.text.last.map({ $0.isWhitespace }) == true, !collapsed.isEmpty { current += " " }
                }
            case .comment:
                break
            case .document:
                for c in n.children { walk(c, listPrefix: listPrefix, inPre: inPre) }
            case .element:
                switch n.name {
                case "script", "style", "head", "title": return
                case "br": current += "\n"; return
                case "img": if let alt = n.attribute("alt"), !alt.isEmpty { current += "[\(alt)]" }; return
                default: break
                }
                let isBlock = blocks.contains(n.name)
                if isBlock { flush() }
                if n.name == "li" { current += listPrefix ?? "- " }
                var childPrefix = listPrefix
                if n.name == "ul" { childPrefix = "- " }
                var index = 0
                for c in n.children {
                    if n.name == "ol", c.name == "li" { index += 1; childPrefix = "\(index). " }
                    walk(c, listPrefix: childPrefix, inPre: inPre || n.name == "pre")
                }
                if n.name == "td" || n.name == "th" { current += "\t" }
                if isBlock { flush() }
            }
        }
        walk(doc, listPrefix: nil, inPre: false)
        flush()
        return paragraphs.joined(separator: "\n\n")
    }
}
