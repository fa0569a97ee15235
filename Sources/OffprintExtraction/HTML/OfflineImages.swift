// OfflineImages: resolves each image `src` of the article and collects the images whose bytes
// are available without a network: `data:` URIs, and files saved beside the page (a browser's
// "Save page, complete" `page_files/` folder) or named by `file:` URLs.
import Foundation
import OffprintModel
import OffprintXML

enum OfflineImages {
    /// Rewrites image sources (absolute against `baseURL` unless the image is offline) and
    /// returns the offline images, each once, in document order.
    static func collect(in root: HTMLNode, baseURL: URL?, baseDirectory: URL?) -> [ImageResource] {
        var out: [ImageResource] = []
        var seen = Set<String>()
        for img in root.elements(in: ["img"]) {
            guard let src = img.attribute("src")?.trimmedWhitespace, !src.isEmpty else {
                img.detach()
                continue
            }
            if src.lowercased().hasPrefix("data:") {
                if let (data, declared) = decodeDataURI(src), !data.isEmpty {
                    let type = MediaType.sniff(data) ?? (declared.hasPrefix("image/") ? declared : nil)
                    guard type != nil else { img.detach(); continue }
                    img.setAttribute("src", src)
                    if seen.insert(src).inserted { out.append(ImageResource(src: src, data: data, mediaType: type)) }
                } else {
                    img.detach()
                }
                continue
            }
            if let file = localFile(for: src, baseDirectory: baseDirectory),
               let data = try? Data(contentsOf: file), !data.isEmpty {
                // `file:` URLs do not survive the HTML subset: name the image by a relative
                // reference instead (the library swaps it for a blob reference anyway).
                var key = src
                if src.lowercased().hasPrefix("file:") {
                    key = relativeReference(for: file, under: baseDirectory)
                        ?? "local-image-\(out.count + 1)/" + (file.lastPathComponent.addingPercentEncoding(
                            withAllowedCharacters: .urlPathAllowed) ?? "image")
                }
                img.setAttribute("src", key)
                if seen.insert(key).inserted {
                    out.append(ImageResource(src: key, data: data, mediaType: MediaType.sniff(data)))
                }
                continue
            }
            if let resolved = URLResolver.resolve(src, against: baseURL) { img.setAttribute("src", resolved) }
        }
        return out
    }

    /// `file` as a percent-encoded path relative to `directory`, when it is inside it.
    static func relativeReference(for file: URL, under directory: URL?) -> String? {
        guard let directory else { return nil }
        let base = directory.standardizedFileURL.path
        let path = file.standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        guard path.hasPrefix(prefix) else { return nil }
        let relative = String(path.dropFirst(prefix.count))
        return relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)
    }

    /// A letter, digit, `+`, `/` or `=`.
    private static func isBase64Byte(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2F
            || b == 0x3D
    }

    /// The bytes and declared media type of a `data:` URI (RFC 2397), or nil when malformed.
    static func decodeDataURI(_ uri: String) -> (Data, String)? {
        guard let comma = uri.firstIndex(of: ",") else { return nil }
        let header = uri[uri.index(uri.startIndex, offsetBy: 5)..<comma].lowercased()
            .filter { !$0.isWhitespace }
        let payload = String(uri[uri.index(after: comma)...])
        let parts = header.split(separator: ";").map(String.init)
        let type = parts.first.flatMap { $0.contains("/") ? $0 : nil } ?? "text/plain"
        if parts.contains("base64") {
            var b64: String
            if payload.utf8.allSatisfy(isBase64Byte) {
                // Nothing to unescape, strip or translate (the common case): only padded.
                b64 = payload
                let missing = (4 - payload.utf8.count % 4) % 4
                if missing > 0 { b64 += String(repeating: "=", count: missing) }
            } else {
                b64 = payload.removingPercentEncoding ?? payload
                b64 = b64.filter { !$0.isWhitespace }
                b64 = b64.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
                while b64.count % 4 != 0 { b64 += "=" }
            }
            guard let data = Data(base64Encoded: b64) else { return nil }
            return (data, type)
        }
        guard let text = payload.removingPercentEncoding else { return nil }
        return (Data(text.utf8), type)
    }

    /// The file a relative or `file:` image source names under `baseDirectory`, if it exists.
    static func localFile(for src: String, baseDirectory: URL?) -> URL? {
        let fm = FileManager.default
        func regularFile(_ url: URL) -> URL? {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { return nil }
            return url
        }
        if src.lowercased().hasPrefix("file:") {
            guard let u = URL(string: src), u.isFileURL else { return nil }
            return regularFile(u)
        }
        guard let baseDirectory else { return nil }
        // Only relative references (no scheme, not protocol-relative).
        if src.hasPrefix("//") { return nil }
        if let colon = src.firstIndex(of: ":"), let slash = src.firstIndex(of: "/"), colon < slash { return nil }
        if src.firstIndex(of: ":") != nil && src.firstIndex(of: "/") == nil { return nil }
        var path = src
        if let q = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<q]) }
        path = path.removingPercentEncoding ?? path
        guard !path.isEmpty else { return nil }
        let candidate: URL
        if path.hasPrefix("/") {
            candidate = URL(fileURLWithPath: path)
        } else {
            candidate = baseDirectory.appendingPathComponent(path).standardizedFileURL
        }
        return regularFile(candidate)
    }
}

/// Media types of image bytes, from their magic numbers.
enum MediaType {
    /// `image/png`, `image/jpeg`, `image/gif`, `image/webp`, `image/svg+xml`, `image/avif`,
    /// `image/bmp`, or nil.
    static func sniff(_ data: Data) -> String? {
        let b = [UInt8](data.prefix(1024))
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if b.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if b.starts(with: Array("GIF87a".utf8)) || b.starts(with: Array("GIF89a".utf8)) { return "image/gif" }
        if b.count >= 12, b.starts(with: Array("RIFF".utf8)), Array(b[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        if b.count >= 12, Array(b[4..<8]) == Array("ftyp".utf8) {
            let brand = String(decoding: b[8..<12], as: UTF8.self)
            if brand == "avif" || brand == "avis" { return "image/avif" }
        }
        if b.starts(with: Array("BM".utf8)), b.count > 14 { return "image/bmp" }
        let head = String(decoding: b, as: UTF8.self).lowercased()
        let trimmed = head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        if trimmed.hasPrefix("<svg") || ((trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<!doctype svg")) && head.contains("<svg")) {
            return "image/svg+xml"
        }
        return nil
    }
}

/// Parsing and resolving URL references (RFC 3986) leniently.
enum URLResolver {
    /// A URL from a string, percent-encoding characters Foundation rejects (spaces, non-ASCII).
    static func parse(_ s: String) -> URL? {
        let t = s.trimmedWhitespace
        if let u = URL(string: t) { return u }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.insert(charactersIn: "#%")
        if let enc = t.addingPercentEncoding(withAllowedCharacters: allowed), let u = URL(string: enc) { return u }
        return nil
    }

    /// `reference` resolved against `base`; the reference itself when there is no base or it
    /// is already absolute; nil when it cannot be parsed.
    static func resolve(_ reference: String, against base: URL?) -> String? {
        let t = reference.trimmedWhitespace
        guard let ref = parse(t) else { return nil }
        if ref.scheme != nil { return ref.absoluteString }
        guard let base, base.scheme != nil else { return t }
        return URL(string: ref.absoluteString, relativeTo: base)?.absoluteURL.absoluteString ?? t
    }
}
