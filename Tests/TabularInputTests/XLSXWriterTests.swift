import Foundation
import TabularInput
import Testing
import ZIPFoundation

@Suite("XLSX writer")
struct XLSXWriterTests {
    @Test func writtenWorkbookReadsBack() throws {
        let rows = [
            ["Họ và tên", "Lớp", "Ngày sinh", "Số tài khoản"],
            ["Nguyễn Văn Đức", "1A", "2018-03-04", "0123456789"],
            ["Trần Thị Bình", "", "2018-11-30", "0987"],
        ]
        let data = try XLSXWriter.data(rows: rows)
        #expect(TabularReader.format(of: data) == .xlsx)
        let table = try TabularReader.read(data: data, fileName: "roster.xlsx")
        #expect(cells(table) == rows)
        #expect(numbers(table) == [1, 2, 3])
    }

    @Test func awkwardTextSurvivesTheRoundTrip() throws {
        let awkward = [
            "a & b < c > d \"quoted\" 'single'",
            "line one\nline two",
            "windows\r\nbreak",
            "_x0041_ looks like an escape",
            "tab\tinside",
            "bell\u{7}char",
            "Đồng ₫ 😀",
        ]
        let table = try TabularReader.read(data: try XLSXWriter.data(rows: [awkward]), fileName: "x.xlsx")
        #expect(cells(table) == [awkward])
    }

    @Test func blankRowsKeepTheirNumbers() throws {
        let table = try TabularReader.read(
            data: try XLSXWriter.data(rows: [["header"], [], ["", ""], ["", "data"]]), fileName: "x.xlsx")
        #expect(cells(table) == [["header"], ["", "data"]])
        #expect(numbers(table) == [1, 4])
    }

    @Test func sheetNameIsWrittenAndCheckedLikeExcel() throws {
        let data = try XLSXWriter.data(rows: [["a"]], sheetName: "Danh sách & lớp")
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive["xl/workbook.xml"])
        var xml = Data()
        _ = try archive.extract(entry) { xml.append($0) }
        #expect(String(decoding: xml, as: UTF8.self).contains(#"name="Danh sách &amp; lớp""#))

        #expect(throws: XLSXWriterError.self) { try XLSXWriter.data(rows: [["a"]], sheetName: "a/b") }
        #expect(throws: XLSXWriterError.self) { try XLSXWriter.data(rows: [["a"]], sheetName: "") }
        #expect(throws: XLSXWriterError.self) {
            try XLSXWriter.data(rows: [["a"]], sheetName: String(repeating: "x", count: 32))
        }
    }

    @Test func containsThePartsExcelNeeds() throws {
        let archive = try Archive(data: try XLSXWriter.data(rows: [["a"]]), accessMode: .read)
        let paths = Set(archive.map(\.path))
        #expect(paths == [
            "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
            "xl/worksheets/sheet1.xml",
        ])
    }

    @Test func outputIsReproducible() throws {
        let rows = [["Họ và tên"], ["An"]]
        #expect(try XLSXWriter.data(rows: rows) == (try XLSXWriter.data(rows: rows)))
    }
}
