import Foundation
import LedgerCore
@testable import ReportWorkbook
import Testing

/// Several sheets in one workbook, edge shapes of tables, and the small pure rules (sheet names, cell
/// names, column widths).
@Suite struct WorkbookShapeTests {
    @Test func severalTablesBecomeSeveralSheetsInOrder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("tổng-hợp.xlsx").path
        let debts = ReportTable(
            title: "Công nợ theo lớp", columns: [ReportColumn("lop", "Lớp"), ReportColumn("no", "Còn nợ", .money)],
            rows: [[.text("Lớp 2B"), .money(Money(dong: 3_520_000))]], totals: [.text("Tổng"), .money(Money(dong: 3_520_000))])
        try ReportWorkbook.write([WorkbookSheet(name: "Thu theo học sinh", table: try SampleReport.table()),
                                  WorkbookSheet(name: "Công nợ", table: debts)], to: path)

        let package = try WorkbookPackage(path: path)
        #expect(try package.xml("xl/workbook.xml").descendants("sheet").map { $0["name"] }
            == ["Thu theo học sinh", "Công nợ"])
        let second = try package.cells(sheet: 2)
        let strings = try package.sharedStrings()
        #expect(package.text(of: second["A1"], strings: strings) == "Công nợ theo lớp")
        // No subtitle: title, blank row, headings in row 3, data in row 4, totals in row 5.
        #expect(package.text(of: second["B3"], strings: strings) == "Còn nợ")
        #expect(second["B4"]?.value == "3520000")
        #expect(second["B5"]?.value == "3520000")
        let sheet = try package.xml("xl/worksheets/sheet2.xml")
        #expect(sheet.child("autoFilter")?["ref"] == "A3:B4")
        #expect(sheet.descendants("pane").first?["topLeftCell"] == "A4")
    }

    @Test func aTableWithoutRowsOrTotalsStillHasHeadingsAndAFilter() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("trống.xlsx").path
        let empty = ReportTable(title: "Chưa có khoản thu", subtitle: ["Tháng 11/2025"],
                                columns: [ReportColumn("ten", "Họ và tên"), ReportColumn("tien", "Số tiền", .money)],
                                rows: [])
        try ReportWorkbook.write(empty, sheetName: "Trống", to: path)
        let package = try WorkbookPackage(path: path)
        let cells = try package.cells()
        #expect(package.text(of: cells["A4"], strings: try package.sharedStrings()) == "Họ và tên")
        #expect(try package.xml("xl/worksheets/sheet1.xml").child("autoFilter")?["ref"] == "A4:B4")
        #expect(cells.keys.allSatisfy { !$0.hasSuffix("5") })
    }

    @Test func decomposedDiacriticsAreStoredComposed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nfc.xlsx").path
        let decomposed = "Nguye\u{302}\u{303}n Thi\u{323} A\u{301}nh Tuye\u{302}\u{301}t"
        let table = ReportTable(title: "Tên", columns: [ReportColumn("ten", "Họ và tên")], rows: [[.text(decomposed)]])
        try ReportWorkbook.write(table, sheetName: "Tên", to: path)
        let package = try WorkbookPackage(path: path)
        let stored = try #require(package.text(of: try package.cells()["A4"], strings: try package.sharedStrings()))
        #expect(Array(stored.unicodeScalars) == Array("Nguyễn Thị Ánh Tuyết".unicodeScalars))
    }

    @Test func sheetNamesFromAnyText() {
        #expect(ReportWorkbook.sheetName(from: "Thu/Chi: lớp [1A]?") == "Thu-Chi- lớp -1A--")
        #expect(ReportWorkbook.sheetName(from: "'Quỹ lớp'") == "Quỹ lớp")
        #expect(ReportWorkbook.sheetName(from: "") == "Sheet")
        #expect(ReportWorkbook.sheetName(from: " 'Công nợ' ") == "Công nợ")
        let long = ReportWorkbook.sheetName(from: "Báo cáo công nợ học phí theo từng lớp học kỳ I")
        #expect(long.utf16.count == 31)
        #expect(SheetName.problem(with: long) == nil)
        #expect(SheetName.problem(with: "Thu theo học sinh") == nil)
    }

    @Test func cellNamesAreExcels() {
        #expect(SheetLayout.cellName(row: 0, column: 0) == "A1")
        #expect(SheetLayout.cellName(row: 6, column: 25) == "Z7")
        #expect(SheetLayout.cellName(row: 9, column: 26) == "AA10")
        #expect(SheetLayout.cellName(row: 0, column: 16_383) == "XFD1")
    }

    @Test func columnWidthsAreBoundedAndHeadingsWrapOntoAboutTwoLines() {
        let long = String(repeating: "Ghi chú dài ", count: 20)
        let table = ReportTable(title: "T", columns: [ReportColumn("a", "STT", .count), ReportColumn("b", "Ghi chú"),
                                                      ReportColumn("c", "Số tiền phải thu trong tháng", .money)],
                                rows: [[.count(1), .text(long), .money(Money(dong: 1_250_000))]])
        let widths = ColumnWidths.widths(for: table, columnCount: 3)
        #expect(widths[0] == ColumnWidths.minimum)
        #expect(widths[1] == ColumnWidths.maximum)
        // "Số tiền phải thu trong tháng" (28 characters) needs 14 per line; "1.250.000" only 9.
        #expect(widths[2] == 14 + ColumnWidths.padding)
    }
}
