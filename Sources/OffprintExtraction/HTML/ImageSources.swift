// ImageSources: chooses one `src` for every image before the article is scored: lazy-loading
// attributes over placeholders, the largest `srcset` candidate when there is no better
// source, `<picture>` reduced to its `<img>`, `<noscript>` fallbacks unwrapped
// (docs/extraction.md, "Images").
import Foundation
import OffprintXML

enum ImageSources {
    /// Attributes lazy-loading scripts keep the real image URL in, most specific first.
    static let lazySrcAttributes = [
        "data-src", "data-original", "data-lazy-src", "data-lazy", "data-url", "data-hi-res-src", "data-full-src",
        "data-orig-src", "data-echo", "data-actualsrc", "data-pagespeed-lazy-src", "data-large-file",
        "data-orig-file", "data-img-src", "data-image", "data-native-src", "data-raw-src",
    ]
    /// Attributes holding a lazy `srcset`.
    static let lazySrcsetAttributes = ["data-srcset", "data-lazy-srcset", "data-original-set", "data-sizes-srcset"]

    private static let imageExtension = Pattern("\\.(jpg|jpeg|png|webp|gif|avif)")
    /// The extensions as a byte search: every pattern here that names them needs one, and
    /// the search spares most attribute values the regular expression.
    private static let imageExtensionWords = Keywords(".jpg|.jpeg|.png|.webp|.gif|.avif")
    private static let singleImageURL = Pattern("^\\s*\\S+\\.(jpg|jpeg|png|webp|gif|avif)\\S*\\s*$")
    private static let srcsetLike = Pattern("\\.(jpg|jpeg|png|webp|gif|avif)\\S*\\s+\\d")
    private static let placeholderName = Pattern(
        "(^|[/_.-])(blank|spacer|placeholder|transparent|pixel|lazy|loading|grey|gray|1x1)[^/]*\\.(gif|png|svg|jpg)")
    private static let b64DataURL = Pattern("^data:\\s*([^\\s;,]+)\\s*;\\s*base64\\s*,")
    /// The words `placeholderName` needs, as a byte search that spares most URLs the
    /// regular expression.
    private static let placeholderWords = Keywords("blank|spacer|placeholder|transparent|pixel|lazy|loading|grey|gray|1x1")

    /// Readability's `_unwrapNoscriptImages`: drops source-less `<img>` placeholders and puts
    /// the image inside a `<noscript>` in place of the placeholder before it.
    static func unwrapNoscriptImages(_ doc: HTMLNode) {
        for img in doc.elements(in: ["img"]) {
            let hasSource = img.attributes.contains { a in
                ["src", "srcset", "data-src", "data-srcset"].contains(a.name)
                    || (imageExtensionWords.matches(a.value) && imageExtension.matches(a.value))
            }
            if !hasSource { img.detach() }
        }
        for noscript in doc.elements(in: ["noscript"]) {
            guard isSingleImage(noscript), let newImg = noscript.firstElement(named: "img"),
                  let prev = noscript.previousElementSibling, isSingleImage(prev) else { continue }
            let prevImg = prev.name == "img" ? prev : prev.firstElement(named: "img")
            if let prevImg {
                for a in prevImg.attributes where !a.value.isEmpty {
                    guard a.name == "src" || a.name == "srcset"
                        || (imageExtensionWords.matches(a.value) && imageExtension.matches(a.value)) else { continue }
                    if newImg.attribute(a.name) == a.value { continue }
                    let name = newImg.attribute(a.name) != nil ? "data-old-" + a.name : a.name
                    newImg.setAttribute(name, a.value)
                }
            }
            newImg.detach()
            prev.replace(with: [newImg])
        }
    }

    private static func isSingleImage(_ node: HTMLNode) -> Bool {
        var n: HTMLNode? = node
        while let cur = n {
            if cur.name == "img" { return true }
            let kids = cur.elementChildren
            if kids.count != 1 || !cur.textContent.trimmedWhitespace.isEmpty { return false }
            n = kids[0]
        }
        return false
    }

    /// Reduces each `<picture>` to one `<img>` and gives every `<img>` a single chosen `src`
    /// (removing `srcset` and the lazy attributes); images with no source at all are removed.
    static func normalize(_ doc: HTMLNode) {
        for picture in doc.elements(in: ["picture"]).reversed() {
            let sources = picture.elements(in: ["source"])
            let img = picture.firstElement(named: "img") ?? {
                let made = HTMLNode.element("img")
                picture.append(made)
                return made
            }()
            if chooseSource(img) == nil {
                // No usable <img> source: take the first <source> without a media-type we
                // cannot show, largest candidate.
                for s in sources {
                    if let set = s.attribute("srcset") ?? s.attribute("data-srcset"), let best = largestCandidate(set) {
                        img.setAttribute("src", best)
                        break
                    }
                }
            }
            for s in sources { s.detach() }
            img.detach()
            picture.replace(with: [img])
        }
        for img in doc.elements(in: ["img"]) {
            if let src = chooseSource(img) {
                img.setAttribute("src", src)
            } else {
                img.detach()
                continue
            }
            for name in ["srcset", "sizes"] + lazySrcAttributes + lazySrcsetAttributes { img.setAttribute(name, nil) }
        }
    }

    /// The best source of `img`, or nil when it has none.
    static func chooseSource(_ img: HTMLNode) -> String? {
        func value(_ name: String) -> String? {
            guard let v = img.attribute(name)?.trimmedWhitespace, !v.isEmpty,
                  v != "null", v != "about:blank", v != "#" else { return nil }
            return v
        }
        for name in lazySrcAttributes {
            if let v = value(name), !v.lowercased().hasPrefix("data:"), !v.contains(" "),
               !v.hasPrefix("{") { return v }
        }
        for name in lazySrcsetAttributes {
            if let v = value(name), let best = largestCandidate(v) { return best }
        }
        let srcsetBest = value("srcset").flatMap(largestCandidate)
        if let src = value("src"), !isPlaceholder(src, img: img) {
            if let srcsetBest, let set = value("srcset"), srcsetCandidates(set).contains(where: { $0.url == src }) {
                return srcsetBest
            }
            return src
        }
        if let srcsetBest { return srcsetBest }
        // Readability's `_fixLazyImages`: any other attribute that holds an image URL.
        for a in img.attributes where !["src", "srcset", "alt", "title", "class", "style"].contains(a.name) {
            guard imageExtensionWords.matches(a.value) else { continue }
            if srcsetLike.matches(a.value), let best = largestCandidate(a.value) { return best }
            if singleImageURL.matches(a.value) { return a.value.trimmingCharacters(in: .whitespaces) }
        }
        return value("src")
    }

    /// Whether `src` looks like a placeholder shown until a script loads the real image.
    private static func isPlaceholder(_ src: String, img: HTMLNode) -> Bool {
        let lower = src.lowercased()
        let hasAlternative = img.attributes.contains { a in
            a.name != "src" && (lazySrcAttributes.contains(a.name) || lazySrcsetAttributes.contains(a.name)
                                || a.name == "srcset"
                                || (imageExtensionWords.matches(a.value) && imageExtension.matches(a.value)))
        }
        guard hasAlternative else { return false }
        // The data-URL pattern is anchored at `data:` (any case): other sources skip it.
        if lower.hasPrefix("data:"), let m = b64DataURL.firstMatch(src), let prefix = m[0] {
            if m[1]?.lowercased() == "image/svg+xml" { return true }
            return src.utf16.count - prefix.utf16.count < 133
        }
        if lower.hasPrefix("data:") { return true }
        return placeholderWords.matches(lower) && placeholderName.matches(lower)
    }

    struct Candidate { var url: String; var width: Double?; var density: Double? }

    /// Parses a `srcset` value (HTML Living Standard 4.8.4.3.10, simplified).
    static func srcsetCandidates(_ srcset: String) -> [Candidate] {
        var out: [Candidate] = []
        let scalars = Array(srcset.unicodeScalars)
        var i = 0
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{0C}" }
        while i < scalars.count {
            while i < scalars.count && (isSpace(scalars[i]) || scalars[i] == ",") { i += 1 }
            if i >= scalars.count { break }
            var url = String.UnicodeScalarView()
            while i < scalars.count && !isSpace(scalars[i]) { url.append(scalars[i]); i += 1 }
            var urlString = String(url)
            var descriptor = ""
            if urlString.hasSuffix(",") {
                while urlString.hasSuffix(",") { urlString.removeLast() }
            } else {
                var d = String.UnicodeScalarView()
                var depth = 0
                while i < scalars.count {
                    let s = scalars[i]
                    if s == "(" { depth += 1 } else if s == ")" { depth -= 1 }
                    if s == "," && depth <= 0 { i += 1; break }
                    d.append(s)
                    i += 1
                }
                descriptor = String(d).trimmingCharacters(in: .whitespaces)
            }
            guard !urlString.isEmpty else { continue }
            var c = Candidate(url: urlString, width: nil, density: nil)
            for part in descriptor.split(separator: " ") {
                if part.hasSuffix("w"), let w = Double(part.dropLast()) { c.width = w }
                if part.hasSuffix("x"), let x = Double(part.dropLast()) { c.density = x }
            }
            out.append(c)
        }
        return out
    }

    /// The URL of the largest candidate in `srcset` (by width, then density), or nil.
    static func largestCandidate(_ srcset: String) -> String? {
        let candidates = srcsetCandidates(srcset)
        guard !candidates.isEmpty else { return nil }
        if candidates.contains(where: { $0.width != nil }) {
            return candidates.max(by: { ($0.width ?? 0) < ($1.width ?? 0) })?.url
        }
        return candidates.max(by: { ($0.density ?? 1) < ($1.density ?? 1) })?.url
    }
}
