// TagScanner: reads the attributes of one start tag straight from the page text, for the few
// facts libxml2's HTML4-era tree construction loses (attributes of a repeated <body>).
import Foundation
import OffprintXML

enum TagScanner {
    /// The attributes of the first `<name ...>` start tag in `source`, a page's UTF-8 bytes
    /// (case-insensitive), entity references in values left as written except `&amp;` and
    /// `&quot;`; nil when there is no such tag.
    static func attributesOfFirstTag(_ name: String, in source: Data) -> [HTMLAttribute]? {
        source.withUnsafeBytes { raw in
            attributesOfFirstTag(name, bytes: UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self).prefix(2_000_000)))
        }
    }

    private static func attributesOfFirstTag(_ name: String, bytes: UnsafeBufferPointer<UInt8>) -> [HTMLAttribute]? {
        let target = Array(name.lowercased().utf8)
        var i = 0
        let n = bytes.count
        func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b + 32 : b }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }
        while i < n {
            // The next `<` by memchr (a byte loop here scanned every page twice).
            guard let base = bytes.baseAddress, let hit = memchr(base + i, 0x3C, n - i) else { return nil }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if i + 3 < n, bytes[i + 1] == 0x21, bytes[i + 2] == 0x2D, bytes[i + 3] == 0x2D {
                var j = i + 4
                while j + 2 < n && !(bytes[j] == 0x2D && bytes[j + 1] == 0x2D && bytes[j + 2] == 0x3E) { j += 1 }
                i = j + 3
                continue
            }
            var k = 0
            while k < target.count, i + 1 + k < n, lower(bytes[i + 1 + k]) == target[k] { k += 1 }
            let after = i + 1 + target.count
            guard k == target.count, after < n, isSpace(bytes[after]) || bytes[after] == 0x3E || bytes[after] == 0x2F else {
                i += 1
                continue
            }
            var j = after
            var out: [HTMLAttribute] = []
            while j < n {
                while j < n && (isSpace(bytes[j]) || bytes[j] == 0x2F) { j += 1 }
                if j >= n || bytes[j] == 0x3E { break }
                var nameBytes: [UInt8] = []
                while j < n, !isSpace(bytes[j]), bytes[j] != 0x2F, bytes[j] != 0x3D, bytes[j] != 0x3E {
                    nameBytes.append(lower(bytes[j])); j += 1
                }
                while j < n && isSpace(bytes[j]) { j += 1 }
                var value: [UInt8] = []
                if j < n && bytes[j] == 0x3D {
                    j += 1
                    while j < n && isSpace(bytes[j]) { j += 1 }
                    if j < n && (bytes[j] == 0x22 || bytes[j] == 0x27) {
                        let q = bytes[j]; j += 1
                        while j < n && bytes[j] != q { value.append(bytes[j]); j += 1 }
                        j += 1
                    } else {
                        while j < n, !isSpace(bytes[j]), bytes[j] != 0x3E { value.append(bytes[j]); j += 1 }
                    }
                }
                let attrName = String(decoding: nameBytes, as: UTF8.self)
                let attrValue = String(decoding: value, as: UTF8.self)
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                if !attrName.isEmpty && !out.contains(where: { $0.name == attrName }) {
                    out.append(HTMLAttribute(name: attrName, value: attrValue))
                }
            }
            return out
        }
        return nil
    }
}
