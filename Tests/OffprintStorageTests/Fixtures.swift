// Fixtures for the storage tests: a stepping clock, import candidates, fresh libraries.
import Foundation
import OffprintModel
import OffprintStorage
import OffprintTestSupport

/// A clock that starts at 2024-01-01T00:00:00Z and moves one second per reading.
final class SteppingClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(start: Date = Date(timeIntervalSince1970: 1_704_067_200)) { current = start }

    func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        let t = current
        current += 1
        return t
    }
}

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
