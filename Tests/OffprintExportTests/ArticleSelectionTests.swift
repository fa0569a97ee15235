// `--since`/`--until` values (ArticleSelection.parseDate): days, months, times with and
// without a zone; anything else is refused rather than read as the day it starts with.
import Foundation
import OffprintExport
import Testing

@Suite struct ArticleSelectionTests {
    @Test func datesAndTimes() {
        #expect(ArticleSelection.parseDate("2026-11-29", endOfDay: false) == Date(timeIntervalSince1970: 1_795_910_400))
        #expect(ArticleSelection.parseDate("2026-11-29", endOfDay: true) == Date(timeIntervalSince1970: 1_795_996_800))
        #expect(ArticleSelection.parseDate("2026-11", endOfDay: false) == Date(timeIntervalSince1970: 1_793_491_200))
        #expect(ArticleSelection.parseDate("2026-11-29T14:27:12Z", endOfDay: true) == Date(timeIntervalSince1970: 1_795_962_432))
        #expect(ArticleSelection.parseDate("2026-11-29T14:27:12", endOfDay: true) == Date(timeIntervalSince1970: 1_795_962_432))
        #expect(ArticleSelection.parseDate("2026-11-29T14:27", endOfDay: false) == Date(timeIntervalSince1970: 1_795_962_420))
        #expect(ArticleSelection.parseDate("2026-11-29T16:27:12+02:00", endOfDay: false) == Date(timeIntervalSince1970: 1_795_962_432))
        for bad in ["2026-11-29garbage", "2026-11-29T99:99", "2026-13-01", "26-11-29", "yesterday", "", "2026-11-29 14:27"] {
            #expect(ArticleSelection.parseDate(bad, endOfDay: false) == nil, "\(bad)")
        }
    }
}
