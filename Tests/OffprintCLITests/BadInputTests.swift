// Bad input through the command line: one clear line on stderr naming the file and the
// problem, a non-zero exit, and the library byte-for-byte unchanged.
import Foundation
import OffprintTestSupport
import Testing

@Suite struct BadInputTests {
    let dir = TestPaths.temporaryDirectory()
    var library: URL { dir.appendingPathComponent("library.sqlite") }

    /// A library holding the sample page, and its bytes.
    func populatedLibrary() throws -> Data {
        let page = TestPaths.samples.appendingPathComponent("slow-reading.html").path
        let r = try OffprintProcess.run(["--library", library.path, "import", page])
        #expect(r.status == 0, "\(r.stderr)")
        return try Data(contentsOf: library)
    }

    func write(_ name: String, _ data: Data) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    @Test func missingPath() throws {
        let before = try populatedLibrary()
        let missing = dir.appendingPathComponent("nope.html").path
        let r = try OffprintProcess.run(["--library", library.path, "import", missing])
        #expect(r.status == 1)
        #expect(r.stderr == "offprint: \(missing): no such file or directory\n")
        #expect(try Data(contentsOf: library) == before)
    }

    @Test func emptyFile() throws {
        let before = try populatedLibrary()
        let empty = try write("empty.html", Data())
        let r = try OffprintProcess.run(["--library", library.path, "import", empty.path])
        #expect(r.status == 1)
        #expect(r.stderr == "offprint: \(empty.path): file is empty\n")
        #expect(try Data(contentsOf: library) == before)
    }

    @Test func binaryFile() throws {
        let before = try populatedLibrary()
        var bytes = Data([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00])
        bytes.append(Data((0..<512).map { UInt8(truncatingIfNeeded: $0 &* 37) }))
        let bin = try write("program.txt", bytes)
        let r = try OffprintProcess.run(["--library", library.path, "import", bin.path])
        #expect(r.status == 1)
        #expect(r.stderr == "offprint: \(bin.path): binary file, not HTML, text or Markdown\n")
        #expect(try Data(contentsOf: library) == before)
    }

    @Test func oneBadFileDoesNotStopTheOthers() throws {
        let empty = try write("empty.md", Data())
        let good = TestPaths.samples.appendingPathComponent("plain-text-letter.txt").path
        let r = try OffprintProcess.run(["--library", library.path, "import", empty.path, good])
        #expect(r.status == 1)
        #expect(r.stdout.contains("1 added, 0 updated, 0 unchanged, 0 skipped, 1 failed"))
        let list = try OffprintProcess.run(["--library", library.path, "list", "--json"])
        #expect(list.stdout.contains("\"title\":\"A Letter About Margins\""))
    }

    @Test func textFileAsLibrary() throws {
        let notes = try write("notes.txt", Data("just some notes\n".utf8))
        let page = TestPaths.samples.appendingPathComponent("slow-reading.html").path
        let r = try OffprintProcess.run(["--library", notes.path, "import", page])
        #expect(r.status == 3)
        #expect(r.stderr == "offprint: \(notes.path): not an Offprint library (not an SQLite database)\n")
        #expect(try Data(contentsOf: notes) == Data("just some notes\n".utf8))
    }

    @Test func otherAppsSQLiteFileAsLibraryAndAsSyncPeer() throws {
        let other = dir.appendingPathComponent("other-app.sqlite")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [other.path, "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES('hello');"]
        try p.run()
        p.waitUntilExit()
        let before = try Data(contentsOf: other)
        let asLibrary = try OffprintProcess.run(["list", "--library", other.path])
        #expect(asLibrary.status == 3)
        #expect(asLibrary.stderr.hasPrefix("offprint: \(other.path): not an Offprint library (application_id "))
        _ = try populatedLibrary()
        let mine = try Data(contentsOf: library)
        let asPeer = try OffprintProcess.run(["--library", library.path, "sync", other.path])
        #expect(asPeer.status == 3)
        #expect(asPeer.stderr.hasPrefix("offprint: \(other.path): not an Offprint library (application_id "))
        #expect(try Data(contentsOf: other) == before)
        #expect(try Data(contentsOf: library) == mine)
    }

    @Test func emptyFileAsLibrary() throws {
        let empty = try write("empty.sqlite", Data())
        let r = try OffprintProcess.run(["--library", empty.path, "list"])
        #expect(r.status == 3)
        #expect(r.stderr == "offprint: \(empty.path): not an Offprint library (empty file)\n")
        #expect(try Data(contentsOf: empty).isEmpty)
    }

    @Test func libraryUnderARegularFile() throws {
        let file = try write("plain", Data("x".utf8))
        let target = file.appendingPathComponent("library.sqlite").path
        let page = TestPaths.samples.appendingPathComponent("slow-reading.html").path
        let r = try OffprintProcess.run(["--library", target, "import", page])
        #expect(r.status == 3)
        #expect(r.stderr == "offprint: \(target): cannot create library: \(file.path) is not a directory\n")
        #expect(try Data(contentsOf: file) == Data("x".utf8))
    }

    @Test func unknownArticleID() throws {
        _ = try populatedLibrary()
        let r = try OffprintProcess.run(["--library", library.path, "show", "ffffffff"])
        #expect(r.status == 4)
        #expect(r.stderr == "offprint: ffffffff: no article matches this id\n")
    }
}

@Suite struct FailedImportCreatesNothing {
    @Test func noLibraryFileWhenEveryFileFails() throws {
        let dir = TestPaths.temporaryDirectory()
        let library = dir.appendingPathComponent("new.sqlite")
        let r = try OffprintProcess.run(["--library", library.path, "import", dir.appendingPathComponent("missing.html").path])
        #expect(r.status == 1)
        #expect(!FileManager.default.fileExists(atPath: library.path))
    }

    @Test func standardInput() throws {
        let dir = TestPaths.temporaryDirectory()
        let library = dir.appendingPathComponent("l.sqlite").path
        let page = "<html><head><title>From a pipe</title></head><body><article><p>" +
            String(repeating: "Text that arrived on standard input, long enough to be an article. ", count: 8) +
            "</p></article></body></html>"
        let r = try OffprintProcess.run(["--library", library, "import", "-"], stdin: Data(page.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("From a pipe"))
        #expect(r.stdout.hasSuffix("1 added, 0 updated, 0 unchanged, 0 skipped, 0 failed\n"))
    }
}
