// FileNames: file names made from article titles for the text and Markdown bundles and for
// `--split` EPUBs: safe on Linux, macOS and Windows (no `/ \ : * ? " < > |`, no control
// characters, no leading dot, no trailing dot or space, no reserved device names), at most
// 100 UTF-8 bytes before the extension, and unique within one export (` (2)`, ` (3)`... in
// the order the articles come). Names never decide anything else: an empty or unusable
// title falls back to the article id's first 12 characters.
import Foundation
import OffprintModel

/// Assigns safe, unique file names within one export.
public struct FileNames {
    private var used = Set<String>()

    public init() {}

    /// A safe name for `title` (or `fallback` when nothing of it is usable), followed by
    /// a space and `suffix` when one is given and the title is usable, ending in `.ext`, not
    /// handed out before by this value (compared case-insensitively).
    public mutating func name(for title: String?, fallback: String, suffix: String? = nil, ext: String) -> String {
        var base = fallback
        if let safe = FileNames.safeBase(title ?? "") { base = suffix.map { safe + " " + $0 } ?? safe }
        var n = 1
        while true {
            let candidate = (n == 1 ? base : "\(base) (\(n))") + "." + ext
            if used.insert(candidate.lowercased()).inserted { return candidate }
            n += 1
        }
    }

    static let reserved: Set<String> = ["con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
                                        "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2",
                                        "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9"]

    /// `title` made safe as a file name without extension, or nil when nothing is left.
    static func safeBase(_ title: String) -> String? {
        var s = ""
        for c in title {
            if c.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) }) {
                s.append(" ")
            } else if "/\\:*?\"<>|".contains(c) {
                s.append(" ")
            } else if c.isWhitespace {
                s.append(" ")
            } else {
                s.append(c)
            }
        }
        var t = s.split(separator: " ").joined(separator: " ")
        while t.hasPrefix(".") { t.removeFirst() }
        // At most 100 UTF-8 bytes, cut at a character boundary.
        if t.utf8.count > 100 {
            var cut = ""
            for c in t {
                if cut.utf8.count + String(c).utf8.count > 100 { break }
                cut.append(c)
            }
            t = cut
        }
        while t.hasSuffix(".") || t.hasSuffix(" ") { t.removeLast() }
        if t.isEmpty || reserved.contains(t.lowercased()) { return nil }
        return t
    }
}
