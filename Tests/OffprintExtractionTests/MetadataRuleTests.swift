// Metadata rules (docs/extraction.md, "Metadata"): one test per rule class, with values seen
// on real pages.
import Foundation
@testable import OffprintExtraction
import OffprintXML
import Testing

@Suite("Metadata rules")
struct MetadataRuleTests {
    static let paragraph = "<p>The committee met on Tuesday to review the proposal for the new reading room. Members agreed that the collection should be open to the public every weekday, and that the catalogue must be searchable offline.</p>"

    @Test("bylines: a trailing publication date is removed", arguments: [
        ("eseppelt · 31. Oktober 2023", "eseppelt"),
        ("MORITZ GATHMANN am 21. April 2020", "MORITZ GATHMANN"),
        ("Isabella.DiBiase am Samstag, 19. Oktober 2019", "Isabella.DiBiase"),
        ("Nicole Collignon22. Februar 2020", "Nicole Collignon"),
        ("Poppy Reid Feb 21, 2020", "Poppy Reid"),
        ("lupa am 26/10/13, 03:48 pm", "lupa"),
        ("John Walk - January 10, 2020 21 min read", "John Walk"),
    ])
    func trailingDate(raw: String, name: String) {
        #expect(BylineText.clean(raw) == name)
    }

    @Test("bylines: lead-in labels are removed", arguments: [
        ("Von:Moritz Pieczewski-Freimuth", "Moritz Pieczewski-Freimuth"),
        ("Auteur: Anna Kubišta", "Anna Kubišta"),
        ("Erstellt von Andri Bryner", "Andri Bryner"),
        ("Zeige alle Beiträge von Simon Dückert →", "Simon Dückert"),
        ("Über Luis Holuch 257 Artikel", "Luis Holuch"),
        ("Datum: 19.11.2021 Autor: Fritz Imhof", "Fritz Imhof"),
        ("By Jane Doe", "Jane Doe"),
    ])
    func leadIn(raw: String, name: String) {
        #expect(BylineText.clean(raw) == name)
    }

    @Test("bylines: punctuation left before the name and quotes around it are removed", arguments: [
        (": Joe S.", "Joe S."),
        (", par Attac France", "Attac France"),
        ("'Luana Patriolino, Raphael Felice'", "Luana Patriolino, Raphael Felice"),
        ("“Jane Doe”", "Jane Doe"),
        ("– Maria Muster", "Maria Muster"),
        // Quotes that are part of the name stay: a nickname, an apostrophe.
        ("Dwayne 'The Rock' Johnson", "Dwayne 'The Rock' Johnson"),
        ("'t Hooft, Gerard", "'t Hooft, Gerard"),
        ("Sadhbh O'Sullivan", "Sadhbh O'Sullivan"),
        // The quotes go before the other rules look: a lead-in inside them, punctuation inside them.
        ("'Written by Jane Doe'", "Jane Doe"),
        ("«Von Hans Meier»", "Hans Meier"),
        ("': Jane'", "Jane"),
    ])
    func leadingPunctuationAndQuotes(raw: String, name: String) {
        #expect(BylineText.clean(raw) == name)
    }

    @Test("bylines: quoted or dashed companies, hosts, labels and comment headings are still no byline", arguments: [
        "'Example GmbH'", "'Nordex SE'", "'www.example.com'", "\"kath.net\"", "- www.example.com",
        "- Unknown", "'Posted'", "Name *", ": Peter sagt:", "– Peter sagt:", "- Jane Doe:",
    ])
    func wrappedNonNames(raw: String) {
        #expect(BylineText.clean(raw) == nil)
    }

    @Test("bylines: labels and bare dates are no byline", arguments: [
        "Posted on", "Publiziert am", "Veröffentlicht am", "Name *", "Name (erforderlich)", "Alle Beiträge",
        "09.10.2021", "Jun 18th 2018", "Donnerstag, 4. November 2021", "Peter sagt:",
    ])
    func labels(raw: String) {
        #expect(BylineText.clean(raw) == nil)
    }

    @Test("bylines: a label that the date explains stays whole; names stay as written")
    func keptWhole() {
        #expect(BylineText.clean("Last Updated: January 7, 2025") == "Last Updated: January 7, 2025")
        #expect(BylineText.clean("Follow Author") == "Follow Author")
        #expect(BylineText.clean("Theresa May") == "Theresa May")
        #expect(BylineText.clean("Bruno (Henrique Zecchin) Rodrigues") == "Bruno (Henrique Zecchin) Rodrigues")
    }

    @Test("bylines: the rule applies to the byline element found in the page")
    func bylineElement() throws {
        let html = """
        <html><head><title>A long enough article title here</title></head><body><article>
        <div class="byline">MORITZ GATHMANN am 21. April 2020</div>
        \(Self.paragraph)\(Self.paragraph)\(Self.paragraph)</article></body></html>
        """
        let a = try Extractor.extract(html: Data(html.utf8), url: nil, baseDirectory: nil)
        #expect(a.metadata.byline == "MORITZ GATHMANN")
    }
}

@Suite("Metadata rules: organisation and host bylines")
struct BylineSourceTests {
    @Test("a company, an association or a host name is no byline", arguments: [
        "wegewerk GmbH", "NATURSTROM AG", "Deutscher Caritasverband e. V.", "Hanns-Seidel-Stiftung e.V.",
        "Olympia-Verlag GmbH, Nürnberg, Germany", "www.haufe.de", "kath.net", "FLVW.de", "facebook.com/vegolosi",
        "publisher", "No Author",
    ])
    func notAPerson(raw: String) {
        #expect(BylineText.clean(raw) == nil)
    }

    @Test("names with dots or initials stay; a second label after the name goes", arguments: [
        ("J.R. Stone", "J.R. Stone"), ("christian.stadtfeld", "christian.stadtfeld"), ("Agencia EFE", "Agencia EFE"),
        ("Fritz ImhofQuelle: Livenet", "Fritz Imhof"), ("Katharina Schmidt Kategorien: Mode", "Katharina Schmidt"),
        ("Interview: Julia Lauter", "Julia Lauter"), ("Text und Interview: Harald Willenbrock", "Harald Willenbrock"),
        // Review findings: a legal-form word inside a longer byline, and "Anonymous" as the
        // credited author of an op-ed, are bylines.
        ("Sarah Jones, SE Asia correspondent", "Sarah Jones, SE Asia correspondent"), ("Anonymous", "Anonymous"),
    ])
    func kept(raw: String, name: String) {
        #expect(BylineText.clean(raw) == name)
    }

    @Test("a JSON-LD author given as an @id reference is the name of that object in the @graph")
    func jsonLDAuthorReference() throws {
        func byline(_ author: String) throws -> String? {
            let html = """
            <html><head><title>A long enough article title here</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"Article","@id":"https://example.com/a/#article","author":\(author),"headline":"A long enough article title here"},
            {"@type":"Person","@id":"https://example.com/#/schema/person/1","name":"Evan Symon"},
            {"@type":"Person","@id":"https://example.com/#/schema/person/2","name":"Jane Doe"}]}</script>
            </head><body><article>\(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)</article></body></html>
            """
            return try Extractor.extract(html: Data(html.utf8), url: nil, baseDirectory: nil).metadata.byline
        }
        #expect(try byline("{\"@id\":\"https://example.com/#/schema/person/1\"}") == "Evan Symon")
        #expect(try byline("[{\"@id\":\"https://example.com/#/schema/person/1\"},{\"@id\":\"https://example.com/#/schema/person/2\"}]")
                == "Evan Symon, Jane Doe")
        #expect(try byline("{\"@id\":\"https://example.com/#/schema/person/9\"}") == nil)
    }

    @Test("a company as meta author gives way to the byline in the page")
    func companyMetaAuthor() throws {
        let html = """
        <html><head><title>A long enough article title here</title><meta name="author" content="wegewerk GmbH"></head>
        <body><article><div class="byline">Von Anna Beispiel</div>
        \(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)</article></body></html>
        """
        let a = try Extractor.extract(html: Data(html.utf8), url: nil, baseDirectory: nil)
        #expect(a.metadata.byline == "Anna Beispiel")
    }

    @Test("the rel=author link in the article header that holds the title is the byline; not in other headers")
    func articleHeaderAuthor() throws {
        func page(_ header: String) -> String {
            """
            <html><head><title>These Weeks in Firefox: Issue 85</title></head><body><main><article>
            \(header)<div class="entry-content">
            \(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)</div>
            </article></main></body></html>
            """
        }
        let withTitle = page("""
            <header class="entry-header"><h1 class="entry-title">These Weeks in Firefox: Issue 85</h1>
            <div class="entry-info"><address class="vcard"><a href="/author/mc/" rel="author">Mike Conley</a></address></div></header>
            """)
        let a = try Extractor.extract(html: Data(withTitle.utf8), url: nil, baseDirectory: nil)
        #expect(a.metadata.byline == "Mike Conley")
        let siteHeader = page("""
            <header class="site-header"><p>Site</p><a href="/about/" rel="author">Site Owner</a></header>
            """)
        let b = try Extractor.extract(html: Data(siteHeader.utf8), url: nil, baseDirectory: nil)
        #expect(b.metadata.byline == nil)
    }
}

@Suite("Metadata rules: titles")
struct TitleRuleTests {
    @Test("a one-word or site-name title gives way to the page's one h1", arguments: [
        ("Aktuelle", "Reparaturcafé am 31. Januar"),
        ("Home", "Time to say goodbye."),
        ("Gefahrstoff-Service", "Gefahrstoffmanagement für Hersteller, Importeure und Alleinvertreter"),
    ])
    func genericTitle(title: String, h1: String) {
        #expect(PageMetadata.replacingGenericTitle(title, siteName: nil, canonical: nil, headings: [h1]) == h1)
    }

    @Test("a site-name part that is the site name exactly goes however short the rest; several parts go")
    func siteNameSuffix() {
        #expect(PageMetadata.removingSiteName("Plejaden, M45 - Abenteuer Astronomie", siteName: "Abenteuer Astronomie",
                                              canonical: nil, headings: []) == "Plejaden, M45")
        #expect(PageMetadata.removingSiteName("Penny - Stardew Valley Wiki", siteName: nil,
                                              canonical: "https://stardewvalleywiki.com/Penny", headings: []) == "Penny")
        #expect(PageMetadata.removingSiteName("Pour le néolibéralisme, la retraite est un archaïsme | AOC media - Analyse Opinion Critique",
                                              siteName: "AOC media - Analyse Opinion Critique", canonical: nil, headings: [])
                == "Pour le néolibéralisme, la retraite est un archaïsme")
        // Only contained in the site name, and longer than the rest: kept.
        #expect(PageMetadata.removingSiteName("Penny - Stardew Valley", siteName: "Stardew Valley Wiki",
                                              canonical: nil, headings: []) == "Penny - Stardew Valley")
    }

    @Test("a kicker of at most two words before the page's h1 goes", arguments: [
        ("Chronik: Lotte Tobisch ist tot", "Lotte Tobisch ist tot"),
        ("Neu - Japanisches Mini-SUV auf dem Vormarsch", "Japanisches Mini-SUV auf dem Vormarsch"),
        ("08.11.2021 | Online-Fachtag zum Intersex Day of Remembrance", "Online-Fachtag zum Intersex Day of Remembrance"),
    ])
    func kicker(title: String, h1: String) {
        #expect(PageMetadata.removingSiteName(title, siteName: nil, canonical: nil, headings: [h1]) == h1)
    }

    @Test("a longer first part, or an h1 that is not the rest, keeps the title whole")
    func noKicker() {
        let mercurial = "Evolve: Shared Mutable History — evolve extension for Mercurial"
        #expect(PageMetadata.removingSiteName(mercurial, siteName: nil, canonical: nil,
                                              headings: ["evolve extension for Mercurial"]) == mercurial)
        #expect(PageMetadata.removingSiteName("Chronik: Lotte Tobisch ist tot", siteName: nil, canonical: nil,
                                              headings: ["Lotte Tobisch"]) == "Chronik: Lotte Tobisch ist tot")
    }

    @Test("a title part that the page's feed is named after is the site name; a post's comment feed names no site")
    func feedSiteName() throws {
        #expect(PageMetadata.removingSiteName("Uberspace und Let’s Encrypt – Am Rande der Realität", siteName: nil,
                                              canonical: nil, headings: [],
                                              feedTitles: ["Am Rande der Realität » Feed", "Am Rande der Realität » Kommentar-Feed"])
                == "Uberspace und Let’s Encrypt")
        #expect(PageMetadata.removingSiteName("Was ist Virales Marketing? | DimidoBlog", siteName: nil, canonical: nil,
                                              headings: [], feedTitles: ["DimidoBlog RSS Feed"]) == "Was ist Virales Marketing?")
        // The comment feed of this post names the post, so its parts are not the site's.
        #expect(PageMetadata.removingSiteName("Kurz - Ein langer Titel des Artikels", siteName: nil, canonical: nil,
                                              headings: [], feedTitles: ["Blog » Kurz - Ein langer Titel des Artikels Kommentare"])
                == "Kurz - Ein langer Titel des Artikels")
        #expect(PageMetadata.removingSiteName("Ein Titel des Artikels - Blog", siteName: nil, canonical: nil, headings: [])
                == "Ein Titel des Artikels - Blog")
        let html = """
        <html><head><title>Kleine Schafskunde | Mäscot das Schaf</title>
        <link rel="alternate" type="application/rss+xml" title="Mäscot das Schaf - Webcomic &raquo; Feed" href="/feed/">
        </head><body><article>\(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)</article></body></html>
        """
        let a = try Extractor.extract(html: Data(html.utf8), url: nil, baseDirectory: nil)
        #expect(a.metadata.title == "Kleine Schafskunde")
    }

    @Test("a last title part that is only a date and time goes; a date range or a short rest stays")
    func trailingDate() {
        #expect(PageMetadata.removingSiteName("So viel Regen gab es lange nicht : 31.10.2023, 10.19 Uhr", siteName: nil,
                                              canonical: nil, headings: []) == "So viel Regen gab es lange nicht")
        #expect(PageMetadata.removingSiteName("La perte des terres fertiles en Guinée | DW | 23.05.2011", siteName: "DW.COM",
                                              canonical: nil, headings: []) == "La perte des terres fertiles en Guinée")
        #expect(PageMetadata.removingSiteName("Wochenbericht 14. - 20. Januar 2022", siteName: nil, canonical: nil,
                                              headings: []) == "Wochenbericht 14. - 20. Januar 2022")
        #expect(PageMetadata.removingSiteName("Wahl - 3. März 2024", siteName: nil, canonical: nil, headings: [])
                == "Wahl - 3. März 2024")
        #expect(PageMetadata.removingSiteName("Rückblick auf das Jahr - März 2024 und mehr", siteName: nil, canonical: nil,
                                              headings: []) == "Rückblick auf das Jahr - März 2024 und mehr")
    }

    @Test("the host of og:url counts when the canonical link is relative")
    func relativeCanonical() throws {
        let html = """
        <html><head><title>La voix des nuls | ARTE Radio</title><link rel="canonical" href="/son/61661515/la_voix_des_nuls">
        <meta property="og:url" content="https://www.arteradio.com/son/61661515/la_voix_des_nuls"></head><body><article>
        \(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)</article></body></html>
        """
        let a = try Extractor.extract(html: Data(html.utf8), url: nil, baseDirectory: nil)
        #expect(a.metadata.title == "La voix des nuls")
    }

    @Test("the site name as title gives way to the h1; real titles and ambiguous h1s do not")
    func siteNameTitle() {
        #expect(PageMetadata.replacingGenericTitle("Handball Schweiz", siteName: "handball schweiz", canonical: nil,
                                                   headings: ["Cup-Vorschau: Beim BSV Stans"]) == "Cup-Vorschau: Beim BSV Stans")
        #expect(PageMetadata.replacingGenericTitle("Example", siteName: nil, canonical: "https://www.example.com/a",
                                                   headings: ["The real headline"]) == "The real headline")
        #expect(PageMetadata.replacingGenericTitle("Bürgerbeteiligung für Windpark Steinheim", siteName: nil, canonical: nil,
                                                   headings: ["Umweltfreundliche Geldanlage"]) == "Bürgerbeteiligung für Windpark Steinheim")
        #expect(PageMetadata.replacingGenericTitle("Home", siteName: nil, canonical: nil,
                                                   headings: ["First story", "Second story"]) == "Home")
        #expect(PageMetadata.replacingGenericTitle("Home", siteName: nil, canonical: nil, headings: ["Welcome"]) == "Home")
    }
}

@Suite("Metadata rules: dates")
struct DateRuleTests {
    @Test("well-formed ISO 8601 dates pass through unchanged", arguments: [
        "2021-11-01T10:52:50+0100", "2017-11-24T18:42:20.314667", "2019-10-18T17:23:34.816Z", "2015-04-30",
    ])
    func isoUnchanged(value: String) {
        #expect(PublishedDate.normalize(value) == value)
    }

    @Test("other date forms become ISO 8601", arguments: [
        ("2022-1-26T14:32:06+02:00", "2022-01-26T14:32:06+02:00"),
        ("2022-5-5 22:17:36", "2022-05-05T22:17:36"),
        ("2022-12-30 13:49:50 +0100", "2022-12-30T13:49:50+01:00"),
        ("Tue, 28 Jan 2020 15:28:56 +0100", "2020-01-28T15:28:56+01:00"),
        ("Wed, 04 May 2022 02:41:00 GMT", "2022-05-04T02:41:00Z"),
        ("Tue Jan 28 15:28:56 CET 2020", "2020-01-28T15:28:56"),
        ("Mon Oct 11 14:57:21 CEST 2021", "2021-10-11T14:57:21"),
        ("01-11-2023 10:29", "2023-11-01"),
        ("Di., 25.01.2022 - 14:45", "2022-01-25"),
        ("05/29/2007 09:49:00", "2007-05-29T09:49:00Z"),
        // Slashes are month first with or without a time (review finding: 05/06/2022 10:30 was 5 June).
        ("05/06/2022", "2022-05-06T00:00:00Z"), ("05/06/2022 10:30", "2022-05-06T10:30:00Z"),
        ("05/06/2022 5:22 pm", "2022-05-06T17:22:00Z"),
    ])
    func converted(raw: String, iso: String) {
        #expect(PublishedDate.normalize(raw) == iso)
    }

    @Test("a value with no date in it is no date")
    func noDate() {
        #expect(PublishedDate.normalize("Mo-Su 08:00-20:00") == nil)
        #expect(PublishedDate.normalize("soon") == nil)
    }

    @Test("a UTC timestamp near midnight gives way to the next or previous day the page shows; other days do not")
    func visibleLocalDate() throws {
        func page(_ meta: String, _ shown: String) -> String {
            """
            <html><head><title>A long enough article title here</title>
            <meta property="article:published_time" content="\(meta)"></head><body><article>
            <p class="date">\(shown)</p>
            \(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)</article></body></html>
            """
        }
        func date(_ html: String) throws -> String? {
            try Extractor.extract(html: Data(html.utf8), url: nil, baseDirectory: nil).metadata.publishedTime
        }
        #expect(try date(page("2021-11-04T23:00Z", "5. November 2021")) == "2021-11-05")
        #expect(try date(page("2020-02-25T02:25:54Z", "February 24, 2020")) == "2020-02-24")
        // Noon UTC is the same day everywhere the page is likely read: the meta date stays.
        #expect(try date(page("2022-01-25T12:02:53+00:00", "26.01.2022")) == "2022-01-25T12:02:53+00:00")
        // A time with its own offset is already local.
        #expect(try date(page("2021-11-04T23:00:00+01:00", "5. November 2021")) == "2021-11-04T23:00:00+01:00")
    }

    @Test("a date that is an element's whole text is the last resort; not in a footer or a comment")
    func shortDateElement() throws {
        func date(_ body: String) throws -> String? {
            let html = """
            <html><head><title>A long enough article title here</title></head><body>\(body)<article>
            \(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)</article>
            <footer><span>01.01.2020</span></footer></body></html>
            """
            return try Extractor.extract(html: Data(html.utf8), url: nil, baseDirectory: nil).metadata.publishedTime
        }
        #expect(try date("<div><span class=\"blue\">01.02.2022</span></div>") == "2022-02-01")
        #expect(try date("<p><span class=\"label\">Datum</span> <span class=\"value\">25.01.2022</span></p>") == "2022-01-25")
        #expect(try date("<div class=\"t-info\">24.01.2022 11:38</div>") == "2022-01-24")
        #expect(try date("<div class=\"comment-body\"><span>05.05.2021</span></div>") == nil)
        #expect(try date("<p>Written on 5 May 2021 in the quiet hours before the long meeting began</p>") == nil)
        // Review finding: today's date in the site's top bar or header is the day the page was
        // saved, not the article's; an article header holding the h1 still counts.
        #expect(try date("<div class=\"topbar\"><span>29.11.2026</span></div>") == nil)
        #expect(try date("<header><a href=\"/\">Site</a><span>29.11.2026</span></header>") == nil)
        #expect(try date("<nav><span>29.11.2026</span></nav>") == nil)
        #expect(try date("<div class=\"c-page-header\"><h1>The title</h1><p class=\"c-page-header__subtitle\">Site • 02.02.2022</p></div>") == "2022-02-02")
    }

    @Test("day-first dates with two-digit years, ordinals, Russian, Ukrainian and Portuguese months")
    func dateForms() {
        #expect(PublishedDate.dateInText("23.09.22", shortYear: true) == "2022-09-23")
        #expect(PublishedDate.dateInText("Von: Björn Jahner | 31.10.23", shortYear: true) == "2023-10-31")
        // Only where asked (elements marked as dates), and never inside a longer number.
        #expect(PublishedDate.dateInText("23.09.22") == nil)
        #expect(PublishedDate.dateInText("Version 1.23.09.22", shortYear: true) == nil)
        #expect(PublishedDate.dateInText("23.09.22.5", shortYear: true) == nil)
        #expect(PublishedDate.dateInText("December 29th 2019") == "2019-12-29")
        #expect(PublishedDate.dateInText("the 1st May 2020") == "2020-05-01")
        #expect(PublishedDate.dateInText("15 августа 2016, 13:43") == "2016-08-15")
        #expect(PublishedDate.dateInText("3 листопада 2021") == "2021-11-03")
        #expect(PublishedDate.dateInText("7 de março de 2020") == "2020-03-07")
    }

    @Test("a short line that opens with a date, the one nearest the h1, a paragraph's dateline")
    func datesInLines() throws {
        func date(_ body: String) throws -> String? {
            let html = """
            <html><head><title>A long enough article title here</title></head><body>\(body)<article>
            \(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)</article></body></html>
            """
            return try Extractor.extract(html: Data(html.utf8), url: nil, baseDirectory: nil).metadata.publishedTime
        }
        #expect(try date("<div><h5>Datum: </h5>03.11.2021<br><h5>Autor: </h5>Peter Muster</div>") == "2021-11-03")
        #expect(try date("<h1>Title<small><span class=\"icon\"></span> 02.02.2022 • <span>Verband, Presse</span></small></h1>") == "2022-02-02")
        #expect(try date("<div><b>Autor:</b> Peter Muster, 03.11.2021</div>") == nil)
        // A teaser's date far from the title loses to the date under the title.
        #expect(try date("<ul><li><a href=\"/a\">Other story</a></li><li><span>21.01.2022</span></li><li>x</li><li>y</li><li>z</li></ul><h1>The title</h1><p>1. Februar 2022, Daniel Muster</p>") == "2022-02-01")
        // A paragraph opening with a date: the dateline of a press release.
        #expect(try date("<h1>The title</h1><p>29.11.2022 – Mehrfach und vehement hatte die Branche gewarnt.</p>") == "2022-11-29")
        #expect(try date("<h1>The title</h1><p>01. November 2021 | Naturschutz, Verband</p>") == "2021-11-01")
        #expect(try date("<h1>The title</h1><p>Am 29.11.2022 hatte die Branche vehement gewarnt, sagt sie.</p>") == nil)
        #expect(try date("<h1>The title</h1><div class=\"comment\"><p>29.11.2022 – Ich finde das alles sehr gut so.</p></div>") == nil)
        // Review findings: paragraphs that open with dates one after another are a chronology's
        // entries, and a heading's two-digit "year" is a version number.
        #expect(try date("<h1>Chronik</h1><p>Die wichtigsten Stationen im Überblick, von der Ankündigung bis zum Beschluss.</p><p>14.03.2011 – Die Bundesregierung kündigt ein Moratorium an.</p><p>30.06.2011 – Der Bundestag beschließt den Ausstieg.</p>") == nil)
        #expect(try date("<h1>Version 23.11.02 ist da</h1><div><span>03.11.2023</span> <span>von Max Muster</span></div>") == "2023-11-03")
        #expect(try date("<h1>Version 23.11.02 ist da</h1>") == nil)
        // `publication` marks a date, but not on a link to a publication.
        #expect(try date("<div class=\"publication\"> jeudi 13 juin 2019, par <a href=\"/a\">Attac</a> et beaucoup d'autres auteurs encore</div>") == "2019-06-13")
        #expect(try date("<p><a class=\"Publication\" href=\"/x.pdf\">Schreiben vom 14. Oktober 2021 an die Verbände (PDF, 38 KB, Datei)</a></p>") == nil)
    }

    @Test("a UTC timestamp does not give way to today's date in the site header (review finding)")
    func siteHeaderDateIsNotTheArticles() throws {
        let html = """
        <html><head><title>A long enough article title here</title>
        <meta property="article:published_time" content="2022-11-06T22:15:00Z"></head><body>
        <header><div class="header-date">Monday, 7 November 2022</div><a href="/">Site</a></header><article>
        \(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)</article></body></html>
        """
        let a = try Extractor.extract(html: Data(html.utf8), url: nil, baseDirectory: nil)
        #expect(a.metadata.publishedTime == "2022-11-06T22:15:00Z")
    }

    @Test("a meta date that is no date gives way to the page's other dates")
    func junkMetaDate() throws {
        let html = """
        <html><head><title>A long enough article title here</title><meta name="date" content="Mo-Su 08:00-20:00">
        <meta property="og:published_time" content="Tue Jan 28 15:28:56 CET 2020"></head><body><article>
        \(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)</article></body></html>
        """
        let a = try Extractor.extract(html: Data(html.utf8), url: nil, baseDirectory: nil)
        #expect(a.metadata.publishedTime == "2020-01-28T15:28:56")
    }

    @Test("the parser reads data-block scripts and skips program code and style sheets", arguments: [
        ("script", [("type", "application/ld+json")], true),
        ("script", [("type", "application/json")], true),
        ("script", [("type", "text/template")], true),
        ("script", [("type", "text/javascript; charset=utf-8")], false),
        ("script", [("type", " TEXT/JavaScript ")], false),
        ("script", [("type", "module")], false),
        ("script", [("type", "")], false),
        ("script", [("src", "app.js")], false),
        ("style", [("type", "text/css")], false),
    ])
    func rawTextRead(name: String, attributes: [(String, String)], read: Bool) {
        #expect(Extractor.readsRawText(name, attributes.map { HTMLAttribute(name: $0.0, value: $0.1) }) == read)
    }

    @Test("a date in the page data of a date-marked element is read; CSS in the title's heading is no text")
    func dataBlockDateAndHeadingStyles() throws {
        // As a review site renders its dates in the browser from a JSON data block.
        let html = """
        <html><head><title>Gousto has changed my life</title></head><body><article>
        <h1><style>.css-1 { margin: 0 }</style>Gousto has changed my life</h1>
        <div class="review-content-header__dates"><script type="application/json" data-initial-state="review-dates">
        {"publishedDate":"2016-11-04T20:37:27Z","updatedDate":"2016-11-04T20:39:47Z"}
        </script></div>
        \(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)\(MetadataRuleTests.paragraph)</article></body></html>
        """
        let a = try Extractor.extract(html: Data(html.utf8), url: nil, baseDirectory: nil)
        #expect(a.metadata.publishedTime == "2016-11-04")
        #expect(a.metadata.title == "Gousto has changed my life")
        #expect(!a.textContent.contains("margin"))
    }
}
