// JSONImport: `offprint import FILE.json` for an Offprint JSON document (docs/json-format.md,
// version 2). The document is read and checked whole (JSONDocument), each article's summary
// is checked against the head its revisions give, and then its revisions and blobs go into
// the library the way a sync or a bundle does (`Library.insertReporting`): every hash
// verified, all or nothing in one transaction, items already held skipped.
import Foundation
import OffprintExport
import OffprintModel
import OffprintStorage

enum JSONImport {
    /// The bytes of the file at `url` when they may be an Offprint JSON document (after an
    /// optional byte order mark and white space, the first of its first 4 KiB is `{`) and
    /// `JSONDocument.claims` them; nil for anything else, which goes to InputImporter (it
    /// refuses another application's JSON).
    static func claimedFile(_ url: URL) -> Data? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 4096) else { return nil }
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) == UInt8(ascii: "{"),
              let rest = try? handle.readToEnd() ?? Data() else { return nil }
        let data = head + rest
        return JSONDocument.claims(data) ? data : nil
    }

    /// Imports the document `data` read from `path` (shown as `display`): one result per
    /// article, `added` (new to the library), `updated` (it received revisions) or
    /// `unchanged` (the library held every revision already).
    ///
    /// - Throws: `OffprintError(.badInput, display, ...)` when the document is damaged or
    ///   its summaries disagree with its revisions (nothing is written, the library is not
    ///   even opened); the errors of opening the library, wrapped in `LibraryOpenFailure`;
    ///   the write errors of the insertion (nothing is written).
    static func importDocument(_ data: Data, display: String,
                               into openLibrary: () throws -> Library) throws -> [ImportResult] {
        let doc = try JSONDocument(decoding: data, path: display)
        for article in doc.articles { try check(article, blobs: doc.blobs, display: display) }
        let library: Library
        do { library = try openLibrary() } catch let e as OffprintError { throw LibraryOpenFailure(error: e) }
        let report = try library.insertReporting(revisions: doc.articles.flatMap(\.revisions),
                                                 blobs: doc.blobs.sorted { $0.key < $1.key })
        return doc.articles.map { a in
            let status: ImportResult.Status = report.addedArticles.contains(a.id) ? .added
                : report.revisedArticles.contains(a.id) ? .updated : .unchanged
            return ImportResult(path: display, status: status, id: a.id, revision: a.head, title: a.metadata.title,
                                message: status == .unchanged ? "already in the library" : nil)
        }
    }

    /// Checks that the article's summary fields are those of the head its revisions give
    /// (docs/sync.md): head hash, metadata, tags and flags, times, content.
    ///
    /// - Throws: `OffprintError(.badInput, display, "article <id>: <field> does not match its revisions")`.
    static func check(_ a: JSONDocument.Article, blobs: [ContentHash: Data], display: String) throws {
        func mismatch(_ field: String) -> OffprintError {
            OffprintError(.badInput, display, "article \(a.id.hex): \(field) does not match its revisions")
        }
        guard let derived = Library.derivedHead(of: a.revisions) else { throw mismatch("head") }
        let head = derived.revision
        if derived.hash != a.head { throw mismatch("head") }
        if head.state.deleted { throw mismatch("deleted") }
        let m = head.metadata, w = a.metadata
        let fields: [(String, String?, String?)] = [
            ("title", m.title, w.title), ("byline", m.byline, w.byline), ("excerpt", m.excerpt, w.excerpt),
            ("siteName", m.siteName, w.siteName), ("lang", m.lang, w.lang), ("dir", m.dir?.rawValue, w.dir?.rawValue),
            ("publishedTime", m.publishedTime, w.publishedTime), ("url", m.url, w.url),
            ("addedAt", ISO8601.string(derived.addedAt), a.addedAt),
            ("updatedAt", ISO8601.string(derived.updatedAt), a.updatedAt),
        ]
        for (name, expected, written) in fields where expected != written { throw mismatch(name) }
        if head.state.tags != a.state.tags { throw mismatch("tags") }
        if head.state.read != a.state.read { throw mismatch("read") }
        if head.state.favorite != a.state.favorite { throw mismatch("favorite") }
        if head.state.archived != a.state.archived { throw mismatch("archived") }
        if blobs[head.body].map({ String(decoding: $0, as: UTF8.self) }) != a.content { throw mismatch("content") }
    }
}
