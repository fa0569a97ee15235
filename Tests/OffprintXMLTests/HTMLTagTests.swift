import Foundation
import Testing
@testable import OffprintXML

/// `HTMLTag` numbers stand in for element names in the extractor's walks, so they must follow
/// every element's name exactly.
@Suite struct HTMLTagTests {
    @Test func namesAreNumberedOnceAndFitASet() {
        #expect(Set(HTMLTag.names).count == HTMLTag.names.count)
        #expect(HTMLTag.names.count <= 127)
        #expect(HTMLTag.number("a") == 1)
        #expect(HTMLTag.number("nobr") == UInt8(HTMLTag.names.count))
        #expect(HTMLTag.number("custom-element") == 0)
        #expect(HTMLTag.number("P") == 0)  // names are lower case
    }

    @Test func setsHoldTheirNamesOnly() throws {
        let set = try #require(HTMLTag.Set(["p", "section", "nobr", "a"]))
        for name in HTMLTag.names {
            #expect(set.contains(HTMLTag.number(name)) == ["p", "section", "nobr", "a"].contains(name))
        }
        #expect(!set.contains(0))
        #expect(HTMLTag.Set(["p", "my-widget"]) == nil)
    }

    @Test func parsedAndRenamedElementsCarryTheirNumber() throws {
        let doc = try HTMLParser.parse(utf8: Data("<body><p>a<my-widget>b</my-widget><g:plusone></g:plusone></p></body>".utf8))
        let p = try #require(doc.firstElement(named: "p"))
        #expect(p.tag == HTMLTag.number("p"))
        #expect(try #require(doc.firstElement(named: "my-widget")).tag == 0)
        #expect(try #require(doc.firstElement(named: "plusone")).tag == 0)
        #expect(p.children[0].tag == 0)  // text
        p.name = "div"
        #expect(p.tag == HTMLTag.number("div"))
        #expect(HTMLNode.element("section").tag == HTMLTag.number("section"))
        #expect(p.clone().tag == HTMLTag.number("div"))
    }

    @Test func nameSetsTestNumberedNamesByNumberAndOthersByName() {
        let set = HTMLNameSet(["p", "blink", "figure-group"])
        #expect(set.tags == HTMLTag.Set(["p"]) && set.others == ["blink", "figure-group"])
        let p = HTMLNode.element("p"), blink = HTMLNode.element("blink"), div = HTMLNode.element("div")
        #expect(set.contains(p) && set.contains(blink) && !set.contains(div))
        #expect(!set.contains(HTMLNode.element("marquee")) && !set.contains(HTMLNode.textNode("p")))
        div.name = "p"
        blink.name = "span"
        #expect(set.contains(div) && !set.contains(blink))
    }
}
