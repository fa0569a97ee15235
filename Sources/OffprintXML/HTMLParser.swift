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
            convert(c, into: root)
            child = c.pointee.next
        }
        return root
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    /// A tag or attribute name in lower case (libxml2's HTML parser already lower-cases ASCII
    /// names, so this rarely has to convert).
    private static func lowerName(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        var i = 0
        while p[i] != 0 {
            let b = p[i]
            if (b >= 0x41 && b <= 0x5A) || b >= 0x80 { return String(cString: p).lowercased() }
            i += 1
        }
        return String(cString: p)
    }

    /// Whether `name` is in `XHTMLWriter.voidElements`, without hashing the name (a set
    /// lookup per element cost more than comparing these few short names).
    static func isVoid(_ name: String) -> Bool {
        switch name {
        case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
            return true
        default:
            return false
        }
    }

    /// Copies one libxml2 node to the end of `parent`. A void element that libxml2 2.9 does
    /// not know as void (`wbr`, `source`, `track`) swallows the content after it; that
    /// content is appended after it, as its following siblings, as an HTML5 parser would
    /// build it.
    private static func convert(_ node: xmlNodePtr, into parent: HTMLNode) {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            var attrs: [HTMLAttribute] = []
            var prop = node.pointee.properties
            while let a = prop {
                let name = lowerName(a.pointee.name)
                var value = ""
                if let t = a.pointee.children, t.pointee.next == nil, t.pointee.type == XML_TEXT_NODE {
                    value = string(t.pointee.content)
                } else if let v = xmlNodeListGetString(node.pointee.doc, a.pointee.children, 1) {
                    value = String(cString: v)
                    offprint_xmlFree(v)
                }
                if !attrs.contains(where: { $0.name == name }) {
                    attrs.append(HTMLAttribute(name: name, value: value))
                }
                prop = a.pointee.next
            }
            let el = HTMLNode(kind: .element, name: lowerName(node.pointee.name), attributes: attrs)
            parent.append(el)
            let container = isVoid(el.name) ? parent : el
            var child = node.pointee.children
            while let c = child {
                convert(c, into: container)
                child = c.pointee.next
            }
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            parent.append(HTMLNode(kind: .text, text: string(node.pointee.content)))
        case XML_COMMENT_NODE:
            parent.append(HTMLNode(kind: .comment, text: string(node.pointee.content)))
        case XML_ENTITY_REF_NODE:
            parent.append(HTMLNode(kind: .text, text: "&" + string(node.pointee.name) + ";"))
        default:
            break
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
