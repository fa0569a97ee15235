// HTMLParser: parses HTML bytes with libxml2's HTML parser and copies the result into an
// HTMLNode tree. With XHTMLWriter.swift, the only code in Offprint that touches libxml2.
import CLibXML2
import Foundation

/// Parsing HTML with libxml2 (`htmlReadMemory`, recover mode, no network).
public enum HTMLParser {
    /// Parses `data`, which must already be UTF-8 (decode with the extraction module's
    /// charset detection first: libxml2 mis-decodes pages whose `<meta charset>` comes after
    /// non-ASCII text, so encoding declarations in the document are ignored here).
    ///
    /// - Returns: a `.document` node whose children are the top-level nodes (`<html>`).
    /// - Throws: `OffprintXMLError.unparsable` when libxml2 returns no document.
    public static func parse(utf8 data: Data, url: String? = nil) throws -> HTMLNode {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
                            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
                            | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        let doc: htmlDocPtr? = data.withUnsafeBytes { raw -> htmlDocPtr? in
            guard let base = raw.baseAddress, raw.count > 0 else { return nil }
            return htmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(raw.count),
                                  url, "UTF-8", options)
        }
        guard let doc else { throw OffprintXMLError.unparsable }
        defer { xmlFreeDoc(doc) }
        let root = HTMLNode(kind: .document)
        var child = doc.pointee.children
        while let c = child {
            for n in convert(c) { root.append(n) }
            child = c.pointee.next
        }
        return root
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    /// Copies one libxml2 node. A void element that libxml2 2.9 does not know as void
    /// (`wbr`, `source`, `track`) swallows the content after it; that content is handed back
    /// as its following siblings, as an HTML5 parser would build it.
    private static func convert(_ node: xmlNodePtr) -> [HTMLNode] {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            var attrs: [HTMLAttribute] = []
            var prop = node.pointee.properties
            while let a = prop {
                let name = string(a.pointee.name).lowercased()
                var value = ""
                if let v = xmlNodeListGetString(node.pointee.doc, a.pointee.children, 1) {
                    value = String(cString: v)
                    offprint_xmlFree(v)
                }
                if !attrs.contains(where: { $0.name == name }) {
                    attrs.append(HTMLAttribute(name: name, value: value))
                }
                prop = a.pointee.next
            }
            let el = HTMLNode(kind: .element, name: string(node.pointee.name).lowercased(), attributes: attrs)
            var child = node.pointee.children
            var content: [HTMLNode] = []
            while let c = child {
                content.append(contentsOf: convert(c))
                child = c.pointee.next
            }
            if XHTMLWriter.voidElements.contains(el.name) { return [el] + content }
            for n in content { el.append(n) }
            return [el]
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            return [HTMLNode(kind: .text, text: string(node.pointee.content))]
        case XML_COMMENT_NODE:
            return [HTMLNode(kind: .comment, text: string(node.pointee.content))]
        case XML_ENTITY_REF_NODE:
            return [HTMLNode(kind: .text, text: "&" + string(node.pointee.name) + ";")]
        default:
            return []
        }
    }
}

/// Errors of the libxml2 wrapper.
public enum OffprintXMLError: Error, Sendable, Equatable {
    /// libxml2 produced no document from the bytes.
    case unparsable
    /// libxml2 could not serialise a tree.
    case serialization
}
