// Exporter: the interface every output format implements (pandoc's "writer"), and the
// options they share. Exporters take ArticleSnapshot values and write one file; they never
// open a library.
import Foundation
import OffprintModel

/// One output format: writes a set of articles to a file.
///
/// A format implements `write(_:options:to:)` (articles as an `ArticleStream`, loaded one
/// at a time) or `write(articles:options:to:)` (every snapshot in memory); each has a default
/// that calls the other, so a format must implement at least one of them.
public protocol Exporter: Sendable {
    /// The format's name on the command line (`epub`, `json`).
    var name: String { get }
    /// The usual file name extension, without the dot.
    var fileExtension: String { get }

    /// Writes the stream's articles (in its order) to the file at `url`, replacing it,
    /// holding at most one article's body and images in memory at a time when the format
    /// streams.
    ///
    /// - Throws: `OffprintError` (`.unwritable` when the file cannot be written, `.failed`
    ///   when the format's templates cannot be found or rendered), or what loading an
    ///   article throws.
    func write(_ articles: ArticleStream, options: ExportOptions, to url: URL) throws

    /// Writes `articles` (in the order given) to the file at `url`, replacing it.
    ///
    /// - Throws: as `write(_:options:to:)`.
    func write(articles: [ArticleSnapshot], options: ExportOptions, to url: URL) throws

    /// Whether the format can write one stream to standard output (`-o -`).
    var writesStream: Bool { get }

    /// Writes the articles as one stream to `handle` (formats whose `writesStream` is true).
    func writeStream(_ articles: ArticleStream, options: ExportOptions, to handle: FileHandle) throws
}

extension Exporter {
    public var writesStream: Bool { false }

    public func write(_ articles: ArticleStream, options: ExportOptions, to url: URL) throws {
        try write(articles: try articles.collect(), options: options, to: url)
    }

    public func write(articles: [ArticleSnapshot], options: ExportOptions, to url: URL) throws {
        try write(ArticleStream(articles), options: options, to: url)
    }

    public func writeStream(_ articles: ArticleStream, options: ExportOptions, to handle: FileHandle) throws {
        throw OffprintError(.failed, "-", "the \(name) format cannot be written to standard output; give a file name")
    }

    /// Writes `articles` as one stream to `handle` (in-memory form of `writeStream(_:options:to:)`).
    public func writeStream(articles: [ArticleSnapshot], options: ExportOptions, to handle: FileHandle) throws {
        try writeStream(ArticleStream(articles), options: options, to: handle)
    }
}

/// Options shared by all exporters; each format uses the ones that apply to it.
public struct ExportOptions: Sendable {
    /// The book title; nil for the default (the article's title for one article, else
    /// `Offprint: N articles`).
    public var title: String?
    /// The book's author (`dc:creator`), nil for none.
    public var author: String?
    /// Language used when the articles give none (a BCP 47 tag; invalid tags are ignored).
    public var language: String?
    /// The modification time written into the file (`dcterms:modified`). Pass
    /// `SOURCE_DATE_EPOCH` or the newest revision time so that output is reproducible.
    public var modified: Date
    /// The Formats directory holding templates and stylesheets; nil to find it with
    /// `FormatsLocator`.
    public var formatsDirectory: URL?

    /// A stylesheet replacing the format's own (`--css FILE`), nil for the default.
    public var stylesheet: URL?
    /// Plain text: wrap lines at this many columns (display width), nil for no wrapping.
    public var wrap: Int?
    /// HTML: one self-contained file (stylesheet inline, images as `data:` URIs).
    public var singleFile: Bool
    /// EPUB: an image file for the cover (`--cover`), nil for a cover page of text (title,
    /// date, article count).
    public var coverImage: URL?
    /// EPUB: one book per article, into the directory the exporter is given (`--split`).
    public var split: Bool
    /// EPUB: WebP images converted to PNG for EPUB 3.2-era readers (`--image-compat`).
    public var imageCompat: Bool

    public init(title: String? = nil, author: String? = nil, language: String? = nil,
                modified: Date, formatsDirectory: URL? = nil, stylesheet: URL? = nil,
                wrap: Int? = nil, singleFile: Bool = false, coverImage: URL? = nil,
                split: Bool = false, imageCompat: Bool = false) {
        self.title = title
        self.author = author
        self.language = language
        self.modified = modified
        self.formatsDirectory = formatsDirectory
        self.stylesheet = stylesheet
        self.wrap = wrap
        self.singleFile = singleFile
        self.coverImage = coverImage
        self.split = split
        self.imageCompat = imageCompat
    }

    /// The stylesheet bytes: `stylesheet` when set, else `default`.
    ///
    /// - Throws: `OffprintError(.badInput, path, "cannot read the stylesheet")`.
    func stylesheetData(default fallback: Data) throws -> Data {
        guard let stylesheet else { return fallback }
        do { return try Data(contentsOf: stylesheet) } catch {
            throw OffprintError(.badInput, stylesheet.path, "cannot read the stylesheet")
        }
    }
}
