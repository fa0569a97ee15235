// EPUBContent: an article body made into the body of an EPUB XHTML content document:
// parsed, sanitised to the HTML subset (docs/html-subset.md), then the EPUB-specific fixes
// (docs/epub.md): images embedded by hash or removed with their alt text kept, no remote
// resources, links only to the web, mail, or ids that exist in the chapter.
import Foundation
import OffprintModel
import OffprintXML

enum EPUBContent {
    /// The XHTML fragment for `article`'s body; embeds its images into `images`.
    static func body(of article: ArticleSnapshot, images: inout EPUBImageSet) throws -> String {
        guard !article.content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return "" }
        let doc: HTMLNode
        do {
            doc = try HTMLParser.parse(utf8: Data(article.content.utf8))
        } catch {
            throw OffprintError(.failed, article.id.hex, "cannot parse the article body")
        }
        let root = HTMLSubset.bodyContainer(of: doc)
        HTMLSubset.sanitize(root)

        for img in root.elements(named: "img") {
            let src = img.attribute("src") ?? ""
            var embedded: EPUBImage? = nil
            if let hash = BlobReference.hash(in: src), let data = article.images[hash] {
                embedded = images.add(data, hash: hash)
            } else if let data = decodeDataURI(src) {
                embedded = images.add(data)
            }
            guard let embedded else {
                HTMLSubset.replaceImageByAlt(img)
                continue
            }
            img.setAttribute("src", "../" + embedded.href)
            if img.attribute("alt") == nil { img.setAttribute("alt", "") }
        }

        var ids = Set<String>()
        for el in root.descendants() { if let id = el.attribute("id") { ids.insert(id) } }
        for a in root.elements(named: "a") {
            guard let href = a.attribute("href") else { continue }
            if href.hasPrefix("#") {
                let frag = String(href.dropFirst())
                if !ids.contains(frag) { a.setAttribute("href", nil) }
            } else {
                a.setAttribute("href", linkURL(href))
            }
        }
        do {
            return try XHTMLWriter.fragment(root.children)
        } catch {
            throw OffprintError(.failed, article.id.hex, "cannot write the article body as XHTML")
        }
    }

    /// The bytes of a `data:` URI, or nil when `src` is not one or does not decode.
    static func decodeDataURI(_ src: String) -> Data? {
        guard src.lowercased().hasPrefix("data:"), let comma = src.firstIndex(of: ",") else { return nil }
        let header = src[src.index(src.startIndex, offsetBy: 5)..<comma].lowercased()
        let payload = String(src[src.index(after: comma)...])
        if header.hasSuffix(";base64") {
            let cleaned = (payload.removingPercentEncoding ?? payload).filter { !$0.isWhitespace }
            return Data(base64Encoded: cleaned, options: .ignoreUnknownCharacters)
        }
        return (payload.removingPercentEncoding).map { Data($0.utf8) }
    }

    /// `href` as a link EPUB readers and EPUBCheck accept: an absolute `http`, `https` or
    /// `mailto` URL with characters outside URL syntax percent-encoded; nil for anything else
    /// (relative links point at nothing inside the book).
    static func linkURL(_ href: String) -> String? {
        let t = href.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = t.lowercased()
        let scheme: String
        if lower.hasPrefix("https://") { scheme = "https" }
        else if lower.hasPrefix("http://") { scheme = "http" }
        else if lower.hasPrefix("mailto:") { scheme = "mailto" }
        else { return nil }
        let rest = t.dropFirst(scheme == "mailto" ? 7 : scheme.count + 3)
        if scheme != "mailto" {
            let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            let hostPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
            let parts = hostPort.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2, let host = parts.first, !host.isEmpty,
                  host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }),
                  !host.hasPrefix("."), !host.hasPrefix("-"), host.contains(where: { $0.isLetter || $0.isNumber })
            else { return nil }
            if parts.count == 2 {
                guard parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let p = Int(parts[1]), p <= 65535
                else { return nil }
            }
            if authority.contains("@") { return nil }
        } else if rest.isEmpty {
            return nil
        }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&'()*+,;=".unicodeScalars)
        let hex = Set("0123456789abcdefABCDEF".unicodeScalars)
        var out = scheme + (scheme == "mailto" ? ":" : "://")
        let scalars = Array(rest.unicodeScalars)
        var seenHash = false
        for (i, u) in scalars.enumerated() {
            if u == "%" {
                if i + 2 < scalars.count, hex.contains(scalars[i + 1]), hex.contains(scalars[i + 2]) { out += "%" }
                else { out += "%25" }
            } else if u == "#" {
                out += seenHash ? "%23" : "#"
                seenHash = true
            } else if allowed.contains(u) {
                out.unicodeScalars.append(u)
            } else {
                for byte in String(u).utf8 { out += String(format: "%%%02X", byte) }
            }
        }
        guard URL(string: out) != nil else { return nil }
        return out
    }
}
