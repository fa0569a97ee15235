// ArticleSelection: which articles an export (or a search) takes and in what order: by tag,
// by the time they were added (`--since`, `--until`), unread only, a limit, sorted by time
// added, publication time or title. It works on light listings (no bodies) so that only the
// chosen articles' bodies are read afterwards.
import Foundation
import OffprintModel

/// An article as the selection sees it: identity, metadata, state and time added.
public struct ArticleListing: Sendable {
    public var id: ArticleID
    public var metadata: ArticleMetadata
    public var state: ArticleState
    public var addedAt: Date

    public init(id: ArticleID, metadata: ArticleMetadata, state: ArticleState, addedAt: Date) {
        self.id = id
        self.metadata = metadata
        self.state = state
        self.addedAt = addedAt
    }
}

/// Filters and ordering shared by every export format and `search`.
public struct ArticleSelection: Sendable {
    /// Orderings (`--sort`).
    public enum Sort: String, Sendable, CaseIterable {
        /// Newest added first (then id): the `list` order.
        case added
        /// Newest publication time first; articles without one last, newest added first.
        case published
        /// By title, case- and accent-insensitively, then id; untitled ones last.
        case title
    }

    /// Keep articles having every one of these tags.
    public var tags: [String] = []
    /// Keep articles added at or after this time.
    public var since: Date?
    /// Keep articles added before this time.
    public var until: Date?
    /// Keep unread articles only.
    public var unreadOnly = false
    /// Keep at most this many (after sorting).
    public var limit: Int?
    public var sort: Sort = .added

    public init(tags: [String] = [], since: Date? = nil, until: Date? = nil, unreadOnly: Bool = false,
                limit: Int? = nil, sort: Sort = .added) {
        self.tags = tags
        self.since = since
        self.until = until
        self.unreadOnly = unreadOnly
        self.limit = limit
        self.sort = sort
    }

    /// The chosen listings, in order.
    public func apply(_ listings: [ArticleListing]) -> [ArticleListing] {
        var out = listings.filter { a in
            if unreadOnly, a.state.read { return false }
            if let since, a.addedAt < since { return false }
            if let until, a.addedAt >= until { return false }
            for t in tags where !a.state.tags.contains(t) { return false }
            return true
        }
        switch sort {
        case .added:
            out.sort { ($0.addedAt, $1.id.hex) > ($1.addedAt, $0.id.hex) }
        case .published:
            let keyed = out.map { (ArticleSelection.publishedDate($0.metadata.publishedTime), $0) }
            out = keyed.sorted { x, y in
                switch (x.0, y.0) {
                case let (a?, b?) where a != b: return a > b
                case (.some, nil): return true
                case (nil, .some): return false
                default: return (x.1.addedAt, y.1.id.hex) > (y.1.addedAt, x.1.id.hex)
                }
            }.map(\.1)
        case .title:
            out.sort { a, b in
                switch (MetadataText.line(a.metadata.title), MetadataText.line(b.metadata.title)) {
                case let (x?, y?):
                    let c = x.compare(y, options: [.caseInsensitive, .diacriticInsensitive, .numeric],
                                      locale: Locale(identifier: "en_US_POSIX"))
                    return c == .orderedSame ? a.id < b.id : c == .orderedAscending
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return a.id < b.id
                }
            }
        }
        if let limit { out = Array(out.prefix(max(limit, 0))) }
        return out
    }

    /// A publication time as stored (ISO 8601 when it parsed at import), read as a date;
    /// a bare `YYYY-MM-DD` or `YYYY-MM` counts as its first instant, UTC, and any other
    /// value that starts with `YYYY-MM-DD` counts as that day.
    static func publishedDate(_ s: String?) -> Date? {
        guard let s = s?.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return nil }
        return ArticleSelection.parseDate(s, endOfDay: false)
            ?? (s.count > 10 ? ArticleSelection.parseDate(String(s.prefix(10)), endOfDay: false) : nil)
    }

    /// Reads `--since`/`--until` values: `YYYY-MM-DD` or `YYYY-MM` (a whole UTC day or month
    /// start: its start, or with `endOfDay` the start of the next day), an ISO 8601 date and
    /// time with a zone (RFC 3339), or `YYYY-MM-DDTHH:MM[:SS]` without one (UTC); nil for
    /// anything else, which the CLI reports as a usage error.
    public static func parseDate(_ s: String, endOfDay: Bool) -> Date? {
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime]
        if let d = iso.date(from: s) { return d }
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = iso.date(from: s) { return d }
        // A time without a zone is UTC (`2026-11-29T14:27` or `…T14:27:12`).
        if s.count == 16 || s.count == 19, s.dropFirst(10).first == "T" {
            iso.formatOptions = [.withInternetDateTime]
            return iso.date(from: s + (s.count == 16 ? ":00Z" : "Z"))
        }
        // A day or a month, nothing else: `YYYY-MM-DD`, `YYYY-MM`.
        guard s.count == 10 || s.count == 7, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else { return nil }
        let parts = s.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == (s.count == 10 ? 3 : 2), parts.allSatisfy({ $0 != nil }),
              parts[0].map({ String($0).count == 4 }) == true else { return nil }
        var c = DateComponents()
        c.year = parts[0]; c.month = parts[1]; c.day = parts.count > 2 ? parts[2] : 1
        guard (1...12).contains(c.month!), (1...31).contains(c.day!) else { return nil }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        guard let start = cal.date(from: c) else { return nil }
        return endOfDay ? cal.date(byAdding: .day, value: 1, to: start) : start
    }
}
