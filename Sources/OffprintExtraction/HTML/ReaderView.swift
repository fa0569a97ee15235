// ReaderView: the article-finding part of Mozilla Readability.js (Apache-2.0), re-implemented
// on HTMLNode: strip unlikely candidates, score paragraphs, propagate scores to ancestors,
// pick the top candidate, join its siblings, clean conditionally, and retry with relaxed
// flags when too little text is found. See docs/extraction.md, "Reader view".
import Foundation
import OffprintXML

/// Readability's regular expressions and tag lists.
enum ReaderRules {
    static let unlikelyCandidates = Keywords(
        "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote")
    static let okMaybeItsACandidate = Keywords("and|article|body|column|content|main|mathjax|shadow")
    static let positive = Keywords("article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story")
    static let negative = Keywords(
        "-ad-|hidden|banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget", tokens: ["hid"])
    static let byline = Keywords("byline|author|dateline|writtenby|p-author")
    static let videos = Pattern(
        "//(www\\.)?((dailymotion|youtube|youtube-nocookie|player\\.vimeo|v\\.qq)\\.com|(archive|upload\\.wikimedia)\\.org|player\\.twitch\\.tv)")
    private static let shareWord = Keywords("share")

    /// Readability's `/(\b|_)(share|sharedaddy)(\b|_)/i`: `share` or `sharedaddy` as a word,
    /// `_` counting as a separator.
    static func matchesShareElement(_ s: String) -> Bool {
        // Both words contain `share`: a byte search rules out most strings without copying them.
        guard shareWord.matches(s) else { return false }
        var bytes = Array(s.utf8)
        for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] += 32 }
        func isWord(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b >= 0x80 }
        for word in [Array("share".utf8), Array("sharedaddy".utf8)] {
            var from = 0
            while let at = Keywords.find(word, in: bytes, from: from) {
                let end = at + word.count
                if (at == 0 || !isWord(bytes[at - 1])) && (end == bytes.count || !isWord(bytes[end])) { return true }
                from = at + 1
            }
        }
        return false
    }

    private static let adWordSet: Set<String> = [
        "ad", "advertising", "advertisement", "pub", "publicité", "werb", "werbung", "广告", "реклама", "anuncio",
    ]
    private static let loadingWordList = ["loading", "正在加载", "загрузка", "chargement", "cargando"]

    /// Readability's `_adWords`: the whole text is "Advertisement" (or a translation).
    static func isAdWords(_ text: String) -> Bool {
        text.utf8.count <= 20 && adWordSet.contains(text.lowercased())
    }

    /// Readability's `_loadingWords`: the whole text is "Loading…" (or a translation).
    static func isLoadingWords(_ text: String) -> Bool {
        guard text.utf8.count <= 24 else { return false }
        var t = text.lowercased()
        if t.hasSuffix("…") { t.removeLast() } else if t.hasSuffix("...") { t.removeLast(3) }
        return loadingWordList.contains(t)
    }

    /// `/\.( |$)/`: a full stop before a space or at the end.
    static func endsSentence(_ text: String) -> Bool {
        text.hasSuffix(".") || text.containsBytes(". ")
    }

    static let unlikelyRoles: Set<String> = ["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"]
    static let tagsToScore: Set<String> = ["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"]
    static let divToPElements: Set<String> = ["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"]
    static let alterToDivExceptions: Set<String> = ["div", "article", "section", "p", "ol", "ul"]
    static let phrasingElements: Set<String> = [
        "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "i",
        "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress", "q",
        "ruby", "samp", "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "var", "wbr",
    ]
    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    /// Elements removed by the walk when they have no content.
    static let removedWhenEmpty: Set<String> = ["div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6"]
    /// Elements that keep an otherwise empty paragraph.
    static let media: Set<String> = ["img", "embed", "object", "iframe", "picture", "svg"]
    /// `tagsToScore`, `removedWhenEmpty` and `phrasingElements` as `HTMLTag` numbers, tested
    /// in the walks without hashing a name per element.
    static let tagsToScoreTags = HTMLTag.Set(tagsToScore)!
    static let removedWhenEmptyTags = HTMLTag.Set(removedWhenEmpty)!
    static let phrasingTags = HTMLTag.Set(phrasingElements)!

    /// Whether the class or the id matches (as Readability's match on `class + " " + id`:
    /// no keyword holds a space, so none can match across the two).
    static func matchesClassOrID(_ keywords: Keywords, _ node: HTMLNode) -> Bool {
        keywords.matches(node.className) || keywords.matches(node.idAttribute)
    }

    /// The number of ASCII commas in `text`.
    static func asciiCommas(_ text: String) -> Int {
        func count(_ b: UnsafeBufferPointer<UInt8>) -> Int {
            // From comma to comma with memchr: most text has few.
            guard var p = UnsafeRawPointer(b.baseAddress) else { return 0 }
            var left = b.count, n = 0
            while left > 0, let hit = memchr(p, 0x2C, left) {
                n += 1
                let next = UnsafeRawPointer(hit) + 1
                left -= next - p
                p = next
            }
            return n
        }
        return text.utf8.withContiguousStorageIfAvailable(count) ?? Array(text.utf8).withUnsafeBufferPointer(count)
    }
    static let commas: Set<Character> = [",", "\u{060C}", "\u{FE50}", "\u{FE10}", "\u{FE11}", "\u{2E41}", "\u{2E34}", "\u{2E32}", "\u{FF0C}"]

    static func isPhrasingContent(_ node: HTMLNode) -> Bool {
        if node.kind == .text { return true }
        guard node.kind == .element else { return false }
        if phrasingTags.contains(node.tag) { return true }
        if node.name == "a" || node.name == "del" || node.name == "ins" {
            return node.children.allSatisfy(isPhrasingContent)
        }
        return false
    }

    /// Whether an element has no text and only `<br>`/`<hr>` children, if any.
    static func isElementWithoutContent(_ node: HTMLNode) -> Bool {
        guard node.kind == .element else { return false }
        if node.hasNonWhitespaceText { return false }
        let kids = node.elementChildren
        if kids.isEmpty { return true }
        return kids.count == node.count(of: "br") + node.count(of: "hr")
    }

    static func hasSingleTagInside(_ element: HTMLNode, _ tag: String) -> Bool {
        let kids = element.elementChildren
        guard kids.count == 1, kids[0].name == tag else { return false }
        return !element.children.contains { c in
            c.kind == .text && (c.text.unicodeScalars.last.map { !$0.isSpaceFast } ?? false)
        }
    }

    static func hasChildBlockElement(_ element: HTMLNode) -> Bool {
        element.children.contains { c in
            c.kind == .element && (divToPElements.contains(c.name) || hasChildBlockElement(c))
        }
    }

    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)

    static func isProbablyVisible(_ node: HTMLNode) -> Bool {
        if var style = node.attribute("style") {
            // Readability's test on the style with its spaces removed, made on the bytes.
            let hidden = style.withUTF8 { b in
                containsFoldedSkippingSpaces(displayNone, b) || containsFoldedSkippingSpaces(visibilityHidden, b)
            }
            if hidden { return false }
        }
        if node.attribute("hidden") != nil { return false }
        if let aria = node.attribute("aria-hidden"), aria == "true", !node.className.containsBytes("fallback-image") {
            return false
        }
        return true
    }

    /// Whether `b` with its spaces (U+0020) removed holds `needle` (lower-case ASCII), ASCII
    /// letters compared case-insensitively: no copy without the spaces is made.
    static func containsFoldedSkippingSpaces(_ needle: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 32 : c }
        let first = needle[0]
        var i = 0
        while i < b.count {
            if lower(b[i]) == first {
                var j = i + 1, k = 1
                while k < needle.count && j < b.count {
                    let c = b[j]
                    j += 1
                    if c == 0x20 { continue }
                    if lower(c) != needle[k] { break }
                    k += 1
                }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Readability's `_textSimilarity`: 1 minus the share of B's text not made of A's tokens.
    static func textSimilarity(_ a: String, _ b: String) -> Double {
        let ta = tokenize(a), tb = tokenize(b)
        guard !ta.isEmpty, !tb.isEmpty else { return 0 }
        let setA = Set(ta)
        let uniqB = tb.filter { !setA.contains($0) }
        let distance = Double(uniqB.joined(separator: " ").utf16.count) / Double(tb.joined(separator: " ").utf16.count)
        return 1 - distance
    }

    private static func tokenize(_ s: String) -> [String] {
        s.lowercased().split(whereSeparator: { ch in !(ch.isLetter || ch.isNumber || ch == "_") }).map(String.init)
    }
}

/// One run of the reader-view algorithm over a prepared document.
final class ReaderView {
    struct Flags: OptionSet {
        let rawValue: Int
        static let stripUnlikelys = Flags(rawValue: 1)
        static let weightClasses = Flags(rawValue: 2)
        static let cleanConditionally = Flags(rawValue: 4)
        static let all: Flags = [.stripUnlikelys, .weightClasses, .cleanConditionally]
    }

    /// Characters of text below which a result is considered a failure and retried.
    let charThreshold = 500
    let topCandidateCount = 5

    /// The article title (for removing a heading that repeats it).
    let articleTitle: String
    /// Whether the page's metadata already names the author (then bylines stay in the text).
    let metadataHasByline: Bool

    /// A byline found in the page body (`rel=author`, `.byline`, ...).
    private(set) var articleByline: String?
    /// The `dir` attribute nearest above the chosen content.
    private(set) var articleDir: String?

    private var flags: Flags = .all
    private var scores: [ObjectIdentifier: (node: HTMLNode, score: Double)] = [:]
    private var dataTables: [ObjectIdentifier: (node: HTMLNode, isData: Bool)] = [:]
    /// Text spans of elements, kept while scoring (the tree does not change then), so that
    /// nested candidates do not measure the same text again.
    private var spanMemo: [ObjectIdentifier: TextSpan] = [:]
    private var memoizeSpans = false

    init(articleTitle: String, metadataHasByline: Bool) {
        self.articleTitle = articleTitle
        self.metadataHasByline = metadataHasByline
    }

    /// Finds the article in `document` (already prepared: scripts and styles removed).
    /// Without `fresh`, the document is not modified: each attempt works on a copy. With
    /// `fresh`, the first attempt works on `document` itself (modifying it; most pages need
    /// no retry, so no copy is made) and each retry on a new, identical document from
    /// `fresh`. Returns the article container (a `div`), or nil when no text at all was found.
    func grabArticle(document: HTMLNode, fresh: (() -> HTMLNode?)? = nil) -> HTMLNode? {
        var attempts: [(content: HTMLNode, length: Int, dir: String?)] = []
        while true {
            scores.removeAll()
            dataTables.removeAll()
            let doc: HTMLNode
            if let fresh {
                guard let d = attempts.isEmpty ? document : fresh() else { return nil }
                doc = d
            } else {
                doc = document.clone()
            }
            guard let result = attempt(doc) else { return nil }
            let content = result.content
            let textLength = content.innerTextLength(normalizeSpaces: true)
            if textLength < charThreshold {
                attempts.append((content, textLength, result.dir))
                if flags.contains(.stripUnlikelys) {
                    flags.remove(.stripUnlikelys)
                } else if flags.contains(.weightClasses) {
                    flags.remove(.weightClasses)
                } else if flags.contains(.cleanConditionally) {
                    flags.remove(.cleanConditionally)
                } else {
                    // The first attempt when it found text: the later ones only add back
                    // what strip-unlikely and the class weights took out (comment forms,
                    // "comments are closed", sidebars) around a short post. Readability
                    // takes the longest; that is the choice when the first found nothing.
                    var best = attempts[0]
                    if best.length == 0 {
                        for a in attempts.dropFirst() where a.length > best.length { best = a }
                    }
                    if best.length == 0 { return nil }
                    articleDir = best.dir
                    removeDatelines(best.content)
                    return best.content
                }
                continue
            }
            articleDir = result.dir
            removeDatelines(content)
            return content
        }
    }

    /// Removes datelines ("Updated 11:21 pm CST, Tuesday, November 19, 2019",
    /// `BoilerplateRules.isDateline`) outside tables and code from the chosen article. This
    /// happens after the attempt is accepted: a short article must not fall under the
    /// 500-character threshold (and be replaced by a retry's comments) for its date.
    private func removeDatelines(_ article: HTMLNode) {
        for n in article.elements(in: BoilerplateRules.datelineTags).reversed()
        where n.parent != nil && n.innerTextLength() < 100 && n.elements(in: ReaderRules.media).isEmpty
            && !n.hasAncestor("table", maxDepth: -1) && !n.hasAncestor("pre", maxDepth: -1)
            && !n.hasAncestor("code", maxDepth: -1)
            && BoilerplateRules.isDateline(n.innerText()) {
            n.detach()
        }
        // A `span`/`time`/`small` on a line of its own (its siblings are blocks: `<h2>Title</h2>
        // <span>Updated <time>11:21 pm CST, ...</time></span>`), never one inside prose.
        for n in article.elements(in: ["span", "time", "small"]).reversed()
        where n.parent != nil && n.innerTextLength() < 100 && isOnLineOfItsOwn(n)
            && !n.hasAncestor("table", maxDepth: -1) && !n.hasAncestor("p", maxDepth: -1)
            && BoilerplateRules.isDateline(n.innerText()) {
            n.detach()
        }
    }

    /// Whether `n`'s siblings are all block elements (no text, no inline element).
    private func isOnLineOfItsOwn(_ n: HTMLNode) -> Bool {
        guard let parent = n.parent else { return false }
        for c in parent.children where c !== n {
            switch c.kind {
            case .text: if c.hasNonWhitespaceText { return false }
            case .element: if ReaderRules.isPhrasingContent(c) || c.name == "a" { return false }
            default: break
            }
        }
        return true
    }

    // MARK: - One attempt

    /// One pass with the current flags over `doc` (modified): the article container and the
    /// `dir` of the nearest ancestor of the chosen content that has one. Runs while `doc` is
    /// alive, since parent links are weak.
    private func attempt(_ doc: HTMLNode) -> (content: HTMLNode, dir: String?)? {
        guard let html = doc.firstElement(named: "html") ?? doc.elementChildren.first else { return nil }
        guard let page = html.firstElement(named: "body") else { return nil }
        let stripUnlikely = flags.contains(.stripUnlikelys)
        var elementsToScore: [HTMLNode] = []
        var shouldRemoveTitleHeader = true
        // The `article` element that held the heading repeating the title.
        var titleArticle: HTMLNode?
        var pageTextLength = -1

        var node: HTMLNode? = html
        while let cur = node {
            if !ReaderRules.isProbablyVisible(cur) {
                node = cur.removeAndGetNext(); continue
            }
            if cur.attribute("aria-modal") == "true" && cur.attribute("role") == "dialog" {
                node = cur.removeAndGetNext(); continue
            }
            if BoilerplateRules.isCookieNotice(cur) || BoilerplateRules.isSignupForm(cur)
                || BoilerplateRules.isModalDialog(cur) {
                node = cur.removeAndGetNext(); continue
            }
            // A closable pop-up, unless it holds half the page's text: then it is the article
            // in an overlay whose title sits outside it (review fix).
            if BoilerplateRules.isClosablePopup(cur) {
                if pageTextLength < 0 { pageTextLength = page.innerTextLength() }
                if cur.innerTextLength() * 2 < pageTextLength {
                    node = cur.removeAndGetNext(); continue
                }
            }
            if articleByline == nil && !metadataHasByline && isValidByline(cur) {
                articleByline = bylineText(cur)
                node = cur.removeAndGetNext(); continue
            }
            if shouldRemoveTitleHeader && headerDuplicatesTitle(cur) {
                shouldRemoveTitleHeader = false
                // Only the story's own title (an `h1`), not a teaser's `h2` that repeats it.
                if cur.name == "h1" { titleArticle = cur.ancestors().first { $0.name == "article" } }
                node = cur.removeAndGetNext(); continue
            }
            if stripUnlikely {
                if ReaderRules.matchesClassOrID(ReaderRules.unlikelyCandidates, cur)
                    && !ReaderRules.matchesClassOrID(ReaderRules.okMaybeItsACandidate, cur)
                    && !cur.hasAncestor("table") && !cur.hasAncestor("code")
                    && cur.name != "body" && cur.name != "a" {
                    // The article header (the one holding the title) names its author with
                    // `rel=author` or `itemprop=author`: that is the byline.
                    if articleByline == nil && !metadataHasByline, let author = headerAuthor(cur) {
                        articleByline = bylineText(author)
                    }
                    // An article header goes, but the lead it holds stays in its place.
                    if let lead = headerLead(cur) {
                        cur.replace(with: [lead])
                        node = lead.nextNode(ignoringSelfAndChildren: true); continue
                    }
                    // A furniture heading that opens its section takes the section along.
                    if let section = furnitureSection(openedBy: cur) {
                        node = section.removeAndGetNext(); continue
                    }
                    node = cur.removeAndGetNext(); continue
                }
                if let role = cur.attribute("role"), ReaderRules.unlikelyRoles.contains(role) {
                    node = cur.removeAndGetNext(); continue
                }
            }
            if ReaderRules.removedWhenEmptyTags.contains(cur.tag) && ReaderRules.isElementWithoutContent(cur) {
                node = cur.removeAndGetNext(); continue
            }
            if ReaderRules.tagsToScoreTags.contains(cur.tag) { elementsToScore.append(cur) }

            var current = cur
            if cur.name == "div" {
                // Put runs of phrasing content into paragraphs.
                var p: HTMLNode?
                for child in cur.children {
                    if ReaderRules.isPhrasingContent(child) {
                        if let p {
                            p.append(child)
                        } else if !child.isWhitespaceNode {
                            let newP = HTMLNode.element("p")
                            cur.insert(newP, at: child.indexInParent ?? cur.children.count)
                            newP.append(child)
                            p = newP
                        }
                    } else if let para = p {
                        while let last = para.children.last, last.isWhitespaceNode { last.detach() }
                        p = nil
                    }
                }
                if let para = p {
                    while let last = para.children.last, last.isWhitespaceNode { last.detach() }
                }
                if ReaderRules.hasSingleTagInside(cur, "p") && linkDensity(cur) < 0.25 {
                    let inner = cur.elementChildren[0]
                    // The paragraph remembers the wrapper's class and id, so that the
                    // boilerplate rules still see `div.wp-caption-text > p`; in an attribute of
                    // its own, not its class, so that Readability's class weights and
                    // scores stay those of the reference implementation.
                    let wrapper = [cur.attribute("class"), cur.attribute("id")].compactMap { $0 }.joined(separator: " ")
                    if !wrapper.isEmpty { inner.setAttribute(BoilerplateRules.wrapperAttribute, wrapper) }
                    cur.replace(with: [inner])
                    current = inner
                    elementsToScore.append(inner)
                } else if !ReaderRules.hasChildBlockElement(cur) {
                    cur.rename("p")
                    elementsToScore.append(cur)
                }
            }
            node = current.nextNode()
        }

        // Score paragraphs and propagate to ancestors.
        memoizeSpans = true
        defer { memoizeSpans = false; spanMemo.removeAll() }
        var candidates: [HTMLNode] = []
        for element in elementsToScore {
            guard let parent = element.parent, parent.kind == .element else { continue }
            // innerText's length and commas, without building it (commas are not white
            // space, so the text content has the same ones).
            let length = span(element).length
            if length < 25 { continue }
            let ancestors = element.ancestors(maxDepth: 5)
            if ancestors.isEmpty { continue }
            var contentScore = 1.0
            contentScore += Double(element.commaCount + 1)
            contentScore += Double(min(length / 100, 3))
            for (level, ancestor) in ancestors.enumerated() {
                guard let ap = ancestor.parent, ap.kind == .element else { continue }
                if scores[ObjectIdentifier(ancestor)] == nil {
                    initialize(ancestor)
                    candidates.append(ancestor)
                }
                let divider: Double = level == 0 ? 1 : (level == 1 ? 2 : Double(level) * 3)
                scores[ObjectIdentifier(ancestor)]!.score += contentScore / divider
            }
        }

        var topCandidates: [HTMLNode] = []
        for candidate in candidates {
            let id = ObjectIdentifier(candidate)
            let scaled = scores[id]!.score * (1 - linkDensity(candidate))
            scores[id]!.score = scaled
            for t in 0..<topCandidateCount {
                if t >= topCandidates.count || scaled > score(topCandidates[t]) {
                    topCandidates.insert(candidate, at: t)
                    if topCandidates.count > topCandidateCount { topCandidates.removeLast() }
                    break
                }
            }
        }
        memoizeSpans = false
        spanMemo.removeAll()

        var topCandidate: HTMLNode
        var neededToCreateTopCandidate = false
        // The `article` the infinite-scroll rule keeps the top candidate in, if it fired.
        var ceiling: HTMLNode?
        // The top candidate's score before the only-child climb (wrappers score less).
        var bestScore = 0.0
        if topCandidates.isEmpty || topCandidates[0].name == "body" {
            topCandidate = HTMLNode.element("div")
            neededToCreateTopCandidate = true
            for c in page.children { topCandidate.append(c) }
            page.append(topCandidate)
            initialize(topCandidate)
        } else {
            topCandidate = topCandidates[0]
            // Infinite scroll: when the best text sits in another story's `article` of the
            // same class as the one that held the title heading, the page's own story is the
            // best candidate inside the title's `article`, and no climb leaves it.
            if let own = titleArticle, own.parent != nil, let best = bestCandidate(in: own, candidates, replacing: topCandidate) {
                topCandidate = best
                ceiling = own
            }
            // A common ancestor of several near-top candidates is a better pick.
            var alternativeAncestors: [[HTMLNode]] = []
            let topScore = score(topCandidate)
            // Candidates of the top's own kind (`div.paragraph-text` wrappers, one per
            // paragraph) count from half the top score: they are parts of one article.
            for other in topCandidates.dropFirst()
            where topScore > 0 && score(other) / topScore >= (isCloseRelative(other, of: topCandidate) ? 0.5 : 0.75) {
                alternativeAncestors.append(other.ancestors())
            }
            let minimumTopCandidates = 3
            if ceiling == nil && alternativeAncestors.count >= minimumTopCandidates {
                var parentOfTop = topCandidate.parent
                while let p = parentOfTop, p.kind == .element, p.name != "body" {
                    var lists = 0
                    for list in alternativeAncestors where lists < minimumTopCandidates {
                        if list.contains(where: { $0 === p }) { lists += 1 }
                    }
                    if lists >= minimumTopCandidates { topCandidate = p; break }
                    parentOfTop = p.parent
                }
            }
            if scores[ObjectIdentifier(topCandidate)] == nil { initialize(topCandidate) }

            // Climb while the parents' scores go up.
            var parentOfTop = topCandidate.parent
            var lastScore = score(topCandidate)
            let threshold = lastScore / 3
            while let p = parentOfTop, p.kind == .element, p.name != "body", p !== ceiling?.parent {
                guard let ps = scores[ObjectIdentifier(p)]?.score else { parentOfTop = p.parent; continue }
                if ps < threshold { break }
                if ps > lastScore { topCandidate = p; break }
                lastScore = ps
                parentOfTop = p.parent
            }
            // An only child is replaced by its parent, to help the sibling join.
            bestScore = score(topCandidate)
            parentOfTop = topCandidate.parent
            while let p = parentOfTop, p.kind == .element, p.name != "body", p.elementChildren.count == 1, p !== ceiling?.parent {
                topCandidate = p
                parentOfTop = p.parent
            }
            if scores[ObjectIdentifier(topCandidate)] == nil { initialize(topCandidate) }
        }

        if ReaderView.debugCandidates {
            func label(_ n: HTMLNode) -> String {
                "\(n.name).\(n.className)#\(n.attribute("id") ?? "")"
            }
            var lines = ["attempt flags=\(flags.rawValue)"]
            for c in topCandidates { lines.append(String(format: "  cand %.1f %@", score(c), label(c))) }
            lines.append(String(format: "  top %.1f %@ (parent %@)", score(topCandidate), label(topCandidate),
                                topCandidate.parent.map(label) ?? "-"))
            FileHandle.standardError.write((lines.joined(separator: "\n") + "\n").data(using: .utf8)!)
        }

        let lead = neededToCreateTopCandidate ? nil : findLead(before: topCandidate)

        // Join siblings that look related.
        let articleContent = HTMLNode.element("div")
        let topScore = score(topCandidate)
        let siblingThreshold = max(10, topScore * 0.2)
        let parentOfTop = topCandidate.parent
        let siblings = parentOfTop?.elementChildren ?? [topCandidate]
        for sibling in siblings {
            // Once the infinite-scroll rule fired, the other stories stay out.
            if ceiling != nil && sibling !== topCandidate && sibling.name == "article"
                && sibling.firstElement(named: "h1") != nil {
                continue
            }
            var append = false
            if sibling === topCandidate {
                append = true
            } else {
                var bonus = 0.0
                if sibling.className == topCandidate.className && !topCandidate.className.isEmpty {
                    bonus += topScore * 0.2
                }
                if let s = scores[ObjectIdentifier(sibling)]?.score, s + bonus >= siblingThreshold {
                    append = true
                } else if !neededToCreateTopCandidate, isSameKind(sibling, as: topCandidate),
                          bestInnerScore(sibling) >= max(10, bestScore * 0.2) {
                    append = true
                } else if sibling.name == "p" {
                    let density = linkDensity(sibling)
                    let length = sibling.innerTextLength()
                    if length > 80 && density < 0.25 {
                        append = true
                    } else if length < 80 && length > 0 && density == 0 && ReaderRules.endsSentence(sibling.innerText()) {
                        append = true
                    }
                }
            }
            if ReaderView.debugCandidates {
                FileHandle.standardError.write("  sibling \(append) \(sibling.name).\(sibling.className) score \(scores[ObjectIdentifier(sibling)]?.score ?? -1) inner \(bestInnerScore(sibling))\n".data(using: .utf8)!)
            }
            if append {
                if !ReaderRules.alterToDivExceptions.contains(sibling.name) { sibling.rename("div") }
                articleContent.append(sibling)
            }
        }

        if let lead, !lead.ancestors().contains(where: { $0 === articleContent }) {
            lead.detach()
            articleContent.insert(lead, at: 0)
        }

        prepArticle(articleContent)

        let container: HTMLNode
        if neededToCreateTopCandidate {
            container = articleContent
        } else {
            container = HTMLNode.element("div")
            container.append(articleContent)
        }
        var chain: [HTMLNode] = []
        if let parentOfTop { chain.append(parentOfTop) }
        chain.append(topCandidate)
        if let parentOfTop { chain.append(contentsOf: parentOfTop.ancestors()) }
        var dir: String?
        for n in chain where n.kind == .element {
            if let d = n.attribute("dir")?.trimmedWhitespace, !d.isEmpty { dir = d; break }
        }
        return (container, dir)
    }

    /// The best-scoring candidate inside (or equal to) `own`, the `article` that held the title
    /// heading, when `top` sits instead in another `article` with `own`'s (non-empty) class
    /// and an `h1` of its own, after `own` in the document, with no heading that repeats the
    /// title (the stories an infinite-scroll page appended below its own; not the classless
    /// `article` sections of one story, nor a story after a teaser that repeats its title);
    /// nil otherwise.
    private func bestCandidate(in own: HTMLNode, _ candidates: [HTMLNode], replacing top: HTMLNode) -> HTMLNode? {
        if top === own || top.ancestors().contains(where: { $0 === own }) { return nil }
        guard let other = top.name == "article" ? top : top.ancestors().first(where: { $0.name == "article" }),
              other !== own, !own.className.isEmpty, other.className == own.className, other.firstElement(named: "h1") != nil,
              !other.ancestors().contains(where: { $0 === own }), !own.ancestors().contains(where: { $0 === other }),
              own.precedes(other) else { return nil }
        // A story whose own heading repeats the title is the page's story: the heading removed
        // was another's (review finding).
        if other.elements(in: ["h1", "h2"]).contains(where: headerDuplicatesTitle) { return nil }
        var best: HTMLNode?
        for c in candidates where c === own || c.ancestors().contains(where: { $0 === own }) {
            if best == nil || score(c) > score(best!) { best = c }
        }
        guard let best, score(best) > 0 else { return nil }
        return best
    }

    /// Whether `other` is of the top candidate's kind (`isSameKind`) and they share an
    /// ancestor at most three levels above each, with no `article` element between (teasers
    /// of other stories sit in their own `article`, often further away; review fix).
    private func isCloseRelative(_ other: HTMLNode, of top: HTMLNode) -> Bool {
        guard isSameKind(other, as: top) else { return false }
        let topAncestors = top.ancestors(maxDepth: 3)
        var up = other.parent
        for _ in 0..<3 {
            guard let a = up, a.kind == .element else { return false }
            if let i = topAncestors.firstIndex(where: { $0 === a }) {
                // No `article` between either candidate and the shared ancestor.
                let betweenOther = other.ancestors(maxDepth: 3).prefix { $0 !== a }
                return !topAncestors[..<i].contains { $0.name == "article" } && !betweenOther.contains { $0.name == "article" }
            }
            up = a.parent
        }
        return false
    }

    /// Whether `sibling` has the tag and the (non-empty) class of the top candidate: one of a
    /// run of posts or sections (`article.message`, `section.richtext-component`).
    private func isSameKind(_ sibling: HTMLNode, as top: HTMLNode) -> Bool {
        sibling.name == top.name && !top.className.isEmpty && sibling.className == top.className
    }

    /// `OFFPRINT_DEBUG_CANDIDATES=1` prints each attempt's top candidates to standard error
    /// (a development aid; the output is not stable).
    static let debugCandidates = ProcessInfo.processInfo.environment["OFFPRINT_DEBUG_CANDIDATES"] == "1"

    private static let candidateTags: Set<String> = [
        "div", "article", "section", "main", "td", "pre", "blockquote", "p", "ul", "ol", "li", "dl", "dd", "form",
    ]

    /// The best score of `n` or of a candidate inside it. Readability compares a sibling's
    /// own score, which is zero when its paragraphs sit more than five levels down (a forum
    /// post's text under eight wrappers), so that only the top candidate's post was kept.
    private func bestInnerScore(_ n: HTMLNode) -> Double {
        var best = scores[ObjectIdentifier(n)]?.score ?? 0
        for e in n.elements(in: ReaderView.candidateTags) {
            if let s = scores[ObjectIdentifier(e)]?.score, s > best { best = s }
        }
        return best
    }

    /// The article's lead (standfirst, intro, deck) when the page names it and it sits
    /// before the top candidate, outside it, within four levels above it: 30 to 1,000
    /// characters with a link density under 0.3. Headers with the lead are often scored
    /// apart from the body, or stripped as `header`s.
    private func findLead(before top: HTMLNode) -> HTMLNode? {
        let path = Set(top.ancestors().map(ObjectIdentifier.init))
        var scope = top.parent
        var level = 0
        while let a = scope, a.kind == .element, a.name != "body", a.name != "html", level < 4 {
            var next = a.nextNode()
            let end = a.nextNode(ignoringSelfAndChildren: true)
            while let n = next, n !== end, n !== top {
                if n.kind == .element && !path.contains(ObjectIdentifier(n)) && BoilerplateRules.isNamedLead(n) {
                    let length = n.innerTextLength()
                    if length >= 30 && length <= 1000 && linkDensity(n) < 0.3 && !n.hasAncestor("a")
                        && !n.hasAncestor("li") {
                        return n
                    }
                }
                next = n.nextNode()
            }
            scope = a.parent
            level += 1
        }
        return nil
    }

    private static let headerWord = Keywords("header")

    /// The named lead inside an article header that strip-unlikely removes (`header.entry-header`
    /// holding `div.entry-excerpt`): 30 to 1,000 characters, link density under 0.3.
    /// In an article header (`header`, or `header` in the class or id) that holds the
    /// title's `h1`/`h2`, the first element marked as the author (`rel=author`,
    /// `itemprop~=author`) with a valid byline's length.
    private func headerAuthor(_ element: HTMLNode) -> HTMLNode? {
        guard isHeader(element) else { return nil }
        let end = element.nextNode(ignoringSelfAndChildren: true)
        var author: HTMLNode?
        var holdsTitle = false
        var next = element.nextNode()
        while let n = next, n !== end {
            if n.kind == .element {
                if !holdsTitle && headerDuplicatesTitle(n) { holdsTitle = true }
                if author == nil && (n.attribute("rel") == "author" || (n.attribute("itemprop") ?? "").contains("author")) {
                    let length = n.textContent.trimmedWhitespace.utf16.count
                    if length > 0 && length < 100 { author = n }
                }
                if holdsTitle && author != nil { return author }
            }
            next = n.nextNode()
        }
        return nil
    }

    private func headerLead(_ element: HTMLNode) -> HTMLNode? {
        guard isHeader(element) else { return nil }
        let end = element.nextNode(ignoringSelfAndChildren: true)
        var next = element.nextNode()
        while let n = next, n !== end {
            if n.kind == .element && BoilerplateRules.isNamedLead(n) {
                let length = n.innerTextLength()
                if length >= 30 && length <= 1000 && linkDensity(n) < 0.3 { return n }
                next = n.nextNode(ignoringSelfAndChildren: true)
                continue
            }
            next = n.nextNode()
        }
        return nil
    }

    // MARK: - Scoring helpers

    private func score(_ node: HTMLNode) -> Double { scores[ObjectIdentifier(node)]?.score ?? 0 }

    private func initialize(_ node: HTMLNode) {
        var s = 0.0
        switch node.name {
        case "div": s += 5
        case "pre", "td", "blockquote": s += 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": s -= 3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": s -= 5
        default: break
        }
        s += Double(classWeight(node))
        scores[ObjectIdentifier(node)] = (node, s)
    }

    func classWeight(_ node: HTMLNode) -> Int {
        guard flags.contains(.weightClasses) else { return 0 }
        var weight = 0
        let cls = node.className
        if !cls.isEmpty {
            if ReaderRules.negative.matches(cls) { weight -= 25 }
            if ReaderRules.positive.matches(cls) { weight += 25 }
        }
        let id = node.idAttribute
        if !id.isEmpty {
            if ReaderRules.negative.matches(id) { weight -= 25 }
            if ReaderRules.positive.matches(id) { weight += 25 }
        }
        return weight
    }

    /// The text span of `n` (its inner-text length is `.length`), memoised while scoring.
    private func span(_ n: HTMLNode) -> TextSpan {
        guard memoizeSpans, n.kind == .element else { return n.textSpan }
        let id = ObjectIdentifier(n)
        if let s = spanMemo[id] { return s }
        var s = TextSpan()
        for c in n.children {
            switch c.kind {
            case .text: s.append(c.textSpan)
            case .element: s.append(span(c))
            default: break
            }
        }
        spanMemo[id] = s
        return s
    }

    func linkDensity(_ element: HTMLNode) -> Double {
        // No link below (`descendantTags`): no link length, whatever the text's length.
        guard element.descendantTags.contains(ReaderView.aTag) else { return 0 }
        guard memoizeSpans else {
            // One walk measures the element and its links (outside scoring nothing is
            // memoised, and walking each link again cost a twentieth of an extraction).
            var links: [Double] = []
            let textLength = ReaderView.measureLinks(element, &links).length
            if textLength == 0 { return 0 }
            var linkLength = 0.0
            for l in links { linkLength += l }
            return linkLength / Double(textLength)
        }
        let textLength = span(element).length
        if textLength == 0 { return 0 }
        // The links' lengths are added in document order, as Readability does.
        var linkLength = 0.0
        func visit(_ n: HTMLNode) {
            for c in n.children where c.kind == .element {
                if c.tag == ReaderView.aTag { linkLength += Double(span(c).length) * ReaderView.linkCoefficient(c) }
                if c.descendantTags.contains(ReaderView.aTag) { visit(c) }
            }
        }
        visit(element)
        return linkLength / Double(textLength)
    }

    static let aTag = HTMLTag.number("a")

    /// The text span of `n`'s descendants; appends each descendant link's weighted length
    /// (text length times `linkCoefficient`) to `links`, in document order.
    private static func measureLinks(_ n: HTMLNode, _ links: inout [Double]) -> TextSpan {
        var span = TextSpan()
        for c in n.children {
            switch c.kind {
            case .text:
                span.append(c.textSpan)
            case .element:
                if c.name == "a" {
                    let slot = links.count
                    links.append(0)
                    let inner = measureLinks(c, &links)
                    links[slot] = Double(inner.length) * linkCoefficient(c)
                    span.append(inner)
                } else {
                    span.append(measureLinks(c, &links))
                }
            default:
                break
            }
        }
        return span
    }

    /// A link to a `#fragment` counts 0.3 of its length in the link density, others 1.
    static func linkCoefficient(_ a: HTMLNode) -> Double {
        guard let href = a.attribute("href"), href.utf8.first == UInt8(ascii: "#") else { return 1 }
        return (href.count > 1 && href.hasPrefix("#")) ? 0.3 : 1
    }

    /// The author's name in byline element `node`: a descendant `[itemprop~=name]` when there
    /// is one, else the whole text (Readability's _checkByline).
    private func bylineText(_ node: HTMLNode) -> String {
        let end = node.nextNode(ignoringSelfAndChildren: true)
        var next = node.nextNode()
        while let n = next, n !== end {
            if let ip = n.attribute("itemprop"), ip.contains("name") { return n.textContent.trimmedWhitespace }
            next = n.nextNode()
        }
        return node.textContent.trimmedWhitespace
    }

    /// Whether `node` is a page or article header (`header`, or a class/id with `header`).
    private func isHeader(_ node: HTMLNode) -> Bool {
        node.name == "header" || ReaderRules.matchesClassOrID(Self.headerWord, node)
    }

    private func isValidByline(_ node: HTMLNode) -> Bool {
        let rel = node.attribute("rel")
        let itemprop = node.attribute("itemprop")
        guard rel == "author" || (itemprop?.contains("author") ?? false)
                || ReaderRules.matchesClassOrID(ReaderRules.byline, node) else {
            return false
        }
        let length = node.textContent.trimmedWhitespace.utf16.count
        return length > 0 && length < 100
    }

    private func headerDuplicatesTitle(_ node: HTMLNode) -> Bool {
        guard node.name == "h1" || node.name == "h2" else { return false }
        // Ruby readings are not part of the heading's text (`<ruby>町<rt>まち</rt></ruby>`).
        let heading = node.textOutsideRubyText.trimmedWhitespace
        return ReaderRules.textSimilarity(articleTitle, heading) > 0.75
    }

    // MARK: - Cleaning the article (Readability's _prepArticle)

    private func prepArticle(_ article: HTMLNode) {
        markDataTables(article)
        cleanConditionally(article, "form")
        cleanConditionally(article, "fieldset")
        clean(article, ["object", "embed", "footer", "link", "aside"])
        for top in article.elementChildren {
            cleanMatchedNodes(top) { node in
                (ReaderRules.matchesShareElement(node.className) || ReaderRules.matchesShareElement(node.idAttribute))
                    && node.textContent.utf16.count < 500
            }
            // A row of share buttons with its prompt, by where its links point. Only an
            // ancestor of two share links can be one: those are found first, so that no
            // other element's links are gathered.
            let shareLinks = top.elements(in: ["a"]).filter { BoilerplateRules.isShareLink($0.attribute("href") ?? "") }
            if shareLinks.count >= 2 {
                var holders = Set<ObjectIdentifier>()
                for a in shareLinks {
                    var up = a.parent
                    while let n = up, n !== top, holders.insert(ObjectIdentifier(n)).inserted { up = n.parent }
                }
                cleanMatchedNodes(top) { holders.contains(ObjectIdentifier($0)) && BoilerplateRules.isShareBar($0) }
            }
        }
        clean(article, ["iframe", "input", "textarea", "select"])
        // Close controls (`<a class="gallery-close">×</a>`, `<button class="close">Close</button>`)
        // close a box of the page; in the article they are a stray sign or word.
        for n in article.elements(in: ["a", "button", "span", "div", "i"]).reversed()
        where n.parent != nil && BoilerplateRules.isCloseControl(n) {
            n.detach()
        }
        // Buttons: their text is kept (a label like "Press" may be part of the prose).
        for b in article.elements(in: ["button"]) { b.rename("span") }
        // Headings with a negative class weight.
        for h in article.elements(in: ["h1", "h2"]).reversed() where classWeight(h) < 0 { h.detach() }
        cleanConditionally(article, "table")
        cleanConditionally(article, "ul")
        cleanConditionally(article, "div")
        for h in article.elements(in: ["h1"]) { h.rename("h2") }
        // Furniture boxes, captions and credits, and "Read more: <link>" lines.
        // A box that holds most of the article is the article under an unlucky class name
        // (`has-reading-time`, `js-cta-tracking`; review fix).
        let articleLength = article.innerTextLength()
        for n in article.elements(in: BoilerplateRules.boxTags).reversed()
        where BoilerplateRules.isFurnitureBox(n, articleLength: articleLength) {
            n.detach()
        }
        // Captions and credits, and "Read more: <link>" lines.
        for n in article.elements(in: BoilerplateRules.captionTags).reversed()
        where n.parent != nil && BoilerplateRules.isCaption(n) {
            n.detach()
        }
        for n in article.elements(in: ["p", "div", "li"]).reversed()
        where BoilerplateRules.isReadMoreLine(n, linkDensity: linkDensity(n)) {
            n.detach()
        }
        for p in article.elements(in: ["p"]).reversed()
        where BoilerplateRules.isCapitalisedTeaserLink(p, linkDensity: linkDensity(p)) {
            p.detach()
        }
        removeTrailingLinkSections(article)
        // A label over links to other articles that the section rule left ("Auch interessant:"
        // over teasers with prose, "Siehe auch" over one link in a paragraph).
        for n in article.elements(in: BoilerplateRules.relatedLabelTags).reversed()
        where n.parent != nil && BoilerplateRules.isRelatedLabel(n) {
            n.detach()
        }
        // Source and picture credit lines written out ("Quelle: ...", "(Credit: ...)").
        for n in article.elements(in: BoilerplateRules.creditLineTags).reversed()
        where n.parent != nil && BoilerplateRules.isCreditLine(n) {
            n.detach()
        }
        // Subscription calls to action that stand in for the rest of the article.
        for p in article.elements(in: ["p"]).reversed() where BoilerplateRules.isPaywallNotice(p) { p.detach() }
        for n in article.elements(in: ["div", "p"]).reversed() where BoilerplateRules.isPostNotice(n) { n.detach() }
        // Empty paragraphs.
        for p in article.elements(in: ["p"]).reversed()
        where !p.hasNonWhitespaceText && p.elements(in: ReaderRules.media).isEmpty {
            p.detach()
        }
        for br in article.elements(in: ["br"]) {
            var next = br.nextSiblingNode
            while let n = next, n.kind != .element, !n.hasNonWhitespaceText {
                next = n.nextSiblingNode
            }
            if let n = next, n.name == "p" { br.detach() }
        }
        // Single-cell tables become their cell.
        for table in article.elements(in: ["table"]) {
            let tbody = ReaderRules.hasSingleTagInside(table, "tbody") ? table.firstElementChild! : table
            if ReaderRules.hasSingleTagInside(tbody, "tr"), let row = tbody.firstElementChild,
               ReaderRules.hasSingleTagInside(row, "td"), let cell = row.firstElementChild {
                cell.rename(cell.children.allSatisfy(ReaderRules.isPhrasingContent) ? "p" : "div")
                table.replace(with: [cell])
            }
        }
    }

    /// The section that `heading` opens (its parent, of which it is the first element child)
    /// when the heading's class/id names furniture (`relatedpoststitle`, `related-posts-title`):
    /// related posts under such a heading are teasers with prose of their own, which scores.
    /// Not `body`, and under 5,000 characters of text.
    private func furnitureSection(openedBy heading: HTMLNode) -> HTMLNode? {
        guard ReaderRules.headings.contains(heading.name), let parent = heading.parent, parent.kind == .element,
              parent.name != "body", parent.name != "html", parent.elementChildren.first === heading,
              BoilerplateRules.tokens(heading).contains(where: BoilerplateRules.isFurnitureToken),
              parent.innerTextLength() < 5000 else { return nil }
        return parent
    }

    private static let linkSectionLabels = ReaderRules.headings.union(["p"])

    /// "More on this" sections: a short heading (under 100 characters) whose following
    /// siblings are all links (link density over 0.5 together) goes with them; and a heading
    /// with no text after it at the end of the article goes ("Kommentieren", "Mehr zum
    /// Thema" whose list was cleaned away).
    private func removeTrailingLinkSections(_ article: HTMLNode) {
        // For each parent, once: the children that count as what follows a label (elements,
        // and text that is not white space), whether all from each one on are elements, and
        // each one's text length and link length, measured when first needed. The labels of
        // one parent share their following siblings: a page of 500 paragraphs asked for the
        // children after each. A removal changes the lists of the parent and its ancestors
        // (their children, or the measures of their children), which are dropped.
        struct Followers {
            var nodes: [HTMLNode] = []
            var position: [ObjectIdentifier: Int] = [:]
            var elementsFrom: [Bool] = []
            var measures: [(length: Double, links: Double)?] = []
        }
        var followers: [ObjectIdentifier: Followers] = [:]
        func list(of parent: HTMLNode) -> Followers {
            var f = Followers()
            for c in parent.children where c.kind == .element || c.hasNonWhitespaceText {
                f.position[ObjectIdentifier(c)] = f.nodes.count
                f.nodes.append(c)
            }
            f.elementsFrom = Array(repeating: true, count: f.nodes.count + 1)
            for i in stride(from: f.nodes.count - 1, through: 0, by: -1) {
                f.elementsFrom[i] = f.nodes[i].kind == .element && f.elementsFrom[i + 1]
            }
            f.measures = Array(repeating: nil, count: f.nodes.count)
            return f
        }
        for h in article.elements(in: Self.linkSectionLabels).reversed() where h.parent != nil {
            guard h.innerTextLength() < 100, let parent = h.parent else { continue }
            // A paragraph labels a section when it is short and no link ("You may also like...",
            // "DON'T MISS", "More Great WIRED Stories").
            if h.name == "p" && (h.innerTextLength() >= 50 || h.firstElement(named: "a") != nil) { continue }
            // Taken out of the dictionary while it is filled in (no copy of its arrays).
            let key = ObjectIdentifier(parent)
            var f = followers.removeValue(forKey: key) ?? list(of: parent)
            let first = (f.position[ObjectIdentifier(h)] ?? f.nodes.count) + 1
            let follows = first < f.nodes.count && f.elementsFrom[first]
            var text = 0.0, links = 0.0
            if follows {
                for i in first..<f.nodes.count {
                    if f.measures[i] == nil {
                        let a = f.nodes[i]
                        let length = Double(a.innerTextLength())
                        f.measures[i] = (length, length * (a.name == "a" ? 1 : linkDensity(a)))
                    }
                    text += f.measures[i]!.length
                    links += f.measures[i]!.links
                }
            }
            followers[key] = f
            if follows && text > 0 && links / text > 0.5 {
                for a in f.nodes[first...] { a.detach() }
                h.detach()
                var changed: HTMLNode? = parent
                while let n = changed {
                    followers[ObjectIdentifier(n)] = nil
                    changed = n.parent
                }
            }
        }
        // Headings that end the article.
        while let last = lastTextBlock(article), ReaderRules.headings.contains(last.name) {
            last.detach()
        }
    }

    /// The last element of `root` (in document order) that holds text directly.
    private func lastTextBlock(_ root: HTMLNode) -> HTMLNode? {
        var n: HTMLNode? = root
        while let cur = n {
            guard let last = cur.children.last(where: { $0.hasNonWhitespaceText })
            else { return nil }
            if last.kind != .element { return cur === root ? nil : cur }
            if ReaderRules.headings.contains(last.name) { return last }
            n = last
        }
        return nil
    }

    /// Removes every `tags` element (one walk for all: removing a node removes its subtree,
    /// so the order of removal does not change the result).
    private func clean(_ e: HTMLNode, _ tags: Set<String>) {
        for n in e.elements(in: tags).reversed() { n.detach() }
    }

    private func cleanMatchedNodes(_ e: HTMLNode, _ filter: (HTMLNode) -> Bool) {
        let end = e.nextNode(ignoringSelfAndChildren: true)
        var next = e.nextNode()
        while let n = next, n !== end {
            if filter(n) { next = n.removeAndGetNext() } else { next = n.nextNode() }
        }
    }

    private func isDataTable(_ t: HTMLNode) -> Bool { dataTables[ObjectIdentifier(t)]?.isData ?? false }

    private func markDataTables(_ root: HTMLNode) {
        for table in root.elements(in: ["table"]) {
            let id = ObjectIdentifier(table)
            func mark(_ v: Bool) { dataTables[id] = (table, v) }
            if table.attribute("role") == "presentation" { mark(false); continue }
            if table.attribute("datatable") == "0" { mark(false); continue }
            if let s = table.attribute("summary"), !s.isEmpty { mark(true); continue }
            if let caption = table.firstElement(named: "caption"), !caption.children.isEmpty { mark(true); continue }
            if ["col", "colgroup", "tfoot", "thead", "th"].contains(where: { table.firstElement(named: $0) != nil }) {
                mark(true); continue
            }
            if table.firstElement(named: "table") != nil { mark(false); continue }
            var rows = 0, columns = 0
            for tr in table.elements(in: ["tr"]) {
                rows += Int(tr.attribute("rowspan") ?? "").flatMap { $0 > 0 ? $0 : nil } ?? 1
                var inRow = 0
                for td in tr.elements(in: ["td"]) {
                    inRow += Int(td.attribute("colspan") ?? "").flatMap { $0 > 0 ? $0 : nil } ?? 1
                }
                columns = max(columns, inRow)
            }
            if rows == 1 || columns == 1 { mark(false); continue }
            if rows >= 10 || columns > 4 { mark(true); continue }
            mark(rows * columns > 10)
        }
    }

    private func cleanConditionally(_ e: HTMLNode, _ tag: String) {
        guard flags.contains(.cleanConditionally) else { return }
        for node in e.elements(in: [tag]).reversed() where shouldRemoveConditionally(node, tag) {
            node.detach()
        }
    }

    /// What `shouldRemoveConditionally` asks of an element's descendants, gathered in one
    /// walk (it used to take a dozen).
    private struct SubtreeFacts {
        var listLength = 0, headingLength = 0, textishLength = 0
        var p = 0, img = 0, li = 0, input = 0
        var hasDataTable = false
        var embeds = 0
        var hasVideo = false
        /// Each descendant link's text length and coefficient, in document order.
        var links: [(length: Int, coefficient: Double)] = []
        /// ASCII commas in the text.
        var commas = 0
    }

    /// The element numbers `gather` tells apart.
    private enum GatherTags {
        static let a = HTMLTag.number("a"), ul = HTMLTag.number("ul"), ol = HTMLTag.number("ol")
        static let p = HTMLTag.number("p"), img = HTMLTag.number("img"), li = HTMLTag.number("li")
        static let input = HTMLTag.number("input"), table = HTMLTag.number("table")
        static let headings = HTMLTag.Set(["h1", "h2", "h3", "h4", "h5", "h6"])!
        static let textish = HTMLTag.Set(["blockquote", "dl", "div", "pre", "span", "td"])!
        static let embeds = HTMLTag.Set(["object", "embed", "iframe"])!
    }

    /// The text span of `n`'s descendants, gathering `facts` about them on the way.
    private func gather(_ n: HTMLNode, _ facts: inout SubtreeFacts) -> TextSpan {
        var span = TextSpan()
        for c in n.children {
            switch c.kind {
            case .text:
                facts.commas += ReaderRules.asciiCommas(c.text)
                span.append(c.textSpan)
                continue
            case .element:
                break
            default:
                continue
            }
            // Element names by `HTMLTag` number (every name below has one).
            let tag = c.tag
            var linkSlot = -1
            if tag == GatherTags.a {
                linkSlot = facts.links.count
                facts.links.append((0, ReaderView.linkCoefficient(c)))
            }
            let inner = gather(c, &facts)
            let length = inner.length
            switch tag {
            case 0: break
            case GatherTags.a: facts.links[linkSlot].length = length
            case GatherTags.ul, GatherTags.ol: facts.listLength += length; facts.textishLength += length
            case _ where GatherTags.headings.contains(tag): facts.headingLength += length
            case GatherTags.p: facts.p += 1; facts.textishLength += length
            case GatherTags.img: facts.img += 1; facts.textishLength += length
            case GatherTags.li: facts.li += 1; facts.textishLength += length
            case GatherTags.input: facts.input += 1
            case GatherTags.table:
                facts.textishLength += length
                if !facts.hasDataTable && isDataTable(c) { facts.hasDataTable = true }
            case _ where GatherTags.textish.contains(tag): facts.textishLength += length
            case _ where GatherTags.embeds.contains(tag):
                facts.embeds += 1
                if !facts.hasVideo && c.attributes.contains(where: { ReaderRules.videos.matches($0.value) }) {
                    facts.hasVideo = true
                }
            default: break
            }
            span.append(inner)
        }
        return span
    }

    private func shouldRemoveConditionally(_ node: HTMLNode, _ tag: String) -> Bool {
        var facts = SubtreeFacts()
        let innerLength = gather(node, &facts).length
        func share(_ part: Int) -> Double { innerLength == 0 ? 0 : Double(part) / Double(innerLength) }

        var isList = tag == "ul" || tag == "ol"
        if !isList {
            isList = innerLength > 0 && Double(facts.listLength) / Double(innerLength) > 0.9
        }
        if tag == "table" && isDataTable(node) { return false }
        if node.hasAncestor("table", maxDepth: -1, filter: isDataTable) { return false }
        if node.hasAncestor("code") { return false }
        if facts.hasDataTable { return false }
        let weight = classWeight(node)
        if weight < 0 { return true }
        if facts.commas >= 10 { return false }

        let p = facts.p
        let img = facts.img
        let li = facts.li - 100
        let input = facts.input
        let headingDensity = share(facts.headingLength)
        if facts.hasVideo { return false }
        let embedCount = facts.embeds
        // Both word lists are at most 24 UTF-8 bytes, so longer texts need not be built.
        if innerLength <= 24 {
            let innerText = node.innerText()
            if ReaderRules.isAdWords(innerText) || ReaderRules.isLoadingWords(innerText) { return true }
        }
        let contentLength = innerLength
        var linkLength = 0.0
        for link in facts.links { linkLength += Double(link.length) * link.coefficient }
        let density = innerLength == 0 ? 0 : linkLength / Double(innerLength)
        let textDens = share(facts.textishLength)
        let isFigureChild = node.hasAncestor("figure")

        var remove = false
        if !isFigureChild && img > 1 && Double(p) / Double(img) < 0.5 { remove = true }
        if !isList && li > p { remove = true }
        if input > p / 3 { remove = true }
        if !isList && !isFigureChild && headingDensity < 0.9 && contentLength < 25 && (img == 0 || img > 2) && density > 0 {
            remove = true
        }
        if !isList && weight < 25 && density > 0.2 { remove = true }
        if weight >= 25 && density > 0.5 { remove = true }
        if (embedCount == 1 && contentLength < 75) || embedCount > 1 { remove = true }
        if img == 0 && textDens == 0 { remove = true }

        if isList && remove {
            for child in node.elementChildren where child.elementChildren.count > 1 { return remove }
            if img == facts.li { return false }
        }
        return remove
    }
}
