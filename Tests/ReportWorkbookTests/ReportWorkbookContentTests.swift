import Foundation
import LedgerCore
@testable import ReportWorkbook
import TabularInput
import Testing

/// Writes the 50-pupil sample report and reads the XLSX parts back (ZIPFoundation + XML), checking what is
/// stored in the file: numbers as numbers, dates as serials, styles, frozen headings and the filter.
///
/// Layout of the sample: title A1, subtitles A2–A4, blank row 5, headings row 6, data rows 7–56,
/// totals row 57; columns A–K.
@Suite struct ReportWorkbookContentTests {
    static let headerRow = 6, firstDataRow = 7, totalsRow = 57
    static let columnLetters = Array("ABCDEFGHIJK").map(String.init)

    let table: ReportTable
    let folder: URL
    let path: String
    let package: WorkbookPackage
    let cells: [String: WorkbookPackage.Cell]
    let strings: [String]
    let styles: [WorkbookPackage.Style]

    init() throws {
        table = try SampleReport.table()
        folder = try temporaryFolder()
        path = folder.appendingPathComponent("báo-cáo-thu.xlsx").path
        try ReportWorkbook.write(table, sheetName: "Thu theo học sinh", to: path)
        package = try WorkbookPackage(path: path)
        cells = try package.cells()
        strings = try package.sharedStrings()
        styles = try package.styles()
    }

    /// Removes the folder once the test that owns it is done (each test gets a fresh one).
    func cleanUp() { try? FileManager.default.removeItem(at: folder) }

    func cell(_ column: Int, _ row: Int) -> WorkbookPackage.Cell? { cells["\(Self.columnLetters[column])\(row)"] }
    func text(_ column: Int, _ row: Int) -> String? { package.text(of: cell(column, row), strings: strings) }
    func style(_ cell: WorkbookPackage.Cell?) -> WorkbookPackage.Style? {
        cell.flatMap { styles.indices.contains($0.style) ? styles[$0.style] : nil }
    }

    /// The exact whole number in a numeric cell: no `t` attribute, and a `<v>` that parses as an integer
    /// (a value written as "1.25E+6" or "1250000.0000001" would fail here).
    func integer(_ cell: WorkbookPackage.Cell?) -> Int64? {
        guard let cell, cell.type == nil, let value = cell.value else { return nil }
        return Int64(value)
    }

    @Test func titleSubtitleAndHeadingsKeepTheirDiacritics() {
        defer { cleanUp() }
        #expect(text(0, 1) == "Báo cáo thu theo học sinh")
        #expect(style(cell(0, 1))?.bold == true)
        #expect(text(0, 2) == "Trường Tiểu học Nguyễn Bỉnh Khiêm")
        #expect(text(0, 4) == "Số liệu đến ngày 31/10/2025")
        #expect(cell(0, 5) == nil, "a blank row separates the subtitle from the headings")
        let headings = (0..<SampleReport.columns.count).map { text($0, Self.headerRow) }
        #expect(headings == SampleReport.columns.map(\.heading))
        #expect(headings.contains("Số tiền phải thu"))
        for column in 0..<SampleReport.columns.count {
            let headingStyle = style(cell(column, Self.headerRow))
            #expect(headingStyle?.bold == true)
            #expect(headingStyle?.wrapsText == true)
        }
        #expect(text(2, Self.firstDataRow) == "Nguyễn Thị Ánh Tuyết")
        #expect(text(3, Self.firstDataRow) == "Lớp 1A")
        #expect(text(4, Self.firstDataRow) == "Học phí tháng 10")
    }

    @Test func moneyCellsAreExactNumbersWithAGroupedFormat() {
        defer { cleanUp() }
        for (index, row) in table.rows.enumerated() {
            for column in [SampleReport.owedColumn, SampleReport.paidColumn, SampleReport.dueColumn] {
                guard case .money(let money) = row[column] else { Issue.record("not money"); continue }
                let stored = cell(column, Self.firstDataRow + index)
                #expect(stored?.type == nil, "money is a number cell, not text (t=\(stored?.type ?? "nil"))")
                #expect(integer(stored) == money.dong)
                #expect(style(stored)?.formatCode == "#,##0")
            }
        }
        #expect(integer(cell(SampleReport.owedColumn, Self.firstDataRow)) == 1_250_000)
        #expect(integer(cell(SampleReport.owedColumn, Self.firstDataRow + 3)) == 1_263_600)
    }

    @Test func countsAreWholeNumbers() {
        defer { cleanUp() }
        for index in 0..<SampleReport.rowCount {
            let serial = cell(0, Self.firstDataRow + index)
            #expect(integer(serial) == Int64(index + 1))
            #expect(style(serial)?.formatCode == "0")
        }
        #expect(integer(cell(SampleReport.countColumn, Self.firstDataRow + 1)) == 2)
    }

    @Test func totalsRowIsBoldUnderARuleAndSumsTheRowsInTheFile() {
        defer { cleanUp() }
        #expect(text(1, Self.totalsRow) == "Tổng cộng")
        for column in [SampleReport.owedColumn, SampleReport.paidColumn, SampleReport.dueColumn, SampleReport.countColumn] {
            let rows = (Self.firstDataRow..<Self.totalsRow).compactMap { integer(cell(column, $0)) }
            #expect(rows.count == SampleReport.rowCount)
            let total = cell(column, Self.totalsRow)
            #expect(integer(total) == rows.reduce(0, +), "column \(Self.columnLetters[column])")
        }
        #expect(integer(cell(SampleReport.owedColumn, Self.totalsRow)) == 39_786_000)
        for column in 0..<SampleReport.columns.count {
            let totalStyle = style(cell(column, Self.totalsRow))
            #expect(totalStyle?.bold == true, "column \(Self.columnLetters[column])")
            #expect(totalStyle?.topBorder == "thin", "column \(Self.columnLetters[column])")
        }
        #expect(style(cell(SampleReport.owedColumn, Self.totalsRow))?.formatCode == "#,##0")
        #expect(cells["A\(Self.totalsRow + 1)"] == nil)
    }

    @Test func datesAreExcelSerialsShownDayFirst() throws {
        defer { cleanUp() }
        let first = cell(SampleReport.dateColumn, Self.firstDataRow)
        #expect(first?.type == nil)
        #expect(first?.value == "45961", "2025-10-31 is Excel day 45961")
        #expect(style(first)?.formatCode?.contains("dd/mm/yyyy") == true)
        var dates = 0
        for (index, row) in table.rows.enumerated() {
            let stored = cell(SampleReport.dateColumn, Self.firstDataRow + index)
            guard case .date(let date) = row[SampleReport.dateColumn] else {
                #expect(stored == nil, "no payment, no date cell")
                continue
            }
            dates += 1
            #expect(integer(stored) == excelSerial(date))
            #expect(style(stored)?.formatCode == "dd/mm/yyyy")
        }
        #expect(dates > 30)
        let stylesXML = String(decoding: try #require(package.parts["xl/styles.xml"]), as: UTF8.self)
        #expect(stylesXML.contains(#"formatCode="dd/mm/yyyy""#))
    }

    @Test func headingsAreFrozenAndFilteredAboveTheTotals() throws {
        defer { cleanUp() }
        let sheet = try package.xml("xl/worksheets/sheet1.xml")
        let pane = try #require(sheet.descendants("pane").first)
        #expect(pane["state"] == "frozen")
        #expect(pane["ySplit"] == "\(Self.headerRow)")
        #expect(pane["topLeftCell"] == "A\(Self.firstDataRow)")
        #expect(pane["xSplit"] == nil)
        #expect(sheet.child("autoFilter")?["ref"] == "A\(Self.headerRow):K\(Self.totalsRow - 1)")
    }

    @Test func columnWidthsFollowTheContentAndAreCapped() throws {
        defer { cleanUp() }
        let sheet = try package.xml("xl/worksheets/sheet1.xml")
        var widths: [Int: Double] = [:]
        for column in sheet.descendants("col") {
            guard let min = column["min"].flatMap(Int.init), let max = column["max"].flatMap(Int.init),
                  let width = column["width"].flatMap(Double.init) else { continue }
            for index in min...max { widths[index - 1] = width }
        }
        #expect(widths.count == SampleReport.columns.count)
        let serial = try #require(widths[0]), name = try #require(widths[2]), note = try #require(widths[10])
        #expect(name > serial)
        #expect(name >= Double("Nguyễn Thị Ánh Tuyết".count))
        #expect(note >= Double("Đã chuyển khoản, chờ đối soát".count))
        #expect(widths.values.allSatisfy { $0 <= 61 })
    }

    @Test func documentPropertiesNameTheReportAndHocPhi() throws {
        defer { cleanUp() }
        let core = try package.xml("docProps/core.xml")
        #expect(core.child("title")?.text == "Báo cáo thu theo học sinh")
        #expect(core.child("creator")?.text == "HocPhi")
        let workbook = try package.xml("xl/workbook.xml")
        #expect(workbook.descendants("sheet").map { $0["name"] } == ["Thu theo học sinh"])
    }

    @Test func theRepositoryReaderReadsTheTextBack() throws {
        defer { cleanUp() }
        let read = try TabularReader.read(fileAt: path)
        #expect(read.rows.first?.cells.first == "Báo cáo thu theo học sinh")
        let header = try #require(read.rows.first { $0.number == Self.headerRow })
        #expect(header.cells == SampleReport.columns.map(\.heading))
        let first = try #require(read.rows.first { $0.number == Self.firstDataRow })
        #expect(first.cells[2] == "Nguyễn Thị Ánh Tuyết")
        #expect(first.cells[SampleReport.owedColumn] == "1250000")
    }

    @Test func successLeavesNoTemporaryFile() throws {
        defer { cleanUp() }
        let contents = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(contents == ["báo-cáo-thu.xlsx"])
    }
}

/// Excel's serial day number (1900 date system) of a date from March 1900 on: days since 1899-12-30.
func excelSerial(_ date: LocalDate) -> Int64 {
    func days(_ year: Int, _ month: Int, _ day: Int) -> Int {
        // Days from civil (Howard Hinnant's algorithm), independent of the code under test.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }
    return Int64(days(date.year, date.month, date.day) - days(1899, 12, 30))
}
