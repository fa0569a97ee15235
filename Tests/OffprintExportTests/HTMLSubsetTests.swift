// HTMLSubset.sanitize: allowlist, active content, content-model repairs, ids.
import Foundation
import OffprintXML
import Testing

@Suite struct HTMLSubsetTests {
    func sanitized(_ html: String) throws -> String {
        let doc = try HTMLParser.parse(utf8: Data(html.utf8))
        let body = HTMLSubset.bodyContainer(of: doc)
        HTMLSubset.sanitize(body)
        return try XHTMLWriter.fragment(body.children)
    }

    @Test func dropsActiveContentKeepsText() throws {
        let out = try sanitized("<p>a<script>x()</script><button onclick=\"y\">Press</button><!-- c --><iframe src=\"https://e\"></iframe></p><form><p>in form</p></form>")
        #expect(out == "<p>aPress</p><p>in form</p>")
    }

    @Test func attributesAreFiltered() throws {
        let out = try sanitized("<p class=\"c\" style=\"x\" lang=\"EN_us\" dir=\"RTL\" onclick=\"z\"><a href=\"javascript:x\">j</a><img src=\"a.png\" width=\"50%\" height=\"20\"></p>")
        #expect(out == "<p lang=\"en-US\" dir=\"rtl\"><a>j</a><img src=\"a.png\" height=\"20\"/></p>")
    }

    @Test func blocksInsidePhrasingAreMovedOut() throws {
        #expect(try sanitized("<p>a <em>b <div>c</div> d</em> e</p>") == "<p>a <em>b </em></p><div>c</div><p><em> d</em> e</p>")
        #expect(try sanitized("<span>x<div>y</div></span>") == "<div>x<div>y</div></div>")
        #expect(try sanitized("<h2><div>Title</div></h2>") == "<h2>Title </h2>")
    }

    /// Ruby in the shape EPUB's content model requires: every rt after base text and between
    /// rp parentheses, the ruby ending with an rt group (EPUBCheck RSC-005 otherwise).
    @Test func rubyIsMadeValid() throws {
        #expect(try sanitized("<p><ruby>町<rp>(</rp><rt>まち</rt><rp>)</rp></ruby></p>")
                == "<p><ruby>町<rp>(</rp><rt>まち</rt><rp>)</rp></ruby></p>")
        #expect(try sanitized("<p><ruby>漢<rt>かん</rt>字<rt>じ</rt></ruby></p>")
                == "<p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字<rp>(</rp><rt>じ</rt><rp>)</rp></ruby></p>")
        // An rp with no partner, base text after the last rt, an rt with no base, no rt at all.
        #expect(try sanitized("<p><ruby>町<rp>(</rp><rt>まち</rt>の</ruby></p>")
                == "<p><ruby>町<rp>(</rp><rt>まち</rt><rp>)</rp></ruby>の</p>")
        #expect(try sanitized("<p>a<ruby><rt>x</rt>b</ruby>c</p>") == "<p>abc</p>")
        #expect(try sanitized("<p><ruby>only base</ruby></p>") == "<p>only base</p>")
        #expect(try sanitized("<p>a<rt>stray</rt>b</p>") == "<p>ab</p>")
    }

    @Test func listsTablesDefinitionListsFigures() throws {
        #expect(try sanitized("<ul>text<li>a</li></ul>") == "<ul><li>text</li><li>a</li></ul>")
        #expect(try sanitized("<div><li>stray</li></div>") == "<div><ul><li>stray</li></ul></div>")
        #expect(try sanitized("<table><tr><td>1</td>x</tr></table>") == "<table><tbody><tr><td>1</td><td>x</td></tr></tbody></table>")
        #expect(try sanitized("<dl><dd>no term</dd></dl>") == "<div><div>no term</div></div>")
        #expect(try sanitized("<figure><figcaption>a</figcaption><img src=\"x.png\"><figcaption>b</figcaption></figure>")
                == "<figure><div>a</div><img src=\"x.png\"/><figcaption>b</figcaption></figure>")
        #expect(try sanitized("<a href=\"https://a\">x<a href=\"https://b\">y</a></a>").contains("https://a"))
    }

    @Test func idsAreUniqueNCNames() throws {
        let out = try sanitized("<p id=\"1a\">x</p><p id=\"1a\">y</p><p><a href=\"#1a\">l</a></p>")
        #expect(out == "<p id=\"id-1a\">x</p><p id=\"id-1a-2\">y</p><p><a href=\"#id-1a\">l</a></p>")
    }

    @Test func languageTags() {
        #expect(HTMLSubset.normalizedLanguageTag("fa-ir") == "fa-IR")
        #expect(HTMLSubset.normalizedLanguageTag("zh-hant-tw") == "zh-Hant-TW")
        #expect(HTMLSubset.normalizedLanguageTag("en_US") == "en-US")
        #expect(HTMLSubset.normalizedLanguageTag("english please") == nil)
        #expect(HTMLSubset.normalizedLanguageTag("") == nil)
        #expect(HTMLSubset.normalizedLanguageTag("x-klingon") == "x-klingon")
    }
}

@Suite struct HTMLSubsetRepairTests {
    func sanitized(_ html: String) throws -> String {
        let doc = try HTMLParser.parse(utf8: Data(html.utf8))
        let body = HTMLSubset.bodyContainer(of: doc)
        HTMLSubset.sanitize(body)
        return try XHTMLWriter.fragment(body.children)
    }

    @Test func voidElementsHoldNothing() throws {
        let out = try sanitized("<p>a<wbr>b<wbr>c</p>")
        #expect(!out.contains("</wbr>"))
        #expect(out.contains("a<wbr/>b<wbr/>c"))
    }

    @Test func noBreakSpaceIsTextInLists() throws {
        #expect(try sanitized("<ul><li>a</li>\u{00A0}</ul>") == "<ul><li>a</li><li>\u{00A0}</li></ul>")
    }

    @Test func renamedCellsLoseCellAttributes() throws {
        #expect(try sanitized("<div><td colspan=\"3\">x</td></div>") == "<div><div>x</div></div>")
    }

    @Test func xmlSafeDropsWhatXMLForbidsAndKeepsTheRest() {
        #expect(HTMLSubset.xmlSafe("a\u{0}b\u{1F}c\td\u{FFFE}e\u{FFFF}f\u{FFFD}g\n\r") == "abc\tdef\u{FFFD}g\n\r")
        let fine = "caf\u{E9} \u{4E2D}\u{6587} \u{1F600} \u{EFBF} \u{FFFD}"
        #expect(HTMLSubset.xmlSafe(fine) == fine)
    }

    @Test func serializedHTMLEscapesTextAndAttributesOnly() throws {
        let doc = try HTMLParser.parse(utf8: Data("<p title='a \"b\" &amp; <c>'>x &lt; y &amp;&amp; z &gt; \"q\"<br>w</p>".utf8))
        let p = try #require(doc.firstElement(named: "p"))
        #expect(HTMLSerializer.html([p]) == "<p title=\"a &quot;b&quot; &amp; &lt;c&gt;\">x &lt; y &amp;&amp; z &gt; \"q\"<br>w</p>")
        #expect(HTMLSerializer.escapeText("a \"b\" & <c>") == "a \"b\" &amp; &lt;c&gt;")
        #expect(HTMLSerializer.escapeAttribute("a \"b\" & <c>") == "a &quot;b&quot; &amp; &lt;c&gt;")
    }
}
