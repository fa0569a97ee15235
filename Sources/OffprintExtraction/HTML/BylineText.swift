// BylineText: what is left of a byline once the words around the name are gone. Bylines found
// in a page (a `.byline`/`.author` element, `meta name=author`) often carry a label before the
// name (`Von:`, `Autor:`, `Erstellt von`, `Zeige alle Beiträge von`), the publication date
// after it (`eseppelt · 31. Oktober 2023`, `MORITZ GATHMANN am 21. April 2020`,
// `Poppy Reid Feb 21, 2020`), or are only a label (`Posted on`, `Veröffentlicht am`,
// `Name *`) or only a date (`09.10.2021`). The rules follow what trafilatura's metadata
// module does with author strings (lead-in words and dates removed, labels rejected); the
// word lists are ours. docs/extraction.md, "Metadata", "Bylines".
import Foundation

enum BylineText {
    /// Lead-in labels, lower-cased, matched at the start (case-insensitive); a colon after
    /// the label may or may not be followed by a space.
    static let leadIns: [String] = [
        "zeige alle beiträge von ", "alle beiträge von ", "view all posts by ", "all posts by ",
        "about the author - ", "about the author ", "written by ", "posted by ", "geschrieben von ",
        "erstellt von ", "verfasst von ", "ein beitrag von ", "a post by ", "un article de ",
        "text und interview:", "text & interview:", "interview:", "artikel von:", "ein artikel von ", "artikel von ",
        "autorin:", "autor:", "author:", "auteur:", "autore:", "autor/in:", "von:", "by:", "text:", "par:",
        "by ", "von ", "par ", "por ", "door ", "di ", "av ", "über ", "about ",
    ]

    /// Words that make a whole byline a label rather than a name (once dates and connectors
    /// are gone): `Posted on`, `Publiziert am`, `Veröffentlicht am`, `Name *`, `Alle Beiträge`.
    static let labels: Set<String> = [
        "posted", "published", "publiziert", "veröffentlicht", "geschrieben", "erstellt", "written", "name",
        "alle beiträge", "all posts", "kommentare", "comments", "share", "teilen", "publié", "publicado",
        "publisher", "no author", "unknown",
    ]

    /// A legal form as a word of its own that ends the name (`wegewerk GmbH`, `NATURSTROM AG`,
    /// `Deutscher Caritasverband e. V.`, `Nordex SE, Hamburg`): the byline names a company or
    /// association, the page's publisher or its web agency, not the author of the article.
    /// Followed by more words it is not one (`Sarah Jones, SE Asia correspondent`).
    static let legalForm = Pattern(
        "(?:^|\\s)(?:g?GmbH|mbH|AG|SE|KG|KGaA|OHG|e\\.\\s?V\\.?|Inc\\.?|Ltd\\.?|LLC|Corp\\.|plc|S\\.A\\.|S\\.L\\.|S\\.p\\.A\\.|SARL|B\\.V\\.)\\s*(?:$|,)",
        caseInsensitive: false)

    /// A host name or URL as the whole byline (`www.haufe.de`, `kath.net`,
    /// `facebook.com/vegolosi`): the site, not a person.
    static let hostName = Pattern(
        "^(?:https?://)?(?:www\\.)?[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)*\\.(?:com|net|org|info|eu|de|at|ch|fr|es|it|nl|be|pl|uk|io|tv|fm|us|co|cl|pe|br|mx|ar|uy|bo|hu|fi|no|se|dk|ru|ua|jp|cn|in)(?:/\\S*)?$")

    /// A second label after the name (`Fritz ImhofQuelle: Livenet`, `Katharina Schmidt
    /// Kategorien: Mode`): the byline ends before it.
    static let trailingLabel = Pattern(
        "(?:\\s|(?<=\\p{Ll}))(?:Quelle|Kategorien|Kategorie|Categories|Category|Source|Tags|Schlagworte|Foto|Fotos|Bild|Bilder|Photo|Photos)\\s?:",
        caseInsensitive: false)

    static let monthNames: String = {
        let names = PublishedDate.months.keys.map { NSRegularExpression.escapedPattern(for: $0) }
        return names.sorted { $0.count > $1.count }.joined(separator: "|")
    }()

    /// A date with what ties it to the name before it (`·`, `,`, `-`, `|`, `am`, `on`, `le`, a
    /// weekday), to the end of the byline. Dates: `31.10.2023`, `26/10/13`, `2023-10-31`,
    /// `31. Oktober 2023`, `Oktober 31`, `Feb 21, 2020`.
    static let trailingDate = Pattern(
        "(?:\\s*(?:[,·|•–—-]|\\bam\\b|\\bon\\b|\\ble\\b|\\bel\\b|\\bden\\b|\\bvom\\b))*\\s*"
            + "(?:\\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\\b(?:mon|diens|donners|frei|sams|sonn)tag|\\bmittwoch"
            + "|\\b(?:lun|mar|mercre|jeu|vendre|same)di|\\bdimanche)?,?\\s*"
            + "(?:\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}\\b|\\d{4}-\\d{1,2}-\\d{1,2}\\b|\\d{1,2}\\.?\\s+(?:"
            + monthNames + ")\\b|\\b(?:" + monthNames + ")\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b).*$")

    /// `257 Artikel`, `12 posts`: a count of the author's articles after the name.
    static let trailingCount = Pattern("\\s+\\d+\\s+(?:artikel|articles|beiträge|posts|articles publiés)\\s*$")

    /// The name in `byline`, or nil when it is only a label or a date.
    static func clean(_ byline: String) -> String? {
        // Punctuation before the name and quotes around it go first, so that the label,
        // company and host-name tests below see the name itself.
        let start = strippingOuterPunctuationAndQuotes(byline.normalizedSpace)
        var b = start
        // `Datum: 19.11.2021 Autor: Fritz Imhof`: a label later in the text names the author.
        let lower = b.lowercased()
        for label in ["autor: ", "author: ", "autorin: ", "auteur: "] {
            if let r = lower.range(of: " " + label) {
                let offset = lower.distance(from: lower.startIndex, to: r.upperBound)
                b = String(b.dropFirst(offset))
                break
            }
        }
        b = strippingLeadIn(strippingLeadingPunctuation(b))
        if let m = matchRange(of: trailingLabel, in: b), b.distance(from: b.startIndex, to: m.lowerBound) >= 2 {
            b = String(b[..<m.lowerBound])
        }
        if legalForm.matches(b) || hostName.matches(b) { return nil }
        // Both patterns need a digit (`\d`, any decimal digit); most bylines have none, and
        // the date pattern, with every month name, is slow to fail.
        let hasDigit = b.unicodeScalars.contains { $0.properties.generalCategory == .decimalNumber }
        if hasDigit, let m = matchRange(of: trailingCount, in: b) { b = String(b[..<m.lowerBound]) }
        if hasDigit, let m = matchRange(of: trailingDate, in: b), m.lowerBound > b.startIndex {
            let head = String(b[..<m.lowerBound]).trimmedWhitespace
            // `Last Updated: January 7, 2025` stays whole: the date is the byline's point.
            if !head.isEmpty && !head.hasSuffix(":") { b = head }
        }
        b = strippingOuterPunctuationAndQuotes(b.trimmedWhitespace)
        while let last = b.last, ",;|·-–—→»:".contains(last) {
            if last == ":" && b == start { return nil }   // `Peter sagt:` is a comment heading
            b.removeLast()
            b = b.trimmedWhitespace
        }
        // Connectors left at the end (`Publiziert am`, `Posted on`).
        for tail in [" am", " on", " le", " el", " by", " von"] where b.lowercased().hasSuffix(tail) {
            b = String(b.dropLast(tail.count)).trimmedWhitespace
        }
        let folded = b.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " *:"))
        if labels.contains(folded) || b.hasSuffix("*") { return nil }
        if folded.hasSuffix("(erforderlich)") || folded.hasSuffix("(required)") { return nil }
        guard b.contains(where: \.isLetter) else { return nil }
        // Only a date (`Jun 18th 2018`, `Donnerstag, 4. November 2021`). Every date the pattern
        // knows has a digit, and `b` has lost characters since `hasDigit`, none gained.
        let padded = " " + b
        if hasDigit, let m = matchRange(of: trailingDate, in: padded),
           String(padded[..<m.lowerBound]).trimmedWhitespace.isEmpty {
            return nil
        }
        return b
    }

    /// The range of `pattern`'s first match in `s`.
    static func matchRange(of pattern: Pattern, in s: String) -> Range<String.Index>? {
        guard let m = pattern.regex.firstMatch(in: s, options: [], range: NSRange(s.startIndex..., in: s)) else { return nil }
        return Range(m.range, in: s)
    }

    /// `byline` without punctuation before the name (`: Joe S.`, `, par Attac France`: the
    /// rest of a label that stood in an element of its own).
    static func strippingLeadingPunctuation(_ byline: String) -> String {
        var b = byline
        while let first = b.first, ",;|·-–—→»:".contains(first) {
            b.removeFirst()
            b = b.trimmedWhitespace
        }
        return b
    }

    /// `byline` without punctuation before it and quotes around the whole of it
    /// (`'Luana Patriolino, Raphael Felice'`, `': Jane'`), as often as they come; quotes that
    /// are part of the name stay (`Dwayne 'The Rock' Johnson`, `'t Hooft`).
    static func strippingOuterPunctuationAndQuotes(_ byline: String) -> String {
        var b = strippingLeadingPunctuation(byline)
        let pairs: [(Character, Character)] = [("'", "'"), ("\"", "\""), ("“", "”"), ("„", "“"), ("‘", "’"), ("«", "»")]
        while pairs.contains(where: { open, close in
            b.count > 2 && b.first == open && b.last == close && !b.dropFirst().dropLast().contains(close)
        }) {
            b = strippingLeadingPunctuation(String(b.dropFirst().dropLast()).trimmedWhitespace)
        }
        return b
    }

    /// `byline` without one lead-in label.
    static func strippingLeadIn(_ byline: String) -> String {
        let lower = byline.lowercased()
        for prefix in leadIns where lower.hasPrefix(prefix) {
            let rest = String(byline.dropFirst(prefix.count)).trimmedWhitespace
            if rest.count > 1 { return rest }
        }
        return byline
    }
}
