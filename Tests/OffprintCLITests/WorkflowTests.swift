// The everyday commands end to end: import the samples, list, show, change, history, export.
import Foundation
import OffprintTestSupport
import Testing

@Suite struct WorkflowTests {
    let dir = TestPaths.temporaryDirectory()
    var library: String { dir.appendingPathComponent("library.sqlite").path }

    func offprint(_ args: String...) throws -> OffprintRun {
        try OffprintProcess.run(["--library", library] + args)
    }

    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    func articles() throws -> [[String: Any]] {
        let r = try offprint("list", "--json")
        #expect(r.status == 0)
        return try json(r.stdout) as! [[String: Any]]
    }

    func article(titled title: String) throws -> [String: Any] {
        let all = try articles()
        return try #require(all.first { $0["title"] as? String == title })
    }

    @Test func importSamplesThenAgain() throws {
        let first = try offprint("import", TestPaths.samples.path)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasSuffix("3 added, 0 updated, 0 unchanged, 0 skipped, 0 failed\n"))
        let again = try offprint("import", TestPaths.samples.path)
        #expect(again.status == 0)
        #expect(again.stdout.hasSuffix("0 added, 0 updated, 3 unchanged, 0 skipped, 0 failed\n"))
        let list = try articles()
        #expect(list.count == 3)
        let keys: Set<String> = ["id", "title", "url", "byline", "siteName", "lang", "addedAt", "updatedAt",
                                 "head", "tags", "read", "favorite", "archived"]
        for a in list { #expect(Set(a.keys) == keys) }
        let page = try article(titled: "The Case for Slow Reading")
        #expect(page["url"] as? String == "https://sampler.offprint.example/2026/slow-reading")
        #expect(page["siteName"] as? String == "The Offprint Sampler")
        #expect(page["lang"] as? String == "en")
        #expect((page["id"] as? String)?.count == 64)
    }

    @Test func changesAreRevisionsInHistory() throws {
        #expect(try offprint("import", TestPaths.samples.path).status == 0)
        let page = try article(titled: "The Case for Slow Reading")
        let id = String((page["id"] as! String).prefix(8))
        #expect(try offprint("tag", id, "+essays", "+slow").status == 0)
        #expect(try offprint("tag", id, "-slow").status == 0)
        #expect(try offprint("mark", id, "--read", "--favorite").status == 0)
        #expect(try offprint("edit", id, "--title", "Slow Reading, Revisited").status == 0)
        let after = try article(titled: "Slow Reading, Revisited")
        #expect(after["tags"] as? [String] == ["essays"])
        #expect(after["read"] as? Bool == true)
        #expect(after["favorite"] as? Bool == true)
        #expect(after["archived"] as? Bool == false)
        #expect(after["head"] as? String != page["head"] as? String)

        let h = try offprint("history", id, "--json")
        let history = try json(h.stdout) as! [[String: Any]]
        #expect(history.map { $0["change"] as? String } == ["edit", "mark", "tag", "tag", "import"])
        #expect(history[0]["hash"] as? String == after["head"] as? String)
        #expect((history[0]["parents"] as? [String]) == [history[1]["hash"] as! String])
        #expect((history[0]["changed"] as? [String]) == ["title"])

        let del = try offprint("delete", id)
        #expect(del.status == 0)
        #expect(try articles().count == 2)
        let h2 = try json(try offprint("history", id, "--json").stdout) as! [[String: Any]]
        #expect(h2.first?["change"] as? String == "delete")
        #expect(h2.first?["deleted"] as? Bool == true)
    }

    @Test func showFormats() throws {
        #expect(try offprint("import", TestPaths.samples.appendingPathComponent("markdown-field-notes.md").path).status == 0)
        let id = try article(titled: "Field Notes on Keeping an Archive")["id"] as! String
        let text = try offprint("show", String(id.prefix(6)))
        #expect(text.status == 0)
        #expect(text.stdout.contains("Field Notes on Keeping an Archive"))
        #expect(text.stdout.contains("Save the source."))
        let html = try offprint("show", id, "--format", "html")
        #expect(html.stdout.contains("<table>"))
        #expect(html.stdout.contains("<strong>Save the source.</strong>"))
        let j = try json(try offprint("show", id, "--format", "json").stdout) as! [String: Any]
        #expect(j["id"] as? String == id)
        #expect((j["content"] as? String)?.contains("<blockquote>") == true)
    }

    @Test func extractJSONHasReadabilityFields() throws {
        let r = try OffprintProcess.run(["extract", "--json", TestPaths.samples.appendingPathComponent("slow-reading.html").path])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let o = try json(String(lines[0])) as! [String: Any]
        #expect(Set(o.keys) == ["title", "byline", "excerpt", "siteName", "lang", "dir", "publishedTime",
                                "content", "textContent", "length", "url"])
        #expect(o["title"] as? String == "The Case for Slow Reading")
        #expect(o["byline"] as? String == "Ada Marlowe")
        #expect(o["siteName"] as? String == "The Offprint Sampler")
        let text = o["textContent"] as! String
        #expect(text.contains("Scholars have long kept offprints"))
        #expect(!text.contains("Privacy"))
        #expect(!text.contains("Fast reading, reconsidered"))
        #expect(o["length"] as? Int == text.count)
    }

    @Test func exportJSONIsSortedAndDeterministic() throws {
        #expect(try offprint("import", TestPaths.samples.path).status == 0)
        let a = dir.appendingPathComponent("a.json").path, b = dir.appendingPathComponent("b.json").path
        #expect(try offprint("export", "--format", "json", "-o", a).status == 0)
        #expect(try offprint("export", "--format", "json", "-o", b).status == 0)
        let da = try Data(contentsOf: URL(fileURLWithPath: a))
        #expect(da == (try Data(contentsOf: URL(fileURLWithPath: b))))
        let doc = try json(String(decoding: da, as: UTF8.self)) as! [String: Any]
        #expect(doc["format"] as? String == "offprint")
        #expect(doc["version"] as? Int == 2)
        let ids = (doc["articles"] as! [[String: Any]]).map { $0["id"] as! String }
        #expect(ids.count == 3)
        #expect(ids == ids.sorted())
    }

    @Test func exportEPUBWithTheSampleImage() throws {
        #expect(try offprint("import", TestPaths.samples.path).status == 0)
        let out = dir.appendingPathComponent("samples.epub")
        let r = try offprint("export", "--format", "epub", "-o", out.path)
        #expect(r.status == 0, "\(r.stderr)")
        let bytes = try Data(contentsOf: out)
        // The local file header of the first entry: "mimetype", stored, no extra field.
        #expect(bytes.prefix(4) == Data([0x50, 0x4b, 0x03, 0x04]))
        #expect(bytes[8] == 0 && bytes[9] == 0)          // compression method: stored
        #expect(bytes[28] == 0 && bytes[29] == 0)        // extra field length
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[38..<58], as: UTF8.self) == "application/epub+zip")
    }
}
