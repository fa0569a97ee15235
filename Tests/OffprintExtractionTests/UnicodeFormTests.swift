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
}
