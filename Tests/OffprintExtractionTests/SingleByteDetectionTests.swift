// Detection of unlabelled single-byte text (issue #3, "Encodings"): Cyrillic in
// windows-1251, KOI8-R and ISO-8859-5; Central European in windows-1250 and ISO-8859-2;
// Greek in windows-1253; and Western text that must stay windows-1252. The sentences were
// written for these tests; their bytes come from glibc iconv.
import Foundation
import Testing
@testable import OffprintExtraction
#if canImport(Glibc)
import Glibc
#endif

@Suite struct SingleByteDetectionTests {
    /// `text` encoded by glibc iconv into `charset`.
    static func encode(_ text: String, _ charset: String) throws -> Data {
        let cd = iconv_open(charset, "UTF-8")
        try #require(cd != iconv_t(bitPattern: -1))
        defer { iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 4 + 16)
        var inLeft = input.count
        var outLeft = output.count
        let written: Int = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                _ = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return outBuf.count - outLeft
            }
        }
        try #require(inLeft == 0, "iconv could not encode the sample as \(charset)")
        return Data(output.prefix(written).map { UInt8(bitPattern: $0) })
    }

    static let russian = "Чтение без сети: статьи остаются там, где находится читатель. Библиотека хранит каждую правку и не теряет ни одной заметки, даже когда два компьютера синхронизируются."
    static let polish = "Czytanie bez sieci: artykuły zostają tam, gdzie jest czytelnik. Biblioteka przechowuje każdą zmianę i nie gubi żadnej notatki, nawet gdy dwa komputery się łączą."
    static let czech = "Čtení bez sítě: články zůstávají tam, kde je čtenář. Knihovna uchovává každou změnu a neztratí žádnou poznámku, ani když se dva počítače synchronizují."
    static let greek = "Η ανάγνωση χωρίς δίκτυο: τα άρθρα μένουν εκεί όπου βρίσκεται ο αναγνώστης. Η βιβλιοθήκη κρατά κάθε αλλαγή και δεν χάνει καμία σημείωση."
    static let french = "L'été dernier, nous avons lu des articles très intéressants à la campagne, près du château ; c'était déjà une belle expérience."
    static let german = "Die Größe der Bibliothek wächst täglich, aber die Bücher bleiben überall lesbar, auch ohne Netzverbindung."
    static let spanish = "¿Qué pasó? El niño leyó el artículo en la estación, sin conexión, y después escribió una reseña."

    @Test("unlabelled text is detected as the encoding it was written in", arguments: [
        (russian, "WINDOWS-1251", "windows-1251"),
        (russian, "KOI8-R", "KOI8-R"),
        (russian, "ISO-8859-5", "ISO-8859-5"),
        (polish, "WINDOWS-1250", "windows-1250"),
        (polish, "ISO-8859-2", "ISO-8859-2"),
        (czech, "WINDOWS-1250", "windows-1250"),
        (greek, "WINDOWS-1253", "windows-1253"),
        (french, "WINDOWS-1252", "windows-1252"),
        (german, "WINDOWS-1252", "windows-1252"),
        (spanish, "WINDOWS-1252", "windows-1252"),
    ])
    func detected(_ text: String, _ iconvName: String, _ expected: String) throws {
        let bytes = try Self.encode(text, iconvName)
        let d = CharsetDecoder.decode(bytes, kind: .text)
        #expect(d.encoding == expected)
        #expect(d.text == text)
    }

    @Test("an unlabelled HTML page in KOI8-R is decoded")
    func koi8Page() throws {
        let html = "<html><head><title>Заметки</title></head><body><p>\(Self.russian)</p></body></html>"
        let d = CharsetDecoder.decode(try Self.encode(html, "KOI8-R"), kind: .html)
        #expect(d.encoding == "KOI8-R")
        #expect(d.text.contains(Self.russian))
    }
}
