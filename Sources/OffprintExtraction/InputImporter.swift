// InputImporter: the extraction module's entry point for the CLI. A file or some bytes ->
// ImportCandidate: choose the kind (HTML, text, Markdown) by extension or by sniffing, reject
// what cannot be an article with a one-line reason, and run the matching extractor.
import Foundation
import OffprintModel

/// Turning input files and bytes into `ImportCandidate`s.
public enum InputImporter {
    /// File extensions (lower case) and the kind of source each names.
    public static let extensions: [String: SourceType] = [
        "html": .html, "htm": .html, "xhtml": .html, "shtml": .html,
        "txt": .text, "text": .text,
        "md": .markdown, "markdown": .markdown, "mdown": .markdown, "mkd": .markdown,
    ]

    /// Whether `url` names a file this module imports (by extension), for walking
    /// directories: images, stylesheets and hidden files are skipped.
    public static func isImportable(url: URL) -> Bool {
        let name = url.lastPathComponent
        guard !name.hasPrefix(".") else { return false }
        return extensions[url.pathExtension.lowercased()] != nil
    }

    /// Reads and extracts one file. HTML images saved beside the page (relative `src` under
    /// the file's folder) are read into the article's `images`.
    ///
    /// - Throws: `OffprintError(.badInput, path, message)` with message `no such file`,
    ///   `is a directory, not a file`, `cannot read file: ...`, `file is empty`,
    ///   `binary file, not HTML, text or Markdown` or `no article text found`.
    public static func candidate(forFile url: URL) throws -> ImportCandidate {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw OffprintError(.badInput, path, "no such file")
        }
        if isDirectory.boolValue {
            throw OffprintError(.badInput, path, "is a directory, not a file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw OffprintError(.badInput, path, "cannot read file: \(error.localizedDescription)")
        }
        let hint = extensions[url.pathExtension.lowercased()]
        return try candidate(data: data, origin: path, typeHint: hint,
                             baseDirectory: url.deletingLastPathComponent())
    }

    /// Extracts an article from bytes.
    ///
    /// - Parameters:
    ///   - data: the input's bytes, stored unchanged as the candidate's `source`.
    ///   - origin: where they came from (a path, `-`), the subject of errors.
    ///   - typeHint: the kind, when known (from an extension or a media type); otherwise the
    ///     bytes are sniffed: markup starting with `<` or containing `<html` is HTML, all else
    ///     text.
    ///   - url: the page's URL, when fetched (HTML only).
    ///   - baseDirectory: folder for images saved beside an HTML page.
    /// - Throws: `OffprintError(.badInput, origin, message)`: `file is empty`,
    ///   `binary file, not HTML, text or Markdown`, `a JSON document that is not an Offprint
    ///   export ...` (unless the kind was given as text or Markdown), `no article text found`.
    public static func candidate(data: Data, origin: String, typeHint: SourceType?, url: String? = nil,
                                 baseDirectory: URL? = nil) throws -> ImportCandidate {
        if data.isEmpty || data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw OffprintError(.badInput, origin, "file is empty")
        }
        if looksBinary(data) {
            throw OffprintError(.badInput, origin, "binary file, not HTML, text or Markdown")
        }
        if typeHint == nil || typeHint == .html, isJSONDocument(data) {
            throw OffprintError(.badInput, origin, "a JSON document that is not an Offprint export (offprint import reads the JSON that offprint export --format json writes)")
        }
        let type = typeHint ?? sniff(data)
        do {
            let extracted: ExtractedArticle
            switch type {
            case .html:
                extracted = try Extractor.extract(html: data, url: url, baseDirectory: baseDirectory)
            case .text:
                extracted = try PlainTextImporter.extract(text: data)
            case .markdown:
                extracted = try MarkdownImporter.extract(markdown: data)
            }
            return ImportCandidate(origin: origin, source: data, sourceType: type, extracted: extracted)
        } catch var error as OffprintError {
            error.subject = origin
            throw error
        }
    }

    /// The kind of unlabelled bytes: HTML when, after a BOM and white space, they start with
    /// `<` or their first 4 KiB contain `<html`; text otherwise.
    public static func sniff(_ data: Data) -> SourceType {
        let head = CharsetDecoder.decode(Data(data.prefix(4096)), kind: .text).text
        let trimmed = head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        if trimmed.hasPrefix("<") { return .html }
        let lower = head.lowercased()
        if lower.contains("<html") || lower.contains("<!doctype html") || lower.contains("<body") { return .html }
        return .text
    }

    /// Whether the bytes are one whole JSON object or array (RFC 8259), after an optional BOM
    /// and white space: another application's export, which would otherwise become an
    /// article whose text is raw JSON.
    static func isJSONDocument(_ data: Data) -> Bool {
        var body = data
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let first = body.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
              first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return false }
        return (try? JSONSerialization.jsonObject(with: Data(body))) != nil
    }

    /// Whether bytes are binary rather than text: a known binary signature, a NUL byte
    /// (outside UTF-16 with a BOM), or, once decoded, more than 10% control or undecodable
    /// characters.
    static func looksBinary(_ data: Data) -> Bool {
        let head = [UInt8](data.prefix(8192))
        let signatures: [[UInt8]] = [
            [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], Array("GIF8".utf8), Array("%PDF".utf8),
            [0x50, 0x4B, 0x03, 0x04], [0x1F, 0x8B], Array("BZh".utf8), [0x7F, 0x45, 0x4C, 0x46],
            [0xFD, 0x37, 0x7A, 0x58, 0x5A], Array("7z".utf8) + [0xBC, 0xAF], Array("SQLite format 3".utf8),
            [0xCF, 0xFA, 0xED, 0xFE], Array("MZ".utf8) + [0x90, 0x00], Array("wOFF".utf8), Array("wOF2".utf8),
        ]
        if signatures.contains(where: { head.starts(with: $0) }) { return true }
        if head.count >= 12, head.starts(with: Array("RIFF".utf8)) { return true }
        let utf16 = head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])
        if !utf16 && head.contains(0) { return true }
        let decoded = CharsetDecoder.decode(bytes: head, kind: .text)
        var bad = 0, total = 0
        for s in decoded.text.unicodeScalars {
            total += 1
            let v = s.value
            if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D && v != 0x0C && v != 0x1B) || (0x7F...0x9F).contains(v)
                || v == 0xFFFD {
                bad += 1
            }
        }
        return total > 0 && Double(bad) / Double(total) > 0.1
    }
}
