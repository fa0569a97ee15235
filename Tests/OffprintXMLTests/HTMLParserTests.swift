import Foundation
import Testing
@testable import OffprintXML

/// The tree built from libxml2's SAX callbacks is the tree libxml2's own tree builder builds
/// (checked node for node on all corpus pages when it was written); these pin its details.
@Suite struct HTMLParserTests {
    func parse(_ html: String) throws -> HTMLNode { try HTMLParser.parse(utf8: Data(html.utf8)) }

    /// A node as a short string: elements by name, text in quotes, comments in `<!-- -->`.
    func shape(_ nodes: [HTMLNode]) -> [String] {
        nodes.map { n in
            switch n.kind {
            case .element: return n.name
            case .text: return "\"\(n.text)\""
            case .comment: return "<!--\(n.text)-->"
            case .document: return "#document"
            }
        }
    }

    @Test func whitespaceBetweenListItemsIsKept() throws {
        let ul = try #require(try parse("<ul> <li>a</li>\n<li>b</li> </ul>").firstElement(named: "ul"))
        #expect(shape(ul.children) == ["\" \"", "li", "\"\n\"", "li", "\" \""])
    }

    @Test func booleanAttributesGetTheirNameAsValue() throws {
        let input = try #require(try parse("<p><input disabled foo bar=\"\" ID=x></p>").firstElement(named: "input"))
        #expect(input.attributes == [HTMLAttribute(name: "disabled", value: "disabled"),
                                     HTMLAttribute(name: "foo", value: ""),
                                     HTMLAttribute(name: "bar", value: ""),
                                     HTMLAttribute(name: "id", value: "x")])
    }

    @Test func duplicateAttributesKeepTheFirst() throws {
        let div = try #require(try parse("<div class=a CLASS=b id=c>t</div>").firstElement(named: "div"))
        #expect(div.attributes == [HTMLAttribute(name: "class", value: "a"), HTMLAttribute(name: "id", value: "c")])
    }

    @Test func prefixedElementsAreNamedByTheirLocalPart() throws {
        let body = try #require(try parse("<body><g:plusone size=a>x</g:plusone><a:b:c>y</a:b:c><x:>z</x:></body>")
            .firstElement(named: "body"))
        #expect(shape(body.children) == ["plusone", "b:c", "x:"])
        #expect(body.children[0].attributes == [HTMLAttribute(name: "size", value: "a")])
    }

    @Test func adjacentCharacterDataIsOneTextNode() throws {
        let p = try #require(try parse("<p>a &amp; b&#32;&lt;c&gt; &nosuch; d</p>").firstElement(named: "p"))
        #expect(shape(p.children) == ["\"a & b <c> &nosuch; d\""])
    }

    @Test func commentsAndProcessingInstructionsSplitText() throws {
        let p = try #require(try parse("<p>a<!--c-->b<?pi x?>c</p>").firstElement(named: "p"))
        #expect(shape(p.children) == ["\"a\"", "<!--c-->", "\"b\"", "\"c\""])
    }

    @Test func aLongScriptIsOneTextNode() throws {
        let code = String(repeating: "x = 1;\n", count: 500)
        let script = try #require(try parse("<html><head><script>\(code)</script></head></html>").firstElement(named: "script"))
        #expect(shape(script.children) == ["\"\(code)\""])
    }

    @Test func contentSwallowedByUnknownVoidElementsFollowsThem() throws {
        let p = try #require(try parse("<p>x<track>y<source>z<b>w</b></p>").firstElement(named: "p"))
        #expect(shape(p.children) == ["\"x\"", "track", "\"y\"", "source", "\"z\"", "b"])
        #expect(p.children[1].children.isEmpty && p.children[3].children.isEmpty)
    }

    @Test func commentsOutsideTheRootStayAtDocumentLevel() throws {
        let doc = try parse("<?xml version=\"1.0\"?><!-- top --><html><body><p>a</p></body></html><!-- after -->")
        #expect(shape(doc.children) == ["<!-- top -->", "html", "<!-- after -->"])
    }

    @Test func emptyInputIsUnparsable() {
        #expect(throws: OffprintXMLError.unparsable) { try HTMLParser.parse(utf8: Data()) }
    }
}
