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

    /// Works on UTF-8 bytes: white space is ASCII white space or one of the few multi-byte
    /// Unicode white-space characters (never U+00A0, which stays as written).
    private struct Renderer {
        var blocks: [String] = []
        var line: [UInt8] = []
        var pendingSpace = false

        mutating func breakBlock() {
            let t = String(decoding: line, as: UTF8.self).trimmedHorizontalSpace
            if !t.isEmpty { blocks.append(t) }
            line.removeAll(keepingCapacity: true)
            pendingSpace = false
        }

        /// The length of the white-space sequence starting at `i` (0 when none).
        @inline(__always) static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
            let c = b[i]
            if c < 0x80 { return (c == 0x20 || (c >= 0x09 && c <= 0x0D)) ? 1 : 0 }
            let n = b.count
            if c == 0xC2, i + 1 < n, b[i + 1] == 0x85 { return 2 }
            if c == 0xE1, i + 2 < n, b[i + 1] == 0x9A, b[i + 2] == 0x80 { return 3 }
            if c == 0xE2, i + 2 < n {
                let c1 = b[i + 1], c2 = b[i + 2]
                if c1 == 0x80 && ((c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF) { return 3 }
                if c1 == 0x81 && c2 == 0x9F { return 3 }
            }
            if c == 0xE3, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
            return 0
        }

        mutating func walk(_ n: HTMLNode, inPre: Bool) {
            switch n.kind {
            case .comment:
                return
            case .text:
                if inPre {
                    line.append(contentsOf: n.text.utf8)
                    return
                }
                var text = n.text
                text.withUTF8 { b in
                    var i = 0
                    let count = b.count
                    while i < count {
                        let k = Renderer.spaceLength(b, i)
                        if k > 0 {
                            pendingSpace = true
                            i += k
                            continue
                        }
                        // U+00AD SOFT HYPHEN is invisible unless a line breaks there.
                        if b[i] == 0xC2, i + 1 < count, b[i + 1] == 0xAD { i += 2; continue }
                        if pendingSpace, let last = line.last, last != 0x0A { line.append(0x20) }
                        pendingSpace = false
                        line.append(b[i])
                        i += 1
                    }
                }
            case .document, .element:
                let name = n.name
                if name == "br" {
                    line.append(0x0A)
                    pendingSpace = false
                    return
                }
                // Images have no text; ruby annotations (furigana) are not part of the text read.
                if name == "img" || name == "rt" || name == "rp" {
                    return
                }
                let block = n.kind == .element && TextRendering.blockElements.contains(name)
                let cell = name == "td" || name == "th"
                if block { breakBlock() }
                if cell && !line.isEmpty { line.append(0x09); pendingSpace = false }
                for c in n.children { walk(c, inPre: inPre || name == "pre") }
                if block { breakBlock() }
            }
        }

        mutating func finish() -> String {
            breakBlock()
            return blocks.map { block in
                var block = block
                // Most blocks are one line: looked for with memchr.
                let lines = block.withUTF8 { b in b.baseAddress.map { memchr($0, 0x0A, b.count) != nil } ?? false }
                return lines ? block.withUTF8(TextRendering.trimmingLines) : block
            }.joined(separator: "\n\n")
        }
    }
}

extension TextRendering {
    /// UTF-8 text `b` with each line's leading and trailing tabs and space separators
    /// removed (`trimmedHorizontalSpace`). Lines end at a line feed that does not follow a
    /// carriage return: the `Character` "\n" (a CR LF pair is one `Character`, UAX #29
    /// GB3), found on the bytes.
    static func trimmingLines(_ b: UnsafeBufferPointer<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(b.count)
        var start = 0
        var i = 0
        while i <= b.count {
            if i == b.count || (b[i] == 0x0A && (i == 0 || b[i - 1] != 0x0D)) {
                let line = UnsafeBufferPointer(rebasing: b[start..<i])
                let r = trimmedRange(line, spaceLength: horizontalSpaceLength)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: line[r]))
                if i < b.count { out.append(0x0A) }
                start = i + 1
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension StringProtocol {
    /// Leading and trailing tabs and space separators (Unicode Zs, U+00A0 included) removed, as
    /// Foundation's `trimmingCharacters(in: .whitespaces)` does, without bridging; works on the
    /// UTF-8 bytes (Zs is U+0020, U+00A0, U+1680, U+2000-200A, U+202F, U+205F, U+3000).
    var trimmedHorizontalSpace: String {
        func trim(_ b: UnsafeBufferPointer<UInt8>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: b[trimmedRange(b, spaceLength: horizontalSpaceLength)]), as: UTF8.self)
        }
        if let r = utf8.withContiguousStorageIfAvailable(trim) { return r }
        return Array(utf8).withUnsafeBufferPointer(trim)
    }
}

/// The bytes of UTF-8 text `b` left when the leading and trailing characters that
/// `spaceLength` measures (their length in bytes at a position, 0 for other characters) are
/// cut off: the one trimming loop of `trimmedWhitespace` and `trimmedHorizontalSpace`.
@inline(__always) func trimmedRange(_ b: UnsafeBufferPointer<UInt8>,
                                    spaceLength: (UnsafeBufferPointer<UInt8>, Int) -> Int) -> Range<Int> {
    var start = 0
    while start < b.count {
        let k = spaceLength(b, start)
        if k == 0 { break }
        start += k
    }
    if start == b.count { return b.count..<b.count }
    var end = b.count
    while end > start {
        // The start of the last character.
        var s = end - 1
        while s > start && b[s] & 0xC0 == 0x80 { s -= 1 }
        if spaceLength(b, s) == end - s { end = s } else { break }
    }
    return start..<end
}

/// The length in bytes of the tab or space separator (Zs) starting at byte `i` of UTF-8 `b`,
/// 0 when there is none.
@inline(__always) func horizontalSpaceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    let c = b[i]
    if c < 0x80 { return c == 0x20 || c == 0x09 ? 1 : 0 }
    let n = b.count
    if c == 0xC2 { return i + 1 < n && b[i + 1] == 0xA0 ? 2 : 0 }
    guard i + 2 < n else { return 0 }
    let c1 = b[i + 1], c2 = b[i + 2]
    switch c {
    case 0xE1: return c1 == 0x9A && c2 == 0x80 ? 3 : 0
    case 0xE2:
        if c1 == 0x80 && ((c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xAF) { return 3 }
        return c1 == 0x81 && c2 == 0x9F ? 3 : 0
    case 0xE3: return c1 == 0x80 && c2 == 0x80 ? 3 : 0
    default: return 0
    }
}
