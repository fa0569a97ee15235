// ImageCompat: `--image-compat` (docs/epub.md). WebP became an EPUB core media type only in
// EPUB 3.3; readers of the EPUB 3.2 era and EPUBCheck 4 reject it. This decodes WebP with
// Debian's libwebp (system library target COffprintWebP) and re-encodes the pixels as PNG
// (PNGEncoder), which every reader shows. Other types pass through unchanged.
import COffprintWebP
import Foundation
import OffprintModel

enum ImageCompat {
    /// `data` (of type `type`) as an image EPUB 3.2 readers accept: WebP becomes PNG; nil
    /// when a WebP does not decode.
    static func compatible(_ data: Data, type: ImageMediaType) -> (Data, ImageMediaType)? {
        guard type == .webp else { return (data, type) }
        guard let png = webpToPNG(data) else { return nil }
        return (png, .png)
    }

    /// The WebP image `data` decoded (libwebp `WebPDecodeRGBA`) and written as a PNG; nil
    /// when libwebp cannot decode it.
    static func webpToPNG(_ data: Data) -> Data? {
        let bytes = [UInt8](data)
        var width: Int32 = 0
        var height: Int32 = 0
        guard let pixels = WebPDecodeRGBA(bytes, bytes.count, &width, &height) else { return nil }
        defer { WebPFree(pixels) }
        guard width > 0, height > 0 else { return nil }
        let count = Int(width) * Int(height) * 4
        let rgba = [UInt8](UnsafeBufferPointer(start: pixels, count: count))
        return try? PNGEncoder.encode(rgba: rgba, width: Int(width), height: Int(height))
    }
}
