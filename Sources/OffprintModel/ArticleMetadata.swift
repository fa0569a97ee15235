// ArticleMetadata and ArticleState: the fields of an article that a revision records.
import Foundation

/// Text direction of an article, as Readability reports it (`dir`).
public enum TextDirection: String, Sendable, Codable, Hashable {
    case ltr, rtl
}

/// The descriptive fields of an article, named as in Mozilla Readability's result object.
/// Every field is optional: nil means unknown.
public struct ArticleMetadata: Hashable, Sendable, Codable {
    /// The article's title, cleaned of site-name suffixes.
    public var title: String?
    /// The author line ("By Jane Doe").
    public var byline: String?
    /// A short description or the first paragraph.
    public var excerpt: String?
    /// The publication's name (`og:site_name`).
    public var siteName: String?
    /// BCP 47 language tag (`<html lang>`, `content-language`).
    public var lang: String?
    /// Text direction.
    public var dir: TextDirection?
    /// Publication time as the page gave it, normalised to ISO 8601 when it parses.
    public var publishedTime: String?
    /// The canonical URL of the page, or the URL it was fetched from.
    public var url: String?

    public init(title: String? = nil, byline: String? = nil, excerpt: String? = nil,
                siteName: String? = nil, lang: String? = nil, dir: TextDirection? = nil,
                publishedTime: String? = nil, url: String? = nil) {
        self.title = title
        self.byline = byline
        self.excerpt = excerpt
        self.siteName = siteName
        self.lang = lang
        self.dir = dir
        self.publishedTime = publishedTime
        self.url = url
    }
}

/// The reader's own state of an article: what Pocket, Instapaper and wallabag call tags,
/// read/unread, favourite (starred) and archived, plus the tombstone flag.
public struct ArticleState: Hashable, Sendable, Codable {
    /// Tags, kept sorted and unique.
    public private(set) var tags: [String]
    public var read: Bool
    public var favorite: Bool
    public var archived: Bool
    /// True in a tombstone revision: the article is deleted but its history is kept.
    public var deleted: Bool

    public init(tags: [String] = [], read: Bool = false, favorite: Bool = false,
                archived: Bool = false, deleted: Bool = false) {
        self.tags = Array(Set(tags)).sorted()
        self.read = read
        self.favorite = favorite
        self.archived = archived
        self.deleted = deleted
    }

    /// Replaces the tag set (sorted, duplicates removed).
    public mutating func setTags<S: Sequence>(_ tags: S) where S.Element == String {
        self.tags = Array(Set(tags)).sorted()
    }
}
