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

    /// Whether this node comes before `other` in document order (an ancestor comes before
    /// its descendants; false for the same node, or when they share no root).
    func precedes(_ other: HTMLNode) -> Bool {
        let mine = [self] + ancestors(), theirs = [other] + other.ancestors()
        // The first of my ancestors (or me) that is also one of theirs.
        for (i, a) in mine.enumerated() {
            guard let j = theirs.firstIndex(where: { $0 === a }) else { continue }
            if i == 0 || j == 0 { return j == 0 ? false : true }
            let x = mine[i - 1], y = theirs[j - 1]
            for c in a.children {
                if c === x { return true }
                if c === y { return false }
            }
            return false
        }
        return false
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
        if names.count == 1, let name = names.first {
            let tag = HTMLTag.number(name)
            if tag != 0 {
                if descendantTags.contains(tag) { HTMLNode.collect(tag: tag, under: self, into: &out) }
            } else {
                // One name: compared directly, no hashing per element.
                HTMLNode.collect(named: name, under: self, into: &out)
            }
        } else if let tags = HTMLTag.Set(names) {
            // HTML's names: their numbers tested, no string hashed per element.
            if descendantTags.intersects(tags) { HTMLNode.collect(in: tags, under: self, into: &out) }
        } else {
            HTMLNode.collect(in: names, under: self, into: &out)
        }
        return out
    }

    // The walks below pass their results `inout` rather than capturing a local variable in a
    // nested function (a captured variable is boxed and checked at run time on every access),
    // and read the children in place (`withChildren`, `childCount`): no copy of each node's
    // child array is retained and released per visit, and these walks visit every element
    // many times per page.

    // `descendantTags` tells which subtrees can hold a wanted element; the others are not
    // entered (an `img` or `noscript` walk then visits a small part of the page).

    private static func collect(tag: UInt8, under n: HTMLNode, into out: inout [HTMLNode]) {
        n.withChildren { children in
            for c in children where c.kind == .element {
                if c.tag == tag { out.append(c) }
                if c.descendantTags.contains(tag) { collect(tag: tag, under: c, into: &out) }
            }
        }
    }

    private static func collect(in tags: HTMLTag.Set, under n: HTMLNode, into out: inout [HTMLNode]) {
        n.withChildren { children in
            for c in children where c.kind == .element {
                if tags.contains(c.tag) { out.append(c) }
                if c.descendantTags.intersects(tags) { collect(in: tags, under: c, into: &out) }
            }
        }
    }

    /// Elements named `name`, which has no `HTMLTag` number (0 in `descendantTags`).
    private static func collect(named name: String, under n: HTMLNode, into out: inout [HTMLNode]) {
        n.withChildren { children in
            for c in children where c.kind == .element {
                if c.name == name { out.append(c) }
                if c.descendantTags.contains(0) { collect(named: name, under: c, into: &out) }
            }
        }
    }

    private static func collect(in names: Set<String>, under n: HTMLNode, into out: inout [HTMLNode]) {
        n.withChildren { children in
            for c in children where c.kind == .element {
                if names.contains(c.name) { out.append(c) }
                if c.childCount > 0 { collect(in: names, under: c, into: &out) }
            }
        }
    }

    /// Counts descendant elements named `name`.
    func count(of name: String) -> Int {
        var total = 0
        HTMLNode.count(named: name, under: self, into: &total)
        return total
    }

    private static func count(named name: String, under n: HTMLNode, into total: inout Int) {
        for c in n.children where c.kind == .element {
            if c.name == name { total += 1 }
            if !c.children.isEmpty { count(named: name, under: c, into: &total) }
        }
    }

    /// Counts the commas (ASCII, Arabic, full-width, ...) Readability counts in a text.
    static func commaCount(_ text: String) -> Int {
        // On UTF-8: `,` U+002C; U+060C D8 8C; U+2E32 E2 B8 B2, U+2E34 E2 B8 B4, U+2E41 E2 B9 81;
        // U+FE10 EF B8 90, U+FE11 EF B8 91, U+FE50 EF B9 90, U+FF0C EF BC 8C.
        func count(_ b: UnsafeBufferPointer<UInt8>) -> Int {
            var n = 0
            var i = 0
            let end = b.count
            while i < end {
                let c = b[i]
                if c == 0x2C {
                    n += 1
                } else if c == 0xD8 {
                    if i + 1 < end && b[i + 1] == 0x8C { n += 1 }
                } else if c == 0xE2 || c == 0xEF, i + 2 < end {
                    let c1 = b[i + 1], c2 = b[i + 2]
                    if c == 0xE2 {
                        if (c1 == 0xB8 && (c2 == 0xB2 || c2 == 0xB4)) || (c1 == 0xB9 && c2 == 0x81) { n += 1 }
                    } else if (c1 == 0xB8 && (c2 == 0x90 || c2 == 0x91)) || (c1 == 0xB9 && c2 == 0x90)
                                || (c1 == 0xBC && c2 == 0x8C) {
                        n += 1
                    }
                }
                i += 1
            }
            return n
        }
        return text.utf8.withContiguousStorageIfAvailable(count) ?? Array(text.utf8).withUnsafeBufferPointer(count)
    }

    /// The commas (as `commaCount(_:)`) in all descendant text.
    var commaCount: Int {
        switch kind {
        case .text: return HTMLNode.commaCount(text)
        case .comment: return 0
        default: return children.reduce(0) { $0 + $1.commaCount }
        }
    }

    /// `textContent` without ruby annotations (`rt` readings, `rp` parentheses), the text a
    /// reader reads, as the article's `textContent` has it.
    var textOutsideRubyText: String {
        var out = ""
        func collect(_ n: HTMLNode) {
            for c in n.children {
                switch c.kind {
                case .text: out += c.text
                case .comment: break
                case .element, .document: if c.name != "rt" && c.name != "rp" { collect(c) }
                }
            }
        }
        collect(self)
        return out
    }

    /// Readability's `_getInnerText`: text content trimmed, runs of 2+ white space made one
    /// space when `normalizeSpaces`.
    func innerText(normalizeSpaces: Bool = true) -> String {
        let t = textContent.trimmedWhitespace
        return normalizeSpaces ? t.collapsingWhitespaceRuns() : t
    }

    /// Whether `textContent` (and so `innerText`, trimmed or not) surely has more than
    /// `limit` characters (`Character`s, grapheme clusters) that are not white space, told
    /// without building it and stopping once past `limit`. It counts the scalars that surely
    /// start a grapheme cluster (`TextSpan.plainScalarLength`) when the scalar before is one of
    /// them, any ASCII character, another 2-byte scalar but a Prepend one, or general
    /// punctuation (U+2000-2FFF) but ZWJ: none of these holds the next scalar in its cluster.
    /// False when unsure.
    func hasMoreCharacters(than limit: Int) -> Bool {
        var count = 0
        var previousKnown = true
        return HTMLNode.countStarts(self, limit, &count, &previousKnown)
    }

    private static func countStarts(_ n: HTMLNode, _ limit: Int, _ count: inout Int, _ previousKnown: inout Bool) -> Bool {
        if n.kind == .text {
            var text = n.text
            var c = count, known = previousKnown
            let over = text.withUTF8 { b -> Bool in
                var i = 0
                while i < b.count {
                    let plain = TextSpan.plainScalarLength(b, i)
                    if plain > 0 {
                        if known { c += 1 }
                        known = true
                        i += plain
                        if c > limit { return true }
                        continue
                    }
                    let x = b[i]
                    switch x {
                    case 0x00...0x7F:
                        // White space and controls: nothing joins the next to them.
                        known = true
                        i += 1
                    case 0xC0...0xDF:
                        // Any other 2-byte scalar (a combining mark, say) but the Prepend
                        // U+0600-0605, U+06DD, U+070F leaves the next one free.
                        let y = i + 1 < b.count ? b[i + 1] : 0
                        known = !((x == 0xD8 && y >= 0x80 && y <= 0x85) || (x == 0xDB && y == 0x9D)
                                  || (x == 0xDC && y == 0x8F))
                        i += 2
                    case 0xE2:
                        // General punctuation and symbols (U+2000-2FFF) but ZWJ (U+200D).
                        known = !(i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x8D)
                        i += 3
                    case 0xE0...0xEF: known = false; i += 3
                    case 0xF0...0xF7: known = false; i += 4
                    default: known = false; i += 1  // a continuation byte out of place
                    }
                }
                return false
            }
            count = c
            previousKnown = known
            return over
        }
        guard n.kind == .element || n.kind == .document else { return false }
        return n.withChildren { children in
            for child in children where countStarts(child, limit, &count, &previousKnown) { return true }
            return false
        }
    }

    /// Length of `innerText` in UTF-16 code units, as JavaScript counts, computed without
    /// building the string: leading and trailing white space dropped, inner runs of two or
    /// more counted as one character when `normalizeSpaces`.
    func innerTextLength(normalizeSpaces: Bool = true) -> Int {
        if normalizeSpaces { return textSpan.length }
        var length = 0
        var run = 0
        var seenText = false
        func visit(_ n: HTMLNode) {
            if n.kind == .text {
                for s in n.text.unicodeScalars {
                    if s.isSpaceFast {
                        run += 1
                    } else {
                        if seenText && run > 0 { length += run }
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

    /// The `TextSpan` of all descendant text, in document order (comments skipped).
    var textSpan: TextSpan {
        switch kind {
        case .text:
            let packed = textMeasure
            if packed != 0 { return TextSpan(packed: packed) }
            let span = TextSpan(text)
            if let p = span.packed { textMeasure = p }
            return span
        case .comment: return TextSpan()
        default:
            return withChildren { children in
                var span = TextSpan()
                for c in children where c.kind != .comment { span.append(c.textSpan) }
                return span
            }
        }
    }

    /// Whether any descendant text has a non-white-space character.
    var hasNonWhitespaceText: Bool {
        if kind == .text { return TextSpan.hasNonSpace(text) }
        if kind == .comment { return false }
        return withChildren { $0.contains { $0.hasNonWhitespaceText } }
    }

    /// Renames the element in place (Readability's `_setNodeTag`; identity and score kept).
    func rename(_ newName: String) { name = newName }

    /// Replaces this element by its children.
    func unwrap() {
        replace(with: children)
    }

    /// Whether the node is text, or an element, that has only white space (or is a `<br>`).
    var isWhitespaceNode: Bool {
        (kind == .text && !TextSpan.hasNonSpace(text))
            || (kind == .element && name == "br")
    }
}

/// The measure of a text that Readability's `_getInnerText(e).length` takes, kept in a form
/// that composes: the length of `innerText` (trimmed, inner white-space runs counted as one
/// character, UTF-16 units) of a concatenation follows from the spans of its parts. Works
/// on UTF-8 bytes; white space is Unicode `White_Space` (as `isSpaceFast`).
struct TextSpan {
    /// Whether the text has a non-white-space character.
    var hasText = false
    /// White space before the first non-white-space character (all of it when `!hasText`).
    var lead = 0
    /// UTF-16 length from the first to the last non-white-space character, inner runs as one.
    var core = 0
    /// White space after the last non-white-space character.
    var trail = 0

    init() {}

    /// A span packed by `packed`.
    init(packed p: UInt64) {
        hasText = p & (1 << 62) != 0
        lead = Int((p >> 42) & 0xFFFFF)
        trail = Int((p >> 22) & 0xFFFFF)
        core = Int(p & 0x3FFFFF)
    }

    /// The span in 64 bits for `HTMLNode.textMeasure` (bit 63 set, so never 0; bit 62
    /// `hasText`; 20 bits each for `lead` and `trail`, 22 for `core`), nil when a part does
    /// not fit.
    var packed: UInt64? {
        guard lead < (1 << 20), trail < (1 << 20), core < (1 << 22) else { return nil }
        return (1 << 63) | (hasText ? 1 << 62 : 0) | UInt64(lead) << 42 | UInt64(trail) << 22 | UInt64(core)
    }

    init(_ text: String) {
        if let r = text.utf8.withContiguousStorageIfAvailable({ TextSpan(bytes: $0) }) {
            self = r
        } else {
            self = TextSpan(bytes: Array(text.utf8))
        }
    }

    init(bytes b: UnsafeBufferPointer<UInt8>) {
        // Counted in locals, ASCII answered before the general white-space test.
        var i = 0
        let n = b.count
        var run = 0, lead = 0, core = 0
        var hasText = false
        while i < n {
            let c = b[i]
            var width = 1, units = 1
            if c < 0x80 {
                if c == 0x20 || (c >= 0x09 && c <= 0x0D) {
                    run += 1
                    i += 1
                    continue
                }
            } else {
                let k = TextSpan.spaceLength(b, i)
                if k > 0 {
                    run += 1
                    i += k
                    continue
                }
                if c < 0xE0 { width = 2 } else if c < 0xF0 { width = 3 } else { width = 4; units = 2 }
            }
            if hasText {
                if run > 0 { core += 1 }
            } else {
                hasText = true
                lead = run
            }
            run = 0
            core += units
            i += width
        }
        self.hasText = hasText
        if hasText {
            self.lead = lead
            self.core = core
            trail = run
        } else {
            self.lead = run
        }
    }

    init(bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { TextSpan(bytes: $0) }
    }

    /// The length of the trimmed, normalised text.
    var length: Int { hasText ? core : 0 }

    /// The span of this text followed by `next`.
    mutating func append(_ next: TextSpan) {
        if !next.hasText {
            if hasText { trail += next.lead } else { lead += next.lead }
            return
        }
        if !hasText {
            let l = lead + next.lead
            self = next
            lead = l
            return
        }
        core += (trail + next.lead > 0 ? 1 : 0) + next.core
        trail = next.trail
    }

    /// The length in bytes of the scalar at byte `i` of UTF-8 `b` when it is one that always
    /// starts a grapheme cluster of its own after a space, an ASCII character or another such
    /// scalar, and is never white space (UAX #29: not Extend, SpacingMark, ZWJ, Prepend,
    /// Extended Pictographic, a regional indicator, a Hangul jamo or an Indic consonant);
    /// 0 for any other byte. They are printable ASCII (1), Latin U+00C0-027F and Cyrillic
    /// U+0400-047F (2), kana U+3040-30FF but the combining U+3099-309A, CJK ideographs
    /// U+4000-9FFF and Hangul syllables U+AC00-D77F (3). The bounds that tell a long text
    /// without building it (`PublishedDate.keepsMoreBytes`, `hasMoreCharacters`) count them.
    @inline(__always) static func plainScalarLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let x = b[i]
        switch x {
        case 0x21...0x7E: return 1
        case 0xC3...0xC9, 0xD0, 0xD1: return 2
        case 0xE4...0xE9, 0xEB, 0xEC: return 3
        case 0xE3:
            // Kana: E3 81 80 - E3 83 BF, but E3 82 99 and E3 82 9A (combining marks).
            guard i + 2 < b.count, (0x81...0x83).contains(b[i + 1]),
                  !(b[i + 1] == 0x82 && (b[i + 2] == 0x99 || b[i + 2] == 0x9A)) else { return 0 }
            return 3
        // Hangul syllables U+AC00-AFFF (EA B0 80 - EA BF BF) and U+D000-D77F (ED 80 80 - ED 9D BF).
        case 0xEA: return i + 1 < b.count && b[i + 1] >= 0xB0 ? 3 : 0
        case 0xED: return i + 1 < b.count && b[i + 1] <= 0x9D ? 3 : 0
        default: return 0
        }
    }

    /// The length in bytes of the white-space character at `i` (0 when it is none):
    /// U+0009-000D, U+0020, U+0085, U+00A0, U+1680, U+2000-200A, U+2028, U+2029, U+202F,
    /// U+205F, U+3000.
    @inline(__always) static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return (c == 0x20 || (c >= 0x09 && c <= 0x0D)) ? 1 : 0 }
        let n = b.count
        if c == 0xC2 { return i + 1 < n && (b[i + 1] == 0x85 || b[i + 1] == 0xA0) ? 2 : 0 }
        if c == 0xE1 { return i + 2 < n && b[i + 1] == 0x9A && b[i + 2] == 0x80 ? 3 : 0 }
        if c == 0xE2, i + 2 < n {
            let c1 = b[i + 1], c2 = b[i + 2]
            if c1 == 0x80 && ((c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF) { return 3 }
            if c1 == 0x81 && c2 == 0x9F { return 3 }
            return 0
        }
        if c == 0xE3 { return i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80 ? 3 : 0 }
        return 0
    }

    /// Whether `text` has a character that is not white space.
    static func hasNonSpace(_ text: String) -> Bool {
        func scan(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
            var i = 0
            while i < b.count {
                let k = spaceLength(b, i)
                if k == 0 { return true }
                i += k
            }
            return false
        }
        return text.utf8.withContiguousStorageIfAvailable(scan) ?? Array(text.utf8).withUnsafeBufferPointer(scan)
    }
}

extension String {
    /// Replaces every run of two or more white-space characters with one space (JS `\s{2,}`).
    func collapsingWhitespaceRuns() -> String {
        func collapse(_ b: UnsafeBufferPointer<UInt8>) -> String {
            // Fast path: no run of two or more.
            var i = 0
            var previousSpace = false
            var hasRun = false
            while i < b.count {
                let k = TextSpan.spaceLength(b, i)
                if k > 0 {
                    if previousSpace { hasRun = true; break }
                    previousSpace = true
                    i += k
                } else {
                    previousSpace = false
                    i += 1
                }
            }
            if !hasRun { return self }
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            i = 0
            var runStart = -1, run = 0
            while i < b.count {
                let k = TextSpan.spaceLength(b, i)
                if k > 0 {
                    if run == 0 { runStart = i }
                    run += 1
                    i += k
                    continue
                }
                if run == 1 { out.append(contentsOf: b[runStart..<i]) } else if run > 1 { out.append(0x20) }
                run = 0
                out.append(b[i])
                i += 1
            }
            if run == 1 { out.append(contentsOf: b[runStart..<b.count]) } else if run > 1 { out.append(0x20) }
            return String(decoding: out, as: UTF8.self)
        }
        return utf8.withContiguousStorageIfAvailable(collapse) ?? Array(utf8).withUnsafeBufferPointer(collapse)
    }

    /// Leading and trailing white space removed (native; Foundation's trimming bridges
    /// through NSString on Linux and is slow on long texts).
    var trimmedWhitespace: String {
        func trim(_ b: UnsafeBufferPointer<UInt8>) -> String {
            let r = trimmedRange(b, spaceLength: TextSpan.spaceLength)
            if r.count == b.count { return self }
            return String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
        }
        return utf8.withContiguousStorageIfAvailable(trim) ?? Array(utf8).withUnsafeBufferPointer(trim)
    }

    /// White space collapsed to single spaces and trimmed: the characters `isWhitespace`
    /// names (Unicode White_Space, `TextSpan.spaceLength`), scanned as UTF-8 bytes. Splitting
    /// by `Character` cost about 2% of the whole extraction (the date scan normalises many
    /// short texts). Where `Character` would join white space to its neighbour, the exact
    /// path is taken: a scalar after it that may join it (`mayJoinPrecedingSpace`: a mark,
    /// ZWJ, anything from U+10000 up), or a Prepend scalar before it (U+0600-0605, U+06DD,
    /// U+070F, U+0890-0891, U+08E2, U+0D4E, anything from U+110BD up; review finding).
    var normalizedSpace: String {
        func scan(_ b: UnsafeBufferPointer<UInt8>) -> String? {
            var out = [UInt8]()
            out.reserveCapacity(b.count)
            var pending = false
            var i = 0
            while i < b.count {
                let k = TextSpan.spaceLength(b, i)
                if k > 0 {
                    if i > 0 && b[i - 1] >= 0x80 && String.endsWithPrepend(b, before: i) { return nil }
                    i += k
                    if i < b.count && b[i] >= 0xCC && TextSpan.spaceLength(b, i) == 0
                        && String.mayJoinPrecedingSpace(b, at: i) { return nil }
                    if !out.isEmpty { pending = true }
                    continue
                }
                if pending { out.append(0x20); pending = false }
                out.append(b[i])
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
        let fast = utf8.withContiguousStorageIfAvailable(scan) ?? Array(utf8).withUnsafeBufferPointer(scan)
        return fast ?? split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Whether the UTF-8 scalar that starts at byte `i` of `b` may belong to the grapheme
    /// cluster of a white-space character before it (UAX #29 rules GB9 and GB9a: Extend, ZWJ,
    /// SpacingMark): a Grapheme_Extend scalar, any mark (Mn, Mc, Me), U+200D, U+0E33, U+0EB3,
    /// or anything from U+10000 up (emoji modifiers, tags; not looked at). False for the
    /// letters, ideographs, kana and punctuation of a Japanese or Chinese text, which
    /// `normalizedSpace` then keeps on its byte path.
    static func mayJoinPrecedingSpace(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let lead = b[i]
        var scalar: UInt32
        let length: Int
        switch lead {
        case 0xC0...0xDF: scalar = UInt32(lead & 0x1F); length = 2
        case 0xE0...0xEF: scalar = UInt32(lead & 0x0F); length = 3
        default: return true
        }
        guard i + length <= b.count else { return true }
        for j in (i + 1)..<(i + length) { scalar = scalar << 6 | UInt32(b[j] & 0x3F) }
        switch scalar {
        case 0x200D, 0x0E33, 0x0EB3: return true
        default: break
        }
        guard let s = Unicode.Scalar(scalar) else { return true }
        let p = s.properties
        if p.isGraphemeExtend { return true }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Whether the UTF-8 scalar that ends at byte `end` of `b` has the Grapheme_Cluster_Break
    /// property Prepend (UAX #29), or lies beyond U+110BD where newer ones are.
    static func endsWithPrepend(_ b: UnsafeBufferPointer<UInt8>, before end: Int) -> Bool {
        var start = end - 1
        while start > 0 && end - start < 4 && b[start] & 0xC0 == 0x80 { start -= 1 }
        var scalar = UInt32(0)
        let lead = b[start]
        switch end - start {
        case 2: scalar = UInt32(lead & 0x1F)
        case 3: scalar = UInt32(lead & 0x0F)
        case 4: scalar = UInt32(lead & 0x07)
        default: return false
        }
        for j in (start + 1)..<end { scalar = scalar << 6 | UInt32(b[j] & 0x3F) }
        switch scalar {
        case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x0D4E, 0x110BD...: return true
        default: return false
        }
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
