// The article's text is in Unicode Normalization Form C (docs/extraction.md, "Unicode form").
import Foundation
@testable import OffprintExtraction
import Testing

@Suite("Unicode form")
struct UnicodeFormTests {
    @Test("decomposed letters are composed and composition exclusions decomposed, in text and content")
    func nfc() throws {
        // "Grüße aus Köln" with U+0308 combining diaeresis; Bengali "কুষ্টিয়া" with the
        // precomposed U+09DF, which NFC writes as U+09AF U+09BC.
        let decomposed = "Gru\u{0308}ße aus Ko\u{0308}ln"
        let bengali = "কুষ্টি\u{09DF}া"
        let html = "<html><body><article><p>\(decomposed): Der Bericht über die Stadt, die Brücken und die Straßenbahn, geschrieben im Frühling für die Leserinnen und Leser der Zeitung.</p><p>\(bengali) জেলার খবর।</p></article></body></html>"
        let article = try Extractor.extract(htmlText: html, url: nil, baseDirectory: nil)
        let text = Array(article.textContent.unicodeScalars.map(\.value))
        let composed = Array("Grüße aus Köln".unicodeScalars.map(\.value))
        #expect(text.starts(with: composed))
        #expect(!article.textContent.unicodeScalars.contains { $0.value == 0x0308 || $0.value == 0x09DF })
        #expect(article.textContent.unicodeScalars.contains { $0.value == 0x09BC })
        #expect(!article.content.unicodeScalars.contains { $0.value == 0x0308 || $0.value == 0x09DF })
    }

    @Test("text in the NFC-stable ranges is still composed where a combining mark follows")
    func nfcAfterStableText() throws {
        // Japanese, Cyrillic and Greek text (no Foundation pass needed) with a decomposed
        // "é" (e + U+0301) after it.
        let html = "<html><body><article><p>日本語のテキスト、Русский текст, ελληνικά: cafe\u{0301} au lait, un texte assez long pour être l'article de cette page de test.</p></article></body></html>"
        let article = try Extractor.extract(htmlText: html, url: nil, baseDirectory: nil)
        #expect(article.textContent.contains("café au lait"))
        #expect(!article.textContent.unicodeScalars.contains { $0.value == 0x0301 })
    }

    @Test("every scalar of the NFC-stable ranges is its own NFC and never the second part of a composition")
    func nfcStableRanges() {
        var stable: [Unicode.Scalar] = []
        for v in UInt32(0x300)...0xFFFF where Extractor.isNFCStable(v) {
            guard let s = Unicode.Scalar(v) else { continue }
            stable.append(s)
        }
        #expect(stable.count > 30_000)
        let stableSet = Set(stable.map(\.value))
        for s in stable {
            #expect(String(s).precomposedStringWithCanonicalMapping == String(s), "U+\(String(s.value, radix: 16))")
            #expect(s.properties.canonicalCombiningClass == .notReordered)
        }
        // No canonical decomposition (of any scalar) has a stable scalar after its first.
        for v in UInt32(0xA0)...0x2FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            let parts = String(s).decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
            #expect(!parts.dropFirst().contains(where: stableSet.contains), "U+\(String(v, radix: 16))")
        }
    }
}
