// CharsetScoring: how plausible a candidate decoding looks, for detecting the encoding of
// unlabelled legacy bytes. A right decoding of CJK text is dense in the language's most
// frequent characters; a wrong one scatters over rare ideographs, hangul or Latin-1 symbols.
import Foundation

enum CharsetScoring {
    /// A score in about 0...1: the share of non-ASCII characters that are typical of the
    /// language the encoding serves, minus penalties for control and private-use characters.
    static func plausibility(of text: String, as enc: Encoding) -> Double {
        var nonASCII = 0
        var good = 0.0
        var bad = 0.0
        var previousNonASCII = false
        var previousWasLetter = false
        var scalars = Array(text.unicodeScalars)
        if scalars.count > 40000 { scalars = Array(scalars.prefix(40000)) }
        for (i, s) in scalars.enumerated() {
            let v = s.value
            if v < 0x80 {
                if v < 0x20 && v != 0x0A && v != 0x0D && v != 0x09 { bad += 1 }
                previousNonASCII = false
                previousWasLetter = (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
                continue
            }
            nonASCII += 1
            if (0x80...0x9F).contains(v) || (0xE000...0xF8FF).contains(v) || v == 0xFFFD { bad += 2 }
            switch enc {
            case .gb18030:
                if commonSimplified.contains(s) { good += 1 } else if commonPunctuation.contains(s) { good += 0.8 }
                else if isKana(v) || isHangul(v) { bad += 0.5 }
            case .big5:
                if commonTraditional.contains(s) { good += 1 } else if commonPunctuation.contains(s) { good += 0.8 }
                else if isKana(v) || isHangul(v) { bad += 0.5 }
            case .shiftJIS, .eucJP:
                if isKana(v) { good += 1 } else if commonJapaneseKanji.contains(s) || commonSimplified.contains(s) { good += 0.7 }
                else if commonPunctuation.contains(s) { good += 0.8 }
                else if (0xFF61...0xFF9F).contains(v) { bad += 0.3 }   // half-width katakana: rare in prose
            case .eucKR:
                if commonHangul.contains(s) { good += 1 } else if isHangul(v) { good += 0.3 }
                else if commonPunctuation.contains(s) { good += 0.5 }
            case .windows1252:
                let next = i + 1 < scalars.count ? scalars[i + 1].value : 0x20
                let isolated = !previousNonASCII && next < 0x80
                if symbolInsideWord(scalars, i) { bad += 1 }
                else if latinCommon.contains(s) && (isolated || previousWasLetter) { good += 0.9 }
                else if latinCommon.contains(s) { good += 0.3 }
            case .windows1250, .iso88592:
                if symbolInsideWord(scalars, i) { bad += 1 }
                else if centralEuropean.contains(s) { good += 0.85 }
                else if s.properties.isAlphabetic { good += 0.2 }
            case .windows1251, .koi8R, .iso88595:
                good += scriptLetterScore(scalars, i, isScript: isCyrillic, common: commonRussian)
            case .windows1253, .iso88597:
                good += scriptLetterScore(scalars, i, isScript: isGreek, common: commonGreek)
            default:
                break
            }
            previousNonASCII = true
            previousWasLetter = false
        }
        guard nonASCII > 0 else { return 1 }
        return (good - bad) / Double(nonASCII)
    }

    /// A letter of a script without Latin letters (Cyrillic, Greek), scored by what a right
    /// decoding of prose gives: mostly lowercase frequent letters, capitals only at the start
    /// of a word, never a letter of the script glued to a Latin letter (which is what a
    /// Western page read as Cyrillic gives: `cafй`). Non-letters score 0, or -1 inside a word.
    private static func scriptLetterScore(_ scalars: [Unicode.Scalar], _ i: Int,
                                          isScript: (UInt32) -> Bool, common: Set<Unicode.Scalar>) -> Double {
        let s = scalars[i]
        guard isScript(s.value), s.properties.isAlphabetic else {
            return symbolInsideWord(scalars, i) ? -1 : 0
        }
        let before = i > 0 ? scalars[i - 1] : " "
        let after = i + 1 < scalars.count ? scalars[i + 1] : " "
        func isLatin(_ c: Unicode.Scalar) -> Bool {
            (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
        }
        if isLatin(before) || isLatin(after) { return -1 }
        if s.properties.isLowercase { return common.contains(s) ? 1 : 0.5 }
        // A capital: fine at the start of a word or inside a word of capitals.
        let startsWord = !before.properties.isAlphabetic
        let inCapitals = before.properties.isUppercase || after.properties.isUppercase
        return startsWord || inCapitals ? 0.5 : -0.7
    }

    /// Whether the character at `i` is neither a letter nor a digit while letters stand on
    /// both sides (`mo¿e`, `³¹ka`): what a wrong single-byte decoding puts inside words.
    /// Apostrophes, dashes and the middle dot are allowed there.
    private static func symbolInsideWord(_ scalars: [Unicode.Scalar], _ i: Int) -> Bool {
        let s = scalars[i]
        if s.properties.isAlphabetic || s.properties.numericType != nil { return false }
        if (0x2010...0x201F).contains(s.value) || s.value == 0xB7 || s.value == 0x27 { return false }
        guard i > 0, i + 1 < scalars.count else { return false }
        return scalars[i - 1].properties.isAlphabetic && scalars[i + 1].properties.isAlphabetic
    }

    private static func isCyrillic(_ v: UInt32) -> Bool { (0x0400...0x04FF).contains(v) }
    private static func isGreek(_ v: UInt32) -> Bool { (0x0370...0x03FF).contains(v) }

    private static func isKana(_ v: UInt32) -> Bool { (0x3041...0x30FF).contains(v) }
    private static func isHangul(_ v: UInt32) -> Bool { (0xAC00...0xD7A3).contains(v) }

    private static func set(_ s: String) -> Set<Unicode.Scalar> { Set(s.unicodeScalars) }

    static let commonPunctuation = set("，。、；：？！“”‘’（）《》【】「」『』…—·　％～")

    static let latinCommon = set("àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœšžÀÁÂÄÅÇÈÉÊËÍÎÑÓÔÖØÚÜŒŠŽ€‘’“”–—…•©®°±½¼¾×·«»¿¡§¶£¥¢ªºµ\u{A0}")

    static let commonSimplified = set("""
    的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴故线阅测试编码段落让者没络续习章种离线标题未来价值据库软件载页网络搜索载览器脑码术题项问题类标签
    """)

    static let commonTraditional = set("""
    的一是不了人我在有他這中大來上國個到說們為子和你地出道也時年得就那要下以生會自著去之過家學對可她裡後小麼心多天而能好都然沒日於起還發成事只作當想看文無開手十用主行方又如前所本見經頭面公同三已老從動兩長知民樣現分將外但身些與高意進把法此實回二理美點月明其種聲全工己話兒者向情部正名定女問力機給等幾很業最間新什打便位因重被走電四第門相次東政海口使教西再平真聽世氣信北少關並內加化由卻代軍產入先山五太水萬市眼體別處總才場師書比住員九笑性通目華報立馬命張活難神數件安表原車白應路期叫死常提感金何更反合放做系計或司利受光王果親界及今京務制解各任至清物台象記邊共風戰乾接它許八特覺望直服毛林題建南度統色字請交愛讓認算論百吃義科怎元社術結六功指思非流每青管夫連遠資隊跟帶花快條院變聯言權往展該領傳近留紅治決周保達辦運武半候七必城父強步完革深區即求品士轉量空甚眾技輕程告江語英基派滿式李息寫呢識極令黃德收臉錢黨倒未持取設始版雙歷越史商千片容研像找友孩站廣改議形委早房音火際則首單據導影失拿網香似斯專石若兵弟誰校讀志飛觀爭究包組造落視濟喜離雖壞興故線閱讀處測試篇繁體章讀者火車需要網路連線灣臺灣們這個
    """)

    /// Letters of Polish, Czech, Slovak, Hungarian, Slovenian, Croatian and Romanian that
    /// Latin-1 lacks (and the accented ones they share with it).
    static let centralEuropean = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻčďěňřšťůžČĎĚŇŘŠŤŮŽáéíúýöüőűÁÉÍÚÝÖÜŐŰăâîșțşţĂÂÎȘȚŞŢđĐľĺŕĽĹŔ")

    /// The sixteen most frequent lowercase letters of Russian prose.
    static let commonRussian = set("оеаинтсрвлкмдпуя")

    /// The most frequent lowercase letters of Greek prose, with and without tonos.
    static let commonGreek = set("αεοιτνσκηυρπμλςδγωάέίόήύώχθφβξζψ")

    static let commonJapaneseKanji = set("""
    日本人年大一中出上国会的者事時行分同生子地自前見手後長間月新目方合業入物立場内気理代明部取実社高発当田作今話下家用名小情数正問動外女関意学言対思使事書読私
    """)

    static let commonHangul = set("""
    이다는의에가을고하지서한로기도를사자리수어나시대인정아해일보스과있적게부그들전라원주것상제여구국면요만내동우성장무위실경연행선문소화용세방마비개신회계되니미생분중모조트학공결단진물말식관히거저데터운통야발업드교안명산파후음간때날습까합점재본
    """)
}
