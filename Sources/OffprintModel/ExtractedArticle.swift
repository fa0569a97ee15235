// ExtractedArticle: what extraction makes of one input (HTML page, text, Markdown), before
// it is stored. The shape follows Mozilla Readability's result object.
import Foundation

/// An image found in an article whose bytes are available offline (a `data:` URI, a file
/// saved beside the page, an image inside an export file).
public struct ImageResource: Hashable, Sendable {
    /// The `src` value exactly as it appears in `ExtractedArticle.content`.
    public var src: String
    /// The image bytes.
    public var data: Data
    /// Media type sniffed from the bytes (`image/png`, `image/jpeg`, `image/gif`,
    /// `image/webp`, `image/svg+xml`), or nil when unknown.
    public var mediaType: String?

    public init(src: String, data: Data, mediaType: String?) {
        self.src = src
        self.data = data
        self.mediaType = mediaType
    }

    /// The image's content address.
    public var hash: ContentHash { ContentHash(of: data) }
}

/// The result of extracting one input.
public struct ExtractedArticle: Sendable {
    /// title, byline, excerpt, siteName, lang, dir, publishedTime, url (Readability's names).
    public var metadata: ArticleMetadata
    /// The article as clean HTML in the subset documented in `docs/html-subset.md`. Image
    /// `src` values are absolute URLs, `data:` URIs, or whatever `images` lists.
    public var content: String
    /// The article as plain text (Readability's `textContent`).
    public var textContent: String
    /// The canonical URL used for the article's identity (`<link rel=canonical>`, `og:url`,
    /// the fetch URL), nil when the page has none.
    public var canonicalURL: String?
    /// Images whose bytes are available offline.
    public var images: [ImageResource]

    /// Characters (Unicode scalars... as Readability counts: UTF-16 code units are not used
    /// here; this is `textContent.count`, extended grapheme clusters) of `textContent`.
    public var length: Int { textContent.count }

    public init(metadata: ArticleMetadata, content: String, textContent: String,
                canonicalURL: String?, images: [ImageResource]) {
        self.metadata = metadata
        self.content = content
        self.textContent = textContent
        self.canonicalURL = canonicalURL
        self.images = images
    }
}

/// The kinds of input Offprint imports, by media type.
public enum SourceType: String, Sendable, Codable, Hashable {
    case html = "text/html"
    case text = "text/plain"
    case markdown = "text/markdown"
}

/// One article ready to be written to a library: the original bytes and what was extracted
/// from them. The body stored is `content` with every image listed in `extracted.images`
/// referred to as `offprint-blob:<hash>` (see `BlobReference`).
public struct ImportCandidate: Sendable {
    /// Where it came from, for messages (a path, or `-` for standard input).
    public var origin: String
    /// The original bytes, stored unchanged.
    public var source: Data
    public var sourceType: SourceType
    public var extracted: ExtractedArticle

    public init(origin: String, source: Data, sourceType: SourceType, extracted: ExtractedArticle) {
        self.origin = origin
        self.source = source
        self.sourceType = sourceType
        self.extracted = extracted
    }

    /// The article identity this input maps to (see `ArticleID`).
    public var articleID: ArticleID {
        if let url = extracted.canonicalURL, !url.isEmpty { return ArticleID(canonicalURL: url) }
        return ArticleID(sourceHash: ContentHash(of: source))
    }
}

/// How a stored body refers to an image blob: `src="offprint-blob:<64 hex>"`.
public enum BlobReference {
    /// The URI scheme prefix, colon included.
    public static let scheme = "offprint-blob:"

    /// The `src` value referring to blob `hash`.
    public static func uri(_ hash: ContentHash) -> String { scheme + hash.hex }

    /// The blob hash in a `src` value, or nil when it is not a blob reference.
    public static func hash(in src: String) -> ContentHash? {
        guard src.hasPrefix(scheme) else { return nil }
        return ContentHash(hex: String(src.dropFirst(scheme.count)))
    }
}
