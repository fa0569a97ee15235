// The byte-level measures of the hot paths (docs/extraction.md, "Speed"): TextSpan's inner-text
// length and the class/id keyword matcher, checked on exact values.
@testable import OffprintExtraction
import Foundation
import OffprintXML
import Testing

@Suite("Text measures")
struct TextMeasureTests {
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
}
