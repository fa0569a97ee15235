// XHTMLWriter: serialises an HTMLNode tree as XML through libxml2 (xmlsave), for EPUB's
// XHTML content documents. Text and attribute values are escaped by libxml2, characters
// are written as UTF-8, and no named entity other than the five XML ones can appear.
import CLibXML2
import Foundation

/// Writing HTMLNode trees as well-formed XML.
public enum XHTMLWriter {
    /// HTML's void elements (HTML Living Standard, 13.1.2), written as `<br/>`; every other
    /// element is written with an end tag even when empty (`<p></p>`).
    public static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr",
    ]

    /// The XML serialisation of `nodes` (a fragment: no XML declaration, no namespace
    /// declaration). Attributes whose names are not XML names, and comments that are not
    /// well-formed XML comments (containing `--` or ending in `-`), are dropped.
    ///
    /// - Throws: `OffprintXMLError.serialization` when libxml2 fails.
    public static func fragment(_ nodes: [HTMLNode]) throws -> String {
        guard let doc = xmlNewDoc("1.0") else { throw OffprintXMLError.serialization }
        defer { xmlFreeDoc(doc) }
        guard let holder = xmlNewDocNode(doc, nil, "holder", nil) else { throw OffprintXMLError.serialization }
        xmlDocSetRootElement(doc, holder)
        for n in nodes { build(n, under: holder, doc: doc) }

        guard let buffer = xmlBufferCreate() else { throw OffprintXMLError.serialization }
        defer { xmlBufferFree(buffer) }
        let options = Int32(XML_SAVE_NO_DECL.rawValue | XML_SAVE_AS_XML.rawValue)
        guard let ctx = xmlSaveToBuffer(buffer, "UTF-8", options) else { throw OffprintXMLError.serialization }
        var child = holder.pointee.children
        while let c = child {
            if xmlSaveTree(ctx, c) < 0 {
                xmlSaveClose(ctx)
                throw OffprintXMLError.serialization
            }
            child = c.pointee.next
        }
        xmlSaveClose(ctx)
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    /// Whether `name` is an XML Name without a colon (XML Namespaces' NCName), so it can be
    /// an attribute or element name in an XHTML document. `xml:lang` and `epub:type` style
    /// prefixed names are accepted by `isQualifiedName`.
    public static func isNCName(_ name: String) -> Bool {
        xmlValidateNCName(name, 0) == 0
    }

    /// Whether `name` is `prefix:local` or an NCName.
    public static func isQualifiedName(_ name: String) -> Bool {
        xmlValidateQName(name, 0) == 0
    }

    private static func build(_ node: HTMLNode, under parent: xmlNodePtr, doc: xmlDocPtr) {
        switch node.kind {
        case .text:
            if let t = xmlNewDocText(doc, node.text) { xmlAddChild(parent, t) }
        case .comment:
            let t = node.text
            if t.contains("--") || t.hasSuffix("-") { return }
            if let c = xmlNewDocComment(doc, t) { xmlAddChild(parent, c) }
        case .document:
            for c in node.children { build(c, under: parent, doc: doc) }
        case .element:
            guard isNCName(node.name), let el = xmlNewDocNode(doc, nil, node.name, nil) else {
                for c in node.children { build(c, under: parent, doc: doc) }
                return
            }
            xmlAddChild(parent, el)
            for a in node.attributes {
                if isNCName(a.name) {
                    xmlNewProp(el, a.name, a.value)
                } else if a.name == "xml:lang" {
                    xmlNodeSetLang(el, a.value)
                }
            }
            for c in node.children { build(c, under: el, doc: doc) }
            if node.children.isEmpty && !voidElements.contains(node.name) {
                if let t = xmlNewDocText(doc, "") { xmlAddChild(el, t) }
            }
        }
    }
}
