// The libxml2 wrapper: parsing real-world HTML faults and writing well-formed XML.
import Foundation
import OffprintTestSupport
@testable import OffprintXML
import Testing

@Suite struct XHTMLWriterTests {
    func body(_ html: String) throws -> HTMLNode {
        let doc = try HTMLParser.parse(utf8: Data(html.utf8))
        return try #require(doc.firstElement(named: "body"))
    }

    @Test func voidElementTestMatchesTheVoidElementSet() {
        for name in XHTMLWriter.voidElements { #expect(HTMLParser.isVoid(name), "\(name)") }
        for name in ["p", "div", "a", "span", "br2", "im", "", "BR", "imgs", "table", "picture", "svg"] {
            #expect(!HTMLParser.isVoid(name), "\(name)")
        }
    }

    @Test func namedEntitiesBecomeCharacters() throws {
        let b = try body("<p>Fish &amp; chips &pound;5 &mdash; &lsquo;cheap&rsquo; &copy; caf&eacute;&nbsp;x</p>")
        let xml = try XHTMLWriter.fragment(b.children)
        #expect(xml == "<p>Fish &amp; chips £5 — ‘cheap’ © café\u{00A0}x</p>")
    }

    @Test func commentsWithDoubleDashAreDropped() throws {
        let b = try body("<p>a</p><!-- odd -- comment --><!-- fine --><p>b</p>")
        let xml = try XHTMLWriter.fragment(b.children)
        #expect(xml == "<p>a</p><!-- fine --><p>b</p>")
    }

    @Test func attributesThatAreNotXMLNamesAreDropped() throws {
        let b = try body(#"<p "odd"="1" data-x="y" 1bad="z" title='a "q" & b'>Press</p>"#)
        let xml = try XHTMLWriter.fragment(b.children)
        #expect(xml == #"<p data-x="y" title="a &quot;q&quot; &amp; b">Press</p>"#)
    }

    @Test func emptyElementsKeepEndTagsAndVoidElementsDoNot() throws {
        let b = try body(#"<div></div><br><img src="a.png" alt="">"#)
        #expect(try XHTMLWriter.fragment(b.children) == #"<div></div><br/><img src="a.png" alt=""/>"#)
    }

    @Test func htmlSerializerEscapes() throws {
        let b = try body(#"<p title="x&quot;y">a &lt; b &amp; c</p>"#)
        #expect(HTMLSerializer.html(b.children) == #"<p title="x&quot;y">a &lt; b &amp; c</p>"#)
    }

    @Test func treeEditsKeepParents() throws {
        let b = try body("<div><p>one</p><p>two</p></div>")
        let div = try #require(b.firstElement(named: "div"))
        let second = div.children[1]
        second.replace(with: [HTMLNode.textNode("x"), HTMLNode.element("hr")])
        #expect(HTMLSerializer.html([div]) == "<div><p>one</p>x<hr></div>")
        #expect(div.children[2].parent === div)
        #expect(second.parent == nil)
    }
}

@Suite struct VoidElementTests {
    /// libxml2 2.9 does not know `wbr` as void and nests the following text inside it;
    /// the tree must hold it as a sibling (a real page in the readability corpus has
    /// `Debian/<wbr>Mandrake/<wbr>Gentoo`).
    @Test func wbrDoesNotSwallowText() throws {
        let doc = try HTMLParser.parse(utf8: Data("<li>Debian/<wbr>Mandrake/<wbr>Gentoo instead</li>".utf8))
        let li = try #require(doc.firstElement(named: "li"))
        #expect(try XHTMLWriter.fragment([li]) == "<li>Debian/<wbr/>Mandrake/<wbr/>Gentoo instead</li>")
    }
}
