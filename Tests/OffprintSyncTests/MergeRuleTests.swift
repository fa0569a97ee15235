// One example per merge rule of docs/sync.md, each with the head both replicas must show:
// different fields, the same field (later change wins), tags as sets, edit against delete,
// delete on both sides, independent imports of one page, restore, and the same head hash on
// both sides.
import Foundation
import OffprintModel
import OffprintStorage
import OffprintSync
import OffprintTestSupport
import Testing

@Suite struct MergeRuleTests {
    static let id1 = ArticleID(canonicalURL: "https://e.com/1")

    /// a and b holding article 1 after a sync; b's wall clock runs `bOffset` seconds ahead.
    static func pair(bOffset: Double = 100) throws -> (Library, Library) {
        let a = try Fixture.library(Fixture.replicaA)
        let b = try Fixture.library(Fixture.replicaB,
                                    clock: SteppingClock(start: Date(timeIntervalSince1970: 1_704_067_200 + bOffset)))
        try a.importArticle(Fixture.candidate(1))
        try Synchronizer.sync(a, b)
        return (a, b)
    }

    /// Syncs, checks both sides show the same head (hash included), verify passes, and
    /// returns the head.
    static func merged(_ a: Library, _ b: Library) throws -> ArticleSnapshot {
        try Synchronizer.sync(a, b)
        let sa = try a.snapshot(id1), sb = try b.snapshot(id1)
        #expect(sa.head == sb.head)
        #expect(sa.metadata == sb.metadata)
        #expect(sa.state == sb.state)
        #expect(sa.content == sb.content)
        #expect(try a.verify() == [])
        #expect(try b.verify() == [])
        #expect(try a.conflicts() == b.conflicts())
        return sa
    }

    @Test func differentFieldsMergeFieldByField() throws {
        let (a, b) = try Self.pair()
        try a.tag(Self.id1, add: ["from-a"], remove: [])
        try b.mark(Self.id1, read: true)
        try b.edit(Self.id1, title: "Edited on b")
        let head = try Self.merged(a, b)
        #expect(head.metadata.title == "Edited on b")
        #expect(head.state.tags == ["from-a"])
        #expect(head.state.read == true)
        #expect(head.state.deleted == false)
        #expect(try a.conflicts() == [])
        // The head is virtual: parents are both leaves, so its hash is no stored revision.
        #expect(try a.revision(head.head) == nil)
        #expect(try a.listArticles().first?.leafCount == 2)
        #expect(try a.listArticles().first?.head == head.head)
    }

    @Test func sameFieldLaterChangeWinsAndIsReported() throws {
        let (a, b) = try Self.pair(bOffset: 100)
        try a.edit(Self.id1, title: "From a")
        try b.edit(Self.id1, title: "From b")   // 100 s later by b's clock
        try a.tag(Self.id1, add: ["later"], remove: [])   // a's leaf is older than b's edit anyway
        let head = try Self.merged(a, b)
        #expect(head.metadata.title == "From b")
        #expect(head.state.tags == ["later"])
        let conflicts = try a.conflicts()
        #expect(conflicts.count == 1)
        #expect(conflicts.first?.article == Self.id1)
        #expect(conflicts.first?.field == "title")
        #expect(conflicts.first?.kept == .text("From b"))
        #expect(conflicts.first?.lost == .text("From a"))
        #expect(conflicts.first?.revisions.count == 2)

        // With b's clock behind, a's edit is the later change and wins.
        let (c, d) = try Self.pair(bOffset: -100)
        try d.edit(Self.id1, title: "From d")
        try c.edit(Self.id1, title: "From c")
        #expect(try Self.merged(c, d).metadata.title == "From c")
    }

    @Test func laterEditWinsEvenWhenTheOtherSideChangedSomethingElseAfterwards() throws {
        // Clocks tick one second per reading; b's starts 5 s after a's.
        let (a, b) = try Self.pair(bOffset: 5)
        try a.edit(Self.id1, title: "Early, on a")     // a: t0+2
        try b.edit(Self.id1, title: "Late, on b")      // b: t0+6
        try b.edit(Self.id1, title: "Later, on b")     // b: t0+7
        for i in 0..<6 { try a.mark(Self.id1, read: i % 2 == 0) }   // a: t0+3 ... t0+8
        try a.mark(Self.id1, favorite: true)           // a: t0+9, the newest leaf
        let head = try Self.merged(a, b)
        #expect(head.metadata.title == "Later, on b")
        #expect(head.state.favorite == true)
        #expect(head.state.read == false)
        #expect(try a.conflicts().map(\.field) == ["title"])
    }

    @Test func tagsMergeAsSets() throws {
        let (a, b) = try Self.pair()
        try a.tag(Self.id1, add: ["keep", "drop-on-a", "drop-on-b"], remove: [])
        try Synchronizer.sync(a, b)
        try a.tag(Self.id1, add: ["added-on-a"], remove: ["drop-on-a"])
        try b.tag(Self.id1, add: ["added-on-b"], remove: ["drop-on-b"])
        let head = try Self.merged(a, b)
        #expect(head.state.tags == ["added-on-a", "added-on-b", "keep"])
        #expect(try a.conflicts() == [])
    }

    @Test func editAgainstDeleteKeepsTheArticle() throws {
        for deleterIsA in [true, false] {
            let (a, b) = try Self.pair()
            let (deleter, editor) = deleterIsA ? (a, b) : (b, a)
            try deleter.delete(Self.id1)
            try editor.tag(Self.id1, add: ["still-reading"], remove: [])
            let head = try Self.merged(a, b)
            #expect(head.state.deleted == false)
            #expect(head.state.tags == ["still-reading"])
            #expect(try a.listArticles().map(\.id) == [Self.id1])
            #expect(try b.listArticles().map(\.id) == [Self.id1])
            let conflicts = try a.conflicts()
            #expect(conflicts.map(\.field) == ["deleted"])
            #expect(conflicts.first?.kept == .flag(false))
            #expect(conflicts.first?.lost == .flag(true))
        }
    }

    @Test func deleteOnBothSidesIsNoConflict() throws {
        let (a, b) = try Self.pair()
        try a.delete(Self.id1)
        try b.delete(Self.id1)
        let head = try Self.merged(a, b)
        #expect(head.state.deleted == true)
        #expect(try a.listArticles().isEmpty)
        #expect(try b.listArticles().isEmpty)
        #expect(try a.conflicts() == [])
    }

    @Test func deleteAgainstAnUntouchedBranchDeletes() throws {
        let (a, b) = try Self.pair()
        try a.delete(Self.id1)
        // b changes another article only: article 1's graph on b is untouched.
        try b.importArticle(Fixture.candidate(2))
        try Synchronizer.sync(a, b)
        #expect(try b.snapshot(Self.id1).state.deleted == true)
        #expect(try b.listArticles().map(\.id) == [ArticleID(canonicalURL: "https://e.com/2")])
    }

    @Test func independentImportsOfOnePageAreOneArticle() throws {
        let a = try Fixture.library(Fixture.replicaA)
        let b = try Fixture.library(Fixture.replicaB,
                                    clock: SteppingClock(start: Date(timeIntervalSince1970: 1_704_067_300)))
        try a.importArticle(Fixture.candidate(1))
        try a.mark(Self.id1, favorite: true)
        try b.importArticle(Fixture.candidate(1))
        try b.tag(Self.id1, add: ["from-b"], remove: [])
        let head = try Self.merged(a, b)
        #expect(try a.listArticles().map(\.id) == [Self.id1])
        #expect(try a.listArticles().first?.leafCount == 2)
        #expect(head.metadata.title == "Article 1 v1")
        #expect(head.state.favorite == true)
        #expect(head.state.tags == ["from-b"])
        // Same extraction on both sides: nothing to decide.
        #expect(try a.conflicts() == [])
    }

    @Test func restoreMakesAnOldRevisionCurrent() throws {
        let (a, b) = try Self.pair()
        let first = try a.snapshot(Self.id1).head
        try a.edit(Self.id1, title: "Renamed")
        try a.tag(Self.id1, add: ["x"], remove: [])
        let restored = try #require(try a.restore(Self.id1, to: first))
        #expect(restored.change == .restore)
        #expect(restored.metadata.title == "Article 1 v1")
        #expect(restored.state.tags == [])
        #expect(try a.restore(Self.id1, to: first) == nil)
        #expect(try a.resolveRevision(prefix: String(first.hex.prefix(10)), of: Self.id1) == first)
        let head = try Self.merged(a, b)
        #expect(head.head == restored.hash)
        #expect(head.metadata.title == "Article 1 v1")
    }

    @Test func restoreUndeletes() throws {
        let (a, _) = try Self.pair()
        let first = try a.snapshot(Self.id1).head
        try a.delete(Self.id1)
        #expect(try a.listArticles().isEmpty)
        try a.restore(Self.id1, to: first)
        #expect(try a.listArticles().map(\.id) == [Self.id1])
    }

    @Test func aLocalChangeRecordsTheMerge() throws {
        let (a, b) = try Self.pair()
        try a.tag(Self.id1, add: ["a"], remove: [])
        try b.mark(Self.id1, read: true)
        try Synchronizer.sync(a, b)
        let change = try #require(try b.mark(Self.id1, favorite: true))
        #expect(change.parents.count == 2)
        #expect(change.state.tags == ["a"])
        #expect(change.state.read == true)
        let head = try Self.merged(a, b)
        #expect(head.head == change.hash)
        #expect(try a.listArticles().first?.leafCount == 1)
    }
}
