// ArticleBody: the first step every exporter shares: a stored body parsed (libxml2) and
// sanitised to the HTML subset (docs/html-subset.md), as an HTMLNode tree the format then
// walks or rewrites. Also the shared rules for what a link may point at and how images are
// found (by blob hash or in a data: URI).
import Foundation
import OffprintModel
import OffprintXML

enum ArticleBody {
    /// The sanitised body of `html` as a container node; an empty container for an empty
    /// body.
    ///
    /// - Throws: `OffprintError(.failed, subject, "cannot parse the article body")`.
    static func tree(_ html: String, subject: String) throws -> HTMLNode {
        guard !html.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return HTMLNode(kind: .document)
        }
        let doc: HTMLNode
        do {
            doc = try HTMLParser.parse(utf8: Data(html.utf8))
        } catch {
            throw OffprintError(.failed, subject, "cannot parse the article body")
        }
        let root = HTMLSubset.bodyContainer(of: doc)
        HTMLSubset.sanitize(root)
        return root
    }

    /// The bytes of an `img` `src`: a blob of the article, or a decoded `data:` URI; nil for
    /// anything else (remote images are never fetched).
    static func imageData(_ src: String, in article: ArticleSnapshot) -> (hash: ContentHash, data: Data)? {
        if let hash = BlobReference.hash(in: src), let data = article.images[hash] { return (hash, data) }
        if let data = EPUBContent.decodeDataURI(src) { return (ContentHash(of: data), data) }
        return nil
    }

    /// Rewrites the links of `root`: absolute web and mail links are kept (normalised),
    /// `#fragment` links only when the target id exists; every other `href` is removed.
    static func fixLinks(_ root: HTMLNode) {
        var ids = Set<String>()
        for el in root.descendants() { if let id = el.attribute("id") { ids.insert(id) } }
        for a in root.elements(named: "a") {
            guard let href = a.attribute("href") else { continue }
            if href.hasPrefix("#") {
                if !ids.contains(String(href.dropFirst())) { a.setAttribute("href", nil) }
            } else {
                a.setAttribute("href", EPUBContent.linkURL(href))
            }
        }
    }
}

/// Small shared helpers on metadata values.
enum MetadataText {
    /// A value fit for one line of text: control characters removed, white-space runs
    /// collapsed, trimmed; nil when nothing is left.
    static func line(_ s: String?) -> String? { EPUBBook.clean(s) }

    /// The date an article is shown with: its published time (as stored), else the day it
    /// was added (`YYYY-MM-DD`).
    static func date(_ a: ArticleSnapshot) -> String { date(a.header) }

    static func date(_ a: ArticleHeader) -> String {
        line(a.metadata.publishedTime) ?? String(ISO8601.string(a.addedAt).prefix(10))
    }

    /// The title shown for `a`: its title, else its URL, else `Untitled article`.
    static func title(_ a: ArticleSnapshot) -> String { title(a.header) }

    static func title(_ a: ArticleHeader) -> String {
        line(a.metadata.title) ?? line(a.metadata.url) ?? "Untitled article"
    }
}
