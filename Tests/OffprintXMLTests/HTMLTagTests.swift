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

@Suite("HTMLNode storage")
struct HTMLNodeStorageTests {
    @Test("a name for elements, a text for text and comment nodes, sharing one stored string")
    func nameAndTextByKind() {
        let p = HTMLNode.element("p"), t = HTMLNode.textNode("hello"), c = HTMLNode(kind: .comment, text: "note")
        let doc = HTMLNode(kind: .document)
        #expect(p.name == "p" && p.text == "" && p.tag == HTMLTag.number("p"))
        #expect(t.name == "" && t.text == "hello" && t.tag == 0)
        #expect(c.name == "" && c.text == "note" && c.tag == 0)
        #expect(doc.name == "" && doc.text == "")
        // Setting the other one is ignored: an element's text, a text node's name.
        p.text = "ignored"
        t.name = "div"
        #expect(p.text == "" && p.name == "p" && t.name == "" && t.text == "hello" && t.tag == 0)
        // A text node made with a name keeps only its text; an element made with a text, only its name.
        let odd = HTMLNode(kind: .text, name: "span", text: "x"), odd2 = HTMLNode(kind: .element, name: "b", text: "y")
        #expect(odd.name == "" && odd.text == "x" && odd.tag == 0 && odd2.name == "b" && odd2.text == "")
        p.append(t)
        p.append(c)
        let copy = p.clone()
        #expect(copy.name == "p" && copy.children.map(\.text) == ["hello", "note"] && copy.children.map(\.name) == ["", ""])
        p.name = "div"
        t.text += "!"
        #expect(p.name == "div" && p.tag == HTMLTag.number("div") && t.text == "hello!" && t.textMeasure == 0)
    }
}
