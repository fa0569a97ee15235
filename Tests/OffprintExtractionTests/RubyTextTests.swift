// Ruby annotations (furigana): the stored HTML keeps `<ruby>` with its `<rt>` readings and `<rp>`
// parentheses, and `textContent` is the base text alone.
import Foundation
@testable import OffprintExtraction
import Testing

@Suite("Ruby annotations")
struct RubyTextTests {
    static let page = """
        <!DOCTYPE html>
        <html lang="ja"><head><meta charset="utf-8"><title>町の図書館が新しくなる</title></head>
        <body>
        <div class="header"><a href="/">トップ</a> <a href="/news">ニュース</a></div>
        <article>
        <h1><ruby>町<rt>まち</rt></ruby>の<ruby>図書館<rt>としょかん</rt></ruby>が<ruby>新<rt>あたら</rt></ruby>しくなる</h1>
        <p><ruby>町<rp>(</rp><rt>まち</rt><rp>)</rp></ruby>の<ruby>図書館<rp>(</rp><rt>としょかん</rt><rp>)</rp></ruby>は、<ruby>来月<rp>(</rp><rt>らいげつ</rt><rp>)</rp></ruby>から<ruby>夜<rp>(</rp><rt>よる</rt><rp>)</rp></ruby>九時まで<ruby>開<rp>(</rp><rt>あ</rt><rp>)</rp></ruby>くことになりました。<ruby>仕事<rt>しごと</rt></ruby>の<ruby>後<rt>あと</rt></ruby>でも<ruby>本<rt>ほん</rt></ruby>を<ruby>借<rt>か</rt></ruby>りることができます。</p>
        <p><ruby>子<rt>こ</rt></ruby>どもが<ruby>静<rt>しず</rt></ruby>かに<ruby>勉強<rt>べんきょう</rt></ruby>できる<ruby>部屋<rt>へや</rt></ruby>も<ruby>二<rt>ふた</rt></ruby>つ<ruby>作<rt>つく</rt></ruby>ります。<ruby>図書館<rt>としょかん</rt></ruby>の<ruby>人<rt>ひと</rt></ruby>は「たくさんの<ruby>人<rt>ひと</rt></ruby>に<ruby>来<rt>き</rt></ruby>てほしい」と<ruby>話<rt>はな</rt></ruby>しています。</p>
        <p><ruby>工事<rt>こうじ</rt></ruby>の<ruby>間<rt>あいだ</rt></ruby>は、<ruby>駅<rt>えき</rt></ruby>の<ruby>近<rt>ちか</rt></ruby>くにある<ruby>公民館<rt>こうみんかん</rt></ruby>で<ruby>本<rt>ほん</rt></ruby>を<ruby>返<rt>かえ</rt></ruby>すことができます。</p>
        </article>
        </body></html>
        """

    @Test("textContent has the base text only; the stored HTML keeps ruby, rt and rp")
    func readingsAreNotText() throws {
        let article = try Extractor.extract(htmlText: Self.page, url: nil, baseDirectory: nil)
        #expect(article.textContent == """
            町の図書館は、来月から夜九時まで開くことになりました。仕事の後でも本を借りることができます。

            子どもが静かに勉強できる部屋も二つ作ります。図書館の人は「たくさんの人に来てほしい」と話しています。

            工事の間は、駅の近くにある公民館で本を返すことができます。
            """)
        #expect(article.content.contains("<ruby>町<rp>(</rp><rt>まち</rt><rp>)</rp></ruby>の"))
        #expect(article.content.contains("<ruby>公民館<rp>(</rp><rt>こうみんかん</rt><rp>)</rp></ruby>で"))
        #expect(article.metadata.excerpt?.hasPrefix("町の図書館は、来月から") == true)
    }

    @Test("rt and rp outside a ruby element are dropped with their text")
    func strayReadings() throws {
        let html = "<html><body><article><p>本文の<rt>ほんぶん</rt>テキストです。<rp>(</rp>これは長い記事の本文で、読み仮名のない段落です。図書館は来月から夜九時まで開きます。</p></article></body></html>"
        let article = try Extractor.extract(htmlText: html, url: nil, baseDirectory: nil)
        #expect(article.textContent == "本文のテキストです。これは長い記事の本文で、読み仮名のない段落です。図書館は来月から夜九時まで開きます。")
        #expect(!article.content.contains("<rt>"))
        #expect(!article.content.contains("<rp>"))
    }
}
