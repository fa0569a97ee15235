// ContentSanitizer: reduces extracted article markup to the clean subset the library stores
// (docs/html-subset.md): an allowlist of elements and attributes; no scripts, styles, event
// handlers, classes or ids; unknown elements unwrapped so their text survives.
import Foundation
import OffprintXML

enum ContentSanitizer {
    /// Elements kept as they are.
    static let allowedElements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
        "del", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
        "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "small",
        "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
        "var", "wbr", "section", "article", "header", "details", "summary", "address",
    ]
    /// Elements removed with everything inside them.
    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "object", "embed", "applet", "frame", "frameset",
        "input", "select", "textarea", "option", "datalist", "canvas", "svg", "math", "audio", "video",
        "source", "track", "map", "area", "head", "title", "meta", "link", "base", "param", "dialog",
    ]
    /// Attributes kept on any element.
    static let globalAttributes: Set<String> = ["lang", "dir", "title"]
    /// Attributes kept on particular elements.
    static let elementAttributes: [String: Set<String>] = [
        "a": ["href"],
        "img": ["src", "alt", "width", "height"],
        "td": ["colspan", "rowspan", "headers"],
        "th": ["colspan", "rowspan", "headers", "scope", "abbr"],
        "col": ["span"], "colgroup": ["span"],
        "ol": ["start", "reversed", "type"],
        "li": ["value"],
        "time": ["datetime"],
        "q": ["cite"], "blockquote": ["cite"], "del": ["cite", "datetime"], "ins": ["cite", "datetime"],
        "abbr": ["title"],
        "details": ["open"],
    ]

    /// `allowedElements` and `droppedElements` by `HTMLTag` number, so that each element is
    /// tested without hashing its name.
    private static let allowedNames = HTMLNameSet(allowedElements)
    private static let droppedNames = HTMLNameSet(droppedElements)
    /// `elementAttributes` indexed by `HTMLTag` number (every key has one).
    private static let attributesByTag: [Set<String>] = {
        var table = [Set<String>](repeating: [], count: 256)
        for (name, attributes) in elementAttributes { table[Int(HTMLTag.number(name))] = attributes }
        return table
    }()

    /// Sanitises the children of `root` in place.
    static func sanitize(_ root: HTMLNode) {
        for child in root.children { clean(child) }
    }

    private static func clean(_ node: HTMLNode) {
        switch node.kind {
        case .comment:
            node.detach()
            return
        case .text, .document:
            for c in node.children { clean(c) }
            return
        case .element:
            break
        }
        if droppedNames.contains(node) {
            node.detach()
            return
        }
        for c in node.children { clean(c) }
        if !allowedNames.contains(node) {
            if node.name == "main" || node.name == "center" || node.name == "font" || node.name == "big" {
                node.unwrap()
            } else if node.name == "tt" {
                node.rename("code")
            } else if node.name == "strike" {
                node.rename("s")
            } else {
                node.unwrap()
            }
            return
        }
        // An allowed element has a number (`allowedNames` holds only names with one).
        let allowed = attributesByTag[Int(node.tag)]
        guard !node.attributes.isEmpty else { return finish(node) }
        node.attributes = node.attributes.filter { a in
            guard globalAttributes.contains(a.name) || allowed.contains(a.name) else { return false }
            if a.name == "dir" { return ["ltr", "rtl", "auto"].contains(a.value.lowercased()) }
            if a.name == "href" || a.name == "src" || a.name == "cite" { return isSafeURL(a.value, isImage: a.name == "src") }
            if a.name == "width" || a.name == "height" { return Int(a.value) != nil }
            return true
        }
        finish(node)
    }

    /// Unwraps a link without `href` and removes an image without `src` (after their
    /// attributes were filtered).
    private static func finish(_ node: HTMLNode) {
        if node.name == "a" && node.attribute("href") == nil {
            node.unwrap()
        } else if node.name == "img" && node.attribute("src") == nil {
            node.detach()
        }
    }

    /// Whether a URL may be kept: not `javascript:`/`vbscript:`, and `data:` only for images.
    static func isSafeURL(_ value: String, isImage: Bool) -> Bool {
        let lower: String
        if value.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (nearly every URL, and long data: URIs): the first 11 bytes that are not
            // white space or controls, lower-cased, are all the prefix tests below read.
            var head: [UInt8] = []
            for b in value.utf8 where b > 0x20 {
                head.append(b >= 0x41 && b <= 0x5A ? b + 32 : b)
                if head.count == 11 { break }
            }
            lower = String(decoding: head, as: UTF8.self)
        } else {
            lower = value.trimmedWhitespace.lowercased()
                .filter { !$0.isWhitespace && !($0.asciiValue.map { $0 < 0x20 } ?? false) }
        }
        if lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") { return false }
        if lower.hasPrefix("data:") { return isImage && lower.hasPrefix("data:image/") }
        return true
    }
}
