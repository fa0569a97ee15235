// The sync commands end to end (docs/cli.md): sync with concurrent changes on two copies,
// conflicts, restore, pull, state and bundles, with their JSON shapes and exit statuses.
import Foundation
import OffprintTestSupport
import Testing

@Suite struct SyncCommandTests {
    let dir = TestPaths.temporaryDirectory()
    var a: String { dir.appendingPathComponent("a.sqlite").path }
    var b: String { dir.appendingPathComponent("b.sqlite").path }

    func run(_ library: String, _ args: String...) throws -> OffprintRun {
        try OffprintProcess.run(["--library", library] + args)
    }

    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    /// a with the samples, b a copy of it, and the id of the slow-reading page.
    func setUp() throws -> String {
        #expect(try run(a, "import", TestPaths.samples.path).status == 0)
        try FileManager.default.copyItem(atPath: a, toPath: b)
        let list = try json(try run(a, "list", "--json").stdout) as! [[String: Any]]
        return try #require(list.first { $0["title"] as? String == "The Case for Slow Reading" }?["id"] as? String)
    }

    @Test func concurrentChangesMergeAndConflictsAreListed() throws {
        let id = try setUp()
        #expect(try run(a, "edit", id, "--title", "Title from a").status == 0)
        #expect(try run(b, "tag", id, "+from-b").status == 0)
        usleep(20_000)
        #expect(try run(b, "edit", id, "--title", "Title from b").status == 0)
        let sync = try run(a, "sync", b, "--json")
        #expect(sync.status == 0)
        #expect(sync.stdout == "{\"sent\":{\"revisions\":1,\"blobs\":0},\"received\":{\"revisions\":2,\"blobs\":0}}\n")
        let listA = try run(a, "list", "--json").stdout, listB = try run(b, "list", "--json").stdout
        #expect(listA == listB)
        let page = try #require((try json(listA) as! [[String: Any]]).first { $0["id"] as? String == id })
        #expect(page["title"] as? String == "Title from b")
        #expect(page["tags"] as? [String] == ["from-b"])

        let conflicts = try run(a, "conflicts", "--json")
        #expect(conflicts.status == 0)
        let items = try json(conflicts.stdout) as! [[String: Any]]
        #expect(items.count == 1)
        #expect(Set(items[0].keys) == ["article", "field", "kept", "lost", "revisions"])
        #expect(items[0]["article"] as? String == id)
        #expect(items[0]["field"] as? String == "title")
        #expect(items[0]["kept"] as? String == "Title from b")
        #expect(items[0]["lost"] as? String == "Title from a")
        #expect((items[0]["revisions"] as? [String])?.count == 2)
        #expect(try run(b, "conflicts", "--json").stdout == conflicts.stdout)
        #expect(try run(a, "conflicts").stdout.contains("title: kept \"Title from b\", lost \"Title from a\""))
        #expect(try run(a, "sync", b).stdout == "sent 0 revisions, 0 blobs; received 0 revisions, 0 blobs\n")
        #expect(try run(a, "verify").stdout == "ok: library is intact\n")
    }

    @Test func restoreAnOldRevisionByPrefix() throws {
        let id = try setUp()
        let history = try json(try run(a, "history", id, "--json").stdout) as! [[String: Any]]
        let first = try #require(history.last?["hash"] as? String)
        #expect(try run(a, "edit", id, "--title", "Renamed").status == 0)
        let restored = try run(a, "restore", String(id.prefix(8)), String(first.prefix(10)), "--json")
        #expect(restored.status == 0)
        let report = try json(restored.stdout) as! [String: Any]
        #expect(report["changed"] as? Bool == true)
        let after = try json(try run(a, "history", id, "--json").stdout) as! [[String: Any]]
        #expect(after.first?["change"] as? String == "restore")
        #expect(after.first?["title"] as? String == "The Case for Slow Reading")
        #expect(try run(a, "restore", id, String(first.prefix(10))).stdout.hasPrefix("unchanged "))
        let missing = try run(a, "restore", id, "ffffffffff")
        #expect(missing.status == 4)
        #expect(missing.stderr == "offprint: ffffffffff: no revision of this article matches this hash\n")
    }

    @Test func pullIsOneWay() throws {
        let id = try setUp()
        #expect(try run(b, "tag", id, "+only-b").status == 0)
        #expect(try run(a, "mark", id, "--read").status == 0)
        let bBefore = try Data(contentsOf: URL(fileURLWithPath: b))
        let pull = try run(a, "pull", b, "--json")
        #expect(pull.status == 0)
        #expect(pull.stdout == "{\"received\":{\"revisions\":1,\"blobs\":0}}\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: b)) == bBefore)
        let page = try #require((try json(try run(a, "list", "--json").stdout) as! [[String: Any]]).first { $0["id"] as? String == id })
        #expect(page["tags"] as? [String] == ["only-b"])
        #expect(page["read"] as? Bool == true)
    }

    @Test func bundlesCarryChangesBetweenMachines() throws {
        let id = try setUp()
        let state = try run(b, "state")
        #expect(state.status == 0)
        #expect(state.stdout.hasPrefix("ofs1."))
        let token = state.stdout.trimmingCharacters(in: .newlines)
        #expect(try run(a, "tag", id, "+carried").status == 0)
        let file = dir.appendingPathComponent("changes.bundle").path
        // --library before the nested subcommand reaches it.
        let created = try OffprintProcess.run(["--library", a, "bundle", "create", "-o", file, "--since", token, "--json"])
        #expect(created.status == 0, "\(created.stderr)")
        let size = try #require((try json(created.stdout) as! [String: Any])["bytes"] as? Int)
        #expect((try json(created.stdout) as! [String: Any])["revisions"] as? Int == 1)
        #expect((try json(created.stdout) as! [String: Any])["blobs"] as? Int == 0)
        #expect(size == (try Data(contentsOf: URL(fileURLWithPath: file))).count)

        // Truncated: refused whole, exit 1, b unchanged.
        let bBefore = try Data(contentsOf: URL(fileURLWithPath: b))
        let cut = dir.appendingPathComponent("cut.bundle").path
        try Data(try Data(contentsOf: URL(fileURLWithPath: file)).prefix(size - 3)).write(to: URL(fileURLWithPath: cut))
        let refused = try run(b, "bundle", "apply", cut)
        #expect(refused.status == 1)
        #expect(refused.stderr == "offprint: \(cut): bundle is truncated\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: b)) == bBefore)

        let applied = try run(b, "bundle", "apply", file, "--json")
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stdout == "{\"received\":{\"revisions\":1,\"blobs\":0}}\n")
        #expect(try run(a, "list", "--json").stdout == run(b, "list", "--json").stdout)
        #expect(try run(b, "verify").status == 0)

        let bad = try run(a, "bundle", "create", "-o", file, "--since", "ofs1.nonsense")
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("offprint: ofs1.nonsense: not an offprint state token"))
    }
}
