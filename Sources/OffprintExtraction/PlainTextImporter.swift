// PlainTextImporter: a `.txt` file -> ExtractedArticle. The first non-empty line is the title;
// blank lines separate paragraphs; single line breaks inside a paragraph are kept as `<br>`.
import Foundation
import OffprintModel
import OffprintXML

/// Turning plain text into an article.
public enum PlainTextImporter {
    /// Extracts an article from text bytes in any encoding (see `CharsetDecoder`).
    ///
    /// - Returns: title = the first non-empty line; `content` = one `<p>` per paragraph
    ///   (paragraphs are separated by blank lines; the title line is left out when it stands
    ///   alone), HTML-escaped; `textContent` = the paragraphs separated by blank lines.
    /// - Throws: `OffprintError(.badInput, nil, "no article text found")` when there is no
    ///   non-blank line.
    public static func extract(text data: Data) throws -> ExtractedArticle {
        try extract(string: MojibakeRepair.repair(CharsetDecoder.decode(data, kind: .text).text))
    }

    /// Extracts an article from decoded text; see `extract(text:)`.
    public static func extract(string: String) throws -> ExtractedArticle {
        var text = string.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.replacingOccurrences(of: "\u{0}", with: "")
        var paragraphs: [[String]] = []
        var current: [String] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        guard let first = paragraphs.first?.first else {
            throw OffprintError(.badInput, nil, "no article text found")
        }
        let title = first
        var body = paragraphs
        if paragraphs.count > 1 && paragraphs[0].count == 1 { body.removeFirst() }

        let nodes: [HTMLNode] = body.map { lines in
            let p = HTMLNode.element("p")
            for (i, line) in lines.enumerated() {
                if i > 0 { p.append(HTMLNode.element("br")) }
                p.append(HTMLNode.textNode(line))
            }
            return p
        }
        let content = HTMLSerializer.html(nodes)
        let textContent = body.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
        var metadata = ArticleMetadata(title: title)
        metadata.excerpt = body.first.map { excerpt($0.joined(separator: " ")) }
        metadata.dir = TextDirectionGuess.guess(textContent)
        return ExtractedArticle(metadata: metadata, content: content, textContent: textContent,
                                canonicalURL: nil, images: [])
    }

    /// At most about 300 characters, cut at a word boundary when there is one.
    static func excerpt(_ s: String) -> String {
        guard s.count > 300 else { return s }
        let cut = s.prefix(300)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > 200 {
            return String(cut[..<space]) + "…"
        }
        return String(cut) + "…"
    }
}

/// Text direction from the letters themselves, for inputs with no markup to say it.
enum TextDirectionGuess {
    /// `.rtl` when most letters among the first 4000 characters are Hebrew/Arabic script,
    /// else nil (left-to-right is the default and not stated, as Readability does).
    static func guess(_ text: String) -> TextDirection? {
        var rtl = 0, ltr = 0
        for s in text.unicodeScalars.prefix(4000) where s.properties.isAlphabetic {
            switch s.value {
            case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF: rtl += 1
            default: ltr += 1
            }
        }
        return rtl > ltr ? .rtl : nil
    }
}
