// BoilerplateRules: page furniture that sits inside or next to an article and that the
// reader view drops on top of Readability's rules (docs/extraction.md, "Boilerplate"):
// cookie/consent notices, newsletter and login forms, image captions and credits, and
// "Read more: <link>" lines. Each rule looks at class/id tokens, tags and text shape,
// never at a site's name.
import Foundation
import OffprintXML

enum BoilerplateRules {
    /// The attribute in which a paragraph that replaced its only-child wrapper `div` keeps the
    /// wrapper's class and id (the reader view sets it; the sanitiser drops it).
    static let wrapperAttribute = "data-offprint-wrapper"

    /// The class, id and wrapper names of `node`, space-separated, as the rules read them.
    static func names(_ node: HTMLNode) -> String {
        let cls = node.className, id = node.idAttribute
        // Most elements have neither: no concatenation then.
        let own = cls.isEmpty && id.isEmpty ? " " : cls + " " + id
        guard let wrapper = node.attribute(wrapperAttribute) else { return own }
        return own + " " + wrapper
    }

    /// Whether `keywords` (none of which holds a space) match `names(node)`, tested on the
    /// class, the id and the wrapper names one by one, with no string built.
    static func namesMatch(_ keywords: Keywords, _ node: HTMLNode) -> Bool {
        if let c = node.attribute("class"), keywords.matches(c) { return true }
        if let i = node.attribute("id"), keywords.matches(i) { return true }
        if let w = node.attribute(wrapperAttribute), keywords.matches(w) { return true }
        return false
    }

    static let bodyTag = HTMLTag.number("body")
    static let htmlTag = HTMLTag.number("html")

    /// The class and id of `node`, split into lower-case tokens. WordPress-style taxonomy
    /// classes (`tag-cookies`, `category-photo-credit`) describe the post, not the element,
    /// and are left out.
    static func tokens(_ node: HTMLNode) -> [Substring] {
        let raw = names(node).lowercased()
        return raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).filter { t in
            !(t.hasPrefix("tag-") || t.hasPrefix("category-") || t.hasPrefix("tag_") || t.hasPrefix("category_"))
        }
    }

    private static let cookieWords = Keywords("cookie|consent|cmp|_brlbs")
    private static let cookieParts = [
        "banner", "notice", "consent", "law", "bar", "hinweis", "popup", "layer", "box", "message", "warning",
        "info", "policy", "overlay", "dialog", "modal", "accept", "wall", "alert",
    ]

    /// A cookie or consent notice: a class/id token naming a cookie banner (`cookie-notice`,
    /// `widget_eu_cookie_law_widget`, `cookieConsent`), consent management (`consent`, `cmp`,
    /// `cmp-banner`; not AEM's `cmp-text`) or Borlabs Cookie's content blocker (`_brlbs-*`),
    /// holding under 1,500 characters of text. It is never the article, yet on a page with a
    /// short article it can be the longest text left (the walk removes it).
    static func isCookieNotice(_ node: HTMLNode) -> Bool {
        guard node.kind == .element, node.tag != bodyTag, node.tag != htmlTag,
              namesMatch(cookieWords, node) else { return false }
        let toks = tokens(node)
        let hit = toks.contains { t in
            // Borlabs Cookie's content blocker stands in for an embed until the reader consents.
            if t.contains("consent") || t == "cmp" || t.hasPrefix("_brlbs") { return true }
            // `cmp-` names consent management (`cmp-banner`) but also Adobe Experience
            // Manager's core components (`cmp-text`, `cmp-container`, `cmp-image`), which
            // hold the article: a `cmp-` token counts only with a notice word in it.
            guard t.contains("cookie") || t.hasPrefix("cmp-") else { return false }
            return cookieParts.contains { t.contains($0) }
        }
        return hit && node.innerTextLength() < 1500
    }

    private static let dialogWords = Keywords("dialog|modal")

    /// A modal dialog or overlay that the page shows only on demand: a closed `<dialog>`, or
    /// an element (not `body`/`html`) whose class/id token is or ends with `dialog` or
    /// `modal` (`b-dialog`, `formulaire_small_dialog`, `modal`, `paywall-modal`,
    /// `searchModal`; not `modal-content` or Drupal's `dialog-off-canvas-main-canvas` page
    /// wrapper; not `intermodal`), holding under 5,000 characters of text and block elements,
    /// and no `h1`. Age checks, sign-up dialogs and shopping-cart notes are never the article,
    /// yet they can be the longest text on a page whose article is short.
    static func isModalDialog(_ node: HTMLNode) -> Bool {
        guard node.kind == .element, node.tag != bodyTag, node.tag != htmlTag else { return false }
        if node.name == "dialog" {
            return node.attribute("open") == nil && node.innerTextLength() < 5000
        }
        guard namesMatch(dialogWords, node) else { return false }
        let all = names(node)
        let hit = all.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains(where: isDialogToken)
        guard hit, node.innerTextLength() < 5000 else { return false }
        // A dialog holds blocks (a heading, text, buttons in a box); a paragraph or a line of
        // text and inline markup is prose (a transcript's `p.dialog`). One that holds an `h1`
        // is the article opened in a lightbox.
        let holdsBlocks = node.children.contains { c in
            c.kind == .element && !ReaderRules.phrasingTags.contains(c.tag)
        }
        return holdsBlocks && node.firstElement(named: "h1") == nil
    }

    /// A box the page shows on demand and the reader closes: an element (not `body`/`html`)
    /// whose first element child is a close control (`<div class="close">Schließen [X]</div>`,
    /// `<a class="btn-close">×</a>`, `<button>Close</button>`), holding blocks, under 5,000
    /// characters of text and no `h1` (as `isModalDialog`). Shipping-cost and cart pop-ups
    /// that are hidden until clicked carry no dialog/modal name, yet their paragraphs can
    /// outscore a short article's.
    static func isClosablePopup(_ node: HTMLNode) -> Bool {
        guard node.kind == .element, let first = node.firstElementChild, mayBeCloseControl(first),
              node.tag != bodyTag, node.tag != htmlTag, isCloseControl(first) else { return false }
        let holdsBlocks = node.children.contains { c in
            c !== first && c.kind == .element && !ReaderRules.phrasingTags.contains(c.tag)
        }
        return holdsBlocks && node.innerTextLength() < 5000 && node.firstElement(named: "h1") == nil
    }

    /// Whether `e` is a close control: a class/id token `close`, or one that starts or ends
    /// with it (`close-button`, `btn-close`, `popup_close`; not `closed`, `enclosed`, nor
    /// `slideout-close-btn`, the close sign of a carousel slide), with at most 20 characters
    /// of text (`Schließen [X]`, `×`); a `button`, `a`, `span`, `div` or `i` with no blocks
    /// inside (not a `section.close-btn` that holds a video), with text, an `aria-label` or
    /// `title`, or a `button`; not an icon font's glyph (`fa fa-close`; review fix).
    static func isCloseControl(_ e: HTMLNode) -> Bool {
        guard mayBeCloseControl(e), closeControlTags.contains(e.name), !ReaderRules.hasChildBlockElement(e) else { return false }
        let toks = tokens(e)
        let named = toks.contains { t in
            t == "close" || t.hasPrefix("close-") || t.hasPrefix("close_") || t.hasSuffix("-close") || t.hasSuffix("_close")
        }
        guard named, !toks.contains(where: isIconToken) else { return false }
        let length = e.innerTextLength()
        guard length <= 20 else { return false }
        // An icon font's glyph (`<i class="fa fa-close">`, `<span class="ico ico-close">`)
        // opens a "cons" or fact-check box; a close control says so, in text or a label.
        return e.name == "button" || length > 0 || e.attribute("aria-label") != nil || e.attribute("title") != nil
    }

    /// An icon font's class (`fa-close`, `icon-close`, `ico-close`, `ion-close`, `ti-close`).
    static func isIconToken(_ t: Substring) -> Bool {
        t.hasPrefix("fa-") || t.hasPrefix("icon") || t.hasPrefix("ico-") || t.hasPrefix("ion-") || t.hasPrefix("ti-")
    }

    private static let closeControlTags: Set<String> = ["button", "a", "span", "div", "i"]

    /// The byte pre-check of `isCloseControl`: `close` in the class or id. The walk asks it
    /// of every element's first child; splitting class names into tokens there cost about
    /// 5% of an extraction.
    private static func mayBeCloseControl(_ e: HTMLNode) -> Bool {
        if let c = e.attribute("class"), closeWord.matches(c) { return true }
        if let i = e.attribute("id"), closeWord.matches(i) { return true }
        return false
    }

    private static let closeWord = Keywords("close")

    /// Whether a class/id token names a dialog: `dialog` or `modal` as the whole token or its
    /// end (`b-dialog`, `small_dialog`, `searchModal`, `paywallmodal`), but not a word that
    /// ends in `modal` (`intermodal`, `multimodal`: a post about freight or AI models) nor a
    /// WordPress-style taxonomy class (`tag-modal`).
    static func isDialogToken(_ t: Substring) -> Bool {
        let lower = t.lowercased()
        if lower.hasPrefix("tag-") || lower.hasPrefix("category-") || lower.hasPrefix("tag_") || lower.hasPrefix("category_") {
            return false
        }
        if lower.hasSuffix("dialog") { return true }
        guard lower.hasSuffix("modal") else { return false }
        return !modalWords.contains { lower.hasSuffix($0) }
    }

    /// Words that end in `modal` without naming a dialog.
    private static let modalWords = ["multimodal", "intermodal", "bimodal", "unimodal", "trimodal", "crossmodal",
                                     "polymodal", "transmodal"]

    /// Link targets of the sharing endpoints that share buttons point at (Facebook's sharer,
    /// Twitter/X intents, WhatsApp/Telegram send links, AddToAny, an empty-addressee `mailto:?`).
    private static let shareTargets = [
        "facebook.com/sharer", "facebook.com/share.php", "twitter.com/intent/", "twitter.com/share",
        "twitter.com/home?status", "x.com/intent/", "plus.google.com/share", "linkedin.com/sharearticle",
        "linkedin.com/share", "pinterest.com/pin/create", "whatsapp://send", "api.whatsapp.com/send",
        "wa.me/?", "reddit.com/submit", "addtoany.com/add_to", "addtoany.com/share", "t.me/share",
        "telegram.me/share", "xing.com/spi/shares", "xing.com/social/share", "tumblr.com/share",
        "mailto:?",
    ]

    /// Whether `href` points at a sharing endpoint (`https://www.facebook.com/sharer.php?u=...`).
    static func isShareLink(_ href: String) -> Bool {
        shareTargetWords.matches(href)
    }

    /// `shareTargets` for the one-pass byte search (ASCII case folded): lower-casing each
    /// `href` and searching for each target with Foundation's `contains` cost about 8% of
    /// the whole extraction.
    private static let shareTargetWords = Keywords(shareTargets.joined(separator: "|"))

    /// The tags a row of share buttons comes in.
    static let shareBarTags: Set<String> = ["div", "p", "section", "span", "ul", "li"]

    /// A row of share buttons with its prompt, whatever its class: an element of
    /// `shareBarTags` with under 150 characters of text and at least two links, at least
    /// half of which point at sharing endpoints (`isShareLink`). The prompt ("Möchten Sie den
    /// Artikel teilen?", "Share this:") is not the article; Readability drops such rows only
    /// when their class/id says `share`.
    static func isShareBar(_ node: HTMLNode) -> Bool {
        guard node.kind == .element, shareBarTags.contains(node.name) else { return false }
        let links = node.elements(in: ["a"])
        guard links.count >= 2 else { return false }
        let shares = links.filter { isShareLink($0.attribute("href") ?? "") }.count
        guard shares >= 2, shares * 2 >= links.count else { return false }
        return node.innerTextLength() < 150
    }

    /// Phrases of a subscription call to action that stands in for the rest of the article.
    static let paywallPhrases = [
        "please subscribe", "subscribe now", "already a subscriber", "view the full story",
        "for the full story", "to continue reading", "subscribe to continue", "jetzt abonnieren",
        "abonnez-vous pour", "suscríbete para",
    ]

    /// A paywall notice: a `p` under 200 characters whose lower-cased text holds a
    /// subscription call to action (`paywallPhrases`: "To view the full story, please
    /// subscribe to ...", "Subscribe now to our eNATION edition for the full story.").
    static func isPaywallNotice(_ node: HTMLNode) -> Bool {
        guard node.name == "p", node.innerTextLength() < 200 else { return false }
        return paywallWords.matches(node.textContent)
    }

    /// `paywallPhrases` for the one-pass byte search (ASCII letters case folded, so that
    /// `SUSCRÍBETE PARA` in capitals with an accented capital does not match).
    private static let paywallWords = Keywords(paywallPhrases.joined(separator: "|"))

    private static let noticeWords = Keywords("-notice")

    /// A one-line notice about the post rather than part of it: a `div` or `p` under 200
    /// characters with no element child but inline formatting, whose class/id token ends
    /// with `-notice` (`community-notice`, `opinion-notice`), not a cookie notice's parts.
    static func isPostNotice(_ node: HTMLNode) -> Bool {
        guard node.name == "div" || node.name == "p", noticeWords.matches(names(node)) else { return false }
        guard tokens(node).contains(where: { $0.hasSuffix("-notice") && !$0.contains("cookie") }) else { return false }
        guard node.elementChildren.allSatisfy({ ["a", "b", "strong", "em", "i", "span", "br"].contains($0.name) }) else { return false }
        return node.innerTextLength() < 200
    }

    /// A newsletter, login or sign-up form: a `form` with an e-mail or password field and
    /// under 1,500 characters of text (pages that wrap the whole body in one `form`, as
    /// ASP.NET does, hold far more). Its labels and consent text read like prose and win
    /// on pages with short articles.
    static func isSignupForm(_ node: HTMLNode) -> Bool {
        guard node.name == "form" else { return false }
        let inputs = node.elements(in: ["input"])
        let hasField = inputs.contains { i in
            let type = (i.attribute("type") ?? "").lowercased()
            let name = ((i.attribute("name") ?? "") + " " + i.idAttribute).lowercased()
            return type == "email" || type == "password" || name.contains("email") || name.contains("e-mail")
                || name.contains("newsletter")
        }
        return hasField && node.innerTextLength() < 1500
    }

    /// An image caption or credit inside the article: a `figcaption`, or an element whose
    /// class/id token names a caption, credit or copyright line (`wp-caption-text`,
    /// `image-credit`, `copyright-note`), with no image of its own (a `div.wp-caption`
    /// wrapping the image keeps the image; its caption child goes) and under 400 characters.
    private static let captionWords = Keywords("caption|credit|copyright")

    static func isCaption(_ node: HTMLNode) -> Bool {
        guard node.kind == .element else { return false }
        if node.name == "table" || node.name == "caption" { return false }
        // The byte search rules out most elements before the tokens are built.
        let named = node.name == "figcaption" || (captionWords.matches(names(node)) && tokens(node).contains { t in
            t.contains("caption") || t.contains("credit") || t.contains("copyright")
        })
        guard named else { return false }
        if !node.elements(in: ReaderRules.media).isEmpty || !node.elements(in: ["picture", "video"]).isEmpty {
            return false
        }
        return node.innerTextLength() < 400
    }

    /// A box of page furniture inside the article, under 2,000 characters of text: a `nav`
    /// (breadcrumbs, section tabs, table-of-contents menus), an author box (`author-bio`,
    /// `post-author__info`, `about-author`, `saboxplugin-wrap`), a newsletter box, a list of
    /// related posts (`related-posts`, `jp-relatedposts`, `yarpp-related`), an advertising
    /// disclaimer/disclosure, a rating widget (`news-rate`), a call to action (`c-letters-cta`),
    /// a theme's post metadata (`postmetadata`, `entry-utility`), Akismet's comment-form note,
    /// a print button's box, a reading-time label, Easy Table of Contents' box or a paywall's
    /// form or prompt (`isFurnitureToken`).
    ///
    /// `articleLength` is the text length of the article being cleaned: a box named only by
    /// a call-to-action, reading-time, print-button, paywall, table-of-contents or
    /// post-metadata token that holds half of it or more is the article's own wrapper under
    /// an unlucky class name (`has-reading-time`, `js-cta-tracking`; review fix).
    static func isFurnitureBox(_ node: HTMLNode, articleLength: Int = .max) -> Bool {
        guard node.kind == .element else { return false }
        var hit = node.name == "nav"
        if !hit {
            let all = names(node)
            if all.allSatisfy({ $0 == " " }) { return false }
            guard furnitureWords.matches(all) else { return false }
            let furniture = tokens(node).filter(isFurnitureToken)
            hit = !furniture.isEmpty
            // An author box or rating widget is a few lines; one that holds paragraphs of
            // prose is the article (or a part of it) under an unlucky class name.
            if hit && furniture.allSatisfy(isBioOrRatingToken) && holdsProse(node) { return false }
            if hit && furniture.allSatisfy(isWrapperLikeToken) {
                let length = node.innerTextLength()
                // A reading-time label is a few words ("5 min read"), not a lead paragraph
                // that carries the class too (`read-time-lead`; review).
                if furniture.allSatisfy({ isReadingTimeOrPrintToken($0) && !$0.contains("print") }) && length >= 80 {
                    return false
                }
                return length < 2000 && length * 2 < articleLength
            }
        }
        return hit && node.innerTextLength() < 2000
    }

    /// A furniture token of the kinds that sites also put on the article's own wrapper
    /// (`isFurnitureBox` then asks that the box hold under half the article): a theme's post
    /// metadata, a call to action, a reading-time label or print button, Easy Table of
    /// Contents' box, a paywall's form or prompt. A token that also names an older kind of
    /// furniture (`newsletter-cta`, `reader-rating`) is not one of these (review finding).
    static func isWrapperLikeToken(_ t: Substring) -> Bool {
        if t.contains("newsletter") || t.contains("disclaimer") || t.contains("disclosure") || t.contains("author")
            || t.contains("bio") || t.contains("rating") || t.contains("related") {
            return false
        }
        // WordPress themes' post metadata under the post ("This entry was posted in ...",
        // "Der Beitrag wurde am ... veröffentlicht").
        if t == "postmetadata" || t == "entry-utility" { return true }
        // A call to action (`c-letters-cta`, `cta-box`): `cta` as a token, or a part of one
        // between hyphens/underscores (BEM `c-letters-cta__text`).
        if isCallToActionToken(t) { return true }
        if isReadingTimeOrPrintToken(t) { return true }
        // Easy Table of Contents' box (`ez-toc-container`, `ez-toc-v2_0_17`, `ez-toc-title`,
        // `ez-toc-list`); never `ez-toc-section`, the span that older versions put around a
        // heading's text (review fix). Not Table of Contents Plus' `toc_container`: measured,
        // its entries were the only place one page's heading survived.
        if t == "ez-toc-container" || t.hasPrefix("ez-toc-v") || t.hasPrefix("ez-toc-title") || t.hasPrefix("ez-toc-list") {
            return true
        }
        // A paywall's form, box or prompt (`content-form-account-paywall`, `paywall-box`), as
        // whole parts (not `paywall-information`), not a `paywall` wrapper around the article.
        if t.contains("paywall") {
            let parts = t.split(whereSeparator: { $0 == "-" || $0 == "_" })
            if parts.contains(where: { $0.hasPrefix("paywall") }) {
                for w in ["form", "box", "banner", "notice", "prompt", "overlay", "message", "cta", "offer"] where parts.contains(Substring(w)) {
                    return true
                }
            }
        }
        return false
    }

    /// A print button's box (`h5ab-print-button-container`) or a reading-time label
    /// (`readingTime`, `reading-time`, `read-time`): the word at a token's start or after
    /// `-`/`_` (not `thread-timeline`).
    static func isReadingTimeOrPrintToken(_ t: Substring) -> Bool {
        for w in ["print-button", "readingtime", "reading-time", "reading_time", "read-time"] where startsPart(t, w) {
            return true
        }
        return false
    }

    /// Whether `node` holds at least three paragraphs of 100 or more characters each.
    static func holdsProse(_ node: HTMLNode) -> Bool {
        var long = 0
        for p in node.elements(in: ["p"]) where p.innerTextLength(normalizeSpaces: true) >= 100 {
            long += 1
            if long >= 3 { return true }
        }
        return false
    }

    /// A furniture token that names an author box, a biography or a rating widget (rather
    /// than a newsletter box, a related-posts list or a disclaimer).
    static func isBioOrRatingToken(_ t: Substring) -> Bool {
        t.contains("author") || t.contains("bio") || t.contains("rat")
    }

    private static let furnitureWords = Keywords("author|sabox|newsletter|related|yarpp|disclaimer|disclosure|bio|rating|rate|more|cta|postmetadata|entry-utility|akismet|print-button|readingtime|reading-time|reading_time|read-time|ez-toc|paywall")

    static func isFurnitureToken(_ t: Substring) -> Bool {
        if t.contains("newsletter") || t.contains("disclaimer") || t.contains("disclosure") { return true }
        if t.hasPrefix("saboxplugin") || t.hasPrefix("yarpp") || t.hasPrefix("jp-relatedposts") { return true }
        // Akismet's note under the comment form.
        if t.hasPrefix("akismet") { return true }
        if isWrapperLikeToken(t) { return true }
        // Rating widgets ("War der Artikel nützlich?", "Valora esta noticia", "(Noch keine Bewertungen)").
        if t == "rating" || t == "ratings" || t == "rate" || t.hasPrefix("post-ratings") || t.hasSuffix("-rating")
            || t.hasSuffix("-ratings") || t.hasSuffix("_rating") || ratedThings.contains(t) {
            return true
        }
        // "More posts" teasers (`more-posts`, `widget-more-stories`, `td-more-articles-box`).
        for w in ["more-posts", "more-stories", "more-articles", "more_posts", "more_stories", "more_articles"] where t.contains(w) {
            return true
        }
        if t == "related" || t.hasPrefix("related-post") || t.hasPrefix("related-article") || t.hasPrefix("related_post")
            || t.hasPrefix("relatedpost") || t.hasPrefix("relatedarticle") || t.hasPrefix("crp_related") {
            return true
        }
        // An author's biography: `bio` as the token, its last part (`articleByline__bio`,
        // `author-bio`) or before a CSS-module hash (`bio___3q2CD`).
        if t == "bio" || t.hasSuffix("__bio") || t.hasSuffix("-bio") || t.hasSuffix("_bio") || t.hasPrefix("bio___") {
            return true
        }
        if let r = t.range(of: "author") {
            let rest = t[r.upperBound...], before = t[..<r.lowerBound]
            for w in ["bio", "box", "info", "about", "desc", "card", "profile", "details", "content"]
            where rest.contains(w) || before.contains(w) {
                return true
            }
        }
        return false
    }

    /// `*-rate` tokens that name a widget rating the page (`news-rate`: "Valora esta
    /// noticia"); other `*-rate` tokens name article data (`exchange-rate`, `interest-rate`).
    private static let ratedThings: Set<Substring> = ["news-rate", "post-rate", "article-rate", "node-rate", "story-rate"]

    /// Whether `w` occurs in `t` at its start or right after a `-` or `_` (`has-reading-time`,
    /// `readingTime`; not `thread-timeline`).
    static func startsPart(_ t: Substring, _ w: String) -> Bool {
        var from = t.startIndex
        while let r = t[from...].range(of: w) {
            if r.lowerBound == t.startIndex { return true }
            let before = t[t.index(before: r.lowerBound)]
            if before == "-" || before == "_" { return true }
            from = t.index(after: r.lowerBound)
        }
        return false
    }

    /// Whether a class/id token names a call to action: `cta`, or `cta` as one of the parts
    /// that `-`, `_` and `__` separate (`c-letters-cta`, `cta-box`, `c-letters-cta__text`;
    /// not `dictate`, `actas`).
    static func isCallToActionToken(_ t: Substring) -> Bool {
        guard t.contains("cta") else { return false }
        return t.split(whereSeparator: { $0 == "-" || $0 == "_" }).contains("cta")
    }

    /// Elements that can be a furniture box.
    static let boxTags: Set<String> = ["nav", "div", "section", "aside", "ul", "ol", "p", "footer", "header", "span", "table"]

    /// Elements that can hold a caption or credit line.
    static let captionTags: Set<String> = [
        "figcaption", "p", "div", "span", "small", "em", "i", "b", "strong", "cite", "li", "h2", "h3", "h4", "h5", "h6",
    ]

    /// A "Read more: <link>" line: a paragraph under 300 characters that opens with a short
    /// label ending in a colon (`Lea también:`, `Read more:`, `Auch lesen:`) followed by a
    /// link that makes up most of the text.
    static func isReadMoreLine(_ p: HTMLNode, linkDensity: Double) -> Bool {
        guard p.name == "p" || p.name == "div" || p.name == "li" else { return false }
        guard linkDensity >= 0.5 else { return false }
        let text = p.innerText()
        guard text.count < 300, let colon = text.firstIndex(of: ":") else { return false }
        let label = text[..<colon]
        let words = label.split(whereSeparator: { $0 == " " })
        guard !words.isEmpty, words.count <= 4, label.count <= 30 else { return false }
        // The label itself is not the link.
        var labelInLink = false
        for a in p.elements(in: ["a"]) where a.innerText().hasPrefix(String(label)) { labelInLink = true }
        return !labelInLink
    }

    /// A teaser headline: a paragraph that is one link (link density at least 0.9) written in
    /// capitals, of 3 or more words and under 200 characters (`SEAN SPICER ELIMINATED FROM
    /// 'DANCING WITH THE STARS'` between the paragraphs of an article: links to other stories).
    static func isCapitalisedTeaserLink(_ p: HTMLNode, linkDensity: Double) -> Bool {
        guard p.name == "p", linkDensity >= 0.9 else { return false }
        let text = p.innerText()
        guard text.count < 200, text.split(separator: " ").count >= 3 else { return false }
        var upper = 0
        for ch in text where ch.isLetter {
            if ch.isLowercase { return false }
            if ch.isUppercase { upper += 1 }
        }
        return upper >= 10
    }

    // MARK: - Datelines

    /// Words a dateline may hold besides numbers: month and weekday names and their
    /// abbreviations (English, German, French, Spanish, Portuguese), the labels around a date
    /// (`Published`, `Updated`, `Posted`, `Veröffentlicht am`, `Publicado em`), clock and time
    /// zone words.
    private static let datelineWords: Set<String> = [
        "published", "updated", "posted", "original", "originally", "first", "last", "modified", "on", "at", "am", "pm",
        "a", "p", "m", "ago", "day", "days", "hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins",
        "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "akst", "hst", "gmt", "utc", "bst", "cet", "cest", "ist",
        "et", "ct", "mt", "pt", "th", "st", "nd", "rd",
        "veröffentlicht", "aktualisiert", "zuletzt", "um", "uhr", "publié", "publiée", "mis", "à", "jour", "le",
        "publicado", "publicada", "actualizado", "atualizado", "el", "de", "em", "às", "las",
    ]
    private static let monthAndDayWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
        "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
        "diciembre", "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "novembro",
        "dezembro", "ene", "abr", "ago", "dic", "out", "dez",
    ]

    /// A dateline: a short text (under 100 characters) that is only a date, perhaps a time,
    /// and the labels around them (`Updated 11:21 pm CST, Tuesday, November 19, 2019`,
    /// `PUBLISHED: 10:48, Tue, Nov 19, 2019`, `Posted: Fri 6:45 PM, Feb 16, 2018 |`,
    /// `19.11.2019, 08:57`). It needs a month or weekday name, a year (1990-2099) or a
    /// numeric date (`19.11.2019`, `2019-11-19`, `11/18/19`); a number alone (`6`, `3.409`)
    /// is not one. The article's date is metadata; the reader view leaves it out of the text.
    static func isDateline(_ text: String) -> Bool {
        // No digit, no dateline: ASCII text without an ASCII digit has no `isNumber`
        // character (a byte pre-check before the `Character` splits below).
        var digitOrWide = false
        for b in text.utf8 where (b >= 0x30 && b <= 0x39) || b >= 0x80 {
            digitOrWide = true
            break
        }
        guard digitOrWide, !hasUnlistedASCIIWord(text), text.count < 100 else { return false }
        var hasDigit = false, hasCue = false
        for chunk in text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "|" || $0 == ";" }) {
            let parts = chunk.split(whereSeparator: { $0 == "." || $0 == "/" || $0 == "-" })
            if parts.count == 3 && parts.allSatisfy({ p in p.allSatisfy { $0.isASCII && $0.isNumber } })
                && (1...4).contains(parts[0].count) && (1...2).contains(parts[1].count)
                && (2...4).contains(parts[2].count) {
                hasCue = true
            }
        }
        for word in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            if word.contains(where: \.isNumber) {
                hasDigit = true
                if word.count == 4, let year = Int(word), (1990...2099).contains(year) { hasCue = true }
                continue
            }
            if monthAndDayWords.contains(String(word)) { hasCue = true; continue }
            if !datelineWords.contains(String(word)) { return false }
        }
        return hasDigit && hasCue
    }

    /// Whether `text`, before its first non-ASCII byte, has a word (a run of ASCII letters and
    /// digits, ended by another ASCII character) with no digit that neither word list of
    /// `isDateline` holds: the test that makes `isDateline` answer no, made on the bytes of
    /// the ASCII words that `Character` would cut the same way (the `Character` splits cost a
    /// tenth of a long page's extraction).
    static func hasUnlistedASCIIWord(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            func isAlnum(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) }
            var i = 0
            while i < b.count {
                let c = b[i]
                if c >= 0x80 { return false }
                guard isAlnum(c) else { i += 1; continue }
                let start = i
                var digit = false
                while i < b.count && isAlnum(b[i]) {
                    if b[i] <= 0x39 { digit = true }
                    i += 1
                }
                if i == b.count || b[i] >= 0x80 { return false }  // the word may go on
                if digit { continue }
                let word = String(decoding: b[start..<i].lazy.map { $0 | 0x20 }, as: UTF8.self)
                if !monthAndDayWords.contains(word) && !datelineWords.contains(word) { return true }
            }
            return false
        }
    }

    /// Elements that can be a dateline.
    static let datelineTags: Set<String> = ["p", "div", "header", "section"]

    /// Labels that head links to other articles ("Auch interessant", "Siehe auch", "Related
    /// Posts", "À lire aussi", "Te puede interesar"), lower-case, matched at the start of a
    /// block's text.
    static let relatedLabels = [
        "auch interessant", "weitere artikel", "siehe auch", "mehr zum thema", "mehr von ", "mehr zum ",
        "das könnte sie auch interessieren", "das könnte dich auch interessieren", "lesen sie auch", "lies auch",
        "zum weiterlesen", "weiterlesen", "weiterführende links", "weiterführender link", "weitere informationen",
        "verwandte artikel", "verwandte beiträge", "verwandte themen", "ähnliche artikel", "ähnliche beiträge",
        "ähnliche themen", "entdecken sie", "related", "see also", "read more", "read also", "you may also like",
        "you might also like", "more from ", "more on ", "à lire aussi", "lire aussi", "voir aussi",
        "sur le même sujet", "dans la même rubrique", "lea también", "lee también", "te puede interesar",
        "le puede interesar", "noticias relacionadas", "artículos relacionados", "ver también", "zobacz też",
        "zobacz także", "czytaj także", "czytaj też", "leggi anche", "potrebbe interessarti",
    ]

    /// A block that only labels a list of links to other articles: a heading, paragraph or
    /// `div`/`dt` whose text opens with one of `relatedLabels`, has at most 40 more
    /// characters (`Mehr zum Thema Gesundheit:`) and does not end a sentence with `.` or `?`.
    static func isRelatedLabel(_ node: HTMLNode) -> Bool {
        guard relatedLabelTags.contains(node.name) else { return false }
        if !mayOpenWithLabel(node, relatedLabelBytes) || node.hasMoreCharacters(than: 80) { return false }
        let text = node.innerText().trimmedWhitespace
        guard !text.isEmpty, text.count <= 80, let last = text.last, last != ".", last != "?" else { return false }
        let lower = text.lowercased()
        for label in relatedLabels where lower.hasPrefix(label) {
            let rest = lower.dropFirst(label.count)
            if rest.count > 40 { continue }
            // The label is a whole word or phrase ("related", not "relatedness").
            if let next = rest.first, next.isLetter, !label.hasSuffix(" ") { continue }
            // The label alone, the label and a topic with a colon ("Mehr zum Thema
            // Gesundheit:"), or the label and a word for articles ("Related Posts"); a heading
            // that goes on in words ("Related work", "More on the bridge design") is a section
            // of the article.
            let words = rest.split(whereSeparator: { !$0.isLetter })
            if words.isEmpty || lower.hasSuffix(":") || words.allSatisfy({ relatedNouns.contains(String($0)) }) { return true }
        }
        return false
    }

    /// Words for other articles that may follow a related label ("Related Posts", "Ähnliche Beiträge zum Thema").
    static let relatedNouns: Set<String> = [
        "posts", "post", "articles", "article", "stories", "story", "links", "link", "news", "reading", "content",
        "beiträge", "beitrag", "artikel", "themen", "thema", "zum", "nachrichten", "artículos", "noticias", "articoli",
    ]

    static let relatedLabelTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "dt"]

    /// Labels that open a source or picture credit line (`Quelle: Landesregierung`, `Titelbild:
    /// ...`, `(Credit: ... / Grist)`, `Photograph by ...`, `Źródło: ISBnews`), lower-case.
    static let creditLabels = [
        "quelle", "quellen", "quellenangaben", "bildquelle", "source", "sources", "foto", "fotos", "bild",
        "titelbild", "credit", "credits", "photo", "photos", "photograph by", "źródło", "fuente", "crédito",
        "copyright", "©",
    ]

    private static let relatedLabelBytes = relatedLabels.map { Array($0.utf8) }
    private static let creditLabelBytes = creditLabels.map { Array($0.utf8) }

    /// A cheap look, before `innerText` is built, at whether `node`'s text may open with one of
    /// `labels` (lower case): false only when its first word begins with ASCII letters that
    /// no label begins with. The first word is read from the text nodes in document order
    /// (comments skipped, as `textContent` does) after ASCII white space, up to 4 bytes, and
    /// stops at white space or a non-ASCII byte; a text that opens with a non-ASCII character
    /// or `(` is not judged here.
    static func mayOpenWithLabel(_ node: HTMLNode, _ labels: [[UInt8]]) -> Bool {
        var word: [UInt8] = []
        word.reserveCapacity(4)
        var done = false
        openingWord(node, into: &word, done: &done)
        if word.isEmpty || word[0] == UInt8(ascii: "(") { return true }
        for l in labels {
            let n = min(l.count, word.count)
            if l[..<n].elementsEqual(word[..<n]) { return true }
        }
        return false
    }

    private static func openingWord(_ n: HTMLNode, into word: inout [UInt8], done: inout Bool) {
        for c in n.children {
            if done { return }
            switch c.kind {
            case .text:
                for b in c.text.utf8 {
                    let space = b == 0x20 || (b >= 0x09 && b <= 0x0D)
                    if word.isEmpty && space { continue }
                    if space || b >= 0x80 { done = true; return }
                    word.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                    if word.count == 4 || b == UInt8(ascii: "(") { done = true; return }
                }
            case .comment:
                continue
            default:
                openingWord(c, into: &word, done: &done)
            }
        }
    }

    static let creditLineTags: Set<String> = ["p", "div", "figcaption", "li", "small", "cite", "h4", "h5", "h6"]

    /// A block that is only a source or picture credit: under 100 characters, opening (after
    /// an optional `(`) with one of `creditLabels` as a whole word.
    static func isCreditLine(_ node: HTMLNode) -> Bool {
        guard creditLineTags.contains(node.name) else { return false }
        if !mayOpenWithLabel(node, creditLabelBytes) || node.hasMoreCharacters(than: 100) { return false }
        var text = Substring(node.innerText().trimmedWhitespace)
        guard !text.isEmpty, text.count <= 100 else { return false }
        if text.hasPrefix("(") { text = text.dropFirst() }
        let lower = text.lowercased()
        for label in creditLabels where lower.hasPrefix(label) {
            let rest = lower.dropFirst(label.count)
            if let next = rest.first, next.isLetter || next.isNumber { continue }
            // A label that says what follows ("photograph by", "©") stands alone; any other
            // must be followed by a colon ("Quelle: ...", "Foto : ..."), so that prose
            // opening with the same word ("Sources close to the mayor say ...", "Credit card
            // payments ...") and a heading over a list of sources stay.
            if label.hasSuffix(" by") || label == "©" || rest.drop(while: { $0 == " " }).first == ":" { return true }
        }
        return false
    }

    // MARK: - Article leads

    private static let leadWords = [
        "lead", "intro", "teaser", "subtitle", "subheadline", "deck", "standfirst", "excerpt", "summary", "abstract",
        "description", "bajada",
    ]
    private static let leadKeywords = Keywords(leadWords.joined(separator: "|"))

    /// A class/id token naming an article's lead: the whole token (`lead`, `intro`,
    /// `standfirst`), a last part (`article-lead`, `entry__subtitle`, `field--name-field-abstract`)
    /// or the word followed by `text`, `paragraph`, `copy`, `content` or `field`
    /// (`teaser-text`, `IntroText`, `c-page-intro__copy`).
    static func isLeadToken(_ t: Substring) -> Bool {
        for w in leadWords {
            if t == w { return true }
            guard let r = t.range(of: w, options: .backwards) else { continue }
            let before = t[..<r.lowerBound], after = t[r.upperBound...]
            let separated = before.isEmpty || before.last == "-" || before.last == "_"
            if after.isEmpty && separated { return true }
            var tail = after
            while tail.first == "-" || tail.first == "_" { tail = tail.dropFirst() }
            if !after.isEmpty && ["text", "paragraph", "copy", "content", "field"].contains(String(tail)) { return true }
        }
        return false
    }

    /// Whether `node` is named as the article's lead (standfirst, intro, deck).
    static func isNamedLead(_ node: HTMLNode) -> Bool {
        guard node.kind == .element, !["a", "li", "ul", "ol", "nav", "form", "button", "img"].contains(node.name) else {
            return false
        }
        let all = names(node)
        if all.allSatisfy({ $0 == " " }) { return false }
        guard leadKeywords.matches(all) else { return false }
        return tokens(node).contains(where: isLeadToken)
    }
}
