// The model's pure rules: revision hashing, identity, clocks, JSON.
import Foundation
import OffprintModel
import Testing

@Suite struct RevisionTests {
    static let revision = Revision(
        articleID: ArticleID(canonicalURL: "https://example.org/a"),
        parents: [ContentHash(ofUTF8: "p2"), ContentHash(ofUTF8: "p1")],
        time: HLCTimestamp(physical: 1_767_225_600_000, counter: 2),
        replica: ReplicaID(hex: "00112233445566778899aabbccddeeff")!,
        change: .tag,
        metadata: ArticleMetadata(title: "Tom & \"Jerry\"\n", lang: "en", dir: .ltr, url: "https://example.org/a"),
        state: ArticleState(tags: ["b", "a", "b"], read: true),
        body: ContentHash(ofUTF8: "<p>x</p>"), source: nil, sourceType: "text/html", images: [])

    @Test func canonicalSerialization() {
        let text = Self.revision.canonicalSerialization()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "offprint-revision 1")
        #expect(lines[1] == "article " + ArticleID(canonicalURL: "https://example.org/a").hex)
        // parents sorted by hex
        let parents = [ContentHash(ofUTF8: "p1").hex, ContentHash(ofUTF8: "p2").hex].sorted()
        #expect(lines[2] == "parent " + parents[0])
        #expect(lines[3] == "parent " + parents[1])
        #expect(lines[4] == "time 1767225600000 2")
        #expect(text.contains("\ntitle \"Tom & \\\"Jerry\\\"\\n\"\n"))
        #expect(text.contains("\ntag \"a\"\ntag \"b\"\nread true\n"))
        #expect(text.hasSuffix("deleted false\n"))
    }

    @Test func hashIsSHA256OfTheSerialization() {
        let r = Self.revision
        #expect(r.hash == ContentHash(ofUTF8: r.canonicalSerialization()))
        var other = r
        other.state.read = false
        #expect(other.hash != r.hash)
    }

    @Test func knownDigest() {
        #expect(ContentHash(ofUTF8: "abc").hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func articleIdentityFromNormalisedURL() {
        #expect(URLNormalizer.normalize("HTTP://WWW.Example.org:80/path/?utm_source=x&a=1#frag")
                == "https://example.org/path?a=1")
        #expect(ArticleID(canonicalURL: "http://www.example.org/a/") == ArticleID(canonicalURL: "https://example.org/a"))
        #expect(ArticleID(canonicalURL: "https://example.org/a").hex == ContentHash(ofUTF8: "url:https://example.org/a").hex)
        let source = ContentHash(ofUTF8: "bytes")
        #expect(ArticleID(sourceHash: source).hex == ContentHash(ofUTF8: "source:" + source.hex).hex)
    }

    @Test func hybridLogicalClockNeverGoesBack() {
        let t1 = HLCTimestamp.next(after: nil, wallMilliseconds: 1000)
        #expect(t1 == HLCTimestamp(physical: 1000, counter: 0))
        let t2 = HLCTimestamp.next(after: t1, wallMilliseconds: 900)
        #expect(t2 == HLCTimestamp(physical: 1000, counter: 1))
        let t3 = HLCTimestamp.next(after: t2, wallMilliseconds: 1001)
        #expect(t3 == HLCTimestamp(physical: 1001, counter: 0))
        #expect(t1 < t2 && t2 < t3)
    }

    @Test func jsonValueIsDeterministic() {
        let v = JSONValue.object([("b", .null), ("a", .array([.int(1), .bool(false), .string("x/y\u{1}é")]))])
        #expect(v.serialized() == #"{"b":null,"a":[1,false,"x/y\u0001é"]}"#)
        #expect(v.serialized(sortKeys: true) == #"{"a":[1,false,"x/y\u0001é"],"b":null}"#)
        #expect(JSONValue.date(Date(timeIntervalSince1970: 1_767_225_600.9)).serialized() == #""2026-01-01T00:00:00Z""#)
    }
}
