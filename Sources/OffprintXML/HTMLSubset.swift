// HTMLSubset: the one sanitised HTML subset that stored article bodies use and that every
// exporter can rely on (docs/html-subset.md). `sanitize` keeps an allowlist of elements and
// attributes, drops active content, and repairs content models so that the result, written
// with XHTMLWriter, is a valid HTML5/XHTML body fragment.
import Foundation

/// The sanitised HTML subset of article bodies (docs/html-subset.md).
public enum HTMLSubset {
    // MARK: Element tables

    /// Elements kept as they are (after attribute filtering and content-model repair).
    public static let allowedElements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
        "blockquote", "pre", "code", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small",
        "mark", "q", "cite", "abbr", "time", "br", "hr", "a", "img", "figure", "figcaption",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "div", "span",
        "section", "article", "bdi", "dfn", "kbd", "samp", "var", "wbr", "ruby", "rt", "rp",
    ]

    /// Elements removed together with everything inside them.
    static let droppedWithContent: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "embed",
        "input", "select", "textarea", "option", "optgroup", "datalist", "output", "progress",
        "meter", "svg", "math", "head", "title", "meta", "link", "base", "source", "track",
        "param", "map", "area", "col", "colgroup", "dialog", "portal", "slot", "applet",
    ]

    /// The sets `cleanElement` tests each element against, by `HTMLTag` number.
    static let droppedWithContentNames = HTMLNameSet(droppedWithContent)
    static let renamedNames = HTMLNameSet(Set(renamed.keys))
    static let allowedNames = HTMLNameSet(allowedElements)
    static let voidNames = HTMLNameSet(XHTMLWriter.voidElements)
    /// Fallback content and formatting wrappers, unwrapped with their children kept.
    static let unwrappedNames = HTMLNameSet([
        "audio", "video", "object", "canvas", "picture", "button", "label", "form",
        "html", "body", "ins", "font", "big", "nobr", "blink", "noindex", "figure-group",
    ])

    /// Obsolete or block-like elements that are renamed rather than unwrapped.
    static let renamed: [String: String] = [
        "tt": "code", "strike": "s", "del": "s", "acronym": "abbr", "center": "div",
        "main": "div", "nav": "div", "aside": "div", "header": "div", "footer": "div",
        "address": "div", "details": "div", "summary": "p", "hgroup": "div", "fieldset": "div",
        "legend": "p", "listing": "pre", "xmp": "pre", "plaintext": "pre", "dir": "ul",
        "menu": "ul", "blink": "span", "marquee": "div",
    ]

    /// Elements whose content model is phrasing content only.
    static let phrasingOnly: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "em", "strong", "b", "i", "u", "s",
        "sub", "sup", "small", "mark", "q", "cite", "abbr", "time", "code", "span", "bdi",
        "dfn", "kbd", "samp", "var", "ruby", "rt", "rp",
    ]

    /// Phrasing content elements (`a` is transparent: phrasing inside phrasing).
    static let phrasing: Set<String> = phrasingOnly.subtracting(["p", "h1", "h2", "h3", "h4", "h5", "h6", "pre"])
        .union(["a", "br", "img", "wbr"])

    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    // MARK: Entry point

    /// Sanitises the tree under `root` in place: allowlisted elements and attributes only,
    /// no script or embedded active content, no comments, valid content models, unique ids
    /// that are XML NCNames (fragment links follow renamed ids). `root` itself is kept (it is
    /// usually a `.document` node or a container element); its children are the result.
    public static func sanitize(_ root: HTMLNode) {
        clean(root, insideAnchor: false)
        fixFlow(root)
        normalizeRuby(root)
        removeEmptyHeadings(root)
        dropMisplacedAttributes(root)
        fixIDs(root)
    }

    /// Element-specific attributes left on elements that repairs renamed (a `td` made a
    /// `div` keeps no `colspan`).
    private static func dropMisplacedAttributes(_ root: HTMLNode) {
        let owners: [String: Set<String>] = [
            "href": ["a"], "src": ["img"], "alt": ["img"], "width": ["img"], "height": ["img"],
            "colspan": ["td", "th"], "rowspan": ["td", "th"], "datetime": ["time"],
        ]
        for el in root.descendants() where !el.attributes.isEmpty {
            // Looked at before changing: most elements keep all theirs.
            func misplaced(_ a: HTMLAttribute) -> Bool { owners[a.name].map { !$0.contains(el.name) } ?? false }
            if el.attributes.contains(where: misplaced) { el.attributes.removeAll(where: misplaced) }
        }
    }

    /// The children of `<body>` in a parsed document (or of `<html>`, or the document's own
    /// children when neither exists): the nodes to sanitise for a body fragment.
    public static func bodyContainer(of document: HTMLNode) -> HTMLNode {
        if let body = document.firstElement(named: "body") { return body }
        if let html = document.firstElement(named: "html") { return html }
        return document
    }

    // MARK: Pass 1: elements, attributes, text

    private static func clean(_ node: HTMLNode, insideAnchor: Bool) {
        for child in node.children {
            switch child.kind {
            case .comment, .document:
                child.detach()
            case .text:
                child.text = xmlSafe(child.text)
            case .element:
                cleanElement(child, insideAnchor: insideAnchor)
            }
        }
    }

    private static func cleanElement(_ el: HTMLNode, insideAnchor: Bool) {
        var name = el.name
        // A prefixed name (`o:p`, `fb:like`); the byte test spares most names Foundation's search.
        // (An element with an `HTMLTag` number has a plain name.)
        if droppedWithContentNames.contains(el)
            || (el.tag == 0 && name.utf8.contains(0x3A) && name.contains(":")) {
            el.detach()
            return
        }
        if renamedNames.contains(el), let r = renamed[name] {
            el.name = r
            name = r
        }
        if unwrappedNames.contains(el) {
            // Fallback content and formatting wrappers: keep the children.
            clean(el, insideAnchor: insideAnchor)
            el.replace(with: el.children)
            return
        }
        guard allowedNames.contains(el) else {
            clean(el, insideAnchor: insideAnchor)
            el.replace(with: el.children)
            return
        }
        if name == "a" && insideAnchor {
            clean(el, insideAnchor: true)
            el.replace(with: el.children)
            return
        }
        filterAttributes(el)
        if voidNames.contains(el), !el.children.isEmpty, let parent = el.parent,
           let at = el.indexInParent {
            // libxml2 does not know every void element (`wbr`) and may nest what follows.
            clean(el, insideAnchor: insideAnchor)
            for (k, c) in el.children.enumerated() { parent.insert(c, at: at + 1 + k) }
        }
        if name == "img" {
            guard let src = el.attribute("src"), !src.isEmpty else {
                replaceImageByAlt(el)
                return
            }
        }
        if name == "time" && el.attribute("datetime") == nil {
            clean(el, insideAnchor: insideAnchor)
            el.replace(with: el.children)
            return
        }
        clean(el, insideAnchor: insideAnchor || name == "a")
    }

    /// Replaces an image by its alt text (nothing when the alt text is empty).
    public static func replaceImageByAlt(_ img: HTMLNode) {
        let alt = (img.attribute("alt") ?? "").trimmingWhiteSpace
        if alt.isEmpty { img.detach() } else { img.replace(with: [HTMLNode.textNode(xmlSafe(alt))]) }
    }

    private static func filterAttributes(_ el: HTMLNode) {
        // No attributes: none to keep, and no `name` to make an `id` of.
        guard !el.attributes.isEmpty else { return }
        var kept: [HTMLAttribute] = []
        for a in el.attributes {
            // Made XML-safe only when kept (most attributes, `class` and `style`, are not).
            var v: String { xmlSafe(a.value) }
            switch (a.name, el.name) {
            case ("id", _):
                let t = v.trimmingWhiteSpace
                if !t.isEmpty { kept.append(.init(name: "id", value: t)) }
            case ("title", _):
                kept.append(.init(name: "title", value: v))
            case ("lang", _):
                if let l = normalizedLanguageTag(v) { kept.append(.init(name: "lang", value: l)) }
            case ("dir", _):
                let d = v.lowercased().trimmingCharacters(in: .whitespaces)
                if d == "ltr" || d == "rtl" || d == "auto" { kept.append(.init(name: "dir", value: d)) }
            case ("href", "a"):
                if let h = safeHref(v) { kept.append(.init(name: "href", value: h)) }
            case ("src", "img"):
                let s = v.trimmingWhiteSpace
                if isSafeImageSource(s) { kept.append(.init(name: "src", value: s)) }
            case ("alt", "img"):
                kept.append(.init(name: "alt", value: v))
            case ("width", "img"), ("height", "img"):
                let t = v.trimmingCharacters(in: .whitespaces)
                if !t.isEmpty, t.count <= 6, t.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    kept.append(.init(name: a.name, value: String(Int(t)!)))
                }
            case ("colspan", "td"), ("colspan", "th"):
                if let n = Int(v.trimmingCharacters(in: .whitespaces)), n >= 1, n <= 1000, n != 1 {
                    kept.append(.init(name: "colspan", value: String(n)))
                }
            case ("rowspan", "td"), ("rowspan", "th"):
                if let n = Int(v.trimmingCharacters(in: .whitespaces)), n >= 0, n <= 65534, n != 1 {
                    kept.append(.init(name: "rowspan", value: String(n)))
                }
            case ("datetime", "time"):
                let t = v.trimmingCharacters(in: .whitespaces)
                if isValidDateTime(t) { kept.append(.init(name: "datetime", value: t)) }
            default:
                break
            }
        }
        if el.name == "a", el.attribute("id") == nil, !kept.contains(where: { $0.name == "id" }),
           let n = el.attribute("name")?.trimmingWhiteSpace, !n.isEmpty {
            kept.append(.init(name: "id", value: xmlSafe(n)))
        }
        el.attributes = kept
    }

    /// `href` values kept in the subset: anything but `javascript:`, `vbscript:`, `data:`
    /// and `file:` URLs, trimmed; nil when dropped.
    static func safeHref(_ value: String) -> String? {
        let t = value.trimmingWhiteSpace
        if t.isEmpty { return nil }
        let lower: String
        if t.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: the first 11 bytes that are not white space, lower-cased, are all the
            // prefix tests below read.
            var head: [UInt8] = []
            for b in t.utf8 where !(b == 0x20 || (b >= 0x09 && b <= 0x0D)) {
                head.append(b >= 0x41 && b <= 0x5A ? b + 32 : b)
                if head.count == 11 { break }
            }
            lower = String(decoding: head, as: UTF8.self)
        } else {
            lower = t.lowercased().filter { !$0.isWhitespace }
        }
        for bad in ["javascript:", "vbscript:", "data:", "file:", "about:", "blob:"] where lower.hasPrefix(bad) {
            return nil
        }
        return t
    }

    static func isSafeImageSource(_ s: String) -> Bool {
        if s.isEmpty { return false }
        let lower = s.lowercased()
        if lower.hasPrefix("data:") { return lower.hasPrefix("data:image/") }
        for bad in ["javascript:", "vbscript:", "file:", "about:", "blob:"] where lower.hasPrefix(bad) {
            return false
        }
        return true
    }

    // MARK: Pass 2: content models

    /// Makes the children of a flow-content container valid.
    private static func fixFlow(_ node: HTMLNode) {
        switch node.name {
        case "th", "dt":
            for d in node.descendants() {
                if headings.contains(d.name) { d.name = "p" }
                if d.name == "section" || d.name == "article" { d.name = "div" }
            }
        case "caption":
            for d in node.descendants() where ["table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"].contains(d.name) {
                d.name = "div"
            }
        default:
            break
        }
        hoistBlocks(in: node)
        fixModel(node)
        for child in node.children where child.isElement {
            if phrasingOnly.contains(child.name) {
                fixPhrasing(child)
            } else {
                fixFlow(child)
            }
        }
    }

    /// Inside a phrasing-only element (already free of blocks): recurse.
    private static func fixPhrasing(_ node: HTMLNode) {
        for child in node.children where child.isElement {
            fixPhrasing(child)
        }
    }

    private static func isBlock(_ n: HTMLNode) -> Bool {
        n.isElement && !phrasing.contains(n.name)
    }

    /// The first block element under `node` reachable through phrasing elements only.
    private static func firstBlock(in node: HTMLNode) -> HTMLNode? {
        for c in node.children where c.isElement {
            if isBlock(c) { return c }
            if let b = firstBlock(in: c) { return b }
        }
        return nil
    }

    /// Moves block elements out of phrasing-only children of the flow container `node`.
    private static func hoistBlocks(in node: HTMLNode) {
        var i = 0
        while i < node.children.count {
            let child = node.children[i]
            guard child.isElement, phrasingOnly.contains(child.name), let block = firstBlock(in: child) else {
                i += 1
                continue
            }
            if child.name == "span" {
                child.name = "div"
                i += 1
                continue
            }
            if headings.contains(child.name) || child.name == "pre" {
                flatten(child, separator: child.name == "pre" ? "\n" : " ")
                i += 1
                continue
            }
            split(child, at: block)
            // `child` (left part), `block`, right part now follow each other at i...
            if isEmptyContent(child) && child.attribute("id") == nil {
                child.detach()
            } else {
                i += 1
            }
            // block at i is a flow element now; skip it; the right part is examined next.
            i += 1
            if i < node.children.count {
                let right = node.children[i]
                if right.isElement, phrasingOnly.contains(right.name), isEmptyContent(right) {
                    right.detach()
                }
            }
        }
    }

    /// Splits `top` around its descendant `block`: `top` keeps what comes before, `block`
    /// follows `top`, then a shallow copy of the path holding what comes after.
    private static func split(_ top: HTMLNode, at block: HTMLNode) {
        var right: HTMLNode? = nil
        var cur = block
        while let level = cur.parent {
            let idx = cur.indexInParent!
            let clone = HTMLNode(kind: .element, name: level.name,
                                 attributes: level.attributes.filter { $0.name != "id" })
            for s in Array(level.children[(idx + 1)...]) { clone.append(s) }
            if let right { clone.insert(right, at: 0) }
            right = clone
            if level === top { break }
            cur = level
        }
        guard let parent = top.parent, let at = top.indexInParent else { return }
        parent.insert(block, at: at + 1)
        if let right { parent.insert(right, at: at + 2) }
    }

    /// Replaces every non-phrasing descendant of `node` by its children and a separator.
    private static func flatten(_ node: HTMLNode, separator: String) {
        for c in node.children where c.isElement {
            flatten(c, separator: separator)
            if isBlock(c) {
                if c.name == "hr" { c.detach(); continue }
                c.replace(with: c.children + [HTMLNode.textNode(separator)])
            }
        }
    }

    /// True when `n` has no non-whitespace text and no img/br/hr element.
    static func isEmptyContent(_ n: HTMLNode) -> Bool {
        if n.isText { return n.text.allSatisfy { $0.isWhitespace } }
        if n.isElement && ["img", "br", "hr"].contains(n.name) { return false }
        return n.children.allSatisfy { isEmptyContent($0) }
    }

    /// A text node of XML white space only (not U+00A0, which is text).
    private static func isBlank(_ n: HTMLNode) -> Bool {
        n.isText && n.text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    }

    /// Wraps runs of children of `node` for which `stray` holds into new `wrapper` elements
    /// (whitespace-only text between them is kept in the run; lone whitespace stays).
    private static func wrapRuns(in node: HTMLNode, wrapper: String, stray: (HTMLNode) -> Bool) {
        var i = 0
        while i < node.children.count {
            let c = node.children[i]
            if isBlank(c) || !stray(c) { i += 1; continue }
            let w = HTMLNode.element(wrapper)
            node.insert(w, at: i)
            while i + 1 < node.children.count {
                let n = node.children[i + 1]
                if stray(n) || (isBlank(n) && i + 2 < node.children.count && stray(node.children[i + 2])) {
                    w.append(n)
                } else {
                    break
                }
            }
            i += 1
        }
    }

    /// Element-specific content models of `node`'s children, and stray list, table,
    /// definition-list and figure parts among them.
    private static func fixModel(_ node: HTMLNode) {
        switch node.name {
        case "ul", "ol":
            wrapRuns(in: node, wrapper: "li") { $0.name != "li" || !$0.isElement }
            return
        case "dl":
            fixDefinitionList(node)
            return
        case "table":
            fixTable(node)
            return
        case "thead", "tbody", "tfoot":
            wrapRuns(in: node, wrapper: "tr") { !($0.isElement && $0.name == "tr") }
            return
        case "tr":
            wrapRuns(in: node, wrapper: "td") { !($0.isElement && ($0.name == "td" || $0.name == "th")) }
            return
        case "figure":
            let caps = node.children.filter { $0.isElement && $0.name == "figcaption" }
            let elems = node.children.filter { $0.isElement }
            var keep: HTMLNode? = nil
            if let last = elems.last, last.name == "figcaption" { keep = last }
            else if let first = elems.first, first.name == "figcaption" { keep = first }
            for c in caps where c !== keep { c.name = "div" }
        default:
            break
        }
        // Stray parts in a flow container.
        var i = 0
        while i < node.children.count {
            let c = node.children[i]
            if c.isElement {
                switch c.name {
                case "li":
                    let ul = HTMLNode.element("ul")
                    node.insert(ul, at: i)
                    while i + 1 < node.children.count {
                        let n = node.children[i + 1]
                        if (n.isElement && n.name == "li") || (isBlank(n) && i + 2 < node.children.count
                            && node.children[i + 2].isElement && node.children[i + 2].name == "li") {
                            ul.append(n)
                        } else { break }
                    }
                case "dt", "dd", "td", "th", "caption", "thead", "tbody", "tfoot", "tr":
                    c.name = "div"
                case "figcaption" where node.name != "figure":
                    c.name = "div"
                default:
                    break
                }
            }
            i += 1
        }
    }

    private static func fixDefinitionList(_ dl: HTMLNode) {
        // Stray content goes into the preceding dd (or a new one).
        var i = 0
        while i < dl.children.count {
            let c = dl.children[i]
            if isBlank(c) || (c.isElement && (c.name == "dt" || c.name == "dd")) { i += 1; continue }
            if let prev = dl.children[..<i].last(where: { $0.isElement }), prev.name == "dd" {
                prev.append(c)
            } else {
                let dd = HTMLNode.element("dd")
                dl.insert(dd, at: i)
                dd.append(c)
                i += 1
            }
        }
        // (dt+ dd+)*
        let names = dl.children.filter { $0.isElement }.map { $0.name }
        var ok = true
        var state = 0 // 0: expect dt, 1: in dt run, 2: in dd run
        for n in names {
            switch (state, n) {
            case (0, "dt"), (2, "dt"), (1, "dt"): state = 1
            case (1, "dd"), (2, "dd"): state = 2
            default: ok = false
            }
        }
        if state == 1 { ok = false }
        if !ok {
            dl.name = "div"
            for c in dl.children where c.isElement { c.name = "div" }
        }
    }

    private static func fixTable(_ table: HTMLNode) {
        var caption: HTMLNode? = nil
        var thead: HTMLNode? = nil
        var tfoot: HTMLNode? = nil
        var bodies: [HTMLNode] = []
        var outside: [HTMLNode] = []
        var pendingRows: HTMLNode? = nil
        for c in table.children {
            if isBlank(c) { c.detach(); continue }
            if c.isElement {
                switch c.name {
                case "caption" where caption == nil && thead == nil && bodies.isEmpty && tfoot == nil:
                    caption = c; pendingRows = nil; continue
                case "thead" where thead == nil && bodies.isEmpty:
                    thead = c; pendingRows = nil; continue
                case "tfoot" where tfoot == nil:
                    tfoot = c; pendingRows = nil; continue
                case "thead", "tfoot", "tbody":
                    c.name = "tbody"; bodies.append(c); pendingRows = nil; continue
                case "tr":
                    if pendingRows == nil {
                        let tb = HTMLNode.element("tbody")
                        bodies.append(tb)
                        pendingRows = tb
                    }
                    pendingRows!.append(c)
                    continue
                case "td", "th":
                    if pendingRows == nil {
                        let tb = HTMLNode.element("tbody")
                        bodies.append(tb)
                        pendingRows = tb
                    }
                    let tr: HTMLNode
                    if let last = pendingRows!.children.last, last.name == "tr" { tr = last } else {
                        tr = HTMLNode.element("tr")
                        pendingRows!.append(tr)
                    }
                    tr.append(c)
                    continue
                default:
                    break
                }
            }
            if c.isElement && c.name == "caption" { c.name = "div" }
            outside.append(c)
        }
        table.removeAllChildren()
        if let caption { table.append(caption) }
        if let thead { table.append(thead) }
        for b in bodies { table.append(b) }
        if let tfoot { table.append(tfoot) }
        if !outside.isEmpty, let parent = table.parent, let idx = table.indexInParent {
            let div = HTMLNode.element("div", children: outside)
            parent.insert(div, at: idx)
        }
    }

    /// Ruby annotations in the shape EPUB's XHTML content model requires (HTML, "The ruby
    /// element"; EPUBCheck's schema): each `rt` follows base text and is wrapped in `rp`
    /// parentheses, and the `ruby` ends with an `rt` group. The `rp` of the page are replaced
    /// by `(` and `)`; an `rt` with no base before it goes with its text; text after the last
    /// `rt` moves out after the `ruby`; a `ruby` with no `rt` left becomes its text. `rt` and
    /// `rp` outside a `ruby` go with their text (the reading of a base that is not there).
    private static func normalizeRuby(_ root: HTMLNode) {
        guard root.descendantTags.intersects(rubyTags) else { return }
        for el in root.descendants() where (el.name == "rt" || el.name == "rp") && el.parent?.name != "ruby" {
            el.detach()
        }
        for ruby in root.descendants().reversed() where ruby.name == "ruby" {
            var out: [HTMLNode] = []
            var pending: [HTMLNode] = []
            func hasBase(_ nodes: [HTMLNode]) -> Bool {
                nodes.contains { $0.kind == .element || ($0.kind == .text && !$0.text.allSatisfy(\.isWhitespace)) }
            }
            for child in ruby.children {
                switch child.name {
                case "rp":
                    continue
                case "rt" where child.kind == .element:
                    guard hasBase(pending) else { pending.removeAll(); continue }
                    out += pending
                    pending.removeAll()
                    out += [HTMLNode.element("rp", children: [HTMLNode.textNode("(")]), child,
                            HTMLNode.element("rp", children: [HTMLNode.textNode(")")])]
                default:
                    pending.append(child)
                }
            }
            guard let parent = ruby.parent else { continue }
            if !out.contains(where: { $0.name == "rt" }) {
                ruby.replace(with: pending)
                continue
            }
            ruby.removeAllChildren()
            for n in out { ruby.append(n) }
            if !pending.isEmpty, let i = parent.children.firstIndex(where: { $0 === ruby }) {
                for (k, n) in pending.enumerated() { parent.insert(n, at: i + 1 + k) }
            }
        }
    }

    private static let rubyTags = HTMLTag.Set(["ruby", "rt", "rp"])!
    private static let headingTags = HTMLTag.Set(headings)!

    private static func removeEmptyHeadings(_ root: HTMLNode) {
        guard root.descendantTags.intersects(headingTags) else { return }
        for h in root.descendants() where headings.contains(h.name) {
            if isEmptyContent(h) && h.attribute("id") == nil { h.detach() }
        }
    }

    // MARK: Pass 3: ids

    private static func fixIDs(_ root: HTMLNode) {
        var used = Set<String>()
        var renamed: [String: String] = [:]
        let all = root.descendants()
        for el in all {
            guard let id = el.attribute("id") else { continue }
            let base = ncName(id)
            var candidate = base
            var k = 2
            while used.contains(candidate) {
                candidate = "\(base)-\(k)"
                k += 1
            }
            used.insert(candidate)
            if renamed[id] == nil { renamed[id] = candidate }
            el.setAttribute("id", candidate)
        }
        for el in all where el.name == "a" {
            guard let href = el.attribute("href"), href.hasPrefix("#") else { continue }
            let frag = String(href.dropFirst())
            let decoded = frag.removingPercentEncoding ?? frag
            if let n = renamed[frag] ?? renamed[decoded] { el.setAttribute("href", "#" + n) }
        }
    }

    /// `s` made into an XML NCName: characters that cannot appear become `-`, and an `id-`
    /// prefix is added when the first character cannot start a name.
    public static func ncName(_ s: String) -> String {
        if XHTMLWriter.isNCName(s) { return s }
        var out = ""
        for ch in s.unicodeScalars {
            let c = String(ch)
            out += XHTMLWriter.isNCName("a" + c) ? c : "-"
        }
        if out.isEmpty || !XHTMLWriter.isNCName(out) { out = "id-" + out }
        return XHTMLWriter.isNCName(out) ? out : "id"
    }

    // MARK: Value checks

    /// `s` without the characters XML 1.0 does not allow (C0 controls other than tab, line
    /// feed and carriage return; U+FFFE and U+FFFF).
    public static func xmlSafe(_ s: String) -> String {
        func ok(_ u: Unicode.Scalar) -> Bool {
            let v = u.value
            if v < 0x20 { return v == 0x09 || v == 0x0A || v == 0x0D }
            if v == 0xFFFE || v == 0xFFFF { return false }
            return true
        }
        // The check on the UTF-8 bytes (most text passes): a control byte, or EF BF BE/BF,
        // which in valid UTF-8 is only ever U+FFFE/U+FFFF.
        func allowed(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                if c < 0x20 {
                    if c != 0x09 && c != 0x0A && c != 0x0D { return false }
                } else if c == 0xEF && i + 2 < n && b[i + 1] == 0xBF && (b[i + 2] == 0xBE || b[i + 2] == 0xBF) {
                    return false
                }
                i += 1
            }
            return true
        }
        if s.utf8.withContiguousStorageIfAvailable(allowed) ?? Array(s.utf8).withUnsafeBufferPointer(allowed) { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars where ok(u) { out.append(u) }
        return String(out)
    }

    /// A well-formed BCP 47 language tag (RFC 5646) in its conventional case, made from
    /// `value` (underscores read as hyphens, whitespace trimmed); nil when not well formed.
    public static func normalizedLanguageTag(_ value: String) -> String? {
        let t = value.trimmingWhiteSpace.replacingOccurrences(of: "_", with: "-")
        guard !t.isEmpty, t.count <= 64, t.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false).map { String($0) }
        func alpha(_ s: String) -> Bool { s.allSatisfy { $0.isLetter } }
        func digit(_ s: String) -> Bool { s.allSatisfy { $0.isNumber } }
        func alnum(_ s: String) -> Bool { s.allSatisfy { $0.isLetter || $0.isNumber } }
        guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 8 && alnum($0) }) else { return nil }
        var out: [String] = []
        var i = 0
        let first = parts[0].lowercased()
        if first == "x" || first == "i" {
            // private use or irregular grandfathered: keep as written, lower case
            guard parts.count >= 2 else { return nil }
            return parts.map { $0.lowercased() }.joined(separator: "-")
        }
        guard alpha(first), (2...3).contains(first.count) || (5...8).contains(first.count) else { return nil }
        out.append(first); i = 1
        // extlang (up to 3)
        var ext = 0
        while i < parts.count, first.count <= 3, ext < 3, parts[i].count == 3, alpha(parts[i]) {
            out.append(parts[i].lowercased()); i += 1; ext += 1
        }
        if i < parts.count, parts[i].count == 4, alpha(parts[i]) {
            out.append(parts[i].prefix(1).uppercased() + parts[i].dropFirst().lowercased()); i += 1
        }
        if i < parts.count, (parts[i].count == 2 && alpha(parts[i])) || (parts[i].count == 3 && digit(parts[i])) {
            out.append(parts[i].uppercased()); i += 1
        }
        var variants = Set<String>()
        while i < parts.count {
            let p = parts[i].lowercased()
            if (p.count >= 5) || (p.count == 4 && p.first!.isNumber) {
                guard !variants.contains(p) else { return nil }
                variants.insert(p)
                out.append(p); i += 1
            } else { break }
        }
        var singletons = Set<String>()
        while i < parts.count {
            let p = parts[i].lowercased()
            guard p.count == 1 else { return nil }
            if p == "x" {
                guard i + 1 < parts.count else { return nil }
                out.append(contentsOf: parts[i...].map { $0.lowercased() })
                i = parts.count
                break
            }
            guard !singletons.contains(p) else { return nil }
            singletons.insert(p)
            out.append(p); i += 1
            var n = 0
            while i < parts.count, parts[i].count >= 2 {
                out.append(parts[i].lowercased()); i += 1; n += 1
            }
            guard n > 0 else { return nil }
        }
        guard i == parts.count else { return nil }
        return out.joined(separator: "-")
    }

    /// Whether `s` is a valid HTML `datetime` value of the common forms: a year, month or
    /// date, a time, or a date and time with an optional time-zone offset.
    public static func isValidDateTime(_ s: String) -> Bool {
        let c = Array(s.utf8)
        var i = 0
        func num(_ n: Int) -> Int? {
            guard i + n <= c.count else { return nil }
            var v = 0
            for k in 0..<n {
                let b = c[i + k]
                guard b >= 48 && b <= 57 else { return nil }
                v = v * 10 + Int(b - 48)
            }
            i += n
            return v
        }
        func lit(_ ch: UInt8) -> Bool {
            if i < c.count && c[i] == ch { i += 1; return true }
            return false
        }
        func time() -> Bool {
            guard let h = num(2), h < 24, lit(58), let m = num(2), m < 60 else { return false }
            if lit(58) {
                guard let sec = num(2), sec < 60 else { return false }
                if lit(46) {
                    var n = 0
                    while i < c.count, c[i] >= 48, c[i] <= 57 { i += 1; n += 1 }
                    guard (1...3).contains(n) else { return false }
                }
            }
            return true
        }
        // time only
        if c.count >= 5, c[2] == 58 { return time() && i == c.count }
        guard let y = num(4), y > 0 else { return false }
        if i == c.count { return true }
        guard lit(45), let mo = num(2), (1...12).contains(mo) else { return false }
        if i == c.count { return true }
        guard lit(45), let d = num(2) else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]
        guard d >= 1 && d <= days else { return false }
        if i == c.count { return true }
        guard lit(84) || lit(32), time() else { return false }
        if i == c.count { return true }
        if lit(90) { return i == c.count }
        guard lit(43) || lit(45), let oh = num(2), oh < 24 else { return false }
        _ = lit(58)
        guard let om = num(2), om < 60 else { return false }
        return i == c.count
    }
}

extension String {
    /// Leading and trailing Unicode white space removed (what Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` removes), without bridging through
    /// NSString, which is slow on long values such as `data:` URIs.
    var trimmingWhiteSpace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}
