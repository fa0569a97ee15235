// The quality gate: extraction over the Readability test pages (../shared/corpus/
// readability-pages), scored as score-extraction does (bag of lower-cased word tokens, each CJK
// character a token, F1 against expected.html). Also writes each page's result as JSON to
// $OFFPRINT_EXTRACT_JSON_DIR (default /tmp/offprint-extraction-json) so the shared scorer can
// read it: --cmd 'sh -c "cat /tmp/offprint-extraction-json/$(basename $(dirname {})).json"'.
import Foundation
import OffprintExtraction
import OffprintModel
import OffprintTestSupport
import OffprintXML
import Testing

enum TokenBag {
    static func isCJK(_ v: UInt32) -> Bool {
        (0x3040...0x30FF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xAC00...0xD7AF).contains(v)
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s == "_" || s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// Python's `\w+` words of the lower-cased text; words with a CJK character split into characters.
    static func tokens(_ text: String) -> [String: Int] {
        var out: [String: Int] = [:]
        var word = String.UnicodeScalarView()
        func flush() {
            guard !word.isEmpty else { return }
            if word.contains(where: { isCJK($0.value) }) {
                for s in word { out[String(s), default: 0] += 1 }
            } else {
                out[String(word), default: 0] += 1
            }
            word = String.UnicodeScalarView()
        }
        for s in text.lowercased().unicodeScalars {
            if isWordScalar(s) { word.append(s) } else { flush() }
        }
        flush()
        return out
    }

    static func f1(got: [String: Int], want: [String: Int]) -> Double {
        if got.isEmpty && want.isEmpty { return 1 }
        var common = 0
        for (k, v) in got { common += min(v, want[k] ?? 0) }
        let p = Double(common) / Double(max(1, got.values.reduce(0, +)))
        let r = Double(common) / Double(max(1, want.values.reduce(0, +)))
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// Text of markup with a space at every tag, skipping script/style/noscript/template.
    static func markupText(_ node: HTMLNode) -> String {
        var out = ""
        func walk(_ n: HTMLNode) {
            switch n.kind {
            case .text: out += n.text
            case .comment: break
            case .document, .element:
                if ["script", "style", "noscript", "template"].contains(n.name) { return }
                out += " "
                for c in n.children { walk(c) }
                out += " "
            }
        }
        walk(node)
        return out
    }
}

@Suite("Readability corpus")
struct CorpusScoreTests {
    @Test("mean token F1 over the readability pages is at least 0.90")
    func meanF1() throws {
        let corpus = TestPaths.corpus.appendingPathComponent("readability-pages")
        let fm = FileManager.default
        let names = try fm.contentsOfDirectory(atPath: corpus.path).sorted().filter {
            fm.fileExists(atPath: corpus.appendingPathComponent($0).appendingPathComponent("source.html").path)
        }
        try #require(!names.isEmpty)
        let outDir = URL(fileURLWithPath: ProcessInfo.processInfo.environment["OFFPRINT_EXTRACT_JSON_DIR"]
                         ?? "/tmp/offprint-extraction-json")
        try? fm.createDirectory(at: outDir, withIntermediateDirectories: true)

        var total = 0.0
        var titleHits = 0, titleCount = 0
        var rows: [(String, Double)] = []
        var elapsed = 0.0
        var timings: [(String, Double)] = []
        for name in names {
            let folder = corpus.appendingPathComponent(name)
            let source = try Data(contentsOf: folder.appendingPathComponent("source.html"))
            let expectedHTML = try Data(contentsOf: folder.appendingPathComponent("expected.html"))
            let want = TokenBag.tokens(TokenBag.markupText(try HTMLParser.parse(utf8: expectedHTML)))
            let start = Date()
            let article = try? Extractor.extract(html: source, url: "http://fakehost/test/page.html", baseDirectory: nil)
            let seconds = Date().timeIntervalSince(start)
            elapsed += seconds
            timings.append((name, seconds))
            let f1 = TokenBag.f1(got: TokenBag.tokens(article?.textContent ?? ""), want: want)
            total += f1
            rows.append((name, f1))
            if let meta = try? JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.appendingPathComponent("expected-metadata.json"))) as? [String: Any],
               meta.keys.contains("title") {
                titleCount += 1
                // As score-extraction compares: white space folded, case folded, "" as null.
                let expected = (meta["title"] as? String)?.normalizedForCompare.nilIfEmpty
                if expected == article?.metadata.title?.normalizedForCompare.nilIfEmpty { titleHits += 1 }
            }
            var json: [String: Any] = [:]
            if let a = article {
                let m = a.metadata
                func v(_ s: String?) -> Any { s ?? NSNull() }
                json = ["title": v(m.title), "byline": v(m.byline), "excerpt": v(m.excerpt),
                        "siteName": v(m.siteName), "lang": v(m.lang), "dir": v(m.dir?.rawValue),
                        "publishedTime": v(m.publishedTime), "content": a.content, "textContent": a.textContent,
                        "length": a.length, "url": v(m.url)]
            }
            let data = try JSONSerialization.data(withJSONObject: json)
            try data.write(to: outDir.appendingPathComponent(name + ".json"))
        }
        let mean = total / Double(names.count)
        for (name, f1) in rows.sorted(by: { $0.1 < $1.1 }).prefix(12) {
            print(String(format: "low  %-45@ F1 %.3f", name as NSString, f1))
        }
        for (name, t) in timings.sorted(by: { $0.1 > $1.1 }).prefix(5) {
            print(String(format: "slow %-45@ %.3f s", name as NSString, t))
        }
        print(String(format: "corpus pages %d  mean-F1 %.4f  title %.1f%% (%d/%d)  extraction seconds %.2f",
                     names.count, mean, 100 * Double(titleHits) / Double(max(1, titleCount)), titleHits, titleCount,
                     elapsed))
        #expect(mean >= 0.90)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }

    var normalizedForCompare: String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }
}

@Suite("Article extraction benchmark")
struct BenchmarkCorpusTests {
    /// Decompresses a `.gz` file with the system's gzip.
    static func gunzip(_ url: URL) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/gzip")
        p.arguments = ["-dc", url.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return data
    }

    @Test("Zyte benchmark pages extract without failing, with a reasonable mean F1")
    func benchmark() throws {
        let corpus = TestPaths.corpus.appendingPathComponent("article-extraction-benchmark")
        let truth = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: corpus.appendingPathComponent("ground-truth.json"))) as? [String: [String: Any]])
        var total = 0.0, count = 0, failures: [String] = []
        var rows: [(String, Double)] = []
        for key in truth.keys.sorted() {
            let gz = corpus.appendingPathComponent("html").appendingPathComponent(key + ".html.gz")
            guard FileManager.default.fileExists(atPath: gz.path) else { continue }
            let html = try Self.gunzip(gz)
            let want = TokenBag.tokens(truth[key]?["articleBody"] as? String ?? "")
            var got: [String: Int] = [:]
            do {
                let a = try Extractor.extract(html: html, url: truth[key]?["url"] as? String, baseDirectory: nil)
                got = TokenBag.tokens(a.textContent)
            } catch {
                failures.append(key)
            }
            let f1 = TokenBag.f1(got: got, want: want)
            rows.append((key, f1))
            total += f1
            count += 1
        }
        let mean = total / Double(max(1, count))
        for (name, f1) in rows.sorted(by: { $0.1 < $1.1 }).prefix(8) {
            print(String(format: "bench low %@ F1 %.3f", name as NSString, f1))
        }
        print(String(format: "benchmark pages %d  failed %d  mean-F1 %.4f", count, failures.count, mean))
        #expect(failures.isEmpty)
        #expect(mean >= 0.97)  // issue #3 target; 0.9767 measured
    }
}

@Suite("Trafilatura evaluation pages")
struct TrafilaturaCorpusTests {
    /// Slow (742 pages), so opt-in: OFFPRINT_FULL_CORPORA=1. Every page must extract or fail
    /// with an OffprintError, never trap; prints the pooled snippet scores as trafilatura does.
    @Test("every page extracts without trapping (OFFPRINT_FULL_CORPORA=1)")
    func allPages() throws {
        guard ProcessInfo.processInfo.environment["OFFPRINT_FULL_CORPORA"] != nil else { return }
        let corpus = TestPaths.corpus.appendingPathComponent("trafilatura-eval")
        let eval = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: corpus.appendingPathComponent("evaldata.json"))) as? [String: [String: Any]])
        var tp = 0, fn = 0, fp = 0, tn = 0, failed = 0, pages = 0
        var failures: [String] = []
        let start = Date()
        for (_, entry) in eval.sorted(by: { ($0.value["file"] as? String ?? "") < ($1.value["file"] as? String ?? "") }) {
            guard let file = entry["file"] as? String else { continue }
            let gz = corpus.appendingPathComponent("html").appendingPathComponent(file + ".gz")
            guard FileManager.default.fileExists(atPath: gz.path) else { continue }
            pages += 1
            let html = try BenchmarkCorpusTests.gunzip(gz)
            var text = ""
            do {
                text = try Extractor.extract(html: html, url: nil, baseDirectory: nil).textContent
            } catch {
                failed += 1
                failures.append(file)
            }
            let flat = text.normalizedForCompare
            for s in entry["with"] as? [String] ?? [] {
                if flat.contains(s.normalizedForCompare) { tp += 1 } else { fn += 1 }
            }
            for s in entry["without"] as? [String] ?? [] {
                if flat.contains(s.normalizedForCompare) { fp += 1 } else { tn += 1 }
            }
        }
        if !failures.isEmpty { print("trafilatura failed: " + failures.joined(separator: " ")) }
        let p = Double(tp) / Double(max(1, tp + fp)), r = Double(tp) / Double(max(1, tp + fn))
        print(String(format: "trafilatura pages %d  failed %d  P %.3f R %.3f F1 %.3f accuracy %.3f  seconds %.1f",
                     pages, failed, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r),
                     Double(tp + tn) / Double(max(1, tp + tn + fp + fn)), Date().timeIntervalSince(start)))
    }
}
