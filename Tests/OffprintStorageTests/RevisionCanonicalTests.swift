// The canonical serialisation read back by `Revision(canonical:)`, and the pinned hash of a
// fixed revision (docs/revisions.md): a change in either format breaks these on purpose.
import Foundation
import OffprintModel
import OffprintStorage
import Testing

@Suite struct RevisionCanonicalTests {
    static let fixed = Revision(
        articleID: ArticleID(canonicalURL: "https://example.com/a"),
        parents: [ContentHash(ofUTF8: "p2"), ContentHash(ofUTF8: "p1")],
        time: HLCTimestamp(physical: 1_704_067_200_000, counter: 3),
        replica: ReplicaID(hex: "0123456789abcdef0123456789abcdef")!,
        change: .edit,
        metadata: ArticleMetadata(title: "Quotes \" and \\ back\nslash\ttab\u{01} é 日本", byline: nil,
                                  excerpt: "", siteName: "Site", lang: "fr", dir: .rtl,
                                  publishedTime: "2024-01-01T00:00:00Z", url: "https://example.com/a"),
        state: ArticleState(tags: ["b", "a", "b", "ünï"], read: true, favorite: false,
                            archived: true, deleted: false),
        body: ContentHash(ofUTF8: "body"), source: nil, sourceType: "text/html",
        images: [ContentHash(ofUTF8: "i2"), ContentHash(ofUTF8: "i1")])

    @Test func roundTripsExactly() throws {
        let text = Self.fixed.canonicalSerialization()
        let parsed = try Revision(canonical: text)
        #expect(parsed == Self.fixed)
        #expect(parsed.canonicalSerialization() == text)
        #expect(parsed.hash == Self.fixed.hash)
    }

    @Test func hashIsPinned() {
        #expect(Self.fixed.hash.hex == "fde46547be27891281aff50ff4e8a3256f183c40439eb574a692d104119eb7cb")
    }

    @Test func serialisationIsPinned() {
        let text = Self.fixed.canonicalSerialization()
        #expect(text.hasPrefix("offprint-revision 1\narticle "))
        #expect(text.contains("\ntime 1704067200000 3\n"))
        #expect(text.contains("\ntitle \"Quotes \\\" and \\\\ back\\nslash\\ttab\\u0001 é 日本\"\n"))
        #expect(text.contains("\nbyline null\n"))
        #expect(text.contains("\ntag \"a\"\ntag \"b\"\ntag \"ünï\"\nread true\n"))
        #expect(text.hasSuffix("\ndeleted false\n"))
    }

    @Test func roundTripsMinimalRevision() throws {
        let r = Revision(articleID: ArticleID(sourceHash: ContentHash(ofUTF8: "x")), parents: [],
                         time: HLCTimestamp(physical: 0), replica: ReplicaID(hex: String(repeating: "f", count: 32))!,
                         change: .import, metadata: ArticleMetadata(), state: ArticleState(),
                         body: ContentHash(ofUTF8: ""), source: ContentHash(ofUTF8: "s"),
                         sourceType: nil, images: [])
        #expect(try Revision(canonical: r.canonicalSerialization()) == r)
    }

    @Test(arguments: [
        "",
        "offprint-revision 2\n",
        "hello world\n",
    ])
    func rejectsForeignText(_ text: String) {
        #expect(throws: OffprintError.self) { try Revision(canonical: text) }
    }

    @Test func rejectsNonCanonicalText() throws {
        let text = Self.fixed.canonicalSerialization()
        // Parents out of order: parses to the same value but is not the canonical text.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let parentLines = lines.indices.filter { lines[$0].hasPrefix("parent ") }
        #expect(parentLines.count == 2)
        lines.swapAt(parentLines[0], parentLines[1])
        #expect(throws: OffprintError.self) { try Revision(canonical: lines.joined(separator: "\n")) }
        // An escape the serialiser never writes.
        let escaped = text.replacingOccurrences(of: "\"Site\"", with: "\"\\u0053ite\"")
        #expect(throws: OffprintError.self) { try Revision(canonical: escaped) }
        // No final newline.
        #expect(throws: OffprintError.self) { try Revision(canonical: String(text.dropLast())) }
    }
}
