// Revision+Canonical: reading a revision back from its canonical serialisation, the text a
// library stores and the hash covers (docs/revisions.md). The parser is strict: it accepts
// exactly the text `Revision.canonicalSerialization()` writes, and nothing else.
import Foundation
import OffprintModel

extension Revision {
    /// Parses a canonical serialisation (docs/revisions.md, "Canonical serialisation").
    ///
    /// Round-trips exactly: `try Revision(canonical: r.canonicalSerialization()) == r`, and
    /// the parsed value re-serialises to the very same text, so its `hash` is the SHA-256 of
    /// `canonical`.
    ///
    /// - Throws: `OffprintError(.badLibrary, nil, "malformed revision: <what>")` when a line
    ///   is missing, out of order, malformed, or when the text is not in canonical form
    ///   (for example unsorted parents or a non-minimal string escape).
    public init(canonical: String) throws {
        var reader = CanonicalReader(canonical)
        try reader.expect("offprint-revision", "1")
        let article = try reader.value("article") { ArticleID(hex: $0) }
        let parents = try reader.repeated("parent") { ContentHash(hex: $0) }
        let time = try reader.value("time") { (text: String) -> HLCTimestamp? in
            let parts = text.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 2, let p = Int64(parts[0]), let c = Int32(parts[1]) else { return nil }
            return HLCTimestamp(physical: p, counter: c)
        }
        let replica = try reader.value("replica") { ReplicaID(hex: $0) }
        let change = try reader.value("change") { ChangeKind(rawValue: $0) }
        let body = try reader.value("body") { ContentHash(hex: $0) }
        let source = try reader.value("source") { (text: String) -> ContentHash?? in
            text == "null" ? .some(nil) : ContentHash(hex: text).map { .some($0) }
        }
        let sourceType = try reader.optionalString("source-type")
        let images = try reader.repeated("image") { ContentHash(hex: $0) }
        var metadata = ArticleMetadata()
        metadata.title = try reader.optionalString("title")
        metadata.byline = try reader.optionalString("byline")
        metadata.excerpt = try reader.optionalString("excerpt")
        metadata.siteName = try reader.optionalString("site-name")
        metadata.lang = try reader.optionalString("lang")
        if let dir = try reader.optionalString("dir") {
            guard let d = TextDirection(rawValue: dir) else { throw CanonicalReader.malformed("bad dir \(dir)") }
            metadata.dir = d
        }
        metadata.publishedTime = try reader.optionalString("published-time")
        metadata.url = try reader.optionalString("url")
        let tags = try reader.repeated("tag") { CanonicalReader.unquote($0) }
        let read = try reader.value("read", CanonicalReader.bool)
        let favorite = try reader.value("favorite", CanonicalReader.bool)
        let archived = try reader.value("archived", CanonicalReader.bool)
        let deleted = try reader.value("deleted", CanonicalReader.bool)
        try reader.expectEnd()

        self.init(articleID: article, parents: parents, time: time, replica: replica,
                  change: change, metadata: metadata,
                  state: ArticleState(tags: tags, read: read, favorite: favorite,
                                      archived: archived, deleted: deleted),
                  body: body, source: source, sourceType: sourceType, images: images)
        guard canonicalSerialization() == canonical else {
            throw CanonicalReader.malformed("not in canonical form")
        }
    }
}

/// Line-by-line reader over a canonical serialisation.
struct CanonicalReader {
    private var lines: [(key: String, value: String)] = []
    private var index = 0
    private var shapeError: String?

    init(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.last == 0x0A else { shapeError = "missing final newline"; return }
        var start = 0
        for i in bytes.indices where bytes[i] == 0x0A {
            let line = bytes[start..<i]
            start = i + 1
            guard let space = line.firstIndex(of: 0x20) else {
                shapeError = "line without a value"; return
            }
            lines.append((String(decoding: line[line.startIndex..<space], as: UTF8.self),
                          String(decoding: line[(space + 1)...], as: UTF8.self)))
        }
    }

    static func malformed(_ what: String) -> OffprintError {
        OffprintError(.badLibrary, nil, "malformed revision: \(what)")
    }

    private mutating func next(_ key: String) throws -> String {
        if let shapeError { throw Self.malformed(shapeError) }
        guard index < lines.count, lines[index].key == key else {
            throw Self.malformed("expected \(key) on line \(index + 1)")
        }
        defer { index += 1 }
        return lines[index].value
    }

    mutating func expect(_ key: String, _ value: String) throws {
        guard try next(key) == value else { throw Self.malformed("unsupported \(key) line") }
    }

    mutating func value<T>(_ key: String, _ parse: (String) -> T?) throws -> T {
        let text = try next(key)
        guard let v = parse(text) else { throw Self.malformed("bad \(key) \(text)") }
        return v
    }

    mutating func repeated<T>(_ key: String, _ parse: (String) -> T?) throws -> [T] {
        if let shapeError { throw Self.malformed(shapeError) }
        var out: [T] = []
        while index < lines.count, lines[index].key == key {
            out.append(try value(key, parse))
        }
        return out
    }

    /// A JSON string literal or `null`.
    mutating func optionalString(_ key: String) throws -> String? {
        let text = try next(key)
        if text == "null" { return nil }
        guard let s = Self.unquote(text) else { throw Self.malformed("bad \(key) \(text)") }
        return s
    }

    mutating func expectEnd() throws {
        if let shapeError { throw Self.malformed(shapeError) }
        guard index == lines.count else { throw Self.malformed("unexpected line \(index + 1)") }
    }

    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    /// The string a JSON string literal denotes, or nil when `text` is not one.
    static func unquote(_ text: String) -> String? {
        var scalars = Array(text.unicodeScalars)
        guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else { return nil }
        scalars = Array(scalars[1..<(scalars.count - 1)])
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            i += 1
            if s == "\"" { return nil }
            guard s == "\\" else { out.append(s); continue }
            guard i < scalars.count else { return nil }
            let e = scalars[i]
            i += 1
            switch e {
            case "\"": out.append("\"")
            case "\\": out.append("\\")
            case "/": out.append("/")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "u":
                guard i + 4 <= scalars.count,
                      let v = UInt32(String(String.UnicodeScalarView(scalars[i..<(i + 4)])), radix: 16),
                      let u = Unicode.Scalar(v) else { return nil }
                i += 4
                out.append(u)
            default: return nil
            }
        }
        return String(out)
    }
}
