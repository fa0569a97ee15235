// `offprint export` and `offprint search` end to end: every format twice from the same
// library with SOURCE_DATE_EPOCH gives identical bytes; selection flags; the two-character
// search the scraped Chinese case needs.
import Foundation
import OffprintTestSupport
import Testing

@Suite(.serialized) struct ExportCommandTests {
    static let library: URL = {
        let lib = TestPaths.temporaryDirectory().appendingPathComponent("lib.sqlite")
        _ = try? OffprintProcess.run(["--library", lib.path, "import", TestPaths.samples.path, TestPaths.cases.path])
        return lib
    }()

    func offprint(_ args: String...) throws -> OffprintRun {
        try OffprintProcess.run(["--library", Self.library.path] + args, environment: ["SOURCE_DATE_EPOCH": "1795949228"])
    }

    /// Every file under `url` (or the file itself), by relative path.
    func tree(_ url: URL) throws -> [String: Data] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else { return [:] }
        if !isDir.boolValue { return ["": try Data(contentsOf: url)] }
        var out: [String: Data] = [:]
        for case let p as String in FileManager.default.enumerator(atPath: url.path)! {
            let f = url.appendingPathComponent(p)
            var d: ObjCBool = false
            if FileManager.default.fileExists(atPath: f.path, isDirectory: &d), !d.boolValue { out[p] = try Data(contentsOf: f) }
        }
        return out
    }

    @Test(arguments: [("epub", "book.epub"), ("json", "all.json"), ("html", "site"), ("html", "site.zip"),
                      ("text", "txt"), ("text", "txt.zip"), ("markdown", "vault"), ("markdown", "vault.zip")])
    func everyFormatIsDeterministic(_ format: String, _ name: String) throws {
        var outputs: [[String: Data]] = []
        for _ in 0..<2 {
            let out = TestPaths.temporaryDirectory().appendingPathComponent(name)
            let r = try offprint("export", "--format", format, "-o", out.path)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("wrote \(out.path) ("))
            outputs.append(try tree(out))
        }
        #expect(!outputs[0].isEmpty)
        #expect(outputs[0] == outputs[1])
    }

    @Test func singleFileAndStreamAreDeterministic() throws {
        let a = try offprint("export", "--format", "text", "-o", "-", "--wrap", "60")
        let b = try offprint("export", "--format", "text", "-o", "-", "--wrap", "60")
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.contains("Tom & Jerry <3 \"quotes\" — C++ / a:b?\n"))
        let dir = TestPaths.temporaryDirectory()
        for n in ["1.html", "2.html"] {
            #expect(try offprint("export", "--format", "html", "--single-file", "-o", dir.appendingPathComponent(n).path).status == 0)
        }
        #expect(try Data(contentsOf: dir.appendingPathComponent("1.html")) == Data(contentsOf: dir.appendingPathComponent("2.html")))
    }

    @Test func selectionFlags() throws {
        let all = try offprint("list").stdout.split(separator: "\n").count
        let two = try offprint("export", "--format", "text", "-o", "-", "--limit", "2")
        #expect(two.stderr.contains("(2 articles, text)"))
        let titled = try offprint("export", "--format", "text", "-o", "-", "--sort", "title", "--limit", "1")
        #expect(titled.stdout.hasPrefix("A "))
        let unread = try offprint("export", "--format", "json", "-o", TestPaths.temporaryDirectory().appendingPathComponent("u.json").path, "--unread")
        #expect(unread.stderr.contains("(\(all) articles, json)"))
        let none = try offprint("export", "--format", "text", "-o", "-", "--tag", "no-such-tag")
        #expect(none.status == 4)
        let future = try offprint("export", "--format", "text", "-o", "-", "--since", "2999-01-01")
        #expect(future.status == 4)
        let bad = try offprint("export", "--format", "text", "-o", "-", "--since", "yesterday")
        #expect(bad.status == 64)
        let epubStdout = try offprint("export", "--format", "epub", "-o", "-")
        #expect(epubStdout.status == 64)
        let zh = try offprint("export", "--format", "text", "-o", "-", "--search", "范式")
        #expect(zh.status == 0)
        #expect(zh.stdout.contains("大型语言模型"))
    }

    @Test func searchFindsTheScrapedChineseArticle() throws {
        for q in ["范式", "大型语言模型"] {
            let r = try offprint("search", q, "--json")
            #expect(r.status == 0)
            let hits = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
            #expect(hits.contains { ($0["title"] as? String) == "庆云古诗词" && ($0["snippet"] as? String)?.contains("[\(q)]") == true }, "\(q): \(r.stdout.prefix(300))")
        }
        let text = try offprint("search", "slow reading")
        #expect(text.stdout.contains("The Case for Slow Reading"))
        #expect(try offprint("search", "zzqqxx-nothing").stdout.isEmpty)
    }

    /// A file output (EPUB, JSON, single-file HTML, a .zip bundle) that names an existing
    /// directory is refused, exit 3, and the directory and what it holds stay; a missing
    /// parent directory is named as the path given, never as a temporary file.
    @Test(arguments: [["--format", "epub"], ["--format", "json"], ["--format", "html", "--single-file"],
                      ["--format", "markdown"]])
    func aDirectoryIsNeverReplacedByAFile(_ format: [String]) throws {
        let dir = TestPaths.temporaryDirectory().appendingPathComponent(format.contains("markdown") ? "keep.zip" : "keep")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let notes = dir.appendingPathComponent("notes.txt")
        try Data("important".utf8).write(to: notes)
        let r = try OffprintProcess.run(["--library", Self.library.path, "export"] + format + ["-o", dir.path])
        #expect(r.status == 3)
        #expect(r.stderr == "offprint: \(dir.path): is a directory; give a file name\n")
        #expect(try Data(contentsOf: notes) == Data("important".utf8))
        let missing = TestPaths.temporaryDirectory().appendingPathComponent(format.contains("markdown") ? "no/such/dir/out.zip" : "no/such/dir/out.file")
        let m = try OffprintProcess.run(["--library", Self.library.path, "export"] + format + ["-o", missing.path])
        #expect(m.status == 3)
        #expect(m.stderr == "offprint: \(missing.path): the directory it would go in does not exist\n")
    }
}
