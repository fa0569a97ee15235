// HTMLTag: small integers for HTML's element names, so that walks over a tree can test an
// element's name, or its membership in a set of names, without comparing or hashing strings.

/// The element names of the HTML Living Standard (section 4) and the obsolete ones pages
/// still use (section 16), numbered from 1; 0 stands for any other name. `HTMLNode.tag` holds
/// an element's number.
public enum HTMLTag {
    /// The names, in number order (`names[i - 1]` has number `i`). At most 127, so that a
    /// set of them fits `HTMLTag.Set`.
    public static let names: [String] = [
        "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo",
        "blockquote", "body", "br", "button", "canvas", "caption", "cite", "code", "col", "colgroup",
        "data", "datalist", "dd", "del", "details", "dfn", "dialog", "div", "dl", "dt", "em", "embed",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "head", "header", "hgroup", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label",
        "legend", "li", "link", "main", "map", "mark", "math", "menu", "meta", "meter", "nav",
        "noscript", "object", "ol", "optgroup", "option", "output", "p", "picture", "pre", "progress",
        "q", "rp", "rt", "ruby", "s", "samp", "script", "search", "section", "select", "slot", "small",
        "source", "span", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td",
        "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "u", "ul",
        "var", "video", "wbr", "center", "font", "big", "strike", "tt", "frame", "frameset",
        "applet", "acronym", "marquee", "nobr",
    ]

    private static let numbers: [String: UInt8] = {
        var d: [String: UInt8] = [:]
        for (i, n) in names.enumerated() { d[n] = UInt8(i + 1) }
        return d
    }()

    /// The number of element name `name` (lower case), 0 when it has none.
    public static func number(_ name: String) -> UInt8 { numbers[name] ?? 0 }

    /// A set of element numbers, as 128 bits.
    public struct Set: Sendable, Equatable {
        public var low: UInt64 = 0
        public var high: UInt64 = 0
        public init() {}

        /// The set of one number.
        @inlinable public init(tag t: UInt8) { insert(t) }

        /// The set of `names`, or nil when one of them has no number (then the names must be
        /// compared as strings).
        public init?<S: Sequence>(_ names: S) where S.Element == String {
            for n in names {
                let t = HTMLTag.number(n)
                if t == 0 { return nil }
                insert(t)
            }
        }

        @inlinable public mutating func insert(_ t: UInt8) {
            if t < 64 { low |= 1 << UInt64(t) } else { high |= 1 << UInt64(t & 63) }
        }

        /// Whether `t` is in the set (0, the number of no name, only in
        /// `HTMLNode.descendantTags`).
        @inlinable public func contains(_ t: UInt8) -> Bool {
            t < 64 ? (low >> UInt64(t)) & 1 != 0 : (high >> UInt64(t & 63)) & 1 != 0
        }

        /// Whether the two sets share a number.
        @inlinable public func intersects(_ other: Set) -> Bool {
            low & other.low != 0 || high & other.high != 0
        }

        /// Whether every number of `other` is in this set.
        @inlinable public func isSuperset(of other: Set) -> Bool {
            low & other.low == other.low && high & other.high == other.high
        }

        /// Adds the numbers of `other`.
        @inlinable public mutating func formUnion(_ other: Set) {
            low |= other.low
            high |= other.high
        }
    }
}

/// A set of element names tested on an element by its `HTMLTag` number when the element's
/// name has one, and by the name otherwise: no string hashed or compared for HTML's names.
public struct HTMLNameSet: Sendable {
    /// The numbers of the names that have one.
    public let tags: HTMLTag.Set
    /// The names without a number.
    public let others: Set<String>

    public init(_ names: Set<String>) {
        var tags = HTMLTag.Set()
        var others = Set<String>()
        for n in names {
            let t = HTMLTag.number(n)
            if t == 0 { others.insert(n) } else { tags.insert(t) }
        }
        self.tags = tags
        self.others = others
    }

    /// Whether `node`'s name is in the set: its number when it has one (a name with a number
    /// is in the set just when the number is), else the name.
    @inlinable public func contains(_ node: HTMLNode) -> Bool {
        node.tag != 0 ? tags.contains(node.tag) : others.contains(node.name)
    }
}
