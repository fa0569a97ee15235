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
    /// How many of `list` have been written to the container (their bytes are dropped then).
    private(set) var written = 0
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

    /// The images added since the last call, with their bytes, which the set then lets go
    /// (the book keeps only what the package document needs).
    mutating func takeUnwritten() -> [EPUBImage] {
        let new = Array(list[written...])
        for i in written..<list.count { list[i].data = Data() }
        written = list.count
        return new
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

    var id: String { String(format: "chapter-%04d", number) }
    var href: String { "text/\(id).xhtml" }

    /// The chapter template's values; `body` (the XHTML of the article) is left out for the
    /// navigation document and package document.
    func values(body: String?) -> [String: Any] {
        var v: [String: Any] = ["id": id, "href": href, "number": number, "title": title]
        if let body { v["content"] = body }
        if let x = byline { v["byline"] = x }
        if let x = siteName { v["siteName"] = x }
        if let x = publishedTime { v["publishedTime"] = x }
        if let x = url {
            var u: [String: Any] = ["text": x]
            if let l = link { u["link"] = l }
            v["url"] = u
        }
        if let x = lang { v["lang"] = x }
        if let x = dir { v["dir"] = x }
        return v
    }
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

    /// The book's metadata and chapter list from the articles' headers (their bodies are
    /// rendered later, one at a time); the `--cover` image is added first.
    ///
    /// - Throws: `OffprintError(.badInput, cover, ...)` when the cover image cannot be read
    ///   or is not an image EPUB can hold.
    init(articles: [ArticleHeader], options: ExportOptions) throws {
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
        chapters = articles.enumerated().map { k, a in
            let m = a.metadata
            let urlText = EPUBBook.clean(m.url)
            var link: String? = nil
            if let u = urlText, u.lowercased().hasPrefix("http://") || u.lowercased().hasPrefix("https://") {
                link = EPUBContent.linkURL(u)
            }
            return EPUBChapter(
                number: k + 1,
                title: EPUBBook.clean(m.title) ?? urlText ?? "Untitled article",
                byline: EPUBBook.clean(m.byline), siteName: EPUBBook.clean(m.siteName),
                publishedTime: EPUBBook.clean(m.publishedTime), url: urlText, link: link,
                lang: m.lang.flatMap(HTMLSubset.normalizedLanguageTag), dir: m.dir?.rawValue)
        }
    }

    /// Writes the images added since the last call into `zip` under `EPUB/images/`, stored.
    mutating func writeNewImages(to zip: ZIPWriter) throws {
        for img in images.takeUnwritten() {
            try zip.add("EPUB/" + img.href, img.data, compressed: false)
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

    /// The values of the package document, cover page, navigation document and NCX
    /// templates: the book's metadata, its chapters (without bodies) and its images.
    func values() -> [String: Any] {
        var book: [String: Any] = [
            "identifier": identifier, "title": title, "language": language, "modified": modified,
            "date": date,
            "articleCount": articleCount == 1 ? "1 article" : "\(articleCount) articles",
            "chapters": chapters.map { $0.values(body: nil) },
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
        return book
    }
}
