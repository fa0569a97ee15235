// The byte-level measures of the hot paths (docs/extraction.md, "Speed"): TextSpan's inner-text
// length and the class/id keyword matcher, checked on exact values.
@testable import OffprintExtraction
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
