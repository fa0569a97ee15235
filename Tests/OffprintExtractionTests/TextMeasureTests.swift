// The byte-level measures of the hot paths (docs/extraction.md, "Speed"): TextSpan's inner-text
// length and the class/id keyword matcher, checked on exact values.
@testable import OffprintExtraction
import Foundation
import OffprintXML
import Testing

@Suite("Text measures")
struct TextMeasureTests {
    @Test("document order: precedes")
    func documentOrder() {
        let root = HTMLNode.element("div")
        let a = HTMLNode.element("article"), b = HTMLNode.element("article")
        let p = HTMLNode.element("p")
        a.append(p)
        root.append(a)
        root.append(b)
        #expect(a.precedes(b) && !b.precedes(a))
        #expect(p.precedes(b) && !b.precedes(p))
        #expect(a.precedes(p) && !p.precedes(a))
        #expect(!a.precedes(a))
        #expect(!a.precedes(HTMLNode.element("div")))
    }

    @Test("a text node keeps its TextSpan until its text changes")
    func cachedSpan() {
        let t = HTMLNode.textNode("  ab  c ")
        let first = t.textSpan
        #expect(first.hasText && first.lead == 2 && first.core == 4 && first.trail == 1)
        #expect(t.textMeasure != 0)
        let again = t.textSpan
        #expect(again.hasText == first.hasText && again.lead == 2 && again.core == 4 && again.trail == 1)
        t.text += " défg"
        #expect(t.textMeasure == 0)
        let changed = t.textSpan
        #expect(changed.hasText && changed.lead == 2 && changed.core == 9 && changed.trail == 0)
        let blank = HTMLNode.textNode(" \t")
        #expect(!blank.textSpan.hasText && blank.textSpan.lead == 2)
        // A part too long to pack is measured each time, not cached.
        let long = HTMLNode.textNode(String(repeating: "a", count: 1 << 22))
        #expect(long.textSpan.core == 1 << 22 && long.textMeasure == 0)
    }

    @Test("normalizedSpace: the byte scan gives what splitting by Character gives")
    func normalizedSpace() {
        let samples = [
            "  Erstellt am\u{00A0}Dienstag\r\n 6. Mai 2014 ", "\u{3000}日本\u{2009}語\t", "", " \n\t ",
            "caf\u{00E9}  cr\u{00E8}me", "a \u{0301}b", "x\u{2028}y\u{205F}z", "Привет,  мир",
            "\u{0600}  x", "\u{06DD} \u{0661}",
            // Kana, ideographs and Hangul after a space stay on the byte path; a combining
            // mark (U+3099, U+0E31) or ZWJ after one joins the space's Character.
            "今日は 晴れ です。 ハロー \u{D55C}\u{AE00}", "か \u{3099}が", "\u{0E01} \u{0E31}", "a \u{200D}b",
        ]
        // A Prepend scalar (U+0600) joins the space after it into one Character: kept (review).
        let expected = ["Erstellt am Dienstag 6. Mai 2014", "日本 語", "", "", "café crème", "a b", "x y z", "Привет, мир",
                        "\u{0600}  x", "\u{06DD} \u{0661}", "今日は 晴れ です。 ハロー 한글", "か が", "\u{0E01}", "a b"]
        for (s, e) in zip(samples, expected) {
            #expect(s.normalizedSpace == e)
            #expect(s.normalizedSpace == s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
        }
        #expect(!String.mayJoinPrecedingSpace(Array("あ".utf8).withUnsafeBufferPointer { $0 }, at: 0))
    }

    @Test("a space's possible joiners: marks, ZWJ and scalars from U+10000 up; not letters or punctuation",
          arguments: [("\u{0301}", true), ("\u{3099}", true), ("\u{0E31}", true), ("\u{093F}", true),
                      ("\u{200D}", true), ("\u{0E33}", true), ("\u{1F3FB}", true), ("\u{FF9E}", true),
                      ("あ", false), ("ア", false), ("日", false), ("\u{D55C}", false), ("。", false),
                      ("é", false), ("Ж", false)])
    func joinsPrecedingSpace(scalar: String, joins: Bool) {
        let bytes = Array(scalar.utf8)
        #expect(bytes.withUnsafeBufferPointer { String.mayJoinPrecedingSpace($0, at: 0) } == joins)
        // What Character does: the scalar after a space is in the space's Character or not.
        #expect((" " + scalar).count == (joins ? 1 : 2))
    }

    @Test("lines trimmed on the bytes as splitting by the Character \"\\n\" trims them (CR LF is one Character)",
          arguments: ["  a \n\t b\u{00A0}\n\n c", "a\r\n  b", "x  \r\n\ny\u{3000}", "\n\n", "", "é \n \u{2003}ü"])
    func trimmingLines(text: String) {
        let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmedHorizontalSpace }.joined(separator: "\n")
        #expect(Array(text.utf8).withUnsafeBufferPointer(TextRendering.trimmingLines) == expected)
    }

    @Test("the character bound: only characters that surely start a grapheme count; never more than innerText has",
          arguments: [
              (String(repeating: "a", count: 80), 80, false), (String(repeating: "a", count: 81), 80, true),
              (String(repeating: "語", count: 81), 80, true), (String(repeating: "か", count: 81), 80, true),
              (String(repeating: "한", count: 81), 80, true), (String(repeating: "é", count: 81), 80, true),
              (String(repeating: "Ж ", count: 81), 80, true),
              // Spaces are not counted; a combining mark never starts a character.
              (String(repeating: " ", count: 200), 80, false), ("a" + String(repeating: "\u{0301}", count: 200), 80, false),
              (String(repeating: "e\u{0301}", count: 81), 80, true),
              (String(repeating: "“a” — ", count: 81), 80, true),
              // After a ZWJ or a Prepend scalar the next is not counted.
              (String(repeating: "\u{200D}a", count: 81), 80, false), (String(repeating: "\u{0600}a", count: 81), 80, false),
          ])
    func characterBound(text: String, limit: Int, more: Bool) throws {
        let doc = try HTMLParser.parse(utf8: Data(("<html><body><div><p>" + text + "</p><!-- x --></div></body></html>").utf8))
        let div = try #require(doc.firstElement(named: "div"))
        #expect(div.hasMoreCharacters(than: limit) == more)
        if more { #expect(div.innerText().count > limit) }
    }

    @Test("share and paywall phrases: the byte search matches ASCII case-insensitively")
    func phraseSearch() {
        #expect(BoilerplateRules.isShareLink("HTTPS://WWW.FACEBOOK.COM/SHARER.PHP?u=x"))
        #expect(BoilerplateRules.isShareLink("https://wa.me/?text=Hallo"))
        #expect(!BoilerplateRules.isShareLink("https://wa.me/4915208649244"))
        let p = HTMLNode.element("p")
        p.append(HTMLNode.textNode("To view the Full Story, Please Subscribe to our edition."))
        #expect(BoilerplateRules.isPaywallNotice(p))
        let q = HTMLNode.element("p")
        q.append(HTMLNode.textNode("The council will subscribe to the new plan next year."))
        #expect(!BoilerplateRules.isPaywallNotice(q))
    }

    @Test("TextSpan: leading and trailing white space apart, inner runs as one, UTF-16 units")
    func textSpan() {
        let ascii = TextSpan("  ab  c ")
        #expect(ascii.hasText && ascii.lead == 2 && ascii.core == 4 && ascii.trail == 1)
        // U+3000 and U+00A0 are white space; 😀 is two UTF-16 units.
        let wide = TextSpan("\u{3000}日本\u{00A0}語😀 ")
        #expect(wide.hasText && wide.lead == 1 && wide.core == 6 && wide.trail == 1)
        let blank = TextSpan(" \t\n")
        #expect(!blank.hasText && blank.lead == 3 && blank.core == 0 && blank.trail == 0)
        let empty = TextSpan("")
        #expect(!empty.hasText && empty.lead == 0 && empty.length == 0)
        var joined = TextSpan("Hello ")
        joined.append(TextSpan("  world"))
        #expect(joined.length == "Hello world".utf16.count)
    }

    @Test("the date scan's length bound: only bytes that normalising keeps count, and it agrees with normalizedSpace")
    func keptBytesBound() throws {
        func node(_ html: String) throws -> HTMLNode {
            let doc = try HTMLParser.parse(utf8: Data(("<html><body><div>" + html + "</div></body></html>").utf8))
            return try #require(doc.firstElement(named: "div"))
        }
        let cases: [(String, Bool)] = [
            ("<span>  03.11.2021  </span>\n\n<b>Datum</b>", false),
            (String(repeating: "a", count: 60), false),
            (String(repeating: "a", count: 61), true),
            // Sixty spaces apart: white space is not counted however much of it there is.
            (Array(repeating: "ab", count: 30).joined(separator: String(repeating: " ", count: 60)), false),
            // 21 ideographs are 63 bytes.
            (String(repeating: "日", count: 21), true),
            (String(repeating: "日", count: 20), false),
            // U+00A0 and U+3000 may be white space: not counted, so the answer is "not longer".
            (String(repeating: "\u{00A0}\u{3000}", count: 40), false),
            ("<p>" + String(repeating: "é", count: 31) + "</p><!--" + String(repeating: "x", count: 100) + "-->", true),
            // Kana and Hangul syllables count (21 are 63 bytes); the combining U+3099 does not.
            (String(repeating: "か", count: 21), true),
            (String(repeating: "한", count: 21), true),
            (String(repeating: "관", count: 21), true),
            (String(repeating: "か", count: 20), false),
            (String(repeating: "\u{3099}", count: 40), false),
        ]
        for (html, longer) in cases {
            let n = try node(html)
            #expect(PublishedDate.keepsMoreBytes(than: 60, n) == longer, "\(html.prefix(40))")
            // Never "longer" when the normalised text is not.
            if longer { #expect(n.textContent.normalizedSpace.utf8.count > 60) }
        }
    }

    @Test("keywords match anywhere, ASCII case folded; token words only as whole tokens")
    func keywords() {
        let unlikely = ReaderRules.unlikelyCandidates
        #expect(unlikely.matches("left-SideBar"))
        #expect(unlikely.matches("x-ad-break"))
        #expect(!unlikely.matches("article-body main"))
        #expect(!unlikely.matches(""))
        let negative = ReaderRules.negative
        #expect(negative.matches("post hid"))
        #expect(!negative.matches("hidable"))
        #expect(negative.matches("HIDDEN-box"))
        #expect("Display:None".containsIgnoringCase("display:none"))
        #expect(!"display: none".containsIgnoringCase("display:none"))
    }

    @Test("the keyword search finds what a word-by-word folded search finds")
    func keywordsAgainstReference() {
        // One-byte words (`x`), words sharing first bytes, a non-ASCII word; haystacks with
        // upper case, the words at both ends, and a last byte that is a one-byte word.
        let k = Keywords("comment|com-|combx|x|ad-|ümlaut|sidebar")
        func reference(_ s: String) -> Bool {
            let hay = Array(s.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
            return k.words.contains { w in
                !w.isEmpty && hay.count >= w.count
                    && (0...(hay.count - w.count)).contains { i in Array(hay[i..<(i + w.count)]) == w }
            }
        }
        let fixed = ["COMMENTS", "com", "a-com-b", "combo", "x", "box", "ab", "AD-Slot", "Ümlaut", "ümlaut-x",
                     "side-bar", "main SIDEBAR", "", "c", "co", "ad", "ad-"]
        for s in fixed { #expect(k.matches(s) == reference(s), "\(s)") }
        #expect(k.matches("box") && k.matches("a-com-b") && !k.matches("combo") && !k.matches("side-bar"))
        // Random strings (a fixed seed: the same strings on every run) over an alphabet that
        // makes near-misses common.
        struct SplitMix64: RandomNumberGenerator {
            var state: UInt64
            mutating func next() -> UInt64 {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
        }
        var rng = SplitMix64(state: 42)
        let alphabet = Array("comCOMbxXad-ümlaUTsiderB ".utf8)
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &rng) { bytes.append(alphabet.randomElement(using: &rng)!) }
            let s = String(decoding: bytes, as: UTF8.self)
            #expect(k.matches(s) == reference(s), "\(s)")
        }
    }

    @Test("elements(in:) by tag numbers, by one name and by strings find the same elements", arguments: [
        ["p"], ["p", "li"], ["section", "nobr", "a"], ["my-widget"], ["p", "my-widget"], ["font", "span"],
    ])
    func elementsByTagOrName(_ names: [String]) throws {
        let doc = try HTMLParser.parse(utf8: Data("""
        <body><section><p>a <a href="#x">b</a><my-widget><p>c</p></my-widget></p><ul><li>d<nobr>e</nobr></li></ul>
        <font>f</font><span>g</span></section></body>
        """.utf8))
        let found = doc.elements(in: Set(names))
        let expected = doc.descendants().filter { names.contains($0.name) }
        #expect(found.map(ObjectIdentifier.init) == expected.map(ObjectIdentifier.init))
        #expect(!found.isEmpty)
        // After a rename the numbers follow.
        for n in doc.elements(in: ["font"]) { n.rename("span") }
        #expect(doc.elements(in: ["span"]).count == 2)
        #expect(doc.elements(in: ["font", "p"]).count == doc.elements(in: ["p"]).count)
    }
    @Test("descendantTags stay a superset through renames, moves, wraps and replacements, so pruned walks find all")
    func descendantTagsAfterEdits() throws {
        let html = "<body><div id=\"a\"><span><b>x</b></span><my-widget><i>y</i></my-widget></div>"
            + "<div id=\"b\"><p>z <img src=\"i.png\"></p></div><noscript><img src=\"n.png\"></noscript></body>"
        let doc = try HTMLParser.parse(utf8: Data(html.utf8))
        let a = try #require(doc.elements(in: ["div"]).first), b = try #require(doc.elements(in: ["div"]).last)
        func check(_ names: [String]) {
            for n in doc.descendants() + [doc] {
                for d in n.descendants() {
                    #expect(n.descendantTags.contains(d.tag), "\(n.name) misses \(d.name)")
                }
            }
            for name in names {
                let expected = doc.descendants().filter { $0.name == name }
                #expect(doc.elements(in: [name]).map(ObjectIdentifier.init) == expected.map(ObjectIdentifier.init), "\(name)")
                #expect(doc.firstElement(named: name) === expected.first, "\(name)")
            }
        }
        check(["b", "i", "img", "my-widget", "noscript", "p"])
        // A renamed element deep in one subtree, an image moved into another, a wrapper, a
        // replacement, adopted children.
        try #require(doc.firstElement(named: "b")).rename("video")
        a.append(try #require(b.firstElement(named: "img")))
        let wrapper = HTMLNode.element("figure")
        wrapper.append(HTMLNode.element("figcaption", children: [HTMLNode.element("math")]))
        b.insert(wrapper, at: 0)
        try #require(doc.firstElement(named: "noscript")).replace(with: [HTMLNode.element("picture")])
        a.adoptChildren(of: try #require(doc.firstElement(named: "my-widget")))
        check(["video", "img", "figure", "math", "picture", "i", "b", "noscript", "my-widget"])
        #expect(a.descendantTags.contains(HTMLTag.number("video")) && b.descendantTags.contains(HTMLTag.number("math")))
        #expect(doc.elements(in: ["img"]).count == 1 && doc.elements(in: ["picture"]).count == 1)
        #expect(doc.elements(in: ["noscript"]).isEmpty && doc.elements(in: ["b"]).isEmpty)
    }

    @Test("visibility: Readability's style test on the style without its spaces, case-insensitive", arguments: [
        ("display:none", false), ("Display : None", false), ("color: red; visibility :  HIDDEN", false),
        ("display: n o n e", false), ("display:block", true), ("display:nonexistent", false), ("width:0", true),
        ("visibility: visible", true), ("", true),
    ])
    func visibilityByStyle(style: String, visible: Bool) {
        let el = HTMLNode.element("div", [HTMLAttribute(name: "style", value: style)])
        #expect(ReaderRules.isProbablyVisible(el) == visible)
        let compact = String(style.filter { $0 != " " }).lowercased()
        #expect(visible == !(compact.contains("display:none") || compact.contains("visibility:hidden")))
    }

    @Test("the short-element date scan's digit test: ASCII digits in text, not in comments or other scripts")
    func asciiDigitTest() throws {
        func div(_ html: String) throws -> HTMLNode {
            let doc = try HTMLParser.parse(utf8: Data(("<html><body><div>" + html + "</div></body></html>").utf8))
            return try #require(doc.firstElement(named: "div"))
        }
        #expect(PublishedDate.hasASCIIDigit(try div("<span>Mai <b>2021</b></span>")))
        #expect(!PublishedDate.hasASCIIDigit(try div("Datum <!-- 2021 --> unbekannt")))
        #expect(!PublishedDate.hasASCIIDigit(try div("\u{0662}\u{0660}\u{0662}\u{0661}")))
        // No ASCII digit, no date read from the text either.
        #expect(PublishedDate.dateInText("\u{0662}\u{0660}\u{0662}\u{0661}-\u{0660}\u{0663}-\u{0660}\u{0661}") == nil)
        #expect(PublishedDate.dateInText("2021-03-01") == "2021-03-01")
    }

    @Test("ASCII commas counted from comma to comma", arguments: [("a,b,,c", 3), ("", 0), ("no commas", 0), (",,,", 3),
                                                                    ("Paris, Köln、東京，x,", 2)])
    func asciiCommaCount(text: String, count: Int) {
        #expect(ReaderRules.asciiCommas(text) == count)
        #expect(ReaderRules.asciiCommas(text) == text.utf8.filter { $0 == 0x2C }.count)
    }
}
