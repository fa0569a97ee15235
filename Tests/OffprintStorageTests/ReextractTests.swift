// Re-extraction from stored sources (Library+Reextract.swift): a revision only where the
// injected extraction function gives a different result.
import Foundation
import OffprintModel
import OffprintStorage
import Testing

@Suite("Re-extraction")
struct ReextractTests {
    static let url = "https://example.org/a"

    @Test("an unchanged extractor adds nothing")
    func unchanged() throws {
        let library = try Fixture.library()
        let candidate = Fixture.candidate(url: Self.url, html: "<p>Original page</p>", title: "Same")
        try library.importArticle(candidate)
        let before = try library.revisionHashes()
        let outcomes = try library.reextract { _, _, _ in candidate.extracted }
        #expect(outcomes == [.unchanged(candidate.articleID)])
        #expect(try library.revisionHashes() == before)
    }

    @Test("a changed extractor adds one revision with the new result, from the stored source")
    func changed() throws {
        let library = try Fixture.library()
        let candidate = Fixture.candidate(url: Self.url, html: "<p>Original page</p>", title: "Old title")
        try library.importArticle(candidate)
        _ = try library.mark(candidate.articleID, read: true)
        var seenSource: Data?
        var seenType: SourceType?
        let better = Fixture.candidate(url: Self.url, html: "", title: "Better title",
                                       content: "<p>Better body</p>").extracted
        let outcomes = try library.reextract([candidate.articleID]) { source, type, _ in
            seenSource = source
            seenType = type
            return better
        }
        #expect(seenSource == Data("<p>Original page</p>".utf8))
        #expect(seenType == .html)
        guard case .revised(let id, let rev)? = outcomes.first else {
            Issue.record("expected a revision, got \(outcomes)")
            return
        }
        #expect(id == candidate.articleID)
        let revision = try #require(try library.revision(rev))
        #expect(revision.change == .reimport)
        #expect(revision.metadata.title == "Better title")
        #expect(revision.state.read)
        #expect(revision.source == ContentHash(of: Data("<p>Original page</p>".utf8)))
        let snapshot = try library.snapshot(candidate.articleID)
        #expect(snapshot.metadata.title == "Better title")
        // Running the same extractor again changes nothing.
        let count = try library.revisionHashes().count
        #expect(try library.reextract { _, _, _ in better } == [.unchanged(candidate.articleID)])
        #expect(try library.revisionHashes().count == count)
    }
}
