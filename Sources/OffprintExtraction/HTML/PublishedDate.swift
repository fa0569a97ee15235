// PublishedDate: the publication date of a page when its head names none in the places
// Readability reads (docs/extraction.md, "Metadata"). Looks, in order of reliability, at more
// <meta> names (and the modification time as a last meta resort), any JSON-LD object's
// datePublished/dateCreated, <time datetime>, a /yyyy/mm/dd/ path in the canonical URL, and
// finally dates written in elements whose class or id says they hold a date. The approach
// follows htmldate (trafilatura's date finder): structured sources first, text last, and only
// plausible dates (years 1995 to next year).
import Foundation
import OffprintXML

enum PublishedDate {
    /// `<meta name|property|itemprop>` values that name the publication date.
    static let metaNames: Set<String> = [
        "date", "pubdate", "publishdate", "publish-date", "publish_date", "datepublished", "date_published",
        "article:published_time", "article:published", "og:published_time", "og:article:published_time",
        "published_time", "publication_date", "publicationdate", "sailthru.date", "dc.date", "dc.date.issued",
        "dc.date.created", "dcterms.created", "dcterms.date", "dcterms.issued", "citation_publication_date",
        "citation_date", "originalpublicationdate", "article.published", "article_date_original", "release_date",
        "created", "date.created", "datecreated", "bt:pubdate", "parsely-pub-date", "cxenseparse:recs:publishtime",
    ]
    /// Modification times: better than nothing when no publication date is found anywhere.
    static let modifiedNames: Set<String> = [
        "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified", "lastmod",
    ]

    /// The publication date found in `doc`, as written (ISO 8601 when it came from text).
    static func find(in doc: HTMLNode, canonical: String?) -> String? {
        var modified: String?
        for meta in doc.elements(in: ["meta"]) {
            guard let content = meta.attribute("content")?.trimmedWhitespace, !content.isEmpty else { continue }
            for attr in ["name", "property", "itemprop", "http-equiv"] {
                guard let key = meta.attribute(attr)?.lowercased().trimmedWhitespace else { continue }
                if metaNames.contains(key), plausible(content) { return content }
                if modified == nil && modifiedNames.contains(key) && plausible(content) { modified = content }
            }
        }
        if let d = jsonLDDate(doc) { return d }
        for time in doc.elements(in: ["time"]) {
            if let dt = time.attribute("datetime")?.trimmedWhitespace, plausible(dt) { return dt }
        }
        // Elements marked up as the publication date.
        for el in doc.elements(in: ["span", "div", "p", "abbr", "time", "li", "small", "em"]) {
            if let ip = el.attribute("itemprop")?.lowercased(), ip == "datepublished" || ip == "datecreated" {
                if let c = el.attribute("content") ?? el.attribute("datetime"), plausible(c) { return c }
                if let d = dateInText(el.textContent) { return d }
            }
        }
        if let c = canonical, let d = dateInURL(c) { return d }
        if let d = dateInMarkedElements(doc) { return d }
        if let d = dateInShortElements(doc) { return d }
        if let d = dateOpeningParagraph(doc) { return d }
        return modified
    }

    /// The date the page shows for a UTC timestamp (`2022-11-06T23:00:00.000Z`, `...+00:00`)
    /// when it is the day before or after the timestamp's UTC date: the reader's local date,
    /// which is what the page states (`7. November 2022`). Nil when the page shows no date in
    /// an element marked as one, or a date further away.
    static func visibleLocalDate(for timestamp: String, in doc: HTMLNode) -> String? {
        guard let m = utcTimestamp.firstMatch(timestamp), let day = m[1],
              let hour = m[2].flatMap({ Int($0) }) else { return nil }
        // Only a time near midnight can be another day where the page is read: the next day
        // from 21:00 UTC (European offsets), the day before until 08:00 UTC (the Americas).
        // (Tested before the day is parsed: a DateFormatter is slow to make.)
        guard hour >= 21 || hour < 8, let date = isoDay(day) else { return nil }
        guard let shown = dateInMarkedElements(doc), let shownDate = isoDay(shown) else { return nil }
        let delta = shownDate.timeIntervalSince(date)
        if hour >= 21 && delta == 86_400 { return shown }
        if hour < 8 && delta == -86_400 { return shown }
        return nil
    }

    /// A timestamp in UTC with a time of day: `2019-10-18T22:04:00Z`, `2022-05-04T03:37:37+00:00`.
    static let utcTimestamp = Pattern("^(\\d{4}-\\d{2}-\\d{2})T(\\d{2}):\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]00:?00)$")

    private static func isoDay(_ s: String) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.date(from: String(s.prefix(10)))
    }

    // MARK: - Sources

    /// `datePublished` (else `dateCreated`, `uploadDate`) of any object in any JSON-LD block.
    static func jsonLDDate(_ doc: HTMLNode) -> String? {
        for script in doc.elements(in: ["script"]) {
            guard (script.attribute("type") ?? "").lowercased().contains("ld+json") else { continue }
            let text = script.textContent
            for key in ["\"datePublished\"", "\"dateCreated\"", "\"uploadDate\""] {
                if let v = stringValue(after: key, in: text), plausible(v) { return v }
            }
        }
        return nil
    }

    /// The string value following `"key"` and a colon in JSON text.
    private static func stringValue(after key: String, in text: String) -> String? {
        guard let r = text.range(of: key) else { return nil }
        var rest = text[r.upperBound...].drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        guard rest.first == ":" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        guard rest.first == "\"" else { return nil }
        let value = rest.dropFirst().prefix(while: { $0 != "\"" })
        return value.isEmpty ? nil : String(value).trimmedWhitespace
    }

    /// `/2019/10/18/` (or `/2019-10-18/`) in a URL path.
    static func dateInURL(_ url: String) -> String? {
        let parts = url.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "_" || $0 == "." })
        var i = 0
        while i + 2 < parts.count {
            if parts[i].count == 4, let y = Int(parts[i]), let m = Int(parts[i + 1]), let d = Int(parts[i + 2]),
               parts[i + 1].count <= 2, parts[i + 2].count <= 2, let iso = iso(y, m, d) {
                return iso
            }
            i += 1
        }
        return nil
    }

    static let dateHints = Keywords("date|time|publish|posted|meta|byline|entry-info|dateline|post-info|article-info|submitted|datum|fecha")
    /// `publication`, `publicado`, `publicación`: a date hint, except on a link (a link's
    /// `Publication` class names the document it leads to).
    static let publicationHints = Keywords("publica")
    static let dateAvoid = Keywords("comment|update|modif|footer|sidebar|related|widget|calendar|archive")

    /// A date written in the first elements whose class or id mentions a date.
    static func dateInMarkedElements(_ doc: HTMLNode) -> String? {
        guard let body = doc.firstElement(named: "body") else { return nil }
        var checked = 0
        for el in body.descendants() {
            let hint = (el.attribute("class") ?? "") + " " + (el.attribute("id") ?? "")
            guard hint.count > 1, dateHints.matches(hint) || (el.name != "a" && publicationHints.matches(hint)),
                  !dateAvoid.matches(hint) else { continue }
            let text = el.textContent
            guard text.utf8.count < 300, !inSiteChrome(el) else { continue }
            if let d = dateInText(text, shortYear: true) { return d }
            checked += 1
            if checked > 40 { break }
        }
        return nil
    }

    /// A date that is an element's whole text, give or take a time and a short label
    /// (`<span>06.12.2022</span>`, `Datum: 03.11.2021`, `24.01.2022 11:38`, `Stand -
    /// 12.11.2021`), in an element that has only text in it; or a date (after at most a label
    /// with a colon) that opens a line of up to 60 characters and 30 letters with markup in
    /// it (`<h5>Datum:</h5>03.11.2021`, `02.02.2022 • Presse, Allgemein`). Not in a comment,
    /// footer, sidebar or other region `dateAvoid` names, nor in the site's chrome; of several,
    /// the one nearest the first `h1` (teasers of other articles carry dates too), else the
    /// first. htmldate's last resort.
    static func dateInShortElements(_ doc: HTMLNode) -> String? {
        guard let body = doc.firstElement(named: "body") else { return nil }
        let all = body.descendants()
        let h1Index = all.firstIndex { $0.kind == .element && $0.name == "h1" }
        var found: [(Int, String)] = []
        for (i, el) in all.enumerated() where el.kind == .element {
            guard !el.children.isEmpty, !notDateHolders.contains(el.name) else { continue }
            let textOnly = el.children.allSatisfy({ $0.kind != .element || $0.name == "br" })
            // Most elements hold far more than 60 characters: tell so without building their text.
            guard !keepsMoreBytes(than: 60, el) else { continue }
            // Every date `dateInText` reads has a number in ASCII digits (the labelled form
            // passes its lead to it too): no digit, no date, and no text is built.
            guard hasASCIIDigit(el) else { continue }
            let text = el.textContent.normalizedSpace
            guard text.utf8.count >= 8, text.utf8.count <= 60 else { continue }
            var date: String?
            // Two-digit years not in headings: `Version 23.11.02 ist da` is a version number.
            let shortYear = !ReaderRules.headings.contains(el.name)
            // Letters counted up to 31 (all that the tests below tell apart), no string built.
            var letters = 0
            if text.utf8.allSatisfy({ $0 < 0x80 }) {
                // ASCII: the letters are A-Z and a-z.
                for b in text.utf8 where (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
                    letters += 1
                    if letters > 30 { break }
                }
            } else {
                for ch in text where ch.isLetter {
                    letters += 1
                    if letters > 30 { break }
                }
            }
            if textOnly, text.utf8.count <= 40, letters <= 20, let d = dateInText(text, shortYear: shortYear) {
                date = d
            } else if el.name != "a", letters <= 30,
                      let lead = labelledDate.firstMatch(text)?[1], let d = dateInText(lead, shortYear: shortYear) {
                // Markup inside, or more words, when the date (or a label with a colon) opens
                // the text: `<h5>Datum: </h5>03.11.2021`, `<li><span>Datum:</span>26. Januar
                // 2022</li>`, `<small><span class="icon"></span> 02.02.2022 • Presse</small>`.
                date = d
            }
            guard let d = date else { continue }
            var avoid = false
            var a: HTMLNode? = el
            var level = 0
            while let n = a, level < 8 {
                let hint = (n.attribute("class") ?? "") + " " + (n.attribute("id") ?? "")
                if n.name == "footer" || n.name == "aside" || (hint.count > 1 && dateAvoid.matches(hint)) { avoid = true; break }
                a = n.parent
                level += 1
            }
            guard !avoid && !inSiteChrome(el) else { continue }
            found.append((i, d))
        }
        // The candidate nearest the page's first h1 (the article's title), not a teaser's
        // elsewhere; without an h1, the first.
        guard let first = found.first else { return nil }
        guard let h = h1Index else { return first.1 }
        return found.min { abs($0.0 - h) < abs($1.0 - h) }!.1
    }

    /// Whether `node`'s text, with its white space normalised (`normalizedSpace`), is longer
    /// than `limit` UTF-8 bytes, decided from the bytes that normalising always keeps and
    /// stopping as soon as they pass `limit`: those of the scalars `TextSpan.plainScalarLength`
    /// names (printable ASCII, Latin, Cyrillic, kana, CJK ideographs, Hangul syllables), none
    /// of which is white space or joins a preceding space's grapheme. False when unsure.
    static func keepsMoreBytes(than limit: Int, _ node: HTMLNode) -> Bool {
        var kept = 0
        return keptBytes(node, limit, &kept)
    }

    /// `keepsMoreBytes`' walk: adds the kept bytes of `n`'s text to `kept`, true once past `limit`.
    private static func keptBytes(_ n: HTMLNode, _ limit: Int, _ kept: inout Int) -> Bool {
        if n.kind == .text {
            var text = n.text
            var k = kept
            let over = text.withUTF8 { b -> Bool in
                var i = 0
                while i < b.count {
                    let plain = TextSpan.plainScalarLength(b, i)
                    k += plain
                    if k > limit { return true }
                    i += max(plain, 1)
                }
                return false
            }
            kept = k
            return over
        }
        guard n.kind == .element || n.kind == .document else { return false }
        return n.withChildren { children in
            for c in children where keptBytes(c, limit, &kept) { return true }
            return false
        }
    }

    /// Whether the text of `node` (`textContent`: comments left out) has an ASCII digit.
    static func hasASCIIDigit(_ node: HTMLNode) -> Bool {
        node.withChildren { children in
            for c in children {
                switch c.kind {
                case .text:
                    var text = c.text
                    if text.withUTF8({ $0.contains { $0 >= 0x30 && $0 <= 0x39 } }) { return true }
                case .element, .document:
                    if hasASCIIDigit(c) { return true }
                case .comment:
                    continue
                }
            }
            return false
        }
    }

    /// A text that opens with a date, after at most a short label and a colon (`Datum: 03.11.2021`).
    static let labelledDate = Pattern("^(?:\\p{L}[\\p{L} ]{0,20}:\\s*)?(\\d{1,2}\\.\\s?(?:\\d{1,2}\\.|\\p{L}{3,}\\.?\\s)\\s?\\d{2,4}(?!\\d)|\\d{4}-\\d{2}-\\d{2}|\\p{L}{3,}\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4})")

    /// A day-first date that opens a paragraph, the dateline of a press release or news item
    /// (`29.11.2022 – Mehrfach und vehement ...`, `27.1.2022 - Bei der ...`, `01. November
    /// 2021 | Naturschutz`): the first of the body's first 20 paragraphs with text that starts
    /// with a whole date and goes on for 25 characters or more, outside the regions
    /// `dateAvoid` names and the site's chrome, and not next to another paragraph that opens
    /// with a date (a chronology's entries).
    static func dateOpeningParagraph(_ doc: HTMLNode) -> String? {
        guard let body = doc.firstElement(named: "body") else { return nil }
        var paragraphs: [(HTMLNode, String)] = []
        for p in body.elements(in: ["p"]) {
            let text = p.textContent.normalizedSpace
            guard !text.isEmpty else { continue }
            paragraphs.append((p, text))
            if paragraphs.count > 21 { break }
        }
        func opensWithDate(_ j: Int) -> Bool {
            j >= 0 && j < paragraphs.count && openingDate.firstMatch(paragraphs[j].1) != nil
        }
        for (j, (p, text)) in paragraphs.prefix(20).enumerated() {
            guard text.utf8.count >= 25, let lead = openingDate.firstMatch(text)?[0],
                  let d = dateInText(lead) else { continue }
            // Next to another paragraph that opens with a date, it is an entry of a chronology
            // (`14.03.2011 – ...`, `30.06.2011 – ...`), not the article's dateline.
            if opensWithDate(j - 1) || opensWithDate(j + 1) { continue }
            var avoid = false
            var a: HTMLNode? = p
            while let n = a, n.name != "body" {
                let hint = (n.attribute("class") ?? "") + " " + (n.attribute("id") ?? "")
                if n.name == "footer" || n.name == "aside" || (hint.count > 1 && dateAvoid.matches(hint)) { avoid = true; break }
                a = n.parent
            }
            if !avoid && !inSiteChrome(p) { return d }
        }
        return nil
    }

    /// `29.11.2022`, `27.1.2022`, `01. November 2021` at the start of a text, then a non-digit.
    static let openingDate = Pattern("^\\d{1,2}\\.\\s?(?:\\d{1,2}\\.|\\p{L}{3,}\\.?\\s)\\s?\\d{4}(?!\\d)")

    /// Elements whose text is never a shown date (code, styles, form controls).
    private static let notDateHolders: Set<String> = ["script", "style", "noscript", "template", "option", "select", "textarea"]

    /// Class/id words of a site's own bar or header, where a page shows today's date.
    static let chromeHints = Keywords("masthead|topbar|top-bar|navbar|toolbar|site-header|global-header|page-header")

    /// Whether `el` is in the site's navigation or masthead rather than the article: under a
    /// `nav`, a `header` or an element whose class/id names a masthead or top bar, none of
    /// which holds the `h1` (an article's own header holds its title). A date there is the day the page
    /// was saved (`<div class="topbar"><span>29.11.2026</span></div>`), not the article's.
    static func inSiteChrome(_ el: HTMLNode) -> Bool {
        var a: HTMLNode? = el
        var chrome = false
        while let n = a, n.name != "body" {
            let hint = (n.attribute("class") ?? "") + " " + (n.attribute("id") ?? "")
            if n.name == "nav" || n.name == "header" || (hint.count > 1 && chromeHints.matches(hint)) {
                // Any such region around the date that holds the h1 is the article's header.
                if n.firstElement(named: "h1") != nil { return false }
                chrome = true
            }
            a = n.parent
        }
        return chrome
    }

    // MARK: - Parsing

    static let months: [String: Int] = {
        var m: [String: Int] = [:]
        let lists: [[String]] = [
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
            ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
            ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
            ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
            ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
            ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"],
            ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
            ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
            ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"],
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
            ["jänner", "feber", "mär", "sept", "okt", "dez", "janv", "févr", "avr", "juil", "déc", "ene", "dic", "sept."],
        ]
        for list in lists.prefix(11) { for (i, name) in list.enumerated() where m[name] == nil { m[name] = i + 1 } }
        let extra: [String: Int] = ["jänner": 1, "feber": 2, "mär": 3, "sept": 9, "okt": 10, "dez": 12, "janv": 1,
                                    "févr": 2, "avr": 4, "juil": 7, "déc": 12, "ene": 1, "dic": 12, "mrz": 3]
        for (k, v) in extra where m[k] == nil { m[k] = v }
        return m
    }()

    /// The first plausible date written in `text`: `2019-10-18`, `18.10.2019`, `2019/10/18`,
    /// `18 October 2019`, `18. Oktober 2019`, `October 18, 2019`, `18 de octubre de 2019`,
    /// `December 29th 2019`, `15 августа 2016`; with `shortYear`, also `23.09.22` (two digits
    /// each, dots, no number joined on either side), for dates in elements marked as dates.
    static func dateInText(_ text: String, shortYear: Bool = false) -> String? {
        // Tokens: runs of letters, runs of digits; separators remembered.
        var tokens: [(String, Bool)] = []   // (token, isNumber)
        var seps: [String] = []             // separator before each token
        var cur = "", curIsNum = false, sep = ""
        for ch in text.lowercased() {
            let isNum = ch.isASCII && ch.isNumber
            let isLetter = ch.isLetter
            if isNum || isLetter {
                if !cur.isEmpty && isNum != curIsNum {
                    tokens.append((cur, curIsNum)); seps.append(sep); sep = ""; cur = ""
                }
                if cur.isEmpty { curIsNum = isNum }
                cur.append(ch)
            } else {
                if !cur.isEmpty { tokens.append((cur, curIsNum)); seps.append(sep); sep = ""; cur = "" }
                sep.append(ch)
            }
            if tokens.count > 200 { break }
        }
        if !cur.isEmpty { tokens.append((cur, curIsNum)); seps.append(sep) }
        // An ordinal suffix belongs to its day (`December 29th 2019`, `1st May 2020`, `1er mai`).
        var k = 1
        while k < tokens.count {
            if !tokens[k].1, seps[k].isEmpty, tokens[k - 1].1, tokens[k - 1].0.count <= 2,
               ["st", "nd", "rd", "th", "er"].contains(tokens[k].0) {
                let after = k + 1 < seps.count ? seps[k + 1] : ""
                tokens.remove(at: k); seps.remove(at: k)
                if k < seps.count { seps[k] = after }
            } else {
                k += 1
            }
        }
        func num(_ i: Int) -> Int? { i < tokens.count && tokens[i].1 ? Int(tokens[i].0) : nil }
        func month(_ i: Int) -> Int? { i < tokens.count && !tokens[i].1 ? months[tokens[i].0] : nil }
        var i = 0
        while i < tokens.count {
            if let a = num(i) {
                let la = tokens[i].0.count
                if la == 4, let m = num(i + 1), let d = num(i + 2),
                   ["-", "/", "."].contains(seps[i + 1].trimmedWhitespace), let r = iso(a, m, d) { return r }
                if la <= 2, let m = num(i + 1), let y = num(i + 2), tokens[i + 2].0.count == 4,
                   [".", "/", "-"].contains(seps[i + 1].trimmedWhitespace), let r = iso(y, m, a) { return r }
                if la <= 2, let m = month(i + 1), let y = num(i + 2), tokens[i + 2].0.count == 4, let r = iso(y, m, a) {
                    return r
                }
                // 23.09.22: two digits each, dots, nothing numeric around (not a version number).
                if shortYear, la == 2, let m = num(i + 1), let y = num(i + 2), tokens[i + 1].0.count == 2,
                   tokens[i + 2].0.count == 2, seps[i + 1] == ".", seps[i + 2] == ".",
                   i == 0 || !(tokens[i - 1].1 && seps[i].hasSuffix(".")),
                   i + 3 >= tokens.count || !(tokens[i + 3].1 && seps[i + 3].hasPrefix(".")),
                   let r = iso(2000 + y, m, a) {
                    return r
                }
                // 18 de octubre de 2019
                if la <= 2, i + 4 < tokens.count, tokens[i + 1].0 == "de", let m = month(i + 2),
                   tokens[i + 3].0 == "de", let y = num(i + 4), let r = iso(y, m, a) { return r }
            } else if let m = month(i), let d = num(i + 1), tokens[i + 1].0.count <= 2, let y = num(i + 2),
                      tokens[i + 2].0.count == 4, let r = iso(y, m, d) {
                return r
            }
            i += 1
        }
        return nil
    }

    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1995...currentYear + 1).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    static let currentYear = Calendar(identifier: .gregorian).component(.year, from: Date())

    /// Whether a meta value looks like a date in the plausible range.
    static func plausible(_ s: String) -> Bool {
        let digits = s.prefix(4)
        if digits.count == 4, let y = Int(digits) { return (1995...currentYear + 1).contains(y) }
        return normalize(s) != nil
    }

    // MARK: - Normalising

    /// `s` as ISO 8601 (`YYYY-MM-DD[Thh:mm[:ss][±hh:mm]]`), or nil when it holds no date.
    /// A value that already starts with a well-formed ISO date passes through unchanged;
    /// unpadded (`2022-1-26T14:32:06+02:00`) and space-separated (`2022-12-30 13:49:50
    /// +0100`) ISO forms are rewritten; RFC 2822 (`Tue, 28 Jan 2020 15:28:56 +0100`) and
    /// Java's `Date.toString` (`Tue Jan 28 15:28:56 CET 2020`) keep their local date and
    /// time; other forms give the first date written in them (`01-11-2023 10:29`,
    /// `Di., 25.01.2022 - 14:45`, `October 18, 2019`), day first when numeric.
    static func normalize(_ raw: String) -> String? {
        let s = raw.trimmedWhitespace
        if let m = firstMatch(wellFormedISO, s), m.range.location != NSNotFound { return s }
        if let m = firstMatch(looseISO, s) {
            let g = groups(m, s)
            guard let y = Int(g[1] ?? ""), let mo = Int(g[2] ?? ""), let d = Int(g[3] ?? ""),
                  var out = iso(y, mo, d) ?? isoAnyYear(y, mo, d) else { return nil }
            if let h = g[4].flatMap({ Int($0) }), let mi = g[5] {
                out += String(format: "T%02d:", h) + mi
                if let sec = g[6] { out += ":" + sec }
                out += zone(g[7])
            }
            return out
        }
        if let m = firstMatch(rfc2822, s) {
            let g = groups(m, s)
            if let d = Int(g[1] ?? ""), let mo = months[(g[2] ?? "").lowercased()], let y = Int(g[3] ?? ""),
               var out = isoAnyYear(y, mo, d) {
                out += "T" + (g[4] ?? "00:00")
                if let sec = g[5] { out += ":" + sec }
                return out + zone(g[6])
            }
        }
        if let m = firstMatch(javaDate, s) {
            let g = groups(m, s)
            if let mo = months[(g[1] ?? "").lowercased()], let d = Int(g[2] ?? ""), let y = Int(g[4] ?? ""),
               let out = isoAnyYear(y, mo, d) {
                return out + "T" + (g[3] ?? "00:00:00")
            }
        }
        // Numeric dates with slashes are read month first, as the DateFormatter forms did,
        // with or without a time (`05/06/2022 10:30` is 6 May as `05/06/2022` is).
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        // (DateFormatter is lenient about separators, so the slash forms are tried only on a
        // value with a slash: `01-11-2023 10:29` stays day first.)
        let slashed = s.contains("/") ? ["yyyy/MM/dd", "yyyy/MM/dd HH:mm:ss", "MM/dd/yyyy HH:mm:ss", "MM/dd/yyyy HH:mm",
                                         "MM/dd/yyyy h:mm a", "MM/dd/yyyy"] : []
        for format in ["MMMM d, yyyy", "MMM d, yyyy"] + slashed {
            f.dateFormat = format
            if let d = f.date(from: s) {
                let iso = ISO8601DateFormatter()
                iso.timeZone = TimeZone(identifier: "UTC")
                return iso.string(from: d)
            }
        }
        return dateInText(s)
    }

    /// `2019-10-18` at the start, then the end or `T`.
    private static let wellFormedISO = try! NSRegularExpression(pattern: "^\\d{4}-\\d{2}-\\d{2}(?:T|$)")
    /// `2022-1-26T14:32:06+02:00`, `2022-5-5 22:17:36`, `2022-12-30 13:49:50 +0100`.
    private static let looseISO = try! NSRegularExpression(pattern:
        "^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?)?")
    /// `Tue, 28 Jan 2020 15:28:56 +0100`, `28 Jan 2020 15:28 GMT`.
    private static let rfc2822 = try! NSRegularExpression(pattern:
        "^(?:[A-Za-z]{3},?\\s+)?(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\s+(\\d{4})(?:\\s+(\\d{2}:\\d{2})(?::(\\d{2}))?\\s*(Z|GMT|UT|UTC|[+-]\\d{2}:?\\d{2})?)?",
        options: [])
    /// `Tue Jan 28 15:28:56 CET 2020`.
    private static let javaDate = try! NSRegularExpression(pattern:
        "^[A-Za-z]{3}\\s+([A-Za-z]{3})\\s+(\\d{1,2})\\s+(\\d{2}:\\d{2}:\\d{2})\\s+[A-Za-z]{2,5}\\s+(\\d{4})$")

    private static func firstMatch(_ re: NSRegularExpression, _ s: String) -> NSTextCheckingResult? {
        re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s))
    }

    private static func groups(_ m: NSTextCheckingResult, _ s: String) -> [String?] {
        (0..<m.numberOfRanges).map { i in Range(m.range(at: i), in: s).map { String(s[$0]) } }
    }

    /// `Z`, `+01:00` from `Z`, `+0100`, `+01:00`; empty for none.
    private static func zone(_ z: String?) -> String {
        guard let z, !z.isEmpty else { return "" }
        if ["Z", "GMT", "UT", "UTC"].contains(z) { return "Z" }
        let digits = z.dropFirst().filter(\.isNumber)
        guard digits.count == 4 else { return "" }
        return String(z.prefix(1)) + digits.prefix(2) + ":" + digits.suffix(2)
    }

    /// `iso(_:_:_:)` without the plausible-year range (a date the page states as such).
    private static func isoAnyYear(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1...9999).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}
