// ImageMediaType: what an image's bytes are, sniffed from their signature (never from a
// file name or a declared type), and whether EPUB can carry it.
import Foundation

/// The image formats Offprint recognises from their bytes.
public enum ImageMediaType: String, Sendable, CaseIterable {
    case png = "image/png"
    case jpeg = "image/jpeg"
    case gif = "image/gif"
    case webp = "image/webp"
    case svg = "image/svg+xml"

    /// File name extension used inside exports.
    public var fileExtension: String {
        switch self {
        case .png: "png"
        case .jpeg: "jpg"
        case .gif: "gif"
        case .webp: "webp"
        case .svg: "svg"
        }
    }

    /// Whether the EPUB writer embeds images of this type. PNG, JPEG, GIF and WebP are EPUB
    /// 3.3 core media types; SVG is one too, but an SVG file is a document that EPUBCheck
    /// validates in full (and web SVGs commonly fail), so SVG images are left out and their
    /// alt text kept (docs/epub.md).
    public var isEmbeddedInEPUB: Bool { self != .svg }

    /// The type of `data` from its leading bytes, or nil when it is none of the known
    /// formats or too short to be a whole image.
    public static func sniff(_ data: Data) -> ImageMediaType? {
        let b = [UInt8](data.prefix(512))
        func starts(_ sig: [UInt8], at offset: Int = 0) -> Bool {
            b.count >= offset + sig.count && Array(b[offset..<(offset + sig.count)]) == sig
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), data.count >= 45,
           starts(Array("IHDR".utf8), at: 12) {
            return .png
        }
        if starts([0xFF, 0xD8, 0xFF]), data.count >= 107 { return .jpeg }
        if (starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8))), data.count >= 26 { return .gif }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8), data.count >= 30,
           starts(Array("VP8".utf8), at: 12) {
            return .webp
        }
        // SVG: text whose first element is <svg (after a BOM, XML declaration, comments,
        // doctype and whitespace).
        if let text = String(data: data.prefix(4096), encoding: .utf8) ?? String(data: data.prefix(4095), encoding: .utf8) {
            var t = Substring(text)
            if t.hasPrefix("\u{FEFF}") { t = t.dropFirst() }
            while true {
                t = t.drop { $0.isWhitespace }
                if t.hasPrefix("<?") || t.hasPrefix("<!") {
                    let end = t.hasPrefix("<!--") ? "-->" : ">"
                    guard let r = t.range(of: end) else { return nil }
                    t = t[r.upperBound...]
                    continue
                }
                break
            }
            if t.hasPrefix("<svg") { return .svg }
        }
        return nil
    }
}
