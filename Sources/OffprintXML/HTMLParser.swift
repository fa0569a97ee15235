// HTMLParser: parses HTML bytes with libxml2's HTML parser, building an HTMLNode tree from its
// SAX callbacks (SAXTreeBuilder.swift). With SAXTreeBuilder.swift and XHTMLWriter.swift, the
// only code in Offprint that touches libxml2.
import CLibXML2
import Foundation

/// Parsing HTML with libxml2's HTML parser (as `htmlReadMemory` would, recover mode, no
/// network), building the same tree as libxml2's tree builder without building libxml2's.
public enum HTMLParser {
    /// Parses `data`, which must already be UTF-8 (decode with the extraction module's
    /// charset detection first: libxml2 mis-decodes pages whose `<meta charset>` comes after
    /// non-ASCII text, so encoding declarations in the document are ignored here).
    ///
    /// With `keepRawText`, the content of each `script` and `style` element for which it
    /// returns false (given the element's name and attributes) is skipped unread: the element
    /// stays, empty, and the rest of the tree is the same. Script and style text is about half
    /// the bytes of a saved web page, and libxml2 reads it one character at a time
    /// (`offprint_html_skip_raw_text` in the CLibXML2 shim says how and when it is skipped).
    ///
    /// - Returns: a `.document` node whose children are the top-level nodes (`<html>`).
    /// - Throws: `OffprintXMLError.unparsable` when `data` is empty or libxml2 cannot make a
    ///   parser.
    public static func parse(utf8 data: Data, url: String? = nil,
                             keepRawText: ((_ name: String, _ attributes: [HTMLAttribute]) -> Bool)? = nil)
        throws -> HTMLNode {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
                            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
                            | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        let builder = SAXTreeBuilder(keepRawText: keepRawText)
        let status: Int32 = withExtendedLifetime(builder) {
            data.withUnsafeBytes { raw -> Int32 in
                guard let base = raw.baseAddress, raw.count > 0 else { return -1 }
                var handler = SAXTreeBuilder.handler
                return offprint_html_sax_parse(base.assumingMemoryBound(to: CChar.self), Int32(raw.count), url,
                                               &handler, Unmanaged.passUnretained(builder).toOpaque(), options)
            }
        }
        guard status == 0 else { throw OffprintXMLError.unparsable }
        return builder.finish()
    }

    /// A tag or attribute name in lower case (libxml2's HTML parser already lower-cases ASCII
    /// names, so this rarely has to convert).
    static func lowerName(_ p: UnsafePointer<xmlChar>?) -> String {
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
        let n = name.utf8.count
        guard n >= 2 && n <= 6 else { return false }
        switch name {
        case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
            return true
        default:
            return false
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
