// `offprint import FILE.json` for the JSON export (docs/json-format.md, version 2): the round
// trip gives identical bytes (images, several revisions, tags, marks, edits, merged heads),
// a second import adds nothing, an import into a non-empty library merges as `pull` does,
// and a damaged document is refused whole with one line naming it, the library untouched.
import Foundation
import OffprintTestSupport
import Testing

@Suite struct JSONImportTests {
    let dir = TestPaths.temporaryDirectory()
    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func run(_ library: String, _ args: String..., stdin: Data? = nil) throws -> OffprintRun {
        try OffprintProcess.run(["--library", path(library)] + args, stdin: stdin)
    }

    func export(_ library: String, _ name: String) throws -> Data {
        let r = try run(library, "export", "--format", "json", "-o", path(name))
        #expect(r.status == 0, "\(r.stderr)")
        return try Data(contentsOf: URL(fileURLWithPath: path(name)))
    }

    func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// `a.sqlite`: the samples, the image case and the scraped Chinese case, with tags, marks
    /// and an edit on one article; returns that article's id.
    func populated() throws -> String {
        let images = TestPaths.cases.appendingPathComponent("images-srcset-lazy.html").path
        let zh = TestPaths.cases.appendingPathComponent("scraped-zh-article.txt").path
        #expect(try run("a.sqlite", "import", TestPaths.samples.path, images, zh).status == 0)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(try run("a.sqlite", "list", "--json").stdout.utf8)) as? [[String: Any]])
        let id = try #require(list.first { $0["title"] as? String == "Images in every modern form" }?["id"] as? String)
        #expect(try run("a.sqlite", "tag", id, "+pictures", "+later").status == 0)
        #expect(try run("a.sqlite", "mark", id, "--read", "--favorite").status == 0)
        #expect(try run("a.sqlite", "edit", id, "--title", "Images, edited").status == 0)
        #expect(try run("a.sqlite", "tag", id, "-later").status == 0)
        return id
    }

    @Test func roundTripGivesIdenticalBytes() throws {
        let id = try populated()
        let first = try export("a.sqlite", "a.json")
        let doc = try object(first)
        #expect(doc["version"] as? Int == 2)
        let articles = try #require(doc["articles"] as? [[String: Any]])
        #expect(articles.count == 5)
        let edited = try #require(articles.first { $0["id"] as? String == id })
        #expect(edited["title"] as? String == "Images, edited")
        #expect(edited["tags"] as? [String] == ["pictures"])
        let revisions = try #require(edited["revisions"] as? [[String: Any]])
        #expect(revisions.map { $0["change"] as? String } == ["import", "tag", "mark", "edit", "tag"])
        #expect(revisions.last?["hash"] as? String == edited["head"] as? String)
        #expect((doc["images"] as? [String: String])?.isEmpty == false)
        #expect((doc["blobs"] as? [String: String])?.count == 10)  // 5 sources, 5 bodies

        let imported = try run("b.sqlite", "import", path("a.json"))
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasSuffix("5 added, 0 updated, 0 unchanged, 0 skipped, 0 failed\n"))
        #expect(imported.stdout.contains("added      \(id.prefix(12)) Images, edited  [\(path("a.json"))]\n"))
        #expect(try export("b.sqlite", "b.json") == first)
        #expect(try run("b.sqlite", "history", id).stdout == (try run("a.sqlite", "history", id).stdout))
        #expect(try run("b.sqlite", "verify").stdout == "ok: library is intact\n")
        #expect(try run("b.sqlite", "search", "大型语言模型").stdout.contains("庆云古诗词"))

        // A second import adds nothing, and writes nothing.
        let before = try Data(contentsOf: URL(fileURLWithPath: path("b.sqlite")))
        let again = try run("b.sqlite", "import", "--json", path("a.json"))
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("{\"added\":0,\"updated\":0,\"unchanged\":5,\"skipped\":0,\"failed\":0,"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path("b.sqlite"))) == before)
        // ...and so it works while another writer holds the library (as on read-only
        // media): only a read is needed. It used to wait 5 s and fail "library is busy".
        let holder = try SQLiteLockHolder(path: path("b.sqlite"), mode: "IMMEDIATE")
        let whileHeld = try run("b.sqlite", "import", path("a.json"))
        holder.release()
        #expect(whileHeld.status == 0, "\(whileHeld.stderr)")
        #expect(whileHeld.stdout.hasSuffix("0 added, 0 updated, 5 unchanged, 0 skipped, 0 failed\n"))

        // Standard input works too.
        let piped = try run("c.sqlite", "import", "-", stdin: first)
        #expect(piped.stdout.hasSuffix("5 added, 0 updated, 0 unchanged, 0 skipped, 0 failed\n"))
        #expect(try export("c.sqlite", "c.json") == first)
    }

    @Test func mergedHeadsRoundTripAndImportMergesLikePull() throws {
        let id = try populated()
        // b: a copy that changes the same article differently; a pulls it: two leaves.
        try FileManager.default.copyItem(atPath: path("a.sqlite"), toPath: path("b.sqlite"))
        #expect(try run("a.sqlite", "edit", id, "--title", "Title on a").status == 0)
        #expect(try run("b.sqlite", "tag", id, "+from-b").status == 0)
        try FileManager.default.copyItem(atPath: path("b.sqlite"), toPath: path("c.sqlite"))
        #expect(try run("a.sqlite", "pull", path("b.sqlite")).status == 0)
        let merged = try export("a.sqlite", "a.json")
        let article = try #require((try object(merged)["articles"] as? [[String: Any]])?.first { $0["id"] as? String == id })
        #expect(article["title"] as? String == "Title on a")
        #expect(article["tags"] as? [String] == ["from-b", "pictures"])
        #expect(try run("e.sqlite", "import", path("a.json")).status == 0)
        #expect(try export("e.sqlite", "e.json") == merged)

        // Into a non-empty library: the same result as pulling from a.
        let imported = try run("c.sqlite", "import", path("a.json"))
        #expect(imported.stdout.contains("updated    \(id.prefix(12)) Title on a"))
        #expect(imported.stdout.hasSuffix("0 added, 1 updated, 4 unchanged, 0 skipped, 0 failed\n"))
        #expect(try run("b.sqlite", "pull", path("a.sqlite")).status == 0)
        #expect(try export("c.sqlite", "c.json") == (try export("b.sqlite", "b2.json")))
        #expect(try run("c.sqlite", "verify").status == 0)
    }

    /// The document `a.json` changed by `change` (on its parsed form), written as `name`.
    func tampered(_ name: String, _ change: (inout [String: Any]) -> Void) throws -> String {
        var doc = try object(try Data(contentsOf: URL(fileURLWithPath: path("a.json"))))
        change(&doc)
        try JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    @Test func damagedDocumentsAreRefusedWhole() throws {
        let id = try populated()
        let good = try export("a.sqlite", "a.json")
        #expect(try run("t.sqlite", "import", TestPaths.samples.appendingPathComponent("slow-reading.html").path).status == 0)
        let library = URL(fileURLWithPath: path("t.sqlite"))
        let before = try Data(contentsOf: library)

        try good.prefix(good.count / 2).write(to: URL(fileURLWithPath: path("truncated.json")))
        let imageKey = try #require((try object(good)["images"] as? [String: String])?.keys.first)
        func editArticle(_ doc: inout [String: Any], _ edit: (inout [String: Any]) -> Void) {
            var list = doc["articles"] as! [[String: Any]]
            let i = list.firstIndex { $0["id"] as? String == id }!
            edit(&list[i])
            doc["articles"] = list
        }
        let cases: [(String, String)] = [
            (path("truncated.json"), "not valid JSON (truncated or damaged)"),
            (try tampered("summary.json") { doc in editArticle(&doc) { $0["title"] = "Forged" } },
             "article \(id): title does not match its revisions"),
            (try tampered("revision.json") { doc in editArticle(&doc) { a in
                var revs = a["revisions"] as! [[String: Any]]
                revs[0]["read"] = true
                a["revisions"] = revs
            } }, "article \(id): revision "),
            (try tampered("dropped.json") { doc in editArticle(&doc) { a in
                a["revisions"] = Array((a["revisions"] as! [[String: Any]]).dropFirst())
            } }, "article \(id): revision "),
            (try tampered("blob.json") { doc in
                var images = doc["images"] as! [String: String]
                images[imageKey] = Data("not the image".utf8).base64EncodedString()
                doc["images"] = images
            }, "blob \(imageKey) hashes to "),
            (try tampered("missing-blob.json") { doc in
                var images = doc["images"] as! [String: String]
                images[imageKey] = nil
                doc["images"] = images
            }, "article "),
            (try tampered("newer.json") { $0["version"] = 3 }, "unsupported Offprint JSON version 3 (this Offprint reads up to 2)"),
            (try tampered("v1.json") { $0["version"] = 1 }, "Offprint JSON version 1 carries no revisions; export it again with this Offprint"),
            (try tampered("foreign.json") { $0["format"] = "wallabag" }, "not an Offprint JSON document (format \"wallabag\")"),
            (try tampered("shape.json") { doc in editArticle(&doc) { $0["read"] = "yes" } }, "malformed Offprint JSON (articles["),
        ]
        for (file, message) in cases {
            let r = try run("t.sqlite", "import", file)
            #expect(r.status == 1, "\(file)")
            #expect(r.stderr.hasPrefix("offprint: \(file): \(message)"), "\(r.stderr)")
            if file.hasSuffix("missing-blob.json") { #expect(r.stderr.contains("names a blob \(imageKey) the document lacks")) }
            #expect(r.stderr.split(separator: "\n").count == 1)
            #expect(r.stdout == "0 added, 0 updated, 0 unchanged, 0 skipped, 1 failed\n")
            #expect(try Data(contentsOf: library) == before, "\(file)")
        }
        // Nothing is created for a damaged document.
        #expect(try run("none.sqlite", "import", path("truncated.json")).status == 1)
        #expect(!FileManager.default.fileExists(atPath: path("none.sqlite")))
    }

    /// Another application's JSON (a bookmarks or read-later export) is refused with one
    /// line naming it, instead of becoming an article whose text is raw JSON; no library is
    /// created. A text file that merely starts with a bracket is still text.
    @Test func otherJSONIsRefused() throws {
        let bookmarks = TestPaths.cases.appendingPathComponent("importers/firefox-json/synthetic-bookmarks-2024-01-02.json").path
        let message = "a JSON document that is not an Offprint export (offprint import reads the JSON that offprint export --format json writes)"
        let r = try run("o.sqlite", "import", bookmarks)
        #expect(r.status == 1)
        #expect(r.stderr == "offprint: \(bookmarks): \(message)\n")
        #expect(!FileManager.default.fileExists(atPath: path("o.sqlite")))
        let array = try run("o.sqlite", "import", "-", stdin: Data("[{\"item_id\": \"1\", \"given_title\": \"Hi\"}]\n".utf8))
        #expect(array.status == 1)
        #expect(array.stderr == "offprint: -: \(message)\n")
        #expect(!FileManager.default.fileExists(atPath: path("o.sqlite")))
        let note = dir.appendingPathComponent("note.txt")
        try Data("[Draft] Notes on margins\n\nThe first paragraph of the note, long enough to be an article.\n".utf8).write(to: note)
        let text = try run("o.sqlite", "import", note.path)
        #expect(text.status == 0, "\(text.stderr)")
    }
}
