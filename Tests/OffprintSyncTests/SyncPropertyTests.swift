// Property: whatever two replicas do, with syncs in between or not, a final sync leaves
// them with the same revisions, blobs, article list and heads, and a sync after that moves
// nothing.
import Foundation
import OffprintModel
import OffprintStorage
import OffprintTestSupport
import OffprintSync
import PropertyBased
import Testing

@Suite struct SyncPropertyTests {
    /// Applies operation `op` (any integer) to one of the two libraries, or syncs them.
    static func apply(_ op: Int, _ a: Library, _ b: Library) throws {
        let side = op % 2 == 0 ? a : b
        let article = (op / 12) % 4
        let id = ArticleID(canonicalURL: "https://e.com/\(article)")
        do {
            switch (op / 2) % 6 {
            case 0: try side.importArticle(Fixture.candidate(article, version: (op / 48) % 3))
            case 1: try side.tag(id, add: ["t\(op % 5)"], remove: ["t\((op / 5) % 5)"])
            case 2: try side.mark(id, read: op % 3 == 0, favorite: op % 7 == 0)
            case 3: try side.edit(id, title: "Title \(op % 4)")
            case 4: try side.delete(id)
            default: try Synchronizer.sync(a, b)
            }
        } catch let error as OffprintError where error.kind == .notFound {
            // A change to an article this side does not hold (or holds deleted): skipped.
        }
    }

    static func state(_ library: Library) throws -> [String] {
        try library.listArticles().map { "\($0.id) \($0.head) \($0.leafCount)" }
    }

    @Test func replicasConverge() async {
        await propertyCheck(count: 25, input: Gen.int(in: 0...9999).array(of: 1...25)) { ops in
            let a = try Fixture.library(Fixture.replicaA)
            // b's wall clock runs 50 s behind a's.
            let b = try Fixture.library(Fixture.replicaB,
                                        clock: SteppingClock(start: Date(timeIntervalSince1970: 1_704_067_150)))
            for op in ops { try Self.apply(op, a, b) }
            try Synchronizer.sync(a, b)
            #expect(try a.revisionHashes() == b.revisionHashes())
            #expect(try a.blobHashes() == b.blobHashes())
            #expect(try Self.state(a) == Self.state(b))
            #expect(try Synchronizer.sync(b, a).isEmpty)
            #expect(try a.verify() == [])
            #expect(try b.verify() == [])
        }
    }
}
