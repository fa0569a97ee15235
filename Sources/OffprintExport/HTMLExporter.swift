// HTMLExporter: the HTML bundle (`--format html`): `index.html` listing the articles (title,
// site, date, tags, reading time) in the order given, one page per article under
// `articles/`, the images they show under `images/<sha256>.<ext>`, and one stylesheet;
// written into a directory or a `.zip` (BundleWriter). With `singleFile`, one
// self-contained HTML file instead: the stylesheet inline and images as `data:` URIs.
// Bodies are sanitised to the HTML subset (no script survives), and every page carries a
// Content-Security-Policy that forbids loading anything from the network. Templates and the
// stylesheet come from Formats/html/.
import Foundation
import Mustache
import OffprintModel
import OffprintXML

/// The HTML writer.
public struct HTMLExporter: Exporter {
    public let name = "html"
    public let fileExtension = "html"

    public init() {}

    /// The policy of bundle pages: nothing but the bundle's own images and stylesheet.
    public static let bundlePolicy = "default-src 'none'; img-src 'self' data:; style-src 'self'; base-uri 'none'; form-action 'none'"
    /// The policy of a single file: inline style and `data:` images only.
    public static let singleFilePolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

    public func write(_ articles: ArticleStream, options: ExportOptions, to url: URL) throws {
        guard !articles.isEmpty else { throw OffprintError(.failed, url.path, "no articles to export") }
        let formats = try FormatsLocator.locate(override: options.formatsDirectory)
        let templates = try HTMLTemplates(directory: formats.appendingPathComponent("html", isDirectory: true))
        let stylesheet = try options.stylesheetData(default: templates.stylesheet)
        if options.singleFile {
            let html = try singleFile(articles, options: options, templates: templates, stylesheet: stylesheet)
            let tmp = try BundleWriter.temporarySibling(of: url)
            do {
                try Data(html.utf8).write(to: tmp)
                try BundleWriter.moveIntoPlace(tmp, url)
            } catch let e as OffprintError {
                try? FileManager.default.removeItem(at: tmp)
                throw e
            } catch {
                throw OffprintError(.unwritable, url.path, "cannot write the HTML file: \(error.localizedDescription)")
            }
            return
        }
        let bundle = try BundleWriter(url: url, modified: options.modified)
        do {
            try bundle.add("style.css", stylesheet)
            var written = Set<ContentHash>()
            var entries: [[String: Any]] = []
            let bookTitle = Self.bookTitle(articles, options)
            try articles.forEach { _, a in
                let href = "articles/\(a.id.hex.prefix(16)).html"
                let page = try HTMLPage(a, anchor: "article", images: .files(prefix: "../images/"))
                for img in page.images where written.insert(img.hash).inserted {
                    try bundle.add("images/\(img.hash.hex).\(img.type.fileExtension)", img.data, compressed: false)
                }
                var values = page.values
                values["articleHTML"] = templates.articleBody.render(page.values)
                values["csp"] = Self.bundlePolicy
                values["stylesheetHref"] = "../style.css"
                values["indexHref"] = "../index.html"
                values["bookTitle"] = bookTitle
                try bundle.add(href, Data(templates.article.render(values).utf8))
                var entry = page.values
                entry["href"] = href
                entry["content"] = nil
                entries.append(entry)
            }
            var index = Self.indexValues(articles, entries: entries, options: options)
            index["csp"] = Self.bundlePolicy
            index["stylesheetHref"] = "style.css"
            try bundle.add("index.html", Data(templates.index.render(index).utf8))
            try bundle.finish()
        } catch {
            bundle.abandon()
            throw error
        }
    }

    /// The single-file document: the index, then every article, images inline. (It is one
    /// string, so it holds every article at once.)
    func singleFile(_ articles: ArticleStream, options: ExportOptions, templates: HTMLTemplates,
                    stylesheet: Data) throws -> String {
        var entries: [[String: Any]] = []
        try articles.forEach { k, a in
            let anchor = "article-\(k + 1)"
            let page = try HTMLPage(a, anchor: anchor, images: .inline)
            var entry = page.values
            entry["href"] = "#" + anchor
            entry["articleHTML"] = templates.articleBody.render(page.values)
            entries.append(entry)
        }
        var index = Self.indexValues(articles, entries: entries, options: options)
        index["csp"] = Self.singleFilePolicy
        // A stylesheet inside <style> cannot hold "</style"; it is cut there.
        var css = String(decoding: stylesheet, as: UTF8.self)
        if let r = css.range(of: "</style", options: .caseInsensitive) { css = String(css[..<r.lowerBound]) }
        index["stylesheet"] = css
        index["single"] = true
        return templates.index.render(index)
    }

    static func bookTitle(_ articles: ArticleStream, _ options: ExportOptions) -> String {
        MetadataText.line(options.title) ?? "Offprint: \(articles.count) article" + (articles.count == 1 ? "" : "s")
    }

    static func indexValues(_ articles: ArticleStream, entries: [[String: Any]],
                            options: ExportOptions) -> [String: Any] {
        let langs = articles.headers.map { $0.metadata.lang.flatMap(HTMLSubset.normalizedLanguageTag) }
        let language = langs.first.flatMap { first in langs.allSatisfy { $0 == first } ? first : nil }
            ?? options.language.flatMap(HTMLSubset.normalizedLanguageTag) ?? "en"
        return ["title": bookTitle(articles, options), "language": language,
                "modified": ISO8601.string(options.modified), "count": articles.count,
                "articles": entries]
    }
}

/// One article prepared for the HTML templates.
struct HTMLPage {
    enum ImageMode {
        /// Images become files referred to as `prefix + <hash>.<ext>`.
        case files(prefix: String)
        /// Images become `data:` URIs.
        case inline
    }

    struct Image {
        var hash: ContentHash
        var type: ImageMediaType
        var data: Data
    }

    var values: [String: Any]
    var images: [Image] = []

    init(_ a: ArticleSnapshot, anchor: String, images mode: ImageMode) throws {
        let root = try ArticleBody.tree(a.content, subject: a.id.hex)
        for img in root.elements(named: "img") {
            guard let (hash, data) = ArticleBody.imageData(img.attribute("src") ?? "", in: a),
                  let type = ImageMediaType.sniff(data) else {
                HTMLSubset.replaceImageByAlt(img)
                continue
            }
            switch mode {
            case .files(let prefix):
                img.setAttribute("src", prefix + hash.hex + "." + type.fileExtension)
                if !images.contains(where: { $0.hash == hash }) { images.append(Image(hash: hash, type: type, data: data)) }
            case .inline:
                img.setAttribute("src", "data:\(type.rawValue);base64," + data.base64EncodedString())
            }
            if img.attribute("alt") == nil { img.setAttribute("alt", "") }
        }
        ArticleBody.fixLinks(root)
        for el in root.elements(named: "a") where el.attribute("href").map({ !$0.hasPrefix("#") }) == true {
            el.setAttribute("rel", "noreferrer")
        }
        if anchor != "article" {
            // In one file, ids of different articles must not meet: prefix them.
            for el in root.descendants() {
                if let id = el.attribute("id") { el.setAttribute("id", anchor + "-" + id) }
            }
            for el in root.elements(named: "a") {
                if let href = el.attribute("href"), href.hasPrefix("#") { el.setAttribute("href", "#" + anchor + "-" + href.dropFirst()) }
            }
        }
        let m = a.metadata
        var v: [String: Any] = [
            "anchor": anchor,
            "title": MetadataText.title(a),
            "date": MetadataText.date(a),
            "readingTime": HTMLPage.readingMinutes(root.textContent),
            "content": HTMLSerializer.html(root.children),
            "tags": a.state.tags,
            "hasTags": !a.state.tags.isEmpty,
        ]
        if let x = MetadataText.line(m.byline) { v["byline"] = x }
        if let x = MetadataText.line(m.siteName) { v["siteName"] = x }
        if let x = m.lang.flatMap(HTMLSubset.normalizedLanguageTag) { v["lang"] = x }
        if let x = m.dir?.rawValue { v["dir"] = x }
        if let u = MetadataText.line(m.url) {
            var url: [String: Any] = ["text": u]
            if u.lowercased().hasPrefix("http://") || u.lowercased().hasPrefix("https://"), let l = EPUBContent.linkURL(u) {
                url["link"] = l
            }
            v["url"] = url
        }
        values = v
    }

    /// Minutes to read `text`: words at 230 a minute, plus CJK characters (which are not
    /// separated by spaces) at 500 a minute; at least 1.
    static func readingMinutes(_ text: String) -> Int {
        var words = 0
        var cjk = 0
        var inWord = false
        for c in text {
            if let u = c.unicodeScalars.first, DisplayWidth.isWide(u) {
                cjk += 1
                inWord = false
            } else if c.isWhitespace {
                inWord = false
            } else if !inWord {
                words += 1
                inWord = true
            }
        }
        let minutes = Double(words) / 230 + Double(cjk) / 500
        return max(1, Int(minutes.rounded()))
    }
}

/// The HTML templates of a Formats directory.
struct HTMLTemplates {
    var index: MustacheTemplate
    var article: MustacheTemplate
    var articleBody: MustacheTemplate
    var stylesheet: Data

    init(directory: URL) throws {
        let folder = FormatFolder(directory: directory, format: "HTML")
        index = try folder.template("index.html.mustache")
        article = try folder.template("article.html.mustache")
        articleBody = try folder.template("article-body.mustache")
        stylesheet = try folder.data("style.css")
    }
}
