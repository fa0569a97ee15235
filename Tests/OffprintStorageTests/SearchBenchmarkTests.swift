// The library for the search benchmark (bench/search.bench.sh, `make bench`): 10,000
// synthetic articles of about 2,000 characters each (English words, and a Chinese passage
// in every tenth), made through the storage API, so the index is built as an import builds
// it. Runs only when OFFPRINT_BENCH_SEARCH_DIR names a directory; writes
// `search-10000.sqlite` there. Speed is measured by the script, never asserted here.
import Foundation
import OffprintModel
import OffprintStorage
import OffprintTestSupport
import Testing

@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["OFFPRINT_BENCH_SEARCH_DIR"] != nil))
struct SearchBenchmarkTests {
    static let words = """
        reading archive library paper margin letter column window harbour season garden river \
        morning evening kitchen station journey winter summer author editor printer chapter \
        quiet careful patient slow bright narrow distant common simple honest public private \
        keeps finds writes carries follows returns opens closes gathers sorts notes remembers
        """.split(separator: " ").map(String.init)
    static let chinese = "大型语言模型的范式转变，离线阅读的未来。图书馆保存每一篇文章的每一个版本。"

    @Test func generate() throws {
        let dir = URL(fileURLWithPath: ProcessInfo.processInfo.environment["OFFPRINT_BENCH_SEARCH_DIR"]!)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("search-10000.sqlite")
        try? FileManager.default.removeItem(at: url)
        let library = try Library.open(at: url, clock: SteppingClock(), replica: Fixture.replicaA)
        defer { library.close() }
        var state: UInt64 = 42
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        var revisions: [Revision] = []
        var blobs: [(ContentHash, Data)] = []
        for i in 0..<10_000 {
            var paragraphs: [String] = []
            for _ in 0..<6 {
                paragraphs.append("<p>" + (0..<50).map { _ in Self.words[next() % Self.words.count] }.joined(separator: " ") + ".</p>")
            }
            if i % 10 == 0 { paragraphs.insert("<p>\(Self.chinese)</p>", at: next() % paragraphs.count) }
            let body = Data(paragraphs.joined(separator: "\n").utf8)
            let title = (0..<5).map { _ in Self.words[next() % Self.words.count] }.joined(separator: " ")
            let b = ContentHash(of: body)
            blobs.append((b, body))
            revisions.append(Revision(
                articleID: ArticleID(canonicalURL: "https://bench.example/\(i)"), parents: [],
                time: HLCTimestamp(physical: 1_704_067_200_000 + Int64(i)), replica: Fixture.replicaA,
                change: .import, metadata: ArticleMetadata(title: "\(title) \(i)", url: "https://bench.example/\(i)"),
                state: ArticleState(), body: b, source: nil, sourceType: nil, images: []))
        }
        try library.insert(revisions: revisions, blobs: blobs)
        #expect(try library.searchIndex("范式转变")?.count == 1_000)
    }
}
