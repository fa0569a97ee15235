// Property: random operation sequences (import, tag, mark, edit, delete, restore) on three
// replicas, with syncs and pulls in random pairings and orders, end, after a final round
// of syncs, with the same articles field by field on all three (what `export --format json`
// writes: head, metadata, state, content, images, times), the same conflicts, and a sync
// repeated immediately moves nothing.
import Foundation
import OffprintModel
import OffprintStorage
import OffprintTestSupport
import OffprintExport
import OffprintSync
import PropertyBased
import Testing

@Suite struct ThreeReplicaPropertyTests {
    static let replicaC = ReplicaID(hex: "cccccccccccccccccccccccccccccccc")!

    /// Applies operation `op` (any integer) to one of the three replicas.
    static func apply(_ op: Int, _ r: [Library]) throws {
        let side = r[op % 3]
        let other = r[(op % 3 + 1 + (op / 768) % 2) % 3]
        let article = (op / 24) % 4
        let param = op / 96
        let id = ArticleID(canonicalURL: "https://e.com/\(article)")
        do {
            switch (op / 3) % 8 {
            case 0: try side.importArticle(Fixture.candidate(article, version: param % 3))
            case 1: try side.tag(id, add: ["t\(param % 4)"], remove: ["t\((param / 4) % 4)"])
            case 2: try side.mark(id, read: param % 2 == 0, favorite: param % 3 == 0, archived: param % 5 == 0)
            case 3: try side.edit(id, title: "Title \(param % 3)")
            case 4: try side.delete(id)
            case 5:
                let history = try side.history(id)
                try side.restore(id, to: history[param % history.count].hash)
            case 6: try Synchronizer.sync(side, other)
            default: try Synchronizer.pull(into: side, from: other)
            }
        } catch let error as OffprintError where error.kind == .notFound {
            // A change to an article this side does not hold (or holds deleted): skipped.
        }
    }

    /// The `offprint export --format json` document of the library (OffprintExport's
    /// JSONExporter, the same code the CLI runs).
    static func exported(_ library: Library) throws -> String {
        JSONExporter().render(articles: try library.snapshots())
    }

    @Test func threeReplicasConverge() async {
        await propertyCheck(count: 30, input: Gen.int(in: 0...99_999).array(of: 1...30)) { ops in
            let r = [
                try Fixture.library(Fixture.replicaA),
                try Fixture.library(Fixture.replicaB, clock: SteppingClock(start: Date(timeIntervalSince1970: 1_704_067_150))),
                try Fixture.library(Self.replicaC, clock: SteppingClock(start: Date(timeIntervalSince1970: 1_704_067_230))),
            ]
            for op in ops { try Self.apply(op, r) }
            try Synchronizer.sync(r[0], r[1])
            try Synchronizer.sync(r[1], r[2])
            try Synchronizer.sync(r[0], r[1])
            let first = try Self.exported(r[0])
            for library in r {
                #expect(try Self.exported(library) == first)
                #expect(try library.listArticles() == r[0].listArticles())
                #expect(try library.conflicts() == r[0].conflicts())
                #expect(try library.summary() == r[0].summary())
                #expect(try library.verify() == [])
            }
            #expect(try Synchronizer.sync(r[2], r[0]).isEmpty)
            #expect(try Synchronizer.sync(r[0], r[1]).isEmpty)
            #expect(try Synchronizer.pull(into: r[1], from: r[2]).isEmpty)
        }
    }

    @Test func syncOrderDoesNotMatter() async {
        // The same operations, then syncs in two different orders: the same final articles.
        await propertyCheck(count: 15, input: Gen.int(in: 0...99_999).array(of: 1...20)) { ops in
            func run(_ order: [(Int, Int)]) throws -> String {
                let r = [
                    try Fixture.library(Fixture.replicaA),
                    try Fixture.library(Fixture.replicaB, clock: SteppingClock(start: Date(timeIntervalSince1970: 1_704_067_150))),
                    try Fixture.library(Self.replicaC, clock: SteppingClock(start: Date(timeIntervalSince1970: 1_704_067_230))),
                ]
                // Only local changes here (no syncs), so both runs build the same graphs.
                for op in ops where (op / 3) % 8 < 6 { try Self.apply(op, r) }
                for (x, y) in order { try Synchronizer.sync(r[x], r[y]) }
                return try Self.exported(r[2])
            }
            let one = try run([(0, 1), (1, 2), (0, 1)])
            let other = try run([(2, 0), (1, 0), (2, 1)])
            #expect(one == other)
        }
    }
}
