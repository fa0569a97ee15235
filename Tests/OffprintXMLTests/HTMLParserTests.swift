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

    /// White-space-only text is kept wherever libxml2's `areBlanks` would call it ignorable
    /// or not: between inline elements, in a table, after a comment, at the top of the body.
    @Test func whitespaceOnlyTextIsKeptEverywhere() throws {
        let doc = try parse("<html><body> <div><b>x</b> <i>y</i></div><table> <tr><td>1</td> </tr></table>"
                            + "<p><!-- c --> <span>z</span></p></body></html>")
        let body = try #require(doc.firstElement(named: "body"))
        #expect(shape(body.children) == ["\" \"", "div", "table", "p"])
        let div = try #require(doc.firstElement(named: "div"))
        #expect(shape(div.children) == ["b", "\" \"", "i"])
        let tr = try #require(doc.firstElement(named: "tr"))
        #expect(shape(tr.children) == ["td", "\" \""])
        let p = try #require(doc.firstElement(named: "p"))
        #expect(shape(p.children) == ["<!-- c -->", "\" \"", "span"])
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

    /// The whole tree as nested lines: elements with their attributes, text in quotes.
    func outline(_ n: HTMLNode, depth: Int = 0) -> [String] {
        let pad = String(repeating: " ", count: depth)
        var lines: [String]
        switch n.kind {
        case .element: lines = [pad + n.name + n.attributes.map { " \($0.name)=\($0.value)" }.joined()]
        case .text: lines = [pad + "\"\(n.text)\""]
        case .comment: lines = [pad + "<!--\(n.text)-->"]
        case .document: lines = [pad + "#document"]
        }
        for c in n.children { lines += outline(c, depth: depth + 1) }
        return lines
    }

    /// Pages whose script and style content libxml2 treats in every way it can: ordinary
    /// code, an upper-case end tag, content that starts with `<` (an end tag or a start tag
    /// libxml2 looks at before reading script content), a `</scripts` prefix match, no end
    /// tag at all, a self-closed script, a `>` inside an attribute, a script in a comment, a
    /// style in SVG, a start tag cut off by the end of input.
    static let rawTextPages: [(html: String, read: [String])] = [
        ("<html><head><style>p { color: red }</style><script>var a = '<div>'; if (a</b) {}</script></head>"
            + "<body><p>Hi</p><script type=\"application/ld+json\">{\"a\": 1}</script><p>after</p></body></html>", []),
        ("<body><SCRIPT>x = 1</SCRIPT ><p>after</p></body>", []),
        ("<body><div><script></div>x</script>y</div><p>z</p></body>", []),
        ("<body><script><p>not a paragraph</p></script><p>x</p></body>", ["<p>not a paragraph</p>"]),
        // libxml2 ends script content at `</scripts`, ignores that end tag and reads on.
        ("<body><script>a</scripts>b</script><p>c</p></body>", ["b"]),
        ("<body><p>a<script>var x = 1; // never closed\n<p>b</p>", ["var x = 1; // never closed\n<p>b</p>"]),
        ("<body><script src=x /><p>b</p></body>", []),
        ("<body><script data-x=\"a>b\">code()</script><p>d</p></body>", []),
        ("<body><!-- <script> --><p>e</p><script>f()</script></body>", []),
        ("<body><svg><style>.a { fill: red }</style><circle r=1 /></svg><p>g</p></body>", []),
        ("<body><p>h</p><script src=x", []),
        ("<body><p>i</p><script>j()</script>", []),
        // A control character: read as before (libxml2 before 2.9.11 stopped there).
        ("<body><div><script>a\u{0C}</div>b</script><p>k</p></div>", ["a</div>b"]),
        // A prefixed name is no raw-text element for libxml2: its content is markup (review fix).
        ("<body><div><x:script>a()</div><p>l</p><x:script>b()</x:script></body>", ["a()", "b()"]),
        ("<body><svg><svg:style>.a{}</svg><p>m</p></body>", [".a{}"]),
    ]

    /// The script and style text of a tree, in document order.
    func rawText(_ doc: HTMLNode) -> [String] {
        (doc.descendants().filter { $0.name == "script" || $0.name == "style" }).flatMap { n in
            n.children.filter { $0.kind == .text }.map(\.text)
        }
    }

    @Test(arguments: rawTextPages)
    func skippedRawTextLeavesTheRestOfTheTreeAsIs(_ page: (html: String, read: [String])) throws {
        let full = try parse(page.html)
        let skipped = try HTMLParser.parse(utf8: Data(page.html.utf8), keepRawText: { _, _ in false })
        // What is still read: content that libxml2 would have left open to the end of the
        // input, that starts with `<`, or that follows a bogus end tag.
        #expect(rawText(skipped) == page.read)
        // Without their script and style text, the two trees are the same.
        for doc in [full, skipped] {
            for n in doc.descendants() where n.name == "script" || n.name == "style" {
                for c in n.children where c.kind == .text { c.detach() }
            }
        }
        #expect(outline(skipped) == outline(full))
    }

    @Test func skippedRawTextIsGoneAndKeptRawTextStays() throws {
        let html = "<html><head><style>p { color: red }</style><script>var a = 1;</script>"
            + "<script type=\"application/ld+json\">{\"a\": 1}</script></head><body><p>Hi</p></body></html>"
        let doc = try HTMLParser.parse(utf8: Data(html.utf8)) { name, attributes in
            name == "script" && attributes.contains { $0.name == "type" && $0.value.hasSuffix("ld+json") }
        }
        let scripts = doc.elements(named: "script")
        #expect(scripts.count == 2)
        #expect(scripts[0].children.isEmpty)
        #expect(shape(scripts[1].children) == ["\"{\"a\": 1}\""])
        #expect(try #require(doc.firstElement(named: "style")).children.isEmpty)
        #expect(try #require(doc.firstElement(named: "p")).textContent == "Hi")
    }

    @Test func emptyInputIsUnparsable() {
        #expect(throws: OffprintXMLError.unparsable) { try HTMLParser.parse(utf8: Data()) }
    }

    /// Child arrays are made when an element closes (by its end tag, by the parser, or at the
    /// end of the input): every node's parent and index, and the element numbers below it.
    @Test(arguments: [
        "<html><body><div><p>a<b>b</b>c</p><ul><li>1<li>2</ul></div><!-- x --><p>d</body></html>",
        "<div><p>a<b>b",
        "<div <p>x</p><span>y</span>",
        "<table><tr><td>1<td>2</table><p>after",
        "<p>a<wbr>b<source>c</p>",
    ])
    func parentsAndIndexesAfterParsing(_ html: String) throws {
        let doc = try parse(html)
        func check(_ n: HTMLNode) {
            for (i, c) in n.children.enumerated() {
                #expect(c.parent === n)
                #expect(c.indexInParent == i)
                if c.kind == .element { #expect(n.descendantTags.contains(c.tag)) }
                for d in c.descendants() { #expect(n.descendantTags.contains(d.tag)) }
                check(c)
            }
        }
        check(doc)
        #expect(!doc.descendants().isEmpty)
    }
}
