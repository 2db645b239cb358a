import Foundation
import TabularInput
import Testing

@Suite("CSV parsing")
struct CSVParsingTests {
    @Test func semicolonDelimiterIsDetected() throws {
        // Excel with Vietnamese regional settings: `;` between fields, `,` as decimal mark.
        let table = try readCSV("Họ tên;Lớp;Số tiền\nTrần Thị Bình;2B;1,5\n")
        #expect(cells(table) == [["Họ tên", "Lớp", "Số tiền"], ["Trần Thị Bình", "2B", "1,5"]])
    }

    @Test func tabDelimiterIsDetected() throws {
        let table = try readCSV("Họ tên\tGhi chú\nAn\tcon, cháu\n")
        #expect(cells(table) == [["Họ tên", "Ghi chú"], ["An", "con, cháu"]])
    }

    @Test func commaDelimiterIsDetected() throws {
        let table = try readCSV("name,class\nAn;Bình,1A\n")
        #expect(cells(table) == [["name", "class"], ["An;Bình", "1A"]])
    }

    @Test func delimiterInsideQuotedHeaderIsNotCounted() throws {
        // Two `,` inside quotes must not outvote the two real `;`.
        let table = try readCSV("\"Họ, tên, đệm\";Lớp;Mã\nAn;1A;7\n")
        #expect(cells(table) == [["Họ, tên, đệm", "Lớp", "Mã"], ["An", "1A", "7"]])
    }

    @Test func quotedFieldsWithCommasNewlinesAndEscapedQuotes() throws {
        let text = """
            name,note,amount
            "Lê Văn Cường","lives at 12, Hàng Bạc",1000
            "Phạm ""Bé"" Dung","line one
            line two",2000
            """
        let table = try readCSV(text)
        #expect(cells(table) == [
            ["name", "note", "amount"],
            ["Lê Văn Cường", "lives at 12, Hàng Bạc", "1000"],
            ["Phạm \"Bé\" Dung", "line one\nline two", "2000"],
        ])
        // One record per spreadsheet row, even when a cell spans two lines.
        #expect(numbers(table) == [1, 2, 3])
    }

    @Test func rowNumbersCountBlankLines() throws {
        let text = "name,class\n\nAn,1A\n   \n,,\n , \nBình,1B\r\n\r\nChi,1C"
        let table = try readCSV(text)
        #expect(numbers(table) == [1, 3, 7, 9])
        #expect(cells(table).last == ["Chi", "1C"])
    }

    @Test func cellsAreTrimmedAndRaggedRowsKept() throws {
        let table = try readCSV("name , class,  fee \n  An ,1A\n Bình, 1B , 100, extra \n")
        #expect(cells(table) == [["name", "class", "fee"], ["An", "1A"], ["Bình", "1B", "100", "extra"]])
    }

    @Test func spacesAroundQuotedFieldsAreAllowed() throws {
        let table = try readCSV("a,b\n \"x, y\" , \"z\"\n")
        #expect(cells(table) == [["a", "b"], ["x, y", "z"]])
    }

    @Test func carriageReturnLineEndings() throws {
        let table = try readCSV("a;b\r1;2\r\r3;4\r")
        #expect(cells(table) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(numbers(table) == [1, 2, 4])
    }

    @Test func emptyFileIsAnError() throws {
        let error = try #require(throws: TabularInputError.self) { try readCSV("") }
        #expect(error == TabularInputError(fileName: "roster.csv", row: nil, message: "the file is empty"))
        #expect(error.description == "roster.csv: the file is empty")
    }

    @Test func fileWithOnlyBlankLinesIsAnError() throws {
        let error = try #require(throws: TabularInputError.self) { try readCSV("\n  \r\n;;;\n\t\n") }
        #expect(error.message == "the file is empty")
        #expect(error.row == nil)
    }

    @Test func unterminatedQuoteNamesItsRow() throws {
        let text = "name,note\nAn,ok\n\nBình,\"never closed\nChi,1C\nDung,1D\n"
        let error = try #require(throws: TabularInputError.self) { try readCSV(text, named: "fees.csv") }
        #expect(error.fileName == "fees.csv")
        #expect(error.row == 4)
        #expect(error.description.hasPrefix("fees.csv: row 4: "))
        #expect(error.message.contains("never closed"))
    }

    @Test func textAfterClosingQuoteNamesItsRow() throws {
        let error = try #require(throws: TabularInputError.self) {
            try readCSV("name,note\n\"An\"x,ok\n")
        }
        #expect(error.row == 2)
        #expect(error.message.contains("closing quote"))
    }

    @Test func quoteInsideUnquotedFieldIsText() throws {
        let table = try readCSV("item,size\nTV,32\" wide\n")
        #expect(cells(table) == [["item", "size"], ["TV", "32\" wide"]])
    }
}
