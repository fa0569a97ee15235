// The HTML export: bundle layout, index values, images copied once, no script, the
// Content-Security-Policy, the single file with data: URIs, determinism; and a real browser
// (Debian's headless Chromium, skipped when absent): the page renders the article text and
// asks the network for nothing.
import Foundation
import OffprintExport
import OffprintModel
import OffprintTestSupport
import Testing

@Suite struct HTMLExporterTests {
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!

    static func articles() -> [ArticleSnapshot] {
        let hash = ContentHash(of: png)
        let body = """
        <h2>Reading</h2><p>Offline reading is calm reading.<script>alert(1)</script>
        <img src="offprint-blob:\(hash.hex)" alt="a pixel" onerror="alert(2)">
        <img src="https://tracker.example.com/p.gif" alt="remote picture">
        <a href="javascript:alert(3)">js</a> <a href="https://example.org/x">web</a></p>
        <iframe src="https://evil.example.com/"></iframe><p style="background:url(https://x.example.com/bg)">styled</p>
        """
        return [
            Fixtures.snapshot(key: "one", metadata: ArticleMetadata(title: "Tom & Jerry <3 \"quotes\" — C++ / a:b?",
                                                                   byline: "Jane Doe", siteName: "Example", lang: "en",
                                                                   url: "https://example.org/one"),
                              content: body, images: [hash: png], tags: ["reading", "z"]),
            Fixtures.snapshot(key: "two", metadata: ArticleMetadata(title: "یک مقاله", lang: "fa-IR", dir: .rtl),
                              content: "<p>متن فارسی. <img src=\"offprint-blob:\(hash.hex)\" alt=\"\"></p>", images: [hash: png]),
        ]
    }

    @Test func bundleLayoutAndPages() throws {
        let arts = Self.articles()
        let dir = TestPaths.temporaryDirectory().appendingPathComponent("site")
        try HTMLExporter().write(articles: arts, options: Fixtures.options(), to: dir)
        let fm = FileManager.default
        let hash = ContentHash(of: Self.png).hex
        #expect(try fm.contentsOfDirectory(atPath: dir.path).sorted() == ["articles", "images", "index.html", "style.css"])
        #expect(try fm.contentsOfDirectory(atPath: dir.appendingPathComponent("images").path) == ["\(hash).png"])
        let page1 = try String(contentsOf: dir.appendingPathComponent("articles/\(arts[0].id.hex.prefix(16)).html"), encoding: .utf8)
        #expect(page1.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; img-src &#39;self&#39; data:;")
                || page1.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#x27;none&#x27;"))
        #expect(page1.contains("<h1 class=\"offprint-title\">Tom &amp; Jerry &lt;3 &quot;quotes&quot; — C++ / a:b?</h1>"))
        #expect(page1.contains("<img src=\"../images/\(hash).png\" alt=\"a pixel\">"))
        #expect(page1.contains("remote picture"))
        #expect(!page1.lowercased().contains("<script"))
        #expect(!page1.contains("alert("))
        #expect(!page1.contains("tracker.example.com"))
        #expect(!page1.contains("evil.example.com"))
        #expect(!page1.contains("x.example.com"))
        #expect(!page1.contains("onerror"))
        #expect(page1.contains("<a href=\"https://example.org/x\" rel=\"noreferrer\">web</a>"))
        #expect(page1.contains("<span class=\"offprint-tag\">reading</span>"))
        #expect(page1.contains("1 min read"))
        let page2 = try String(contentsOf: dir.appendingPathComponent("articles/\(arts[1].id.hex.prefix(16)).html"), encoding: .utf8)
        #expect(page2.contains("<html lang=\"fa-IR\" dir=\"rtl\">"))
        let index = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<title>Offprint: 2 articles</title>"))
        #expect(index.contains("href=\"articles/\(arts[0].id.hex.prefix(16)).html\" lang=\"en\">Tom &amp; Jerry"))
        #expect(index.contains("Example · 2026-11-28 · 1 min"))
        let first = index.range(of: arts[0].id.hex.prefix(16))!.lowerBound
        let second = index.range(of: arts[1].id.hex.prefix(16))!.lowerBound
        #expect(first < second)
    }

    @Test func zipAndDeterminism() throws {
        let arts = Self.articles()
        let a = TestPaths.temporaryDirectory().appendingPathComponent("a.zip")
        let b = TestPaths.temporaryDirectory().appendingPathComponent("b.zip")
        try HTMLExporter().write(articles: arts, options: Fixtures.options(), to: a)
        try HTMLExporter().write(articles: arts, options: Fixtures.options(), to: b)
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
        let paths = try Fixtures.entries(a).map(\.path)
        #expect(paths.first == "style.css")
        #expect(paths.last == "index.html")
        #expect(paths.count == 5)
        var single = Fixtures.options()
        single.singleFile = true
        let s1 = TestPaths.temporaryDirectory().appendingPathComponent("one.html")
        let s2 = TestPaths.temporaryDirectory().appendingPathComponent("one.html")
        try HTMLExporter().write(articles: arts, options: single, to: s1)
        try HTMLExporter().write(articles: arts, options: single, to: s2)
        #expect(try Data(contentsOf: s1) == Data(contentsOf: s2))
    }

    @Test func singleFileIsSelfContained() throws {
        var options = Fixtures.options(title: "My reading")
        options.singleFile = true
        let url = TestPaths.temporaryDirectory().appendingPathComponent("one.html")
        try HTMLExporter().write(articles: Self.articles(), options: options, to: url)
        let html = try String(contentsOf: url, encoding: .utf8)
        #expect(html.contains("<title>My reading</title>"))
        #expect(html.contains("src=\"data:image/png;base64,\(Self.png.base64EncodedString())\""))
        #expect(html.contains("<style>"))
        #expect(!html.contains("<link rel=\"stylesheet\""))
        #expect(!html.contains("../images/"))
        #expect(html.contains("id=\"article-1\""))
        #expect(html.contains("href=\"#article-2\""))
        #expect(html.contains("img-src data:; style-src"))
        #expect(!html.lowercased().contains("<script"))
    }

    @Test func cssOverride() throws {
        let css = TestPaths.temporaryDirectory().appendingPathComponent("mine.css")
        try Data("body { color: red; }\n".utf8).write(to: css)
        var options = Fixtures.options()
        options.stylesheet = css
        let dir = TestPaths.temporaryDirectory().appendingPathComponent("site")
        try HTMLExporter().write(articles: Self.articles(), options: options, to: dir)
        #expect(try String(contentsOf: dir.appendingPathComponent("style.css"), encoding: .utf8) == "body { color: red; }\n")
    }
}

/// Headless Chromium (Debian's `chromium`), when installed.
enum Chromium {
    static let executable: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Renders `page` to a PNG with every proxied request refused and a network log; returns
    /// the screenshot and the URLs of network requests in the log.
    static func render(_ page: URL, in dir: URL) throws -> (png: Data, requests: [String]) {
        let shot = dir.appendingPathComponent("shot.png"), netlog = dir.appendingPathComponent("net.json")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable!)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                       "--disable-background-networking", "--disable-component-update",
                       "--disable-sync", "--disable-default-apps", "--no-default-browser-check",
                       "--proxy-server=127.0.0.1:9", "--user-data-dir=" + dir.appendingPathComponent("profile").path,
                       "--log-net-log=" + netlog.path, "--screenshot=" + shot.path,
                       "--window-size=900,1200", page.absoluteString]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let log = (try? String(contentsOf: netlog, encoding: .utf8)) ?? ""
        // URL_REQUEST_START_JOB events name each request's URL.
        var urls: [String] = []
        var rest = Substring(log)
        while let r = rest.range(of: "\"url\":\"") {
            let tail = rest[r.upperBound...]
            let url = tail.prefix { $0 != "\"" }
            urls.append(String(url))
            rest = tail.dropFirst(url.count)
        }
        return (try Data(contentsOf: shot), urls)
    }
}

@Suite(.enabled(if: Chromium.executable != nil, "chromium is not installed"))
struct HTMLBrowserTests {
    @Test func pageRendersAndMakesNoNetworkRequest() throws {
        let dir = TestPaths.temporaryDirectory()
        let site = dir.appendingPathComponent("site")
        let slow = try Fixtures.caseSnapshot("title-special-chars.html")
        try HTMLExporter().write(articles: HTMLExporterTests.articles() + [slow], options: Fixtures.options(), to: site)
        let page = site.appendingPathComponent("articles/\(HTMLExporterTests.articles()[0].id.hex.prefix(16)).html")
        let (png, requests) = try Chromium.render(page, in: dir)
        // A screenshot of a page with text is not blank: many distinct bytes after the header.
        #expect(png.count > 5_000)
        #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        // Chromium's own background requests (update checks, time, accounts) go to Google's
        // hosts; the page may cause none at all.
        let own = ["google.com", "googleapis.com", "gvt1.com", "gstatic.com"]
        let remote = requests.filter { $0.hasPrefix("http:") || $0.hasPrefix("https:") || $0.hasPrefix("ws") }
            .filter { u in
                let host = URL(string: u)?.host ?? u
                return !own.contains { host == $0 || host.hasSuffix("." + $0) }
            }
        #expect(remote.isEmpty, "network requests: \(remote)")
        // The same page's DOM as Chromium sees it holds the article text and no script.
        let dom = try Chromium.dumpDOM(page, in: dir)
        #expect(dom.contains("Offline reading is calm reading."))
        #expect(dom.contains("Tom &amp; Jerry &lt;3 \"quotes\" — C++ / a:b?"))
        #expect(!dom.contains("<script"))
    }
}

extension Chromium {
    /// The serialised DOM after load (`--dump-dom`).
    static func dumpDOM(_ page: URL, in dir: URL) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable!)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9",
                       "--user-data-dir=" + dir.appendingPathComponent("profile2").path,
                       "--dump-dom", page.absoluteString]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
