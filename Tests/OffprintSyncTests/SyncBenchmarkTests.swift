// Library pairs for the sync benchmark (bench/sync.bench.sh, `make bench`): libraries of
// 10,000 and 100,000 synthetic articles made directly through the storage API, as pairs
// with no difference, 1% and 50% of the articles changed (half on each side). Runs only
// when OFFPRINT_BENCH_DIR names a directory; writes `a-N-P.sqlite`, `b-N-P.sqlite` and
// `pairs.tsv` (n, percent, revisions changed, bytes of changed revisions) there. Speed is
// measured by the script with the release binary, never asserted here.
import Foundation
import OffprintModel
import OffprintStorage
import OffprintSync
import OffprintTestSupport
import Testing

@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["OFFPRINT_BENCH_DIR"] != nil))
struct SyncBenchmarkTests {
    static let t0: Int64 = 1_704_067_200_000

    static func article(_ i: Int) -> ArticleID { ArticleID(canonicalURL: "https://bench.example/\(i)") }

    /// A library of `n` articles, each one import revision with a source and a body blob.
    static func generate(_ n: Int, at url: URL) throws -> [Revision] {
        let library = try Library.open(at: url, clock: FixedClock(Date(timeIntervalSince1970: 1_704_067_200)),
                                       replica: Fixture.replicaA)
        defer { library.close() }
        var revisions: [Revision] = []
        var blobs: [(ContentHash, Data)] = []
        revisions.reserveCapacity(n)
        for i in 0..<n {
            let source = Data("<html><title>Article \(i)</title><p>Text of article \(i).</p></html>".utf8)
            let body = Data("<p>Text of article \(i).</p>".utf8)
            let s = ContentHash(of: source), b = ContentHash(of: body)
            blobs.append((s, source))
            blobs.append((b, body))
            revisions.append(Revision(
                articleID: article(i), parents: [], time: HLCTimestamp(physical: t0 + Int64(i)),
                replica: Fixture.replicaA, change: .import,
                metadata: ArticleMetadata(title: "Article \(i)", url: "https://bench.example/\(i)"),
                state: ArticleState(), body: b, source: s, sourceType: "text/html", images: []))
        }
        try library.insert(revisions: revisions, blobs: blobs)
        return revisions
    }

    /// Tag revisions on `indices`, made by `replica`, as children of the base revisions.
    static func change(_ library: Library, _ base: [Revision], _ indices: Range<Int>, replica: ReplicaID) throws -> Int {
        let revisions = indices.map { i -> Revision in
            var state = base[i].state
            state.setTags(["changed-by-\(replica.hex.prefix(4))"])
            return Revision(articleID: base[i].articleID, parents: [base[i].hash],
                            time: HLCTimestamp(physical: t0 + 10_000_000 + Int64(i)), replica: replica,
                            change: .tag, metadata: base[i].metadata, state: state, body: base[i].body,
                            source: base[i].source, sourceType: base[i].sourceType, images: [])
        }
        try library.insert(revisions: revisions, blobs: [])
        return revisions.reduce(0) { $0 + $1.canonicalSerialization().utf8.count }
    }

    @Test func makeBenchmarkPairs() throws {
        let out = URL(fileURLWithPath: ProcessInfo.processInfo.environment["OFFPRINT_BENCH_DIR"]!)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        var lines: [String] = []
        for n in [10_000, 100_000] {
            let pristine = out.appendingPathComponent("base-\(n).sqlite")
            try? FileManager.default.removeItem(at: pristine)
            let base = try Self.generate(n, at: pristine)
            for percent in [0, 1, 50] {
                let a = out.appendingPathComponent("a-\(n)-\(percent).sqlite")
                let b = out.appendingPathComponent("b-\(n)-\(percent).sqlite")
                for url in [a, b] {
                    try? FileManager.default.removeItem(at: url)
                    try FileManager.default.copyItem(at: pristine, to: url)
                }
                let la = try #require(try Library.openExisting(at: a)), lb = try #require(try Library.openExisting(at: b))
                let changed = n * percent / 100
                var bytes = 0
                if changed > 0 {
                    bytes += try Self.change(la, base, 0..<(changed / 2), replica: Fixture.replicaA)
                    bytes += try Self.change(lb, base, (changed / 2)..<changed, replica: Fixture.replicaB)
                }
                #expect(try la.listArticles().count == n)
                la.close()
                lb.close()
                lines.append("\(n)\t\(percent)\t\(changed)\t\(bytes)")
            }
            try FileManager.default.removeItem(at: pristine)
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: out.appendingPathComponent("pairs.tsv"))
    }
}
