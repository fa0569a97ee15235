// The sanitiser's allowlist (docs/html-subset.md), tested by element and attribute number as
// it now looks them up, against exact output.
@testable import OffprintExtraction
import Foundation
import OffprintXML
import Testing

@Suite("Content sanitiser")
struct ContentSanitizerTests {
    @Test("every allowed element and every element with its own attributes has an HTMLTag number")
    func allowlistIsNumbered() {
        // `clean` looks the attributes of an allowed element up by its number.
        for name in ContentSanitizer.allowedElements { #expect(HTMLTag.number(name) != 0, "\(name)") }
        for name in ContentSanitizer.elementAttributes.keys { #expect(HTMLTag.number(name) != 0, "\(name)") }
    }

    @Test("elements and attributes kept, unwrapped, renamed and dropped")
    func cleansToTheSubset() throws {
        let html = """
        <div class="x"><p dir="xx" lang="de" style="color:red">t</p><a>no href</a>\
        <a href="javascript:alert(1)" title="t">bad</a><a href="/ok" rel="nofollow">ok</a>\
        <img src="a.png" width="10" height="h" class="c" alt="A"><img alt="no src">\
        <font color="red">f</font><tt>code</tt><strike>old</strike><blink>b</blink>\
        <script>x()</script><td colspan="2" style="s">c</td><ol start="3" class="o"><li value="4">i</li></ol>\
        <time datetime="2020-01-02" class="d">then</time><!-- c --></div>
        """
        let doc = try HTMLParser.parse(utf8: Data(html.utf8))
        let body = try #require(doc.firstElement(named: "body"))
        ContentSanitizer.sanitize(body)
        #expect(HTMLSerializer.html(body.children) == """
        <div><p lang="de">t</p>no hrefbad<a href="/ok">ok</a>\
        <img src="a.png" width="10" alt="A">\
        f<code>code</code><s>old</s>b\
        <td colspan="2">c</td><ol start="3"><li value="4">i</li></ol>\
        <time datetime="2020-01-02">then</time></div>
        """)
    }
}
