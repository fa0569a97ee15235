// Fixtures for the storage tests: import candidates, fresh libraries.
import Foundation
import OffprintModel
import OffprintStorage
import OffprintTestSupport

enum Fixture {
    static let replicaA = ReplicaID(hex: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")!
    static let replicaB = ReplicaID(hex: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")!

    /// An HTML import of `url` whose bytes are `html`.
    static func candidate(url: String?, html: String, title: String = "A title",
                          content: String? = nil, images: [ImageResource] = []) -> ImportCandidate {
        ImportCandidate(
            origin: "page.html", source: Data(html.utf8), sourceType: .html,
            extracted: ExtractedArticle(
                metadata: ArticleMetadata(title: title, byline: "By Jane Doe", url: url),
                content: content ?? "<p>\(title)</p>", textContent: title,
                canonicalURL: url, images: images))
    }

    /// A new library in a fresh temporary directory.
    static func library(_ name: String = "library.sqlite", replica: ReplicaID = replicaA,
                        clock: any WallClock = SteppingClock()) throws -> Library {
        let url = TestPaths.temporaryDirectory().appendingPathComponent(name)
        return try Library.open(at: url, clock: clock, replica: replica)
    }
}
