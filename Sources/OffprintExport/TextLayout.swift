// TextLayout: an HTML-subset tree laid out as plain text. The tree becomes blocks
// (paragraphs, headings, lists, quotes, code, tables, rules); blocks become lines, wrapped
// by display width (DisplayWidth: East Asian Wide characters take two columns) when a width
// is given. Lines break at spaces, and between characters of CJK text, but never inside a
// word, before closing punctuation or after opening punctuation. Links become numbered
// references (`text [1]`) listed at the end of the document.
import Foundation
import OffprintModel
import OffprintXML

/// One block of laid-out text.
indirect enum TextBlock: Equatable {
    case paragraph(String)
    case heading(Int, String)
    case list(ordered: Bool, start: Int, items: [[TextBlock]])
    case quote([TextBlock])
    case code(String)
    case table([[String]], header: Bool)
    case definition(term: String, details: [[TextBlock]])
    case rule
}

/// Numbered link references shared by one document.
struct LinkReferences {
    private(set) var urls: [String] = []
    private var numbers: [String: Int] = [:]

    /// The number of `url`, assigned on first use.
    mutating func number(_ url: String) -> Int {
        if let n = numbers[url] { return n }
        urls.append(url)
        numbers[url] = urls.count
        return urls.count
    }
}

/// Turns a sanitised tree into blocks and blocks into lines.
struct TextLayout {
    var references = LinkReferences()

    static let blockNames: Set<String> = [
        "p", "div", "section", "article", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "pre", "table", "figure", "figcaption", "hr",
        "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
    ]

    // MARK: Tree to blocks

    /// The blocks of the children of `node`.
    mutating func blocks(_ node: HTMLNode) -> [TextBlock] {
        var out: [TextBlock] = []
        var inline: [HTMLNode] = []
        func flushInline(_ layout: inout TextLayout) {
            let text = layout.inlineText(inline)
            if !text.isEmpty { out.append(.paragraph(text)) }
            inline = []
        }
        for child in node.children {
            if child.kind == .element, TextLayout.blockNames.contains(child.name) {
                flushInline(&self)
                out.append(contentsOf: block(child))
            } else {
                inline.append(child)
            }
        }
        flushInline(&self)
        return out
    }

    private mutating func block(_ el: HTMLNode) -> [TextBlock] {
        switch el.name {
        case "p", "figcaption", "caption", "dt", "td", "th", "tr":
            // Paragraph-like: blocks inside (rare after sanitising) are laid out in turn.
            return blocks(el)
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let text = inlineText(el.children)
            return text.isEmpty ? [] : [.heading(Int(String(el.name.dropFirst()))!, text)]
        case "ul", "ol":
            var items: [[TextBlock]] = []
            for li in el.elementChildren where li.name == "li" { items.append(blocks(li)) }
            let start = el.attribute("start").flatMap { Int($0) } ?? 1
            return items.isEmpty ? [] : [.list(ordered: el.name == "ol", start: start, items: items)]
        case "li":
            return [.list(ordered: false, start: 1, items: [blocks(el)])]
        case "blockquote":
            let inner = blocks(el)
            return inner.isEmpty ? [] : [.quote(inner)]
        case "pre":
            var text = el.textContent
            if text.hasPrefix("\n") { text.removeFirst() }
            while text.hasSuffix("\n") { text.removeLast() }
            return text.isEmpty ? [] : [.code(text)]
        case "hr":
            return [.rule]
        case "table":
            var rows: [[String]] = []
            var header = false
            var captions: [TextBlock] = []
            func collect(_ section: HTMLNode, _ layout: inout TextLayout) {
                for row in section.elementChildren {
                    if row.name == "tr" {
                        let cells = row.elementChildren.filter { $0.name == "td" || $0.name == "th" }
                        var texts: [String] = []
                        for cell in cells {
                            texts.append(layout.inlineText(cell.children).replacingOccurrences(of: "\n", with: " "))
                            let span = cell.attribute("colspan").flatMap { Int($0) } ?? 1
                            if span > 1 { texts.append(contentsOf: Array(repeating: "", count: min(span, 50) - 1)) }
                        }
                        if rows.isEmpty, !cells.isEmpty, section.name == "thead" || cells.allSatisfy({ $0.name == "th" }) {
                            header = true
                        }
                        if !texts.isEmpty { rows.append(texts) }
                    } else if ["thead", "tbody", "tfoot"].contains(row.name) {
                        collect(row, &layout)
                    } else if row.name == "caption" {
                        captions.append(contentsOf: layout.blocks(row))
                    }
                }
            }
            collect(el, &self)
            return captions + (rows.isEmpty ? [] : [.table(rows, header: header)])
        case "dl":
            var out: [TextBlock] = []
            var term: [String] = []
            var details: [[TextBlock]] = []
            for c in el.elementChildren {
                if c.name == "dt" {
                    if !details.isEmpty {
                        out.append(.definition(term: term.joined(separator: " / "), details: details))
                        term = []; details = []
                    }
                    term.append(inlineText(c.children))
                } else {
                    details.append(blocks(c))
                }
            }
            if !term.isEmpty || !details.isEmpty {
                out.append(.definition(term: term.joined(separator: " / "), details: details))
            }
            return out
        default: // div, section, article, figure, dd, and table parts outside tables
            return blocks(el)
        }
    }

    /// The text of inline nodes: white space collapsed, `br` as a line break, images as
    /// `[alt]`, links followed by their reference number.
    mutating func inlineText(_ nodes: [HTMLNode]) -> String {
        var s = ""
        func walk(_ n: HTMLNode, _ layout: inout TextLayout) {
            switch n.kind {
            case .text:
                for c in n.text {
                    if c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" {
                        if !s.isEmpty, s.last != " ", s.last != "\n" { s.append(" ") }
                    } else {
                        s.append(c)
                    }
                }
            case .comment:
                break
            case .document:
                for c in n.children { walk(c, &layout) }
            case .element:
                switch n.name {
                case "br":
                    while s.last == " " { s.removeLast() }
                    s.append("\n")
                case "img":
                    if let alt = MetadataText.line(n.attribute("alt")) { s += "[\(alt)]" }
                case "a":
                    let before = s.count
                    for c in n.children { walk(c, &layout) }
                    if let href = n.attribute("href"), !href.hasPrefix("#"), s.count > before {
                        while s.last == " " { s.removeLast() }
                        s += " [\(layout.references.number(href))]"
                    }
                default:
                    for c in n.children { walk(c, &layout) }
                }
            }
        }
        for n in nodes { walk(n, &self) }
        return s.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: Blocks to lines

    /// The lines of `blocks`, separated by blank lines, wrapped at `width` columns when
    /// given.
    static func lines(_ blocks: [TextBlock], width: Int?) -> [String] {
        var out: [String] = []
        for b in blocks {
            let ls = lines(b, width: width)
            if ls.isEmpty { continue }
            if !out.isEmpty { out.append("") }
            out.append(contentsOf: ls)
        }
        return out
    }

    static func lines(_ block: TextBlock, width: Int?) -> [String] {
        switch block {
        case .paragraph(let text):
            return text.split(separator: "\n", omittingEmptySubsequences: false)
                .flatMap { wrap(String($0), width: width) }
        case .heading(let level, let text):
            let ls = text.split(separator: "\n").flatMap { wrap(String($0), width: width) }
            if level <= 2 {
                let w = ls.map { DisplayWidth.of($0) }.max() ?? 0
                return ls + [String(repeating: level == 1 ? "=" : "-", count: max(w, 1))]
            }
            let marks = String(repeating: "#", count: level) + " "
            return wrap(text.replacingOccurrences(of: "\n", with: " "), width: width.map { max($0 - marks.count, 8) })
                .enumerated().map { ($0.offset == 0 ? marks : String(repeating: " ", count: marks.count)) + $0.element }
        case .list(let ordered, let start, let items):
            var out: [String] = []
            let last = start + items.count - 1
            let markerWidth = ordered ? "\(last). ".count : 2
            // Tight unless an item holds several blocks other than nested lists.
            let loose = items.contains { $0.filter { if case .list = $0 { return false } else { return true } }.count > 1 }
            for (k, item) in items.enumerated() {
                let marker = ordered ? "\(start + k). " : "- "
                let pad = String(repeating: " ", count: markerWidth)
                let w = width.map { max($0 - markerWidth, 8) }
                let inner = loose ? lines(item, width: w) : item.flatMap { lines($0, width: w) }
                if loose, k > 0 { out.append("") }
                if inner.isEmpty { out.append(marker.trimmingCharacters(in: .whitespaces)); continue }
                for (i, l) in inner.enumerated() {
                    let prefix = i == 0 ? marker.padding(toLength: markerWidth, withPad: " ", startingAt: 0) : pad
                    out.append(l.isEmpty ? "" : prefix + l)
                }
            }
            return out
        case .quote(let inner):
            return lines(inner, width: width.map { max($0 - 2, 8) }).map { $0.isEmpty ? ">" : "> " + $0 }
        case .code(let text):
            return text.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.isEmpty ? "" : "    " + $0.replacingOccurrences(of: "\t", with: "    ")
            }
        case .rule:
            return ["* * *"]
        case .definition(let term, let details):
            var out = term.isEmpty ? [] : wrap(term, width: width)
            for d in details {
                out += lines(d, width: width.map { max($0 - 4, 8) }).map { $0.isEmpty ? "" : "    " + $0 }
            }
            return out
        case .table(let rows, let header):
            return table(rows, header: header, width: width)
        }
    }

    /// Columns aligned by display width and separated by ` | `, a rule under a header row;
    /// when that is wider than `width`, one `header: value` line per cell instead.
    static func table(_ rows: [[String]], header: Bool, width: Int?) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let padded = rows.map { $0 + Array(repeating: "", count: columns - $0.count) }
        var widths = Array(repeating: 0, count: columns)
        for r in padded { for (i, c) in r.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
        let total = widths.reduce(0, +) + max(columns - 1, 0) * 3
        if width == nil || total <= width! || columns <= 1 {
            func line(_ r: [String]) -> String {
                var s = ""
                for (i, c) in r.enumerated() {
                    if i > 0 { s += " | " }
                    s += c
                    if i < r.count - 1 { s += String(repeating: " ", count: widths[i] - DisplayWidth.of(c)) }
                }
                return trimTrailing(s)
            }
            var out: [String] = []
            for (k, r) in padded.enumerated() {
                out.append(line(r))
                if k == 0, header, padded.count > 1 {
                    out.append(widths.map { String(repeating: "-", count: max($0, 1)) }.joined(separator: "-+-"))
                }
            }
            return out
        }
        // Too wide: each row as a record.
        let names = header ? padded[0] : (1...columns).map { "\($0)" }
        var out: [String] = []
        for r in (header ? Array(padded.dropFirst()) : padded) {
            if !out.isEmpty { out.append("") }
            for (i, c) in r.enumerated() where !c.isEmpty {
                let label = names[i].isEmpty ? "\(i + 1)" : names[i]
                out += wrap(label + ": " + c, width: width)
            }
        }
        return out
    }

    static func trimTrailing(_ s: String) -> String {
        var t = Substring(s)
        while t.last == " " { t = t.dropLast() }
        return String(t)
    }

    // MARK: Wrapping

    /// Closing punctuation: a line never starts with one (JIS X 4051 / UAX #14 class CL, EX,
    /// IS and the CJK small kana and prolonged sound mark).
    static let noBreakBefore: Set<Character> = Set(
        "、。，．,.:;!?)]}」』】〕〉》〗〙〛〞〟｠）］｝｣！？：；…‥・ー〜～ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ’”»›%‰℃°¢")
    /// Opening punctuation: a line never ends with one.
    static let noBreakAfter: Set<Character> = Set("([{「『【〔〈《〖〘〚〝｟（［｛｢‘“«‹$£¥€￥＄")

    /// Whether a line may break between `a` and `b` (neither a space).
    static func breakable(_ a: Character, _ b: Character) -> Bool {
        if noBreakBefore.contains(b) || noBreakAfter.contains(a) { return false }
        let wideA = a.unicodeScalars.first.map(DisplayWidth.isWide) ?? false
        let wideB = b.unicodeScalars.first.map(DisplayWidth.isWide) ?? false
        return wideA || wideB
    }

    /// `text` (one line, no newline) broken into lines of at most `width` columns where
    /// possible; a word wider than `width` stays whole on its own line.
    static func wrap(_ text: String, width: Int?) -> [String] {
        guard let width, width > 0, DisplayWidth.of(text) > width else { return [trimTrailing(text)] }
        // Units that cannot be broken, each with whether a space preceded it.
        var units: [(text: String, width: Int, space: Bool)] = []
        var current = ""
        var currentWidth = 0
        var spaceBefore = false
        var prev: Character? = nil
        for c in text {
            if c == " " {
                if !current.isEmpty { units.append((current, currentWidth, spaceBefore)); current = ""; currentWidth = 0 }
                spaceBefore = true
                prev = nil
                continue
            }
            if let p = prev, !current.isEmpty, breakable(p, c) {
                units.append((current, currentWidth, spaceBefore))
                current = ""; currentWidth = 0; spaceBefore = false
            }
            current.append(c)
            currentWidth += DisplayWidth.of(c)
            prev = c
        }
        if !current.isEmpty { units.append((current, currentWidth, spaceBefore)) }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for u in units {
            let gap = (u.space && !line.isEmpty) ? 1 : 0
            if !line.isEmpty, lineWidth + gap + u.width > width {
                lines.append(line)
                line = u.text
                lineWidth = u.width
            } else {
                if gap == 1 { line += " " }
                line += u.text
                lineWidth += gap + u.width
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
