// Metadata rules (docs/extraction.md, "Metadata"): one test per rule class, with values seen
// on real pages.
import Foundation
@testable import OffprintExtraction
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
