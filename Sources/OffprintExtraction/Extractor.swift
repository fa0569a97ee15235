// Extractor: HTML page bytes -> ExtractedArticle. Decodes (CharsetDecoder), parses
// (OffprintXML.HTMLParser), reads the metadata (PageMetadata), finds the article (ReaderView,
// after Mozilla Readability.js), fixes image sources and URLs, collects offline images,
// sanitises, and serialises. docs/extraction.md describes each step.
import Foundation
import OffprintModel
import OffprintXML

/// Reader-view extraction of an article from an HTML page.
public enum Extractor {
    /// Extracts the article from the bytes of an HTML page.
    ///
    /// - Parameters:
    ///   - html: the page's bytes in any encoding (see `CharsetDecoder`).
    ///   - url: the URL the page was fetched from, if known: relative links and images are
    ///     resolved against `<base href>` and then this URL; it is the last fallback of
    ///     `canonicalURL`.
    ///   - baseDirectory: the folder of a page saved to disk; images whose relative `src`
    ///     names a file under it (`page_files/photo.jpg`) are read into `images`.
    /// - Returns: the article: metadata (Readability's fields), `content` as clean HTML,
    ///   `textContent` with paragraph breaks, the canonical URL and the offline images.
    /// - Throws: `OffprintError(.badInput, url, "no article text found")` when the page has no
    ///   text at all; never crashes on malformed markup.
    public static func extract(html: Data, url: String?, baseDirectory: URL?) throws -> ExtractedArticle {
        // Most saved pages are valid UTF-8 with nothing to repair: their bytes go to the parser
        // as they are, with no string of the whole page made and validated on the way
        // (`CharsetDecoder.decode` gives those same bytes).
        if isPlainUTF8(html) {
            if let repaired = html.withUnsafeBytes({ MojibakeRepair.repaired(utf8: $0.bindMemory(to: UInt8.self)) }) {
                return try extract(htmlText: repaired, url: url, baseDirectory: baseDirectory)
            }
            return try extract(source: html, url: url, baseDirectory: baseDirectory)
        }
        let decoded = CharsetDecoder.decode(html, kind: .html)
        return try extract(htmlText: MojibakeRepair.repair(decoded.text), url: url, baseDirectory: baseDirectory)
    }

    /// Extracts the article from an already decoded page; see `extract(html:url:baseDirectory:)`.
    public static func extract(htmlText: String, url: String?, baseDirectory: URL?) throws -> ExtractedArticle {
        let cleaned = containsNUL(htmlText)
            ? String(decoding: htmlText.utf8.filter { $0 != 0 }, as: UTF8.self) : htmlText
        return try extract(source: Data(cleaned.utf8), url: url, baseDirectory: baseDirectory)
    }

    /// Whether `data` is valid UTF-8 (`CharsetDecoder.isValidUTF8`) with no byte order mark
    /// and no NUL byte.
    static func isPlainUTF8(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { return false }
            if let base = raw.baseAddress, memchr(base, 0, raw.count) != nil { return false }
            return CharsetDecoder.isValidUTF8(b)
        }
    }

    /// The article of `source`, a page in UTF-8 with no NUL byte.
    static func extract(source: Data, url: String?, baseDirectory: URL?) throws -> ExtractedArticle {
        do {
            return try extract(source: source, url: url, baseDirectory: baseDirectory, unwrapNoscript: false)
        } catch is OffprintError where containsNoscriptTag(source) {
            // Some sites put a whole script-free version of the page in <noscript>; read it
            // when nothing else has text.
            return try extract(source: source, url: url, baseDirectory: baseDirectory, unwrapNoscript: true)
        }
    }

    /// Whether `source` has `<noscript` in it, in any ASCII case.
    static func containsNoscriptTag(_ source: Data) -> Bool {
        source.withUnsafeBytes { noscriptTag.matches($0.bindMemory(to: UInt8.self)) }
    }

    private static let noscriptTag = Keywords("<noscript")

    static func extract(source: Data, url: String?, baseDirectory: URL?,
                        unwrapNoscript: Bool) throws -> ExtractedArticle {
        let doc: HTMLNode
        do {
            doc = try HTMLParser.parse(utf8: source, keepRawText: readsRawText)
        } catch {
            throw OffprintError(.badInput, url, "no article text found")
        }
        mergeRootAttributes(doc, source: source)
        let meta = PageMetadata(document: doc)

        // Readability's _unwrapNoscriptImages, _removeScripts and _prepDocument, plus ours.
        func prepareDocument(_ doc: HTMLNode) {
            ImageSources.unwrapNoscriptImages(doc)
            if unwrapNoscript {
                for n in doc.elements(in: ["noscript"]).reversed() { n.unwrap() }
            } else {
                for n in doc.elements(in: ["noscript"]).reversed() where isTextFallback(n) { n.unwrap() }
            }
            prepare(doc)
            ImageSources.normalize(doc)
        }
        prepareDocument(doc)
        /// The prepared document again, for what needs it unmodified after the reader view
        /// has worked on `doc` (its retries, the whole-body fallback): parsed and prepared
        /// anew, which only the few pages that get there pay for, instead of a copy per page.
        func freshDocument() -> HTMLNode? {
            guard let d = try? HTMLParser.parse(utf8: source, keepRawText: readsRawText) else { return nil }
            mergeRootAttributes(d, source: source)
            prepareDocument(d)
            return d
        }

        // A metadata byline that is only a label, a company or a host name is none, and the
        // page's byline element is looked for instead.
        let metaByline = clean(meta.byline).flatMap(BylineText.clean).flatMap(clean)
        let reader = ReaderView(articleTitle: meta.title ?? "", metadataHasByline: metaByline != nil)
        let found = reader.grabArticle(document: doc, fresh: freshDocument)

        // URLs: <base href> resolved against the page URL, else the page URL.
        let pageURL = url.flatMap(URLResolver.parse)
        var baseURL = pageURL
        if let href = meta.baseHref, let resolved = URLResolver.resolve(href, against: pageURL) {
            baseURL = URL(string: resolved)
        }
        /// Resolves, collects images, sanitises; returns the images the content still shows.
        func finish(_ article: HTMLNode) -> [ImageResource] {
            simplifyNestedElements(article)
            var images = OfflineImages.collect(in: article, baseURL: baseURL, baseDirectory: baseDirectory)
            fixLinks(article, baseURL: baseURL)
            ContentSanitizer.sanitize(article)
            removeEmptyContainers(article)
            HTMLSubset.sanitize(article)
            normalizeText(article)
            let shown = Set(article.elements(in: ["img"]).compactMap { $0.attribute("src") })
            images.removeAll { !shown.contains($0.src) }
            return images
        }
        func hasText(_ s: String) -> Bool { s.contains(where: { $0.isLetter || $0.isNumber }) }

        var article = found ?? HTMLNode.element("div")
        var images = finish(article)
        var text = TextRendering.text(of: article.children)
        if !hasText(text) && images.isEmpty, let body = freshDocument()?.firstElement(named: "body") {
            // The reader view kept nothing readable (say, only a form): fall back to the
            // whole body, sanitised, so that a page with any text still imports.
            article = HTMLNode.element("div")
            for c in body.children { article.append(c) }
            images = finish(article)
            text = TextRendering.text(of: article.children)
        }
        guard hasText(text) || !images.isEmpty else {
            throw OffprintError(.badInput, url, "no article text found")
        }
        let contentNodes = article.children

        var metadata = ArticleMetadata()
        metadata.title = clean(meta.title)
        metadata.byline = metaByline ?? clean(reader.articleByline).flatMap(BylineText.clean).flatMap(clean)
        metadata.excerpt = clean(meta.excerpt)
        if metadata.excerpt == nil, let p = article.firstElement(named: "p") {
            metadata.excerpt = clean(p.textOutsideRubyText)
        }
        metadata.siteName = clean(meta.siteName)
        metadata.lang = clean(meta.lang)
        metadata.dir = reader.articleDir.flatMap { TextDirection(rawValue: $0.lowercased()) }
        metadata.publishedTime = clean(meta.publishedTime).flatMap(normalizeDate)
        var canonical: String?
        if let c = meta.canonical {
            canonical = URLResolver.resolve(c, against: baseURL ?? pageURL)
            if let canon = canonical, URLResolver.parse(canon)?.scheme == nil { canonical = nil }
        }
        if canonical == nil, let u = url, !u.isEmpty { canonical = u }
        metadata.url = canonical

        let content = HTMLSerializer.html(contentNodes)
        return ExtractedArticle(metadata: metadata, content: content, textContent: text,
                                canonicalURL: canonical, images: images)
    }

    /// Whether extraction reads the content of a `script` or `style` element (name,
    /// attributes): a script that is a data block, whose `type` is neither empty, `module`
    /// nor a JavaScript MIME type (HTML Living Standard 4.12.1, "the script element"): JSON-LD
    /// (read by `PageMetadata` and `PublishedDate`) and the page data a date-marked element
    /// may carry (`<script type="application/json">{"publishedDate": ...}`). The parser skips
    /// program code and style sheets unread (`HTMLParser.parse(keepRawText:)`); `prepare`
    /// removes the elements.
    static func readsRawText(_ name: String, _ attributes: [HTMLAttribute]) -> Bool {
        guard name == "script" else { return false }
        for a in attributes where a.name == "type" {
            let essence = (a.value.split(separator: ";", maxSplits: 1).first.map(String.init) ?? "")
                .trimmedWhitespace.lowercased()
            return !(essence.isEmpty || essence == "module" || javaScriptTypes.contains(essence))
        }
        return false
    }

    /// The JavaScript MIME type essences (HTML Living Standard, "JavaScript MIME type").
    static let javaScriptTypes: Set<String> = [
        "application/ecmascript", "application/javascript", "application/x-ecmascript",
        "application/x-javascript", "text/ecmascript", "text/javascript", "text/javascript1.0",
        "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
        "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript",
        "text/x-javascript",
    ]

    /// Whether `text` has a NUL character (memchr on the UTF-8; the generic `utf8.contains`
    /// walked the view byte by byte and cost 3.5% of a corpus run).
    static func containsNUL(_ text: String) -> Bool {
        func scan(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let base = b.baseAddress, b.count > 0 else { return false }
            return memchr(base, 0, b.count) != nil
        }
        return text.utf8.withContiguousStorageIfAvailable(scan) ?? Array(text.utf8).withUnsafeBufferPointer(scan)
    }

    /// A `<noscript>` that stands in for the `<script>` just before it, which renders the
    /// post (Blogger's `post-content`): paragraphs with at least 200 characters of text, in
    /// the body. Short notices ("Please enable JavaScript"), image fallbacks and a
    /// `<noscript>` that does not follow a script (a consent notice for script-less
    /// browsers) are not; nor is one whose text speaks of JavaScript (a notice, however long),
    /// or one beside a rendered copy of the post (its parent has 200 characters of text
    /// outside the `<noscript>`), which would give the article twice.
    static func isTextFallback(_ noscript: HTMLNode) -> Bool {
        guard noscript.hasAncestor("body", maxDepth: 0),
              noscript.previousElementSibling?.name == "script" else { return false }
        var length = 0
        for p in noscript.elements(in: ["p"]) { length += p.innerTextLength() }
        guard length >= 200 else { return false }
        if noscript.textContent.range(of: "javascript", options: .caseInsensitive) != nil { return false }
        if let parent = noscript.parent {
            let outside = parent.children.reduce(0) { sum, c in
                c === noscript || c.name == "script" ? sum : sum + c.innerTextLength()
            }
            if outside >= 200 { return false }
        }
        return true
    }

    // MARK: - Steps

    /// The elements `prepare` removes: `script`, `style`, `noscript`, `template`.
    static let removedTags = HTMLTag.Set(["script", "style", "noscript", "template"])!

    /// Removes what is never article text and normalises markup (Readability's
    /// `_removeScripts` and `_prepDocument`): scripts, styles, templates, comments;
    /// `<font>` becomes `<span>`; chains of `<br>` become paragraphs.
    static func prepare(_ doc: HTMLNode) {
        var stack: [HTMLNode] = [doc]
        var toRemove: [HTMLNode] = []
        while let n = stack.popLast() {
            for c in n.children {
                switch c.kind {
                case .comment:
                    toRemove.append(c)
                case .element:
                    if removedTags.contains(c.tag) {
                        toRemove.append(c)
                    } else {
                        if c.name == "font" { c.rename("span") }
                        stack.append(c)
                    }
                default:
                    break
                }
            }
        }
        for n in toRemove { n.detach() }
        if let body = doc.firstElement(named: "body") { replaceBrs(body) }
    }

    /// HTML5 adds the attributes of a `<html>` or `<body>` start tag to the element when it
    /// already exists (tree construction, "in body" insertion mode); libxml2 drops them when
    /// it has opened an implied `<body>` earlier (text or a stray element in the head). The
    /// attributes of the first such tags in `source` are added where missing.
    static func mergeRootAttributes(_ doc: HTMLNode, source: Data) {
        for name in ["html", "body"] {
            guard let element = doc.firstElement(named: name),
                  let attributes = TagScanner.attributesOfFirstTag(name, in: source) else { continue }
            for a in attributes where element.attribute(a.name) == nil {
                element.setAttribute(a.name, a.value)
            }
        }
    }

    /// Readability's `_replaceBrs`: two or more `<br>` in a row end a paragraph.
    static func replaceBrs(_ body: HTMLNode) {
        func nextNonBlank(_ node: HTMLNode?) -> HTMLNode? {
            var n = node
            while let cur = n, cur.kind != .element, cur.textContent.trimmedWhitespace.isEmpty {
                n = cur.nextSiblingNode
            }
            return n
        }
        for br in body.elements(in: ["br"]) {
            guard br.parent != nil else { continue }
            var next = br.nextSiblingNode
            var replaced = false
            while let n = nextNonBlank(next), n.name == "br", n.kind == .element {
                replaced = true
                let sibling = n.nextSiblingNode
                n.detach()
                next = sibling
            }
            guard replaced, let parent = br.parent, let index = br.indexInParent else { continue }
            let p = HTMLNode.element("p")
            br.detach()
            parent.insert(p, at: index)
            var cur = p.nextSiblingNode
            while let n = cur {
                if n.kind == .element && n.name == "br" {
                    if let after = nextNonBlank(n.nextSiblingNode), after.kind == .element, after.name == "br" { break }
                }
                if !ReaderRules.isPhrasingContent(n) { break }
                let sibling = n.nextSiblingNode
                p.append(n)
                cur = sibling
            }
            while let last = p.children.last, last.isWhitespaceNode { last.detach() }
            if parent.name == "p" { parent.rename("div") }
        }
    }

    /// Readability's `_simplifyNestedElements`: a `div`/`section` holding only one
    /// `div`/`section` is replaced by it; empty ones are removed.
    static func simplifyNestedElements(_ root: HTMLNode) {
        var node: HTMLNode? = root.firstElementChild
        while let cur = node {
            if cur.parent != nil, cur.name == "div" || cur.name == "section" {
                if ReaderRules.isElementWithoutContent(cur) && cur.firstElement(named: "img") == nil {
                    node = cur.removeAndGetNext()
                    continue
                } else if ReaderRules.hasSingleTagInside(cur, "div") || ReaderRules.hasSingleTagInside(cur, "section") {
                    let child = cur.elementChildren[0]
                    cur.replace(with: [child])
                    node = child
                    continue
                }
            }
            node = cur.nextNode()
            if let n = node, !isInside(n, root) { break }
        }
    }

    private static func isInside(_ node: HTMLNode, _ root: HTMLNode) -> Bool {
        var n: HTMLNode? = node
        while let cur = n {
            if cur === root { return true }
            n = cur.parent
        }
        return false
    }

    /// Resolves link targets against the base URL; `javascript:` links become their text.
    static func fixLinks(_ root: HTMLNode, baseURL: URL?) {
        for a in root.elements(in: ["a"]) {
            guard let href = a.attribute("href")?.trimmedWhitespace else { continue }
            if href.lowercased().hasPrefix("javascript:") {
                a.unwrap()
                continue
            }
            if href.hasPrefix("#") { continue }
            if let resolved = URLResolver.resolve(href, against: baseURL) { a.setAttribute("href", resolved) }
        }
    }

    /// Removes paragraphs and containers left empty by sanitising.
    static func removeEmptyContainers(_ root: HTMLNode) {
        for n in root.elements(in: ["p", "div", "section", "span", "figure", "li", "ul", "ol", "blockquote"]).reversed() {
            // (`hasNonWhitespaceText` stops at the first character that is not white space:
            // building each container's whole text was quadratic in the nesting.)
            if !n.hasNonWhitespaceText
                && n.firstElement(named: "img") == nil && n.firstElement(named: "br") == nil
                && n.firstElement(named: "hr") == nil {
                n.detach()
            }
        }
    }

    /// Puts the article's text in Unicode Normalization Form C, the form the web and search
    /// expect (W3C Character Model): `a` + U+0308 becomes `ä`, and the composition exclusions
    /// (Bengali U+09DF and the like) become their canonical pairs. Text whose scalars are all
    /// below U+0300 (where combining marks and exclusions start) or in `isNFCStable`'s ranges
    /// is already in NFC.
    private static func normalizeText(_ root: HTMLNode) {
        var stack = [root]
        while let n = stack.popLast() {
            for c in n.children {
                if c.kind == .text {
                    // A scalar from U+0300 up starts with a byte from 0xCC up (continuation
                    // bytes are below): text without one, most of it, is not decoded.
                    let high = c.text.utf8.withContiguousStorageIfAvailable { $0.contains { $0 >= 0xCC } } ?? true
                    if high, c.text.unicodeScalars.contains(where: { $0.value >= 0x300 && !isNFCStable($0.value) }) {
                        c.text = c.text.precomposedStringWithCanonicalMapping
                    }
                } else {
                    stack.append(c)
                }
            }
        }
    }

    /// Whether scalar `v` (at or above U+0300) is left alone by NFC whatever surrounds it: it
    /// is its own NFC, has combining class 0 and is not the second part of any canonical
    /// composition (checked over every scalar of these ranges against the Unicode Character
    /// Database). Common letters and punctuation of Greek, Cyrillic, Arabic, Thai, Vietnamese
    /// Latin, CJK, kana and Hangul syllables; their combining marks are outside the ranges.
    /// Foundation's NFC costs about 80,000 instructions per text node; this check spares it
    /// for most non-Latin text.
    static func isNFCStable(_ v: UInt32) -> Bool {
        switch v {
        case 0x0388...0x03FF, 0x0400...0x0482, 0x061B...0x064A, 0x0660...0x066F, 0x0671...0x06D3,
             0x0E01...0x0E30, 0x1E00...0x1EFF, 0x2002...0x2027, 0x2030...0x205E, 0x20A0...0x20C0,
             0x2190...0x2328, 0x232B...0x23FF, 0x2500...0x27BF, 0x3000...0x3029, 0x3041...0x3096,
             0x30A1...0x30FA, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFE30...0xFE4F, 0xFF01...0xFFEE:
            return true
        default:
            return false
        }
    }

    private static func clean(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = s.trimmedWhitespace.collapsingWhitespaceRuns()
        return t.isEmpty ? nil : t
    }

    /// ISO 8601 dates pass through; RFC 2822-style and a few common forms are converted.
    static func normalizeDate(_ s: String) -> String? {
        PublishedDate.normalize(s)
    }
}
