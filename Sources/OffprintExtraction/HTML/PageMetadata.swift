// PageMetadata: the descriptive fields of a page (title, byline, excerpt, site name, language,
// publication time, canonical URL) from JSON-LD, <meta> elements and the document, in the
// order of precedence Readability.js uses, extended as docs/extraction.md, "Metadata", says.
import Foundation
import OffprintXML

/// What the head of a page says about the article, before the body is looked at.
struct PageMetadata {
    var title: String?
    var byline: String?
    var excerpt: String?
    var siteName: String?
    var publishedTime: String?
    var lang: String?
    /// `<link rel=canonical>`, then `og:url` (not yet resolved).
    var canonical: String?
    /// `<base href>` (not yet resolved).
    var baseHref: String?

    /// Reads the metadata of `doc` (a parsed page with its scripts still in place).
    init(document doc: HTMLNode) {
        let found = Elements(doc)
        let jsonLD = PageMetadata.jsonLD(doc, found)
        var values: [String: String] = [:]
        for meta in found.meta {
            guard let content = meta.attribute("content")?.trimmedWhitespace,
                  !content.isEmpty else { continue }
            var matched = false
            if let property = meta.attribute("property") {
                let found = PageMetadata.propertyPattern.allMatches(property)
                for m in found {
                    let key = m.lowercased().filter { !$0.isWhitespace }
                    values[key] = content
                    matched = true
                }
            }
            if !matched, let name = meta.attribute("name"), PageMetadata.namePattern.matches(name) {
                let key = name.lowercased().filter { !$0.isWhitespace }.replacingOccurrences(of: ".", with: ":")
                values[key] = content
            }
            if let name = (meta.attribute("name") ?? meta.attribute("itemprop"))?.lowercased() {
                let extraKeys = ["date", "pubdate", "publishdate", "publish-date", "datepublished",
                                 "article:published_time", "sailthru.date", "dc.date", "dc.date.issued",
                                 "dcterms.created", "dcterms.date"]
                if extraKeys.contains(name) && values["x-date"] == nil { values["x-date"] = content }
                if name == "language" && values["x-language"] == nil { values["x-language"] = content }
            }
            if let equiv = meta.attribute("http-equiv")?.lowercased(), equiv == "content-language" {
                values["x-language"] = content
            }
        }

        let docTitle = PageMetadata.articleTitle(doc, found)
        title = jsonLD.title ?? values["dc:title"] ?? values["dcterm:title"] ?? values["og:title"]
            ?? values["weibo:article:title"] ?? values["weibo:webpage:title"] ?? values["title"]
            ?? values["twitter:title"] ?? values["parsely-title"]
        if title == nil || title!.isEmpty { title = docTitle }

        var articleAuthor = values["article:author"]
        if let a = articleAuthor, a.hasPrefix("http://") || a.hasPrefix("https://") { articleAuthor = nil }
        byline = jsonLD.byline ?? values["dc:creator"] ?? values["dcterm:creator"] ?? values["author"]
            ?? values["parsely-author"] ?? articleAuthor
        excerpt = jsonLD.excerpt ?? values["dc:description"] ?? values["dcterm:description"] ?? values["og:description"]
            ?? values["weibo:article:description"] ?? values["weibo:webpage:description"] ?? values["description"]
            ?? values["twitter:description"]
        siteName = jsonLD.siteName ?? values["og:site_name"]
        publishedTime = jsonLD.datePublished ?? values["article:published_time"] ?? values["parsely-pub-date"]
            ?? values["x-date"]
        if publishedTime == nil, let time = found.time.first(where: {
            $0.attribute("pubdate") != nil || ($0.attribute("itemprop") ?? "").contains("datePublished")
        }), let dt = time.attribute("datetime"), !dt.isEmpty {
            publishedTime = dt
        }

        let canonicalLink = PageMetadata.canonicalLink(found.link)
        if publishedTime.flatMap(PublishedDate.normalize) == nil {
            publishedTime = PublishedDate.find(in: doc, canonical: canonicalLink ?? values["og:url"])
        } else if let utc = publishedTime, let visible = PublishedDate.visibleLocalDate(for: utc, in: doc) {
            publishedTime = visible
        }

        if title != nil {
            let h1s = found.h1.map { $0.textContent.normalizedSpace }
            if let t = title {
                // A relative canonical link names no host; og:url may.
                let ogURL = found.meta.first {
                    ($0.attribute("property") ?? "").lowercased().split(separator: " ").contains("og:url")
                }?.attribute("content")?.trimmedWhitespace
                let hostURL = [canonicalLink, ogURL].compactMap { $0 }
                    .first { URL(string: $0)?.host != nil } ?? canonicalLink ?? values["og:url"]
                title = PageMetadata.removingSiteName(t, siteName: siteName, canonical: hostURL, headings: h1s,
                                                      feedTitles: PageMetadata.feedTitles(found.link))
            }
            if let t = title {
                title = PageMetadata.replacingGenericTitle(t, siteName: siteName, canonical: canonicalLink ?? values["og:url"],
                                                           headings: h1s)
            }
        }
        title = title.map(PageMetadata.unescapeEntities)
        byline = byline.map(PageMetadata.unescapeEntities)
        excerpt = excerpt.map(PageMetadata.unescapeEntities)
        siteName = siteName.map(PageMetadata.unescapeEntities)
        publishedTime = publishedTime.map(PageMetadata.unescapeEntities)

        if let html = doc.firstElement(named: "html"), let l = html.attribute("lang")?.trimmedHorizontalSpace,
           !l.isEmpty {
            lang = l
        } else if let l = values["x-language"]?.split(separator: ",").first?.trimmedHorizontalSpace, !l.isEmpty {
            lang = l
        }

        for link in found.link {
            let rel = (link.attribute("rel") ?? "").lowercased().split(separator: " ")
            if rel.contains("canonical"), let href = link.attribute("href")?.trimmedWhitespace,
               !href.isEmpty {
                canonical = href
                break
            }
        }
        if canonical == nil, let og = values["og:url"], !og.isEmpty { canonical = og }
        if let base = found.base?.attribute("href")?.trimmedWhitespace,
           !base.isEmpty {
            baseHref = base
        }
    }

    /// A title's site-name part (`Title | Site`, `Site - Title`, `Title – Site`) removed when the
    /// page says it is the site name: it equals or contains the site name (`og:site_name`,
    /// JSON-LD publisher), or the canonical URL's host names it, or one of `feedTitles` (the
    /// page's RSS/Atom feeds, named after the site) holds it; or when an `h1` repeats the
    /// rest exactly. Titles without such evidence are kept whole. A last part that is only a
    /// date and time (`... : 31.10.2023, 10.19 Uhr`) goes first.
    static func removingSiteName(_ title: String, siteName: String?, canonical: String?, headings: [String],
                                 feedTitles: [String] = []) -> String {
        let t = title.normalizedSpace
        if headings.contains(t) { return title }
        // A trailing date and time (`So viel Regen gab es lange nicht : 31.10.2023, 10.19 Uhr`,
        // `... | DW | 23.05.2011`): the page's date, not part of the title.
        for sep in [" : ", " | ", " - ", " – ", " — "] {
            guard let r = t.range(of: sep, options: .backwards) else { continue }
            let head = t[..<r.lowerBound], tail = t[r.upperBound...]
            // Not a range (`Wochenbericht 14. - 20. Januar 2022`): the head ends in a word.
            if isDateOnly(String(tail)), head.filter(\.isLetter).count >= 10,
               let last = head.last(where: { !$0.isWhitespace && $0 != "." }), !last.isNumber {
                return removingSiteName(String(head), siteName: siteName, canonical: canonical, headings: headings,
                                        feedTitles: feedTitles)
            }
        }
        let separators = [" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " // ", " • ", " ~ "]
        var cuts: [(Range<String.Index>)] = []
        for sep in separators {
            var from = t.startIndex
            while let r = t.range(of: sep, range: from..<t.endIndex) { cuts.append(r); from = r.upperBound }
        }
        guard !cuts.isEmpty || t.contains(": ") else { return title }
        cuts.sort { $0.lowerBound < $1.lowerBound }
        func fold(_ s: Substring) -> String {
            String(s.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
        }
        let site = siteName.map { fold(Substring($0)) } ?? ""
        var host = "", hostName = ""
        if let c = canonical, let h = URL(string: c)?.host?.lowercased() {
            host = h.hasPrefix("www.") ? String(h.dropFirst(4)) : h
            // The host without its top-level domain: `stardewvalleywiki` of `stardewvalleywiki.com`.
            hostName = String((host.split(separator: ".").dropLast().last ?? "").filter { $0.isLetter || $0.isNumber })
            host = String(host.filter { $0.isLetter || $0.isNumber })
        }
        let feeds = feedTitles.map { fold(Substring($0)) }
        func isSiteName(_ part: Substring, rest: Substring = "") -> Bool {
            let f = fold(part)
            guard f.count >= 2 else { return false }
            if !site.isEmpty && (f == site || f.contains(site) || site.contains(f)) { return true }
            if !host.isEmpty && (host.contains(f) || f.contains(host)) { return true }
            // A feed named after the site (`Am Rande der Realität » Feed`, `DimidoBlog RSS
            // Feed`), not after this article (a post's comment feed names the post).
            let r = fold(rest)
            if f.count >= 4, feeds.contains(where: { $0.contains(f) && (r.isEmpty || !$0.contains(r)) }) { return true }
            return false
        }
        /// The site name exactly (`Plejaden, M45 - Abenteuer Astronomie` with `og:site_name`
        /// `Abenteuer Astronomie`): cut whatever the length of the rest.
        func isExactSiteName(_ part: Substring) -> Bool {
            let f = fold(part)
            return f.count >= 2 && (f == site || f == host || f == hostName)
        }
        // The last part (or the last parts: `Title | AOC media - Analyse Opinion Critique`) is
        // the site name: keep what precedes it.
        for cut in cuts.reversed() {
            let tail = t[cut.upperBound...]
            let head = t[..<cut.lowerBound]
            let rest = fold(head).count
            if isExactSiteName(tail) && rest >= 3 && head.contains(where: \.isLetter) {
                return removingSiteName(String(head), siteName: siteName, canonical: canonical, headings: headings,
                                        feedTitles: feedTitles)
            }
            if isSiteName(tail, rest: head) && rest > fold(tail).count {
                return removingSiteName(String(head), siteName: siteName, canonical: canonical, headings: headings,
                                        feedTitles: feedTitles)
            }
        }
        // The part after the first separators is the page's heading exactly (`Chronik: Lotte
        // Tobisch ist tot` with the h1 `Lotte Tobisch ist tot`): the rest is a kicker or a
        // section name.
        // The kicker is at most two words (`Neu`, `Kücknitz`, `08.11.2021`, `Corona-Pandemie`),
        // and may end with a colon.
        let heads = Set(headings.map { $0.lowercased() }.filter { !$0.isEmpty })
        if !heads.isEmpty {
            var kickerCuts = cuts
            if let colon = t.range(of: ": ") { kickerCuts.append(colon) }
            for cut in kickerCuts where heads.contains(t[cut.upperBound...].lowercased()) {
                let kicker = t[..<cut.lowerBound]
                if kicker.split(separator: " ").count <= 2 && fold(t[cut.upperBound...]).count > fold(kicker).count {
                    return String(t[cut.upperBound...])
                }
            }
        }
        // The first part is the site name: keep what follows it.
        if let first = cuts.first {
            let lead = t[..<first.lowerBound]
            let rest = t[first.upperBound...]
            if isSiteName(lead, rest: rest) && fold(rest).count > fold(lead).count { return String(rest) }
        }
        return title
    }

    /// Whether `s` is a date and nothing else: numbers, month names, `Uhr`, `am`/`pm`.
    static func isDateOnly(_ s: String) -> Bool {
        guard PublishedDate.dateInText(s) != nil else { return false }
        var word = ""
        for ch in s.lowercased() + " " {
            if ch.isLetter { word.append(ch); continue }
            if !word.isEmpty {
                guard PublishedDate.months[word] != nil || ["uhr", "am", "pm", "h"].contains(word) else { return false }
                word = ""
            }
        }
        return true
    }

    /// The titles of the page's feeds (`<link rel=alternate type=application/rss+xml|atom+xml
    /// title=...>`), which name the site: `Am Rande der Realität » Feed`.
    static func feedTitles(_ links: [HTMLNode]) -> [String] {
        links.compactMap { link in
            let rel = (link.attribute("rel") ?? "").lowercased().split(separator: " ")
            let type = (link.attribute("type") ?? "").lowercased()
            guard rel.contains("alternate"), type.contains("rss") || type.contains("atom"),
                  let t = link.attribute("title")?.trimmedWhitespace, !t.isEmpty else { return nil }
            return unescapeEntities(t)
        }
    }

    /// A title that names no article, only the site or a section (one word: `Home`, `Aktuelles`,
    /// `Medienmitteilungen`; or the site name itself), replaced by the page's one `h1` when that
    /// has at least two words. Readability.js does the same for a `<title>` under 15 characters
    /// (`_getArticleTitle`); this applies it to titles from any source, with a word count
    /// instead of a length so that short real titles stay.
    static func replacingGenericTitle(_ title: String, siteName: String?, canonical: String?, headings: [String]) -> String {
        let distinct = Set(headings.filter { !$0.isEmpty })
        guard distinct.count == 1, let h1 = distinct.first, h1.split(separator: " ").count >= 2, h1.count <= 200 else {
            return title
        }
        let t = title.normalizedSpace
        func fold(_ s: String) -> String {
            String(s.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
        }
        var generic = !t.contains(" ")
        if let site = siteName, !fold(site).isEmpty, fold(site) == fold(t) { generic = true }
        if let c = canonical, var host = URL(string: c)?.host?.lowercased() {
            if host.hasPrefix("www.") { host.removeFirst(4) }
            if fold(host) == fold(t) { generic = true }
        }
        return generic ? h1 : title
    }

    /// A byline without its lead-in word (`By`, `Von`, `Par`, `Autor:`, ...), a trailing date
    /// and trailing punctuation; empty when it is only a label or a date (`BylineText.clean`).
    static func cleanByline(_ byline: String) -> String {
        BylineText.clean(byline) ?? ""
    }

    /// The `href` of the first `<link rel=canonical>`.
    static func canonicalLink(_ doc: HTMLNode) -> String? {
        canonicalLink(doc.elements(in: ["link"]))
    }

    /// The `href` of the first of `links` with `rel=canonical`.
    static func canonicalLink(_ links: [HTMLNode]) -> String? {
        for link in links {
            let rel = (link.attribute("rel") ?? "").lowercased().split(separator: " ")
            if rel.contains("canonical"), let href = link.attribute("href")?.trimmedWhitespace, !href.isEmpty { return href }
        }
        return nil
    }

    // MARK: - Rules

    /// The elements the metadata reads, gathered in one walk of the document (each was a
    /// walk of its own, several of them more than once).
    struct Elements {
        var meta: [HTMLNode] = [], link: [HTMLNode] = [], script: [HTMLNode] = [], time: [HTMLNode] = []
        /// `h1` elements, and `h1` and `h2` elements, in document order.
        var h1: [HTMLNode] = [], headings: [HTMLNode] = []
        /// The first `<base>`.
        var base: HTMLNode?

        init(_ doc: HTMLNode) {
            visit(doc)
        }

        private static let meta = HTMLTag.number("meta"), link = HTMLTag.number("link"),
                            script = HTMLTag.number("script"), time = HTMLTag.number("time"),
                            h1 = HTMLTag.number("h1"), h2 = HTMLTag.number("h2"), base = HTMLTag.number("base")
        /// The numbers above: subtrees whose `descendantTags` have none of them are not entered.
        private static let wanted = HTMLTag.Set(["meta", "link", "script", "time", "h1", "h2", "base"])!

        private mutating func visit(_ n: HTMLNode) {
            for c in n.children where c.kind == .element {
                // By `HTMLTag` number: a switch over the name compared strings per element.
                switch c.tag {
                case Self.meta: meta.append(c)
                case Self.link: link.append(c)
                case Self.script: script.append(c)
                case Self.time: time.append(c)
                case Self.h1: h1.append(c); headings.append(c)
                case Self.h2: headings.append(c)
                case Self.base: if base == nil { base = c }
                default: break
                }
                if c.descendantTags.intersects(Self.wanted) { visit(c) }
            }
        }
    }

    /// `<title>` separators (Readability's `_getArticleTitle`).
    static let titleSeparators = Pattern("\\s[\\|\\-\\u2013\\u2014\\\\/>\\u00BB]\\s", caseInsensitive: false)
    static let hierarchicalSeparators = Pattern("\\s[\\\\/>\\u00BB]\\s", caseInsensitive: false)
    static let titleFirstPart = Pattern("^[^\\|\\-\\u2013\\u2014\\\\/>\\u00BB]*[\\|\\-\\u2013\\u2014\\\\/>\\u00BB]", caseInsensitive: false)
    static let schemaOrg = Pattern("^https?://schema\\.org/?$")

    /// Readability: `property` is a space-separated list of values.
    static let propertyPattern = Pattern(
        "\\s*(article|dc|dcterm|og|twitter)\\s*:\\s*(author|creator|description|published_time|title|site_name)\\s*")
    /// Readability: `name` is a single value.
    static let namePattern = Pattern(
        "^\\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\\s*[-\\.:]\\s*)?(author|creator|pub-date|description|title|site_name)\\s*$")
    static let jsonLDArticleTypes = Pattern(
        "^Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference$",
        caseInsensitive: false)

    /// The text of the first `<title>` in the head (or the document).
    static func documentTitle(_ doc: HTMLNode) -> String {
        let head = doc.firstElement(named: "head")
        let t = head?.firstElement(named: "title") ?? doc.firstElement(named: "title")
        return (t?.textContent ?? "").trimmedWhitespace
    }

    /// Readability's `_getArticleTitle`: the `<title>` with a site name removed when the
    /// remainder is still a plausible title. Kept whole when a heading repeats it exactly.
    static func articleTitle(_ doc: HTMLNode) -> String {
        articleTitle(doc, Elements(doc))
    }

    /// `articleTitle(_:)` with the document's elements already gathered.
    static func articleTitle(_ doc: HTMLNode, _ found: Elements) -> String {
        let origTitle = documentTitle(doc)
        var curTitle = origTitle
        var hadHierarchicalSeparators = false
        // JavaScript's `s.split(/\s+/).length`: runs of white space separate; a leading or
        // trailing run adds an empty piece.
        func wordCount(_ s: String) -> Int {
            var count = 1
            var inRun = false
            for ch in s {
                if ch.isWhitespace {
                    if !inRun { count += 1; inRun = true }
                } else {
                    inRun = false
                }
            }
            return count
        }
        let headings = found.headings
        let headingRepeatsTitle = headings.contains {
            $0.textContent.normalizedSpace == origTitle.normalizedSpace
        }
        if headingRepeatsTitle {
            curTitle = origTitle
        } else if titleSeparators.matches(curTitle) {
            hadHierarchicalSeparators = hierarchicalSeparators.matches(curTitle)
            let matches = titleSeparators.regex.matches(in: origTitle, range: NSRange(origTitle.startIndex..., in: origTitle))
            if let last = matches.last, let r = Range(last.range, in: origTitle) {
                curTitle = String(origTitle[..<r.lowerBound])
            }
            if wordCount(curTitle) < 3 {
                let ns = origTitle as NSString
                curTitle = titleFirstPart.regex.stringByReplacingMatches(in: origTitle, range: NSRange(location: 0, length: ns.length),
                                                                   withTemplate: "")
            }
        } else if curTitle.contains(": ") {
            let trimmed = curTitle.trimmedWhitespace
            let match = headings.contains { $0.textContent.trimmedWhitespace == trimmed }
            if !match, let lastColon = origTitle.lastIndex(of: ":"), let firstColon = origTitle.firstIndex(of: ":") {
                curTitle = String(origTitle[origTitle.index(after: lastColon)...])
                if wordCount(curTitle) < 3 {
                    curTitle = String(origTitle[origTitle.index(after: firstColon)...])
                } else if wordCount(String(origTitle[..<firstColon])) > 5 {
                    curTitle = origTitle
                }
            }
        } else if curTitle.utf16.count > 150 || curTitle.utf16.count < 15 {
            let h1s = found.h1
            if h1s.count == 1 { curTitle = h1s[0].innerText() }
        }
        curTitle = curTitle.trimmedWhitespace.collapsingWhitespaceRuns()
        let count = wordCount(curTitle)
        if count <= 4 {
            let ns = origTitle as NSString
            let stripped = titleSeparators.regex.stringByReplacingMatches(in: origTitle, range: NSRange(location: 0, length: ns.length),
                                                                    withTemplate: "")
            if !hadHierarchicalSeparators || count != wordCount(stripped) - 1 {
                curTitle = origTitle
            }
        }
        return curTitle
    }

    /// Decodes the few entities Readability decodes in metadata (`&quot;`, `&amp;`, `&apos;`,
    /// `&lt;`, `&gt;` and numeric references).
    static func unescapeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") {
                let entity = s[s.index(after: i)..<semi]
                var replacement: String?
                switch entity {
                case "quot": replacement = "\""
                case "amp": replacement = "&"
                case "apos": replacement = "'"
                case "lt": replacement = "<"
                case "gt": replacement = ">"
                default:
                    if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let v = UInt32(entity.dropFirst(2), radix: 16) {
                        replacement = String(Unicode.Scalar(v).map(Character.init) ?? "\u{FFFD}")
                    } else if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()) {
                        replacement = String(Unicode.Scalar(v).map(Character.init) ?? "\u{FFFD}")
                    }
                }
                if let replacement {
                    out += replacement
                    i = s.index(after: semi)
                    continue
                }
            }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out
    }

    // MARK: - JSON-LD

    struct JSONLD {
        var title: String?
        var byline: String?
        var excerpt: String?
        var siteName: String?
        var datePublished: String?
    }

    /// The first schema.org article object in a `<script type="application/ld+json">`.
    static func jsonLD(_ doc: HTMLNode) -> JSONLD {
        jsonLD(doc, Elements(doc))
    }

    /// `jsonLD(_:)` with the document's elements already gathered.
    static func jsonLD(_ doc: HTMLNode, _ found: Elements) -> JSONLD {
        for script in found.script {
            guard (script.attribute("type") ?? "").lowercased() == "application/ld+json" else { continue }
            var content = script.textContent.trimmedWhitespace
            if content.hasPrefix("<![CDATA[") { content.removeFirst(9) }
            if content.hasSuffix("]]>") { content.removeLast(3) }
            guard let data = content.data(using: .utf8),
                  let parsedAny = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { continue }
            var parsed: [String: Any]?
            if let array = parsedAny as? [Any] {
                parsed = array.compactMap { $0 as? [String: Any] }.first { isArticleType($0["@type"]) }
            } else {
                parsed = parsedAny as? [String: Any]
            }
            guard var object = parsed else { continue }
            var contextOK = false
            if let ctx = object["@context"] as? String { contextOK = schemaOrg.matches(ctx) }
            else if let ctx = object["@context"] as? [String: Any], let vocab = ctx["@vocab"] as? String {
                contextOK = schemaOrg.matches(vocab)
            }
            guard contextOK else { continue }
            // Objects of the @graph by `@id`, for references (`"author": {"@id": "...#/schema/person/1"}`).
            var nodes: [String: [String: Any]] = [:]
            if let graph = object["@graph"] as? [Any] {
                for case let node as [String: Any] in graph {
                    if let id = node["@id"] as? String { nodes[id] = node }
                }
            }
            if object["@type"] == nil, let graph = object["@graph"] as? [Any] {
                guard let found = graph.compactMap({ $0 as? [String: Any] }).first(where: { isArticleType($0["@type"]) }) else {
                    continue
                }
                object = found
            }
            guard isArticleType(object["@type"]) else { continue }

            var result = JSONLD()
            let name = (object["name"] as? String)?.trimmedWhitespace
            let headline = (object["headline"] as? String)?.trimmedWhitespace
            if let name, let headline, name != headline {
                let title = articleTitle(doc, found)
                let nameMatches = ReaderRules.textSimilarity(name, title) > 0.75
                let headlineMatches = ReaderRules.textSimilarity(headline, title) > 0.75
                result.title = (headlineMatches && !nameMatches) ? headline : name
            } else {
                result.title = name ?? headline
            }
            // A reference to an object elsewhere in the @graph names its author by that object's
            // name (Yoast SEO: `"author": {"@id": ".../#/schema/person/..."}`).
            func authorName(_ value: Any?) -> String? {
                guard let o = value as? [String: Any] else { return nil }
                if let n = o["name"] as? String { return n }
                if let id = o["@id"] as? String, let n = nodes[id]?["name"] as? String { return n }
                return nil
            }
            if let n = authorName(object["author"]) {
                result.byline = n.trimmedWhitespace
            } else if let authors = object["author"] as? [Any] {
                let names = authors.compactMap { authorName($0) }
                    .map { $0.trimmedWhitespace }
                if !names.isEmpty { result.byline = names.joined(separator: ", ") }
            }
            if let d = object["description"] as? String { result.excerpt = d.trimmedWhitespace }
            if let publisher = object["publisher"] as? [String: Any], let n = publisher["name"] as? String {
                result.siteName = n.trimmedWhitespace
            }
            if let d = object["datePublished"] as? String { result.datePublished = d.trimmedWhitespace }
            for key in [\JSONLD.title, \JSONLD.byline, \JSONLD.excerpt, \JSONLD.siteName, \JSONLD.datePublished]
            where result[keyPath: key]?.isEmpty == true {
                result[keyPath: key] = nil
            }
            return result
        }
        return JSONLD()
    }

    private static func isArticleType(_ value: Any?) -> Bool {
        if let s = value as? String { return jsonLDArticleTypes.matches(s) }
        if let a = value as? [Any] { return a.contains { ($0 as? String).map(jsonLDArticleTypes.matches) ?? false } }
        return false
    }
}
