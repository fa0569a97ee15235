// EPUBBook: the book as values before it is zipped: metadata, the cover, chapters with
// their XHTML bodies, and the images they embed (each once per book, by content hash).
import Crypto
import Foundation
import Mustache
import OffprintModel
import OffprintXML

/// An image embedded in the book.
struct EPUBImage {
    var hash: ContentHash
    var type: ImageMediaType
    var data: Data
    /// The `--cover` image (manifest `properties="cover-image"`).
    var isCover = false
    var id: String { "img-" + hash.hex }
    var href: String { "images/\(hash.hex).\(type.fileExtension)" }
}

/// The images of a book, in order of first use.
struct EPUBImageSet {
    /// `--image-compat`: WebP images are embedded as PNG (ImageCompat).
    var compat = false
    private(set) var list: [EPUBImage] = []
    /// Position in `list` by the source bytes' hash and by the embedded bytes' hash.
    private var index: [ContentHash: Int] = [:]

    /// Adds `data` (if its type can be embedded, converted when `compat` asks for it) and
    /// returns the image; `cover` marks it as the cover image.
    mutating func add(_ data: Data, hash: ContentHash? = nil, cover: Bool = false) -> EPUBImage? {
        guard var type = ImageMediaType.sniff(data), type.isEmbeddedInEPUB else { return nil }
        let source = hash ?? ContentHash(of: data)
        if let i = index[source] { return mark(i, cover) }
        var bytes = data
        var embedded = source
        if compat {
            guard let converted = ImageCompat.compatible(data, type: type) else { return nil }
            if converted.1 != type {
                (bytes, type) = converted
                embedded = ContentHash(of: bytes)
                if let i = index[embedded] { index[source] = i; return mark(i, cover) }
            }
        }
        let img = EPUBImage(hash: embedded, type: type, data: bytes, isCover: cover)
        index[source] = list.count
        index[embedded] = list.count
        list.append(img)
        return img
    }

    private mutating func mark(_ i: Int, _ cover: Bool) -> EPUBImage {
        if cover { list[i].isCover = true }
        return list[i]
    }
}

/// One chapter (one article).
struct EPUBChapter {
    var number: Int
    var title: String
    var byline: String?
    var siteName: String?
    var publishedTime: String?
    var url: String?
    var link: String?
    var lang: String?
    var dir: String?
    var body: String

    var id: String { String(format: "chapter-%04d", number) }
    var href: String { "text/\(id).xhtml" }
}

struct EPUBBook {
    var identifier: String
    var title: String
    var author: String?
    var language: String
    var modified: String
    /// The day shown on the cover page (`YYYY-MM-DD` of the modification time).
    var date: String
    var articleCount: Int
    var chapters: [EPUBChapter] = []
    var images = EPUBImageSet()

    init(articles: [ArticleSnapshot], options: ExportOptions) throws {
        images.compat = options.imageCompat
        if let coverURL = options.coverImage {
            let data: Data
            do { data = try Data(contentsOf: coverURL) } catch {
                throw OffprintError(.badInput, coverURL.path, "cannot read the cover image")
            }
            guard images.add(data, cover: true) != nil else {
                throw OffprintError(.badInput, coverURL.path, "not a PNG, JPEG, GIF or WebP image; give one of those as --cover")
            }
        }
        articleCount = articles.count
        let ids = articles.map { $0.id.hex }.sorted().joined(separator: "\n")
        identifier = "urn:uuid:" + EPUBBook.uuid(fromSHA256Of: ids)
        let langs = articles.map { $0.metadata.lang.flatMap(HTMLSubset.normalizedLanguageTag) }
        if let first = langs.first ?? nil, langs.allSatisfy({ $0 == first }) {
            language = first
        } else if let some = langs.compactMap({ $0 }).first {
            language = some
        } else {
            language = options.language.flatMap(HTMLSubset.normalizedLanguageTag) ?? "en"
        }
        let defaultTitle: String
        if articles.count == 1, let t = EPUBBook.clean(articles[0].metadata.title) {
            defaultTitle = t
        } else {
            defaultTitle = "Offprint: \(articles.count) article" + (articles.count == 1 ? "" : "s")
        }
        title = EPUBBook.clean(options.title) ?? defaultTitle
        author = EPUBBook.clean(options.author)
        modified = ISO8601.string(options.modified)
        date = String(modified.prefix(10))
        for (k, a) in articles.enumerated() {
            let m = a.metadata
            let urlText = EPUBBook.clean(m.url)
            var link: String? = nil
            if let u = urlText, u.lowercased().hasPrefix("http://") || u.lowercased().hasPrefix("https://") {
                link = EPUBContent.linkURL(u)
            }
            let body = try EPUBContent.body(of: a, images: &images)
            chapters.append(EPUBChapter(
                number: k + 1,
                title: EPUBBook.clean(m.title) ?? urlText ?? "Untitled article",
                byline: EPUBBook.clean(m.byline), siteName: EPUBBook.clean(m.siteName),
                publishedTime: EPUBBook.clean(m.publishedTime), url: urlText, link: link,
                lang: m.lang.flatMap(HTMLSubset.normalizedLanguageTag), dir: m.dir?.rawValue,
                body: body))
        }
    }

    /// A metadata value made fit for a one-line XML text: characters XML forbids removed,
    /// whitespace runs collapsed, trimmed; nil when nothing is left.
    static func clean(_ s: String?) -> String? {
        guard let s else { return nil }
        let safe = HTMLSubset.xmlSafe(s)
        let collapsed = safe.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
    }

    /// A name-based UUID string (version 5 layout) from the SHA-256 of `text`.
    static func uuid(fromSHA256Of text: String) -> String {
        var b = Array(SHA256.hash(data: Data(text.utf8)).prefix(16))
        b[6] = (b[6] & 0x0F) | 0x50
        b[8] = (b[8] & 0x3F) | 0x80
        let hex = b.hexString
        let h = Array(hex)
        return String(h[0..<8]) + "-" + String(h[8..<12]) + "-" + String(h[12..<16]) + "-"
            + String(h[16..<20]) + "-" + String(h[20..<32])
    }

    /// The files of the container, in order.
    func entries(templates: EPUBTemplates) throws -> [EPUBExporter.Entry] {
        let chapterValues: [[String: Any]] = chapters.map { c in
            var v: [String: Any] = ["id": c.id, "href": c.href, "number": c.number, "title": c.title,
                                    "content": c.body]
            if let x = c.byline { v["byline"] = x }
            if let x = c.siteName { v["siteName"] = x }
            if let x = c.publishedTime { v["publishedTime"] = x }
            if let x = c.url {
                var u: [String: Any] = ["text": x]
                if let l = c.link { u["link"] = l }
                v["url"] = u
            }
            if let x = c.lang { v["lang"] = x }
            if let x = c.dir { v["dir"] = x }
            return v
        }
        let navChapters: [[String: Any]] = chapterValues.map { v in
            var n = v
            n["href"] = (v["href"] as! String)
            n["content"] = nil
            return n
        }
        var book: [String: Any] = [
            "identifier": identifier, "title": title, "language": language, "modified": modified,
            "date": date,
            "articleCount": articleCount == 1 ? "1 article" : "\(articleCount) articles",
            "chapters": navChapters,
            "images": images.list.map { img -> [String: Any] in
                var v: [String: Any] = ["id": img.id, "href": img.href, "mediaType": img.type.rawValue]
                if img.isCover { v["properties"] = "cover-image" }
                return v
            },
        ]
        if let author { book["author"] = author }
        if let cover = images.list.first(where: \.isCover) {
            book["cover"] = ["id": cover.id, "href": cover.href]
        }
        if let first = chapters.first { book["firstChapter"] = first.href }
        // The reading direction follows the articles when every one of them is RTL.
        if !chapters.isEmpty, chapters.allSatisfy({ $0.dir == "rtl" }) { book["rtl"] = true }

        var out: [EPUBExporter.Entry] = [
            .init(path: "mimetype", data: Data("application/epub+zip".utf8), compressed: false),
            .init(path: "META-INF/container.xml", data: templates.container, compressed: true),
            .init(path: "EPUB/package.opf", data: Data(templates.package.render(book).utf8), compressed: true),
            .init(path: "EPUB/cover.xhtml", data: Data(templates.cover.render(book).utf8), compressed: true),
            .init(path: "EPUB/nav.xhtml", data: Data(templates.nav.render(book).utf8), compressed: true),
            .init(path: "EPUB/toc.ncx", data: Data(templates.ncx.render(book).utf8), compressed: true),
            .init(path: "EPUB/style.css", data: templates.stylesheet, compressed: true),
        ]
        for v in chapterValues {
            out.append(.init(path: "EPUB/" + (v["href"] as! String),
                             data: Data(templates.chapter.render(v).utf8), compressed: true))
        }
        for img in images.list {
            out.append(.init(path: "EPUB/" + img.href, data: img.data, compressed: false))
        }
        return out
    }
}
