// MarkdownImporter: a `.md` file -> ExtractedArticle through cmark-gfm (GitHub Flavored
// Markdown with the table, strikethrough and autolink extensions). Raw HTML in the Markdown is
// dropped (no CMARK_OPT_UNSAFE), so the result never carries scripts.
import CCmarkGFM
import Foundation
import OffprintModel
import OffprintXML

/// Turning Markdown into an article.
public enum MarkdownImporter {
    /// Extracts an article from Markdown bytes (decoded like text, see `CharsetDecoder`).
    ///
    /// - Returns: title from a leading YAML front matter `title:`, else the first level-1
    ///   heading, else the first non-empty line; byline, publishedTime and lang from front
    ///   matter `author:`, `date:` and `lang:`/`language:`. `content` is cmark-gfm's HTML,
    ///   sanitised, without the heading that repeats the title.
    /// - Throws: `OffprintError(.badInput, nil, "no article text found")` when the document has
    ///   no text.
    public static func extract(markdown data: Data) throws -> ExtractedArticle {
        try extract(string: MojibakeRepair.repair(CharsetDecoder.decode(data, kind: .text).text))
    }

    /// Extracts an article from decoded Markdown; see `extract(markdown:)`.
    public static func extract(string: String) throws -> ExtractedArticle {
        var text = string.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.replacingOccurrences(of: "\u{0}", with: "")
        let (front, body) = splitFrontMatter(text)

        let html = render(body)
        let doc = (try? HTMLParser.parse(utf8: Data(("<html><body>" + html + "</body></html>").utf8)))
            ?? HTMLNode(kind: .document)
        let root = doc.firstElement(named: "body") ?? doc
        ContentSanitizer.sanitize(root)
        HTMLSubset.sanitize(root)

        var title = front["title"]
        let firstH1 = root.firstElement(named: "h1")
        if title == nil, let h = firstH1 { title = h.textContent.normalizedSpace }
        if title == nil || title!.isEmpty {
            title = body.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .first(where: { !$0.isEmpty }).map { stripMarkdownLinePrefix($0) }
        }
        if let h = firstH1, let t = title, h.textContent.normalizedSpace == t,
           root.elementChildren.first === h { h.detach() }

        let textContent = TextRendering.text(of: root.children)
        guard let title, !title.isEmpty,
              textContent.contains(where: { $0.isLetter || $0.isNumber }) || front["title"] != nil else {
            throw OffprintError(.badInput, nil, "no article text found")
        }
        var metadata = ArticleMetadata(title: title)
        metadata.byline = front["author"]
        metadata.publishedTime = front["date"]
        metadata.lang = front["lang"] ?? front["language"]
        metadata.excerpt = front["description"] ?? front["summary"]
            ?? root.firstElement(named: "p").map { PlainTextImporter.excerpt($0.textContent.normalizedSpace) }
        metadata.dir = TextDirectionGuess.guess(textContent)
        metadata.url = front["url"] ?? front["canonical_url"]
        return ExtractedArticle(metadata: metadata, content: HTMLSerializer.html(root.children),
                                textContent: textContent, canonicalURL: metadata.url, images: [])
    }

    /// cmark-gfm's HTML for `markdown` (safe mode: raw HTML and `javascript:` links dropped).
    static func render(_ markdown: String) -> String {
        _ = registerExtensions
        let options = CMARK_OPT_DEFAULT
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        let bytes = Array(markdown.utf8)
        bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buf.count) { p in
                cmark_parser_feed(parser, p, buf.count)
            }
        }
        guard let doc = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(doc) }
        guard let out = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(out) }
        return String(cString: out)
    }

    private static let registerExtensions: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    /// A leading YAML front matter block (`---` ... `---` or `...`) as flat `key: value`
    /// pairs (keys lower-cased, quotes removed), and the text after it.
    static func splitFrontMatter(_ text: String) -> ([String: String], String) {
        guard text.hasPrefix("---\n") else { return ([:], text) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var end: Int?
        for i in 1..<lines.count where lines[i] == "---" || lines[i] == "..." {
            end = i
            break
        }
        guard let end else { return ([:], text) }
        var fields: [String: String] = [:]
        for line in lines[1..<end] {
            guard !line.hasPrefix(" "), !line.hasPrefix("\t"), let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let f = value.first, let l = value.last, (f == "\"" && l == "\"") || (f == "'" && l == "'") {
                value = String(value.dropFirst().dropLast())
                if f == "\"" { value = value.replacingOccurrences(of: "\\\"", with: "\"") }
                else { value = value.replacingOccurrences(of: "''", with: "'") }
            }
            if !key.isEmpty, !value.isEmpty, fields[key] == nil { fields[key] = value }
        }
        let rest = lines[(end + 1)...].joined(separator: "\n")
        return (fields, rest)
    }

    /// A Markdown line without its heading, quote or list marker.
    private static func stripMarkdownLinePrefix(_ line: String) -> String {
        var s = Substring(line)
        while let f = s.first, "#>*-+ ".contains(f) { s = s.dropFirst() }
        let t = s.trimmingCharacters(in: .whitespaces)
        return t.isEmpty ? line : t
    }
}
