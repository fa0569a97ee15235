// Reader changes (tag, mark, edit, delete): each one revision on all leaves, visible in
// history with the fields it changed; no-ops write nothing.
import Foundation
import OffprintModel
import OffprintStorage
import Testing

@Suite struct LibraryChangesTests {
    @Test func eachChangeAddsOneRevision() throws {
        let library = try Fixture.library()
        let id = try library.importArticle(Fixture.candidate(url: "https://e.com/a", html: "a")).articleID

        let tagged = try #require(try library.tag(id, add: ["swift", "db", "swift"], remove: []))
        #expect(tagged.state.tags == ["db", "swift"])
        #expect(tagged.change == .tag)
        #expect(try library.tag(id, add: ["db"], remove: ["nope"]) == nil)
        _ = try #require(try library.tag(id, add: [], remove: ["db"]))

        let marked = try #require(try library.mark(id, read: true, favorite: true))
        #expect(marked.state.read && marked.state.favorite && !marked.state.archived)
        #expect(try library.mark(id, read: true) == nil)

        let edited = try #require(try library.edit(id, title: "Better title"))
        #expect(edited.metadata.title == "Better title")
        #expect(edited.state.tags == ["swift"])
        #expect(try library.edit(id, title: "Better title") == nil)

        let tomb = try #require(try library.delete(id))
        #expect(tomb.state.deleted)
        #expect(try library.delete(id) == nil)

        let history = try library.history(id)
        #expect(history.map(\.change) == [.delete, .edit, .mark, .tag, .tag, .import])
        #expect(history.map(\.changedFields) == [["deleted"], ["title"], ["read", "favorite"],
                                                  ["tags"], ["tags"], []])
        for (entry, next) in zip(history, history.dropFirst()) {
            #expect(entry.parents == [next.hash])
            #expect(entry.time > next.time)
            #expect(entry.hash == entry.revision.hash)
        }
        #expect(try library.listArticles().isEmpty)
        #expect(try library.snapshots().isEmpty)
        #expect(try library.snapshot(id).state.deleted)
        #expect(try library.verify() == [])
    }

    @Test func changesToDeletedOrUnknownArticlesAreRefused() throws {
        let library = try Fixture.library()
        let id = try library.importArticle(Fixture.candidate(url: "https://e.com/a", html: "a")).articleID
        try library.delete(id)
        #expect(throws: OffprintError(.notFound, id.hex, "article is deleted")) {
            try library.tag(id, add: ["x"], remove: [])
        }
        let unknown = ArticleID(canonicalURL: "https://e.com/none")
        #expect(throws: OffprintError(.notFound, unknown.hex, "no such article")) {
            try library.mark(unknown, read: true)
        }
    }

    @Test func prefixResolution() throws {
        let library = try Fixture.library()
        var ids: [ArticleID] = []
        for n in 0..<40 {
            ids.append(try library.importArticle(Fixture.candidate(url: "https://e.com/\(n)", html: "\(n)")).articleID)
        }
        let target = ids[7]
        #expect(try library.resolve(prefix: target.hex) == target)
        #expect(try library.resolve(prefix: String(target.hex.prefix(12)).uppercased()) == target)

        // Some one-character prefix is shared by at least two of 40 ids.
        let groups = Dictionary(grouping: ids, by: { $0.hex.prefix(1) })
        let (shared, members) = try #require(groups.first { $0.value.count > 1 })
        #expect(throws: OffprintError(.notFound, String(shared), "id prefix matches \(members.count) articles; give more characters")) {
            try library.resolve(prefix: String(shared))
        }
        #expect(throws: OffprintError(.notFound, "zz", "no article matches this id")) {
            try library.resolve(prefix: "zz")
        }
        #expect(throws: OffprintError(.notFound, "", "no article matches this id")) {
            try library.resolve(prefix: "")
        }
        let full = String(repeating: "0", count: 64)
        if !ids.contains(where: { $0.hex == full }) {
            #expect(throws: OffprintError(.notFound, full, "no article matches this id")) {
                try library.resolve(prefix: full)
            }
        }
        try library.delete(target)
        #expect(throws: OffprintError.self) { try library.resolve(prefix: target.hex) }
        #expect(try library.resolve(prefix: target.hex, includeDeleted: true) == target)
    }
}
