// HTMLNode+DOM: the few DOM operations the reader-view algorithm is written in terms of
// (element siblings, depth-first "next node", inner text as Readability measures it), on
// OffprintXML's plain Swift tree.
import Foundation
import OffprintXML

extension HTMLNode {
    var className: String { attribute("class") ?? "" }
    var idAttribute: String { attribute("id") ?? "" }

    var firstElementChild: HTMLNode? { children.first(where: { $0.kind == .element }) }

    var nextElementSibling: HTMLNode? {
        guard let p = parent, let i = indexInParent else { return nil }
        var k = i + 1
        while k < p.children.count {
            if p.children[k].kind == .element { return p.children[k] }
            k += 1
        }
        return nil
    }

    var previousElementSibling: HTMLNode? {
        guard let p = parent, let i = indexInParent else { return nil }
        var k = i - 1
        while k >= 0 {
            if p.children[k].kind == .element { return p.children[k] }
            k -= 1
        }
        return nil
    }

    var nextSiblingNode: HTMLNode? {
        guard let p = parent, let i = indexInParent, i + 1 < p.children.count else { return nil }
        return p.children[i + 1]
    }

    /// Depth-first successor among elements (Readability's `_getNextNode`).
    func nextNode(ignoringSelfAndChildren: Bool = false) -> HTMLNode? {
        if !ignoringSelfAndChildren, let c = firstElementChild { return c }
        if let s = nextElementSibling { return s }
        var n: HTMLNode? = parent
        while let cur = n {
            if let s = cur.nextElementSibling { return s }
            n = cur.parent
        }
        return nil
    }

    /// Removes this node and returns the next node in depth-first order after it.
    func removeAndGetNext() -> HTMLNode? {
        let next = nextNode(ignoringSelfAndChildren: true)
        detach()
        return next
    }

    /// Ancestors, nearest first, up to `maxDepth` of them (all when 0). Elements only.
    func ancestors(maxDepth: Int = 0) -> [HTMLNode] {
        var out: [HTMLNode] = []
        var n = parent
        while let cur = n {
            if cur.kind == .element { out.append(cur) }
            if maxDepth > 0 && out.count == maxDepth { break }
            n = cur.parent
        }
        return out
    }

    /// Readability's `_hasAncestorTag`: whether an ancestor within `maxDepth` levels (any
    /// depth when negative) is a `tag` element accepted by `filter`.
    func hasAncestor(_ tag: String, maxDepth: Int = 3, filter: ((HTMLNode) -> Bool)? = nil) -> Bool {
        var depth = 0
        var n: HTMLNode = self
        while let p = n.parent {
            if maxDepth > 0 && depth > maxDepth { return false }
            if p.name == tag && p.kind == .element && (filter == nil || filter!(p)) { return true }
            n = p
            depth += 1
        }
        return false
    }

    /// Descendant elements whose name is in `names`, document order.
    func elements(in names: Set<String>) -> [HTMLNode] {
        var out: [HTMLNode] = []
        func visit(_ n: HTMLNode) {
            for c in n.children where c.kind == .element {
                if names.contains(c.name) { out.append(c) }
                if !c.children.isEmpty { visit(c) }
            }
        }
        visit(self)
        return out
    }

    /// Counts descendant elements named `name`.
    func count(of name: String) -> Int {
        var total = 0
        func visit(_ n: HTMLNode) {
            for c in n.children where c.kind == .element {
                if c.name == name { total += 1 }
                if !c.children.isEmpty { visit(c) }
            }
        }
        visit(self)
        return total
    }

    /// Counts the commas (ASCII, Arabic, full-width, ...) Readability counts in a text.
    static func commaCount(_ text: String) -> Int {
        var n = 0
        for s in text.unicodeScalars {
            switch s.value {
            case 0x2C, 0x060C, 0xFE50, 0xFE10, 0xFE11, 0x2E41, 0x2E34, 0x2E32, 0xFF0C: n += 1
            default: break
            }
        }
        return n
    }

    /// Readability's `_getInnerText`: text content trimmed, runs of 2+ white space made one
    /// space when `normalizeSpaces`.
    func innerText(normalizeSpaces: Bool = true) -> String {
        let t = textContent.trimmedWhitespace
        return normalizeSpaces ? t.collapsingWhitespaceRuns() : t
    }

    /// Length of `innerText` in UTF-16 code units, as JavaScript counts, computed without
    /// building the string: leading and trailing white space dropped, inner runs of two or
    /// more counted as one character when `normalizeSpaces`.
    func innerTextLength(normalizeSpaces: Bool = true) -> Int {
        var length = 0
        var run = 0
        var seenText = false
        func visit(_ n: HTMLNode) {
            if n.kind == .text {
                for s in n.text.unicodeScalars {
                    if s.isSpaceFast {
                        run += 1
                    } else {
                        if seenText && run > 0 { length += normalizeSpaces ? 1 : run }
                        run = 0
                        seenText = true
                        length += s.value > 0xFFFF ? 2 : 1
                    }
                }
            } else if n.kind != .comment {
                for c in n.children { visit(c) }
            }
        }
        visit(self)
        return length
    }

    /// Whether any descendant text has a non-white-space character.
    var hasNonWhitespaceText: Bool {
        if kind == .text { return text.unicodeScalars.contains { !$0.isSpaceFast } }
        if kind == .comment { return false }
        return children.contains { $0.hasNonWhitespaceText }
    }

    /// Renames the element in place (Readability's `_setNodeTag`; identity and score kept).
    func rename(_ newName: String) { name = newName }

    /// Replaces this element by its children.
    func unwrap() {
        replace(with: children)
    }

    /// Whether the node is text, or an element, that has only white space (or is a `<br>`).
    var isWhitespaceNode: Bool {
        (kind == .text && !text.unicodeScalars.contains { !$0.isSpaceFast })
            || (kind == .element && name == "br")
    }
}

extension String {
    /// Replaces every run of two or more white-space characters with one space (JS `\s{2,}`).
    func collapsingWhitespaceRuns() -> String {
        var out = String.UnicodeScalarView()
        var run = 0
        var pending: Unicode.Scalar?
        for s in unicodeScalars {
            if s.isSpaceFast {
                run += 1
                if run == 1 { pending = s }
            } else {
                if run == 1, let p = pending { out.append(p) } else if run > 1 { out.append(" ") }
                run = 0
                pending = nil
                out.append(s)
            }
        }
        if run == 1, let p = pending { out.append(p) } else if run > 1 { out.append(" ") }
        return String(out)
    }

    /// Leading and trailing white space removed (native; Foundation's trimming bridges
    /// through NSString on Linux and is slow on long texts).
    var trimmedWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceFast }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpaceFast })!
        return String(scalars[first...last])
    }

    /// White space collapsed to single spaces and trimmed.
    var normalizedSpace: String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// A compiled regular expression with the one question the extractor asks of it.
struct Pattern: @unchecked Sendable {
    let regex: NSRegularExpression

    init(_ pattern: String, caseInsensitive: Bool = true) {
        regex = try! NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    func matches(_ s: String) -> Bool {
        regex.firstMatch(in: s, options: [], range: NSRange(s.startIndex..., in: s)) != nil
    }

    /// The first match's capture groups (index 0 is the whole match); nil when no match.
    func firstMatch(_ s: String) -> [String?]? {
        guard let m = regex.firstMatch(in: s, options: [], range: NSRange(s.startIndex..., in: s)) else { return nil }
        return (0..<m.numberOfRanges).map { i in
            let r = m.range(at: i)
            guard r.location != NSNotFound, let rr = Range(r, in: s) else { return nil }
            return String(s[rr])
        }
    }

    /// All matches' whole-match strings.
    func allMatches(_ s: String) -> [String] {
        regex.matches(in: s, options: [], range: NSRange(s.startIndex..., in: s)).compactMap {
            Range($0.range, in: s).map { String(s[$0]) }
        }
    }
}
