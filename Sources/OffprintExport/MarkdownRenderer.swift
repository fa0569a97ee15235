// MarkdownRenderer: an HTML-subset tree written as CommonMark (with GFM pipe tables and
// `~~strike~~`, which Obsidian-style editors read). Text is escaped so that it stays text;
// code keeps its bytes inside fences or backtick runs longer than any it holds; links keep
// only web and mail destinations; images become `![alt](assets/<sha256>.<ext>)` when their
// bytes are at hand, else their alt text.
import Foundation
import OffprintModel
import OffprintXML

/// Writes sanitised HTML trees as CommonMark.
struct MarkdownRenderer {
    /// The Markdown path of an image (by its `src`), nil when it is not available offline.
    var imagePath: (HTMLNode) -> String?

    static let blockNames = TextLayout.blockNames

    // MARK: Blocks

    /// The Markdown of the children of `node`, blocks separated by blank lines.
    func blocks(_ node: HTMLNode) -> [String] {
        var out: [String] = []
        var inline: [HTMLNode] = []
        func flush() {
            let text = paragraph(inline)
            if !text.isEmpty { out.append(text) }
            inline = []
        }
        for child in node.children {
            if child.kind == .element, Self.blockNames.contains(child.name) {
                flush()
                out.append(contentsOf: block(child))
            } else {
                inline.append(child)
            }
        }
        flush()
        return out
    }

    private func block(_ el: HTMLNode) -> [String] {
        switch el.name {
        case "p", "dt", "caption", "td", "th", "tr":
            return blocks(el)
        case "figcaption":
            return blocks(el).map { "*" + $0 + "*" }
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let text = inline(el.children).replacingOccurrences(of: "\\\n", with: " ")
                .replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return [] }
            return [String(repeating: "#", count: Int(String(el.name.dropFirst()))!) + " " + text]
        case "ul", "ol":
            let items = el.elementChildren.filter { $0.name == "li" }
            guard !items.isEmpty else { return [] }
            let start = el.attribute("start").flatMap { Int($0) } ?? 1
            // Tight unless an item holds several blocks other than nested lists.
            let tight = items.allSatisfy { li in
                blocks(li).count - li.elementChildren.filter { $0.name == "ul" || $0.name == "ol" }.count <= 1
            }
            let rendered = items.map { blocks($0) }
            var lines: [String] = []
            for (k, item) in rendered.enumerated() {
                let marker = el.name == "ol" ? "\(start + k). " : "- "
                let pad = String(repeating: " ", count: marker.count)
                if !tight, k > 0 { lines.append("") }
                if item.isEmpty { lines.append(marker.trimmingCharacters(in: .whitespaces)); continue }
                let body = item.joined(separator: tight ? "\n" : "\n\n").split(separator: "\n", omittingEmptySubsequences: false)
                for (i, l) in body.enumerated() {
                    lines.append(i == 0 ? marker + l : (l.isEmpty ? "" : pad + l))
                }
            }
            return [lines.joined(separator: "\n")]
        case "li":
            return ["- " + blocks(el).joined(separator: "\n\n").replacingOccurrences(of: "\n", with: "\n  ")]
        case "blockquote":
            let inner = blocks(el)
            guard !inner.isEmpty else { return [] }
            return [inner.joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")]
        case "pre":
            var text = el.textContent
            if text.hasPrefix("\n") { text.removeFirst() }
            while text.hasSuffix("\n") { text.removeLast() }
            guard !text.isEmpty else { return [] }
            let fence = String(repeating: "`", count: max(3, Self.longestRun(of: "`", in: text) + 1))
            return [fence + "\n" + text + "\n" + fence]
        case "hr":
            return ["* * *"]
        case "table":
            return table(el)
        case "dl":
            var out: [String] = []
            for c in el.elementChildren {
                if c.name == "dt" {
                    let t = inline(c.children)
                    if !t.isEmpty { out.append("**" + t + "**") }
                } else {
                    out.append(contentsOf: blocks(c))
                }
            }
            return out
        default:
            return blocks(el)
        }
    }

    /// A GFM pipe table (the first row is the header row), preceded by its caption.
    private func table(_ el: HTMLNode) -> [String] {
        var rows: [[String]] = []
        var captions: [String] = []
        func collect(_ section: HTMLNode) {
            for row in section.elementChildren {
                if row.name == "tr" {
                    var cells: [String] = []
                    for cell in row.elementChildren where cell.name == "td" || cell.name == "th" {
                        let t = inline(cell.children).replacingOccurrences(of: "\\\n", with: " ")
                            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "|", with: "\\|")
                        cells.append(t)
                        let span = cell.attribute("colspan").flatMap { Int($0) } ?? 1
                        if span > 1 { cells.append(contentsOf: Array(repeating: "", count: min(span, 50) - 1)) }
                    }
                    if !cells.isEmpty { rows.append(cells) }
                } else if ["thead", "tbody", "tfoot"].contains(row.name) {
                    collect(row)
                } else if row.name == "caption" {
                    captions.append(contentsOf: blocks(row))
                }
            }
        }
        collect(el)
        guard !rows.isEmpty else { return captions }
        let columns = rows.map(\.count).max()!
        func line(_ r: [String]) -> String {
            "| " + (r + Array(repeating: "", count: columns - r.count)).joined(separator: " | ") + " |"
        }
        var lines = [line(rows[0]), "|" + Array(repeating: " --- |", count: columns).joined()]
        lines += rows.dropFirst().map(line)
        return captions + [lines.joined(separator: "\n")]
    }

    // MARK: Inlines

    /// A paragraph from inline nodes; lines that would start a block are escaped.
    private func paragraph(_ nodes: [HTMLNode]) -> String {
        let text = inline(nodes)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Self.escapeLineStart(String($0)) }.joined(separator: "\n")
    }

    /// The Markdown of inline nodes, white space collapsed, trimmed.
    func inline(_ nodes: [HTMLNode]) -> String {
        var s = ""
        for n in nodes { s += inlineNode(n) }
        // Collapse white space runs the concatenation made, keep hard breaks.
        var out = ""
        for c in s {
            if c == " ", out.last == " " || out.last == "\n" || out.isEmpty { continue }
            if c == "\n" { while out.last == " " { out.removeLast() } }
            out.append(c)
        }
        var t = Substring(out)
        while let l = t.last, l == " " || l == "\n" || l == "\\" { t = t.dropLast() }
        return String(t)
    }

    private func inlineNode(_ n: HTMLNode) -> String {
        switch n.kind {
        case .text:
            var collapsed = ""
            for c in n.text {
                if c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" {
                    if collapsed.last != " " { collapsed.append(" ") }
                } else {
                    collapsed.append(c)
                }
            }
            return Self.escape(collapsed)
        case .comment:
            return ""
        case .document:
            return n.children.map(inlineNode).joined()
        case .element:
            let inner = { n.children.map(inlineNode).joined() }
            switch n.name {
            case "br":
                return "\\\n"
            case "img":
                let alt = Self.escape(MetadataText.line(n.attribute("alt")) ?? "")
                if let path = imagePath(n) { return "![\(alt)](\(path))" }
                return alt.isEmpty ? "" : "[\(alt)]"
            case "em", "i", "cite", "dfn", "var":
                return Self.wrap(inner(), "*")
            case "strong", "b":
                return Self.wrap(inner(), "**")
            case "s":
                return Self.wrap(inner(), "~~")
            case "code", "kbd", "samp":
                return Self.codeSpan(n.textContent)
            case "q":
                return "“" + inner() + "”"
            case "a":
                let text = inner()
                guard let href = n.attribute("href"), !href.hasPrefix("#"),
                      !text.trimmingCharacters(in: .whitespaces).isEmpty else { return text }
                let dest = href.contains("(") || href.contains(")") || href.contains(" ") ? "<\(href)>" : href
                let (lead, core, trail) = Self.splitSpace(text)
                return lead + "[" + core + "](" + dest + ")" + trail
            default:
                return inner()
            }
        }
    }

    /// `text` between `mark`s, with leading and trailing spaces moved outside (emphasis
    /// that starts or ends with a space is not emphasis in CommonMark).
    static func wrap(_ text: String, _ mark: String) -> String {
        let (lead, core, trail) = splitSpace(text)
        if core.isEmpty { return text }
        return lead + mark + core + mark + trail
    }

    static func splitSpace(_ text: String) -> (String, String, String) {
        let core = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if core.isEmpty { return (text, "", "") }
        let lead = text.hasPrefix(" ") ? " " : ""
        let trail = text.hasSuffix(" ") ? " " : ""
        return (lead, core, trail)
    }

    /// A code span: backtick fence one longer than the longest run inside, padded with a
    /// space when the code starts or ends with a backtick.
    static func codeSpan(_ raw: String) -> String {
        let code = raw.replacingOccurrences(of: "\n", with: " ")
        if code.trimmingCharacters(in: .whitespaces).isEmpty { return code.isEmpty ? "" : " " }
        let fence = String(repeating: "`", count: longestRun(of: "`", in: code) + 1)
        let pad = code.hasPrefix("`") || code.hasSuffix("`") || (code.hasPrefix(" ") && code.hasSuffix(" ")) ? " " : ""
        return fence + pad + code + pad + fence
    }

    static func longestRun(of c: Character, in s: String) -> Int {
        var best = 0, run = 0
        for x in s {
            if x == c { run += 1; best = max(best, run) } else { run = 0 }
        }
        return best
    }

    /// Text with every character Markdown could read as syntax backslash-escaped.
    static func escape(_ s: String) -> String {
        var out = ""
        let chars = Array(s)
        for (i, c) in chars.enumerated() {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "~", "|":
                out.append("\\"); out.append(c)
            case "!" where i + 1 < chars.count && chars[i + 1] == "[":
                out.append("\\!")
            case "&" where i + 1 < chars.count && (chars[i + 1].isLetter || chars[i + 1] == "#"):
                out.append("\\&")
            default:
                out.append(c)
            }
        }
        return out
    }

    /// A paragraph line made safe from being read as a block start (`#`, `-`, `+`, `=`,
    /// `1.`, `1)`, indented code).
    static func escapeLineStart(_ line: String) -> String {
        var l = Substring(line)
        while l.first == " " { l = l.dropFirst() }
        guard let first = l.first else { return "" }
        if "#-+=".contains(first) { return "\\" + l }
        let digits = l.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9, let next = l.dropFirst(digits.count).first, next == "." || next == ")" {
            return digits + "\\" + l.dropFirst(digits.count)
        }
        return String(l)
    }
}
