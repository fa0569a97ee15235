// PlainTextRenderer: an article as readable plain text, for `offprint show` and the
// plain-text export (TextExporter). The body is laid out by TextLayout: paragraphs
// separated by blank lines, headings underlined or marked, lists, quotes (`> `), code
// indented, tables aligned, links as numbered references listed at the end; optionally
// wrapped by display width.
import Foundation
import OffprintModel
import OffprintXML

/// Rendering stored article HTML as plain text.
public enum PlainTextRenderer {
    /// For `offprint show`: title, byline, site name, published time and URL (one line each,
    /// those known), a blank line, then the body with its link references.
    public static func article(_ a: ArticleSnapshot) -> String {
        let m = a.metadata
        var header = [m.title ?? "(untitled)"]
        if let b = m.byline { header.append(b) }
        if let s = m.siteName { header.append(s) }
        if let p = m.publishedTime { header.append(p) }
        if let u = m.url { header.append(u) }
        return header.joined(separator: "\n") + "\n\n" + body(html: a.content)
    }

    /// One article file of the plain-text export: a header (the title underlined, then the
    /// byline, URL and date, those known), a blank line, the body wrapped at `wrap` columns
    /// when given, then `References` with one `[n] URL` line per link. Ends in a newline.
    public static func document(_ a: ArticleSnapshot, wrap: Int? = nil) -> String {
        let title = MetadataText.title(a)
        let titleLines = TextLayout.wrap(title, width: wrap)
        let underline = String(repeating: "=", count: max(titleLines.map { DisplayWidth.of($0) }.max() ?? 1, 1))
        var header = titleLines + [underline]
        if let b = MetadataText.line(a.metadata.byline) { header += TextLayout.wrap(b, width: wrap) }
        if let s = MetadataText.line(a.metadata.siteName) { header += TextLayout.wrap(s, width: wrap) }
        if let u = MetadataText.line(a.metadata.url) { header.append(u) }
        header.append(MetadataText.date(a))
        let text = body(html: a.content, wrap: wrap)
        return header.joined(separator: "\n") + "\n" + (text.isEmpty ? "" : "\n" + text + "\n")
    }

    /// The text of an HTML fragment: blocks separated by blank lines, list items as
    /// `- item` or `1. item`, `pre` kept verbatim (indented four spaces), images as `[alt]`,
    /// links as `text [n]` with `References` listed at the end. Wrapped at `wrap` columns
    /// (display width) when given. No final newline.
    public static func body(html: String, wrap: Int? = nil) -> String {
        guard let root = try? ArticleBody.tree(html, subject: "body") else { return html }
        ArticleBody.fixLinks(root)
        var layout = TextLayout()
        let blocks = layout.blocks(root)
        var lines = TextLayout.lines(blocks, width: wrap)
        if !layout.references.urls.isEmpty {
            lines += ["", "References", ""]
            for (i, u) in layout.references.urls.enumerated() { lines.append("[\(i + 1)] \(u)") }
        }
        return lines.joined(separator: "\n")
    }

    /// `line` broken into lines of at most `width` display columns (East Asian Wide
    /// characters count two): breaks at spaces and between CJK characters, never inside a
    /// word, before closing punctuation or after opening punctuation; a word wider than
    /// `width` stays whole on its own line.
    public static func wrap(_ line: String, width: Int) -> [String] {
        TextLayout.wrap(line, width: width)
    }
}
