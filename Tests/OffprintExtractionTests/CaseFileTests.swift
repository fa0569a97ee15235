// The small input cases of ../shared/cases (EXPECT.md): each reproduces a fault users of
// comparable tools reported; the values asserted here are the ones EXPECT.md states.
import Foundation
import OffprintExtraction
import OffprintModel
import OffprintTestSupport
import Testing

private func caseURL(_ name: String) -> URL { TestPaths.cases.appendingPathComponent(name) }

private func importCase(_ name: String) throws -> ImportCandidate {
    try InputImporter.candidate(forFile: caseURL(name))
}

@Suite("Case files: HTML")
struct HTMLCaseTests {
    @Test("title-special-chars: the whole title, special characters intact")
    func titleSpecialChars() throws {
        let c = try importCase("title-special-chars.html")
        #expect(c.sourceType == .html)
        #expect(c.extracted.metadata.title == "Tom & Jerry <3 \"quotes\" — C++ / a:b?")
        #expect(c.extracted.textContent.contains("The committee met on Tuesday"))
        #expect(!c.extracted.textContent.contains("Another story"))
        #expect(!c.extracted.textContent.contains("Copyright 2026"))
    }

    @Test("named-entities: entities decoded, &nbsp; as U+00A0, broken references readable")
    func namedEntities() throws {
        let text = try importCase("named-entities.html").extracted.textContent
        #expect(text.contains("Fish\u{A0}&\u{A0}chips cost £5 — ‘cheap’ © 2026 … café naïve"))
        #expect(text.contains("Broken refs stay readable:"))
        #expect(text.contains("AT&T"))
    }

    @Test("comment-double-dash: the paragraph after the odd comment is kept")
    func commentDoubleDash() throws {
        let a = try importCase("comment-double-dash.html").extracted
        #expect(a.textContent.contains("Text after the odd comment must survive."))
        #expect(!a.content.contains("<!--"))
    }

    @Test("bad-attributes: button text, both cells and the oddly quoted paragraph are kept")
    func badAttributes() throws {
        let a = try importCase("bad-attributes.html").extracted
        #expect(a.textContent.contains("Press"))
        #expect(a.textContent.contains("cell one"))
        #expect(a.textContent.contains("cell two"))
        #expect(a.textContent.contains("odd quoting"))
        #expect(!a.content.contains("@click"))
        #expect(!a.content.contains("v-on"))
    }

    @Test("nested-document: the inner body paragraph belongs to the article")
    func nestedDocument() throws {
        let a = try importCase("nested-document.html").extracted
        #expect(a.textContent.contains("Inner body paragraph that belongs to the article."))
        #expect(a.metadata.title == "A page inside the article")
        #expect(!a.content.contains("<html"))
        #expect(!a.content.contains("<body"))
    }

    @Test("images-srcset-lazy: URLs resolved against <base href>, data: GIF collected")
    func imagesSrcsetLazy() throws {
        let a = try importCase("images-srcset-lazy.html").extracted
        let srcs = imageSources(a.content)
        #expect(srcs.contains("https://news.example.org/img/700.jpg"))
        #expect(srcs.contains("https://news.example.org/2026/11/story/full-700.jpg"))
        #expect(srcs.contains("https://news.example.org/2026/11/story/pic.jpg"))
        #expect(!srcs.contains { $0.contains("thumb-180x100") })
        #expect(!srcs.contains { $0.contains(" ") || $0.contains(",") && !$0.hasPrefix("data:") })
        #expect(!a.content.contains("<source"))
        #expect(!a.content.contains("srcset="))
        #expect(a.images.count == 1)
        let gif = try #require(a.images.first)
        #expect(gif.mediaType == "image/gif")
        #expect(gif.src.hasPrefix("data:image/gif;base64,"))
        #expect(srcs.contains(gif.src))
        #expect(gif.data.starts(with: Array("GIF89a".utf8)))
    }

    @Test("gbk-meta-after-title: GBK declared after the title, decoded without mojibake")
    func gbkMetaAfterTitle() throws {
        let a = try importCase("gbk-meta-after-title.html").extracted
        #expect(a.metadata.title == "中文标题：离线阅读的未来")
        #expect(a.textContent.contains("这是一个用于测试编码的段落。离线阅读让读者在没有网络的时候也能继续学习。"))
        #expect(!a.textContent.contains("\u{FFFD}"))
    }

    @Test("utf8-declared-latin1: valid UTF-8 wins over a windows-1252 label")
    func utf8DeclaredLatin1() throws {
        let a = try importCase("utf8-declared-latin1.html").extracted
        #expect(a.textContent.contains("Über die Straße gehen: déjà vu, señor, smörgåsbord."))
        #expect(a.metadata.title == "Café naïve façade")
    }

    @Test("rtl-fa: lang fa-IR, dir rtl")
    func rtlFa() throws {
        let m = try importCase("rtl-fa.html").extracted.metadata
        #expect(m.lang == "fa-IR")
        #expect(m.dir == .rtl)
    }

    @Test("zh-hant: lang zh-Hant-TW kept")
    func zhHant() throws {
        let a = try importCase("zh-hant.html").extracted
        #expect(a.metadata.lang == "zh-Hant-TW")
        #expect(a.metadata.title == "離線閱讀的好處")
        #expect(a.textContent.contains("這是一篇用來測試繁體中文的文章。"))
    }
}

@Suite("Case files: page chrome")
struct PageChromeTests {
    static let htmlCases = ["title-special-chars.html", "named-entities.html", "comment-double-dash.html",
                            "bad-attributes.html", "nested-document.html", "images-srcset-lazy.html",
                            "gbk-meta-after-title.html", "utf8-declared-latin1.html", "rtl-fa.html", "zh-hant.html"]

    @Test("no navigation, Related box or footer in the article", arguments: htmlCases)
    func noChrome(_ name: String) throws {
        let a = try importCase(name).extracted
        for chrome in ["Sign in", "Another story", "Yet another story", "Copyright 2026", "Privacy", "Related"] {
            #expect(!a.textContent.contains(chrome), "\(name) contains \(chrome)")
        }
        #expect(!a.content.contains("<script"))
        #expect(!a.content.contains("<nav"))
        #expect(!a.content.contains("<footer"))
    }
}

@Suite("Case files: text")
struct TextCaseTests {
    @Test("text-gb18030: detected, title 离线阅读")
    func gb18030() throws {
        let c = try importCase("text-gb18030.txt")
        #expect(c.sourceType == .text)
        #expect(c.extracted.metadata.title == "离线阅读")
        #expect(!c.extracted.textContent.contains("\u{FFFD}"))
        #expect(CharsetDecoder.decode(c.source, kind: .text).encoding == "GB18030")
    }

    @Test("text-big5: detected, title 離線閱讀")
    func big5() throws {
        let c = try importCase("text-big5.txt")
        #expect(c.extracted.metadata.title == "離線閱讀")
        #expect(CharsetDecoder.decode(c.source, kind: .text).encoding == "Big5")
    }

    @Test("text-shift-jis: detected, title オフライン読書")
    func shiftJIS() throws {
        let c = try importCase("text-shift-jis.txt")
        #expect(c.extracted.metadata.title == "オフライン読書")
        #expect(CharsetDecoder.decode(c.source, kind: .text).encoding == "Shift_JIS")
    }

    @Test("text-utf16le-bom: BOM honoured, title UTF-16 article")
    func utf16() throws {
        let c = try importCase("text-utf16le-bom.txt")
        #expect(c.extracted.metadata.title == "UTF-16 article")
        #expect(c.extracted.textContent.hasPrefix("This file starts with a"))
    }

    @Test("text-windows-1252: curly quotes, dashes and the euro sign")
    func windows1252() throws {
        let c = try importCase("text-windows-1252.txt")
        #expect(c.extracted.metadata.title == "Smart quotes")
        #expect(c.extracted.textContent == "“Quoted” text — with an en dash – and a euro sign €.")
    }

    @Test("scraped-zh-article: one article, UTF-8, searchable text")
    func scrapedZh() throws {
        let c = try importCase("scraped-zh-article.txt")
        #expect(c.extracted.metadata.title == "庆云古诗词")
        #expect(c.extracted.textContent.contains("大型语言模型"))
        #expect(c.extracted.textContent.contains("范式"))
        #expect(c.source == (try Data(contentsOf: caseURL("scraped-zh-article.txt"))))
        // The line of UTF-8 once misread as GBK is repaired; the source bytes keep it as it was.
        #expect(c.extracted.textContent.contains("chatgpt角色设定 chatgpt 命令"))
        #expect(!c.extracted.textContent.contains("瑙掕壊璁惧畾"))
        #expect(String(decoding: c.source, as: UTF8.self).contains("chatgpt瑙掕壊璁惧畾 chatgpt 鍛戒护"))
    }
}

@Suite("Mojibake repair")
struct MojibakeRepairTests {
    @Test("UTF-8 misread as GBK is repaired, real Chinese is left alone")
    func gbk() {
        #expect(MojibakeRepair.repair("chatgpt瑙掕壊璁惧畾 chatgpt 鍛戒护") == "chatgpt角色设定 chatgpt 命令")
        let chinese = "大型语言模型的范式转变，离线阅读的未来。"
        #expect(MojibakeRepair.repair(chinese) == chinese)
        #expect(MojibakeRepair.repair("繁體中文的離線閱讀") == "繁體中文的離線閱讀")
    }

    @Test("UTF-8 misread as windows-1252 is repaired, real accented text is left alone")
    func latin1() {
        #expect(MojibakeRepair.repair("Ein cafÃ© und StraÃŸe, â€œzitiertâ€\u{9D}.") == "Ein café und Straße, “zitiert”.")
        let german = "Größe, Übermaß, déjà vu, ÀÖ señor"
        #expect(MojibakeRepair.repair(german) == german)
        #expect(MojibakeRepair.repair("Привет, мир") == "Привет, мир")
    }
}

/// The `src` values of the `<img>` elements in serialised content.
func imageSources(_ html: String) -> [String] {
    var out: [String] = []
    var rest = Substring(html)
    while let r = rest.range(of: "<img") {
        rest = rest[r.upperBound...]
        guard let end = rest.firstIndex(of: ">") else { break }
        let tag = rest[..<end]
        if let s = tag.range(of: " src=\"") {
            let after = tag[s.upperBound...]
            if let q = after.firstIndex(of: "\"") {
                out.append(String(after[..<q]).replacingOccurrences(of: "&amp;", with: "&"))
            }
        }
    }
    return out
}
