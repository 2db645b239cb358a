import Foundation
import Testing
@testable import LedgerCore

/// Report tables as CSV and JSON: what every front end writes.
@Suite("Report text")
struct ReportTextTests {
    static let table = ReportTable(
        title: "Báo cáo", subtitle: ["Trường"],
        columns: [ReportColumn("class", "Lớp"), ReportColumn("note", "Ghi chú"), ReportColumn("due", "Phải thu", .money),
                  ReportColumn("on", "Ngày", .date)],
        rows: [[.text("3A"), .text("nộp \"đợt 1\", còn nợ"), .money(Money(dong: 1_250_000)), .date(LocalDate("2025-10-31")!)],
               [.text("3B"), .empty, .money(Money(dong: 0)), .empty]],
        totals: [.text("Tổng cộng"), .empty, .money(Money(dong: 1_250_000)), .empty])

    @Test("CSV: keys as header, quoting only where needed, money as plain digits, totals row marked TOTAL")
    func csv() {
        #expect(Self.table.csvText == """
            class,note,due,on
            3A,"nộp ""đợt 1"", còn nợ",1250000,2025-10-31
            3B,,0,
            TOTAL,,1250000,

            """)
        #expect(CSVText.field("a\nb") == "\"a\nb\"" && CSVText.field("plain") == "plain")
    }

    @Test("JSON: typed values, null for empty cells, totals as an object")
    func json() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(Self.table.jsonText().utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows[0]["due"] as? Int == 1_250_000 && rows[0]["on"] as? String == "2025-10-31")
        #expect(rows[1]["note"] is NSNull)
        #expect((object["totals"] as? [String: Any])?["due"] as? Int == 1_250_000 && object["title"] as? String == "Báo cáo")
    }
}
