import Foundation
import TabularInput
import Testing

@Suite("XLSX reading")
struct XLSXReadingTests {
    /// A roster as Excel writes it: header on row 3 (rows 1–2 hold a title
    /// Excel left empty here), shared strings with diacritics, rich text,
    /// an inline string, numbers, and a gap where column B is empty.
    static let rosterRows = """
        <row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c><c r="C3" t="s"><v>2</v></c></row>
        <row r="4"><c r="A4" t="s"><v>3</v></c><c r="B4" t="inlineStr"><is><t>1A</t></is></c><c r="C4"><v>1334520</v></c></row>
        <row r="5" spans="1:3"><c r="A5" t="s"><v>4</v></c><c r="C5" s="2"><v>2500000.0</v></c></row>
        <row r="7"><c r="A7" t="s"><v>5</v></c><c r="B7" t="inlineStr"><is><r><t>2</t></r><r><rPr><b/></rPr><t>B</t></r></is></c><c r="C7"><v>0.5</v></c></row>
        """
    static let rosterStrings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">\
        <si><t>Họ và tên</t></si><si><t>Lớp</t></si><si><t>Số tiền</t></si>\
        <si><t xml:space="preserve"> Nguyễn Văn Đức </t></si>\
        <si><r><rPr><b/></rPr><t>Trần</t></r><r><t xml:space="preserve"> Thị Bình</t></r></si>\
        <si><t>Lê Hoàng Yến</t><rPh sb="0" eb="1"><t>ignored</t></rPh></si>\
        </sst>
        """

    @Test func readsSharedInlineAndNumericCellsWithRowNumbers() throws {
        let data = try Workbook.zip(Workbook.parts(rowsXML: Self.rosterRows, sharedStringsXML: Self.rosterStrings))
        let table = try TabularReader.read(data: data, fileName: "roster.xlsx")

        #expect(table.fileName == "roster.xlsx")
        #expect(numbers(table) == [3, 4, 5, 7])
        #expect(cells(table) == [
            ["Họ và tên", "Lớp", "Số tiền"],
            ["Nguyễn Văn Đức", "1A", "1334520"],
            ["Trần Thị Bình", "", "2500000"],
            ["Lê Hoàng Yến", "2B", "0.5"],
        ])
        #expect(scalars(table.rows[1].cells[0]) == scalars("Nguy\u{1EC5}n V\u{0103}n \u{0110}\u{1EE9}c"))
    }

    @Test func gapsInColumnsBecomeEmptyCells() throws {
        let rows = #"<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="C1" t="inlineStr"><is><t>c</t></is></c></row>"#
            + #"<row r="2"><c r="B2"><v>7</v></c><c r="AA2" t="inlineStr"><is><t>far</t></is></c></row>"#
        let table = try TabularReader.read(data: try Workbook.zip(Workbook.parts(rowsXML: rows)), fileName: "g.xlsx")
        #expect(cells(table)[0] == ["a", "", "c"])
        #expect(cells(table)[1].count == 27)
        #expect(cells(table)[1][1] == "7")
        #expect(cells(table)[1][26] == "far")
    }

    @Test func numbersAreRenderedWithoutSpuriousDecimals() throws {
        let values = ["1334520", "1334520.0", "1.33452E6", "-250000", "0.1", "45292", "12345678901234567890", "3.25"]
        let rows = "<row r=\"1\">" + values.enumerated().map { index, value in
            "<c r=\"\(["A", "B", "C", "D", "E", "F", "G", "H"][index])1\"><v>\(value)</v></c>"
        }.joined() + "</row>"
        let table = try TabularReader.read(data: try Workbook.zip(Workbook.parts(rowsXML: rows)), fileName: "n.xlsx")
        #expect(cells(table) == [[
            "1334520", "1334520", "1334520", "-250000", "0.1", "45292", "12345678901234567890", "3.25",
        ]])
    }

    @Test func otherCellTypes() throws {
        let rows = """
            <row r="1">\
            <c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c>\
            <c r="C1" t="str"><f>A1&amp;"x"</f><v>TRUEx</v></c>\
            <c r="D1" t="e"><v>#N/A</v></c>\
            <c r="E1" s="1"/>\
            <c r="F1" t="inlineStr"><is><t>dòng 1_x000D_
            dòng 2</t></is></c>\
            <c r="G1" t="inlineStr"><is><t>_x005F_x0041_</t></is></c>\
            </row>
            """
        let table = try TabularReader.read(data: try Workbook.zip(Workbook.parts(rowsXML: rows)), fileName: "t.xlsx")
        #expect(cells(table) == [["TRUE", "FALSE", "TRUEx", "#N/A", "", "dòng 1\r\ndòng 2", "_x0041_"]])
    }

    @Test func styledEmptyCellsDoNotPadRowsAndBlankRowsAreSkipped() throws {
        let rows = #"<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="Z1" s="3"/></row>"#
            + #"<row r="2"><c r="A2" s="3"/><c r="B2" t="inlineStr"><is><t>  </t></is></c></row>"#
            + #"<row r="3"><c r="A3" t="inlineStr"><is><t>b</t></is></c></row>"#
        let table = try TabularReader.read(data: try Workbook.zip(Workbook.parts(rowsXML: rows)), fileName: "s.xlsx")
        #expect(cells(table) == [["a"], ["b"]])
        #expect(numbers(table) == [1, 3])
    }

    @Test func rowsAndCellsWithoutReferencesFollowOnePrevious() throws {
        let rows = "<row><c><v>1</v></c><c><v>2</v></c></row><row><c t=\"inlineStr\"><is><t>x</t></is></c></row>"
        let table = try TabularReader.read(data: try Workbook.zip(Workbook.parts(rowsXML: rows)), fileName: "r.xlsx")
        #expect(cells(table) == [["1", "2"], ["x"]])
        #expect(numbers(table) == [1, 2])
    }

    @Test func xlsxNamedCSVIsReadAsXLSX() throws {
        let data = try Workbook.zip(Workbook.parts(rowsXML: Self.rosterRows, sharedStringsXML: Self.rosterStrings))
        #expect(TabularReader.format(of: data) == .xlsx)
        let table = try TabularReader.read(data: data, fileName: "roster.csv")
        #expect(table.rows.first?.cells == ["Họ và tên", "Lớp", "Số tiền"])
        #expect(table.rows.first?.number == 3)
    }

    @Test func garbageNamedXLSXIsRefused() throws {
        let garbage = Data([0x13, 0x37, 0xFF, 0x00, 0xC0, 0xDE, 0x42, 0x99, 0x7F, 0x01])
        #expect(TabularReader.format(of: garbage) == .csv)
        let error = try #require(throws: TabularInputError.self) {
            try TabularReader.read(data: garbage, fileName: "roster.xlsx")
        }
        #expect(error.fileName == "roster.xlsx")
        #expect(error.row == nil)
        #expect(error.message.contains("not a valid Excel workbook"))
        #expect(error.description.hasPrefix("roster.xlsx: "))
    }

    @Test func truncatedZIPIsRefused() throws {
        let data = try Workbook.zip(Workbook.parts(rowsXML: Self.rosterRows, sharedStringsXML: Self.rosterStrings))
        let error = try #require(throws: TabularInputError.self) {
            try TabularReader.read(data: data.prefix(data.count / 2), fileName: "roster.xlsx")
        }
        #expect(error.message.contains("cannot be opened"))
    }

    @Test func zipWithoutWorkbookIsRefused() throws {
        let data = try Workbook.zip([("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<x/>")])
        let error = try #require(throws: TabularInputError.self) {
            try TabularReader.read(data: data, fileName: "roster.ods")
        }
        #expect(error.message.contains("not an Excel workbook"))
        #expect(error.message.contains("OpenDocument"))
    }

    @Test func missingSheetPartIsRefused() throws {
        let parts = Workbook.replacing("xl/worksheets/sheet1.xml", with: nil, in: Workbook.parts(rowsXML: ""))
        let error = try #require(throws: TabularInputError.self) {
            try TabularReader.read(data: try Workbook.zip(parts), fileName: "roster.xlsx")
        }
        #expect(error.message.contains("“Danh sách”"))
        #expect(error.message.contains("missing"))
    }

    @Test func sheetWithoutTextIsEmpty() throws {
        let error = try #require(throws: TabularInputError.self) {
            try TabularReader.read(data: try Workbook.zip(Workbook.parts(rowsXML: "")), fileName: "roster.xlsx")
        }
        #expect(error.message.hasPrefix("the file is empty"))
    }

    @Test func sharedStringIndexOutOfRangeNamesTheRow() throws {
        let rows = #"<row r="9"><c r="B9" t="s"><v>5</v></c></row>"#
        let error = try #require(throws: TabularInputError.self) {
            try TabularReader.read(data: try Workbook.zip(Workbook.parts(rowsXML: rows, sharedStrings: ["a"])),
                                   fileName: "roster.xlsx")
        }
        #expect(error.row == 9)
        #expect(error.message.contains("B9"))
    }

    @Test func malformedSheetXMLIsRefused() throws {
        let rows = #"<row r="1"><c r="A1"><v>1</v></row>"#  // <c> never closed
        let error = try #require(throws: TabularInputError.self) {
            try TabularReader.read(data: try Workbook.zip(Workbook.parts(rowsXML: rows)), fileName: "roster.xlsx")
        }
        #expect(error.message.contains("xl/worksheets/sheet1.xml"))
    }

    @Test func firstSheetIsFoundThroughRelationshipsNotByFileName() throws {
        // After reordering tabs, the first sheet may live in sheet2.xml, be
        // referenced by an absolute target, and use prefixed element names.
        var parts = Workbook.parts(rowsXML: #"<row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row>"#)
        parts = Workbook.replacing("xl/workbook.xml", with: """
            <x:workbook xmlns:x="\(Workbook.main)" xmlns:rel="\(Workbook.officeRelationships)">
            <x:sheets><x:sheet name="Học phí" sheetId="2" rel:id="rId7"/><x:sheet name="Cũ" sheetId="1" rel:id="rId1"/></x:sheets>
            </x:workbook>
            """, in: parts)
        parts = Workbook.replacing("xl/_rels/workbook.xml.rels", with: """
            <Relationships xmlns="\(Workbook.packageRelationships)">
            <Relationship Id="rId1" Type="\(Workbook.officeRelationships)/worksheet" Target="worksheets/sheet1.xml"/>
            <Relationship Id="rId7" Type="\(Workbook.officeRelationships)/worksheet" Target="/xl/worksheets/sheet2.xml"/>
            </Relationships>
            """, in: parts)
        parts.append(("xl/worksheets/sheet2.xml", """
            <x:worksheet xmlns:x="\(Workbook.main)"><x:sheetData>\
            <x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>Mức phí</x:t></x:is></x:c><x:c r="B2"><x:v>150000</x:v></x:c></x:row>\
            </x:sheetData></x:worksheet>
            """))
        let table = try TabularReader.read(data: try Workbook.zip(parts), fileName: "fees.xlsx")
        #expect(cells(table) == [["Mức phí", "150000"]])
        #expect(numbers(table) == [2])
    }
}
