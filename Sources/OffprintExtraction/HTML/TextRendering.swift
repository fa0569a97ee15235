// TextRendering: the plain text of extracted content (`textContent`): white space collapsed as
// a browser renders it, blocks separated by blank lines, `<br>` as a line break, `<pre>` kept.
import Foundation
import OffprintXML

enum TextRendering {
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
    ]

    /// The text of `nodes` with paragraph breaks.
    static func text(of nodes: [HTMLNode]) -> String {
        var r = Renderer()
        for n in nodes { r.walk(n, inPre: false) }
        return r.finish()
    }

    private struct Renderer {
        var blocks: [String] = []
        var line = ""
        var pendingSpace = false

        mutating func breakBlock() {
            let t = line.trimmingCharacters(in: .whitespaces)
            if !t.isEmpty { blocks.append(t) }
            line = ""
            pendingSpace = false
        }

        mutating func walk(_ n: HTMLNode, inPre: Bool) {
            switch n.kind {
            case .comment:
                return
            case .text:
                if inPre {
                    line += n.text
                    return
                }
                for ch in n.text {
                    if ch.isWhitespace && ch != "\u{00A0}" {
                        pendingSpace = true
                    } else {
                        if pendingSpace && !line.isEmpty && !line.hasSuffix("\n") { line += " " }
                        pendingSpace = false
                        line.append(ch)
                    }
                }
            case .document, .element:
                let name = n.name
                if name == "br" {
                    line += "\n"
                    pendingSpace = false
                    return
                }
                if name == "img" {
                    return
                }
                let block = n.kind == .element && TextRendering.blockElements.contains(name)
                let cell = name == "td" || name == "th"
                if block { breakBlock() }
                if cell && !line.isEmpty { line += "\t"; pendingSpace = false }
                for c in n.children { walk(c, inPre: inPre || name == "pre") }
                if block { breakBlock() }
            }
        }

        mutating func finish() -> String {
            breakBlock()
            return blocks.map { block in
                block.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                    .joined(separator: "\n")
            }.joined(separator: "\n\n")
        }
    }
}
