// Fixtures for the sync tests: import candidates, fresh libraries.
import Foundation
import OffprintModel
import OffprintStorage
import OffprintTestSupport

enum Fixture {
    static let replicaA = ReplicaID(hex: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")!
    static let replicaB = ReplicaID(hex: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")!

    static func candidate(_ n: Int, version: Int = 1) -> ImportCandidate {
        let image = ImageResource(src: "img\(n).png", data: Data([0x89, 0x50, UInt8(n % 256)]), mediaType: "image/png")
        return ImportCandidate(
            origin: "page.html", source: Data("<html>\(n) v\(version)</html>".utf8), sourceType: .html,
            extracted: ExtractedArticle(
                metadata: ArticleMetadata(title: "Article \(n) v\(version)", url: "https://e.com/\(n)"),
                content: #"<p>\#(n)<img src="img\#(n).png"></p>"#, textContent: "\(n)",
                canonicalURL: "https://e.com/\(n)", images: [image]))
    }

    static func library(_ replica: ReplicaID, clock: any WallClock = SteppingClock()) throws -> Library {
        let url = TestPaths.temporaryDirectory().appendingPathComponent("library.sqlite")
        return try Library.open(at: url, clock: clock, replica: replica)
    }
}
