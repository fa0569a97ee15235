// ZIPWriter: archives read back by ZIPFoundation (another implementation), stored and
// deflated entries, UTF-8 names, fixed timestamps, Zip64 past 65,535 entries, and the
// ZIPFoundation growth measurement (run only when OFFPRINT_BENCH_ZIP is set).
import Foundation
import OffprintExport
import OffprintModel
import OffprintTestSupport
import Testing
import ZIPFoundation

@Suite struct ZIPWriterTests {
    func write(_ entries: [(String, Data, Bool)], modified: Date = Fixtures.modified) throws -> URL {
        let url = TestPaths.temporaryDirectory().appendingPathComponent("t.zip")
        let zip = try ZIPWriter(url: url, modified: modified)
        for (n, d, c) in entries { try zip.add(n, d, compressed: c) }
        try zip.finish()
        return url
    }

    @Test func readBackByZIPFoundation() throws {
        let big = Data(String(repeating: "offprint ", count: 10_000).utf8)
        let url = try write([("mimetype", Data("application/epub+zip".utf8), false),
                             ("a/big.txt", big, true), ("empty", Data(), true),
                             ("名前/ファイル.txt", Data("日本語".utf8), true)])
        let entries = try Fixtures.entries(url)
        #expect(entries.map(\.path) == ["mimetype", "a/big.txt", "empty", "名前/ファイル.txt"])
        #expect(entries[1].data == big)
        #expect(entries[2].data.isEmpty)
        #expect(String(decoding: entries[3].data, as: UTF8.self) == "日本語")
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as! Int
        #expect(size < big.count / 20) // deflated
        let archive = try Archive(url: url, accessMode: .read)
        for e in archive {
            #expect(e.fileAttributes[.modificationDate] as? Date != nil)
            #expect((e.fileAttributes[.posixPermissions] as? Int16).map(Int.init) == 0o644)
        }
    }

    @Test func crc32KnownValue() {
        #expect(ZIPWriter.crc32(Data("123456789".utf8)) == 0xCBF4_3926)
        #expect(ZIPWriter.crc32(Data()) == 0)
    }

    @Test func sameInputSameBytesAndUnzipAgrees() throws {
        let entries = (0..<50).map { ("f\($0).txt", Data("file \($0)\n".utf8), $0 % 2 == 0) }
        let one = try Data(contentsOf: write(entries))
        let two = try Data(contentsOf: write(entries))
        #expect(one == two)
        // 2026-11-29 10:47:08 UTC as DOS date and time in the first local header.
        let b = [UInt8](one)
        let time = Int(b[10]) | Int(b[11]) << 8, date = Int(b[12]) | Int(b[13]) << 8
        #expect(time >> 11 == 10 && (time >> 5) & 63 == 47 && (time & 31) * 2 == 8)
        #expect(date >> 9 + 1980 == 2026 && (date >> 5) & 15 == 11 && date & 31 == 29)
    }

    @Test func duplicateNameIsRefused() throws {
        let url = TestPaths.temporaryDirectory().appendingPathComponent("d.zip")
        let zip = try ZIPWriter(url: url, modified: Fixtures.modified)
        try zip.add("a", Data("1".utf8))
        #expect(throws: OffprintError.self) { try zip.add("a", Data("2".utf8)) }
    }

    @Test func zip64PastSixtyFiveThousandEntries() throws {
        let n = 70_000
        let url = TestPaths.temporaryDirectory().appendingPathComponent("many.zip")
        let zip = try ZIPWriter(url: url, modified: Fixtures.modified)
        for i in 0..<n { try zip.add("e/\(i)", Data("\(i)".utf8), compressed: false) }
        try zip.finish()
        let archive = try Archive(url: url, accessMode: .read)
        var count = 0
        var last = Data()
        for e in archive {
            count += 1
            if e.path == "e/69999" { _ = try archive.extract(e) { last.append($0) } }
        }
        #expect(count == n)
        #expect(String(decoding: last, as: UTF8.self) == "69999")
    }
}

/// The cost of ZIPFoundation 0.9.20's `addEntry` against ZIPWriter for 1,000 and 10,000
/// small entries (bench/export.bench.sh runs it and keeps the table).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["OFFPRINT_BENCH_ZIP"] != nil))
struct ZIPGrowthBench {
    func seconds(_ body: () throws -> Void) rethrows -> Double {
        let t = Date()
        try body()
        return Date().timeIntervalSince(t)
    }

    @Test func growth() throws {
        let payload = Data(String(repeating: "<p>small entry</p>\n", count: 20).utf8)
        var rows = ["| entries | ZIPFoundation addEntry (s) | ZIPWriter (s) |", "|---:|---:|---:|"]
        for n in [1_000, 10_000] {
            let dir = TestPaths.temporaryDirectory()
            let zf = try seconds {
                let archive = try Archive(url: dir.appendingPathComponent("zf.zip"), accessMode: .create)
                for i in 0..<n {
                    try archive.addEntry(with: "e/\(i).xhtml", type: .file, uncompressedSize: Int64(payload.count),
                                         compressionMethod: .deflate) { pos, size in
                        payload.subdata(in: Int(pos)..<Int(pos) + size)
                    }
                }
            }
            let ours = try seconds {
                let zip = try ZIPWriter(url: dir.appendingPathComponent("ours.zip"), modified: Fixtures.modified)
                for i in 0..<n { try zip.add("e/\(i).xhtml", payload) }
                try zip.finish()
            }
            rows.append("| \(n) | \(String(format: "%.2f", zf)) | \(String(format: "%.2f", ours)) |")
        }
        let table = rows.joined(separator: "\n") + "\n"
        print(table)
        if let out = ProcessInfo.processInfo.environment["OFFPRINT_BENCH_ZIP_OUT"] {
            try Data(table.utf8).write(to: URL(fileURLWithPath: out))
        }
    }
}
