import Foundation
import TabularInput
import Testing

/// The encodings Excel and other tools actually produce for "CSV".
@Suite("CSV encodings")
struct CSVEncodingTests {
    /// "Nguyễn Văn Đức" in NFC, spelled by code point so the expectation
    /// cannot depend on how this source file was saved.
    let name = "Nguy\u{1EC5}n V\u{0103}n \u{0110}\u{1EE9}c"

    @Test func utf8WithByteOrderMark() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("Họ tên,Lớp\n\(name),1A\n".utf8)
        let table = try TabularReader.read(data: data, fileName: "roster.csv")
        // The BOM must not stick to the first header cell.
        #expect(scalars(table.rows[0].cells[0]) == scalars("H\u{1ECD} t\u{00EA}n"))
        #expect(scalars(table.rows[1].cells[0]) == scalars(name))
        #expect(cells(table) == [["Họ tên", "Lớp"], [name, "1A"]])
    }

    @Test func utf8WithoutByteOrderMark() throws {
        let table = try readCSV("Họ tên,Lớp\n\(name),1A\n")
        #expect(scalars(table.rows[1].cells[0]) == scalars(name))
        #expect(table.rows[1].cells[1] == "1A")
    }

    @Test func utf16LittleEndianWithByteOrderMark() throws {
        // Excel's "Unicode Text" export: UTF-16 LE, tab-delimited.
        let text = "Họ tên\tLớp\r\n\(name)\t1A\r\n"
        let data = Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
        let table = try TabularReader.read(data: data, fileName: "roster.txt")
        #expect(cells(table) == [["Họ tên", "Lớp"], [name, "1A"]])
        #expect(scalars(table.rows[1].cells[0]) == scalars(name))
    }

    @Test func utf16BigEndianWithByteOrderMark() throws {
        let data = Data([0xFE, 0xFF]) + "Lớp;Sĩ số\n1A;32\n".data(using: .utf16BigEndian)!
        let table = try TabularReader.read(data: data, fileName: "classes.csv")
        #expect(cells(table) == [["Lớp", "Sĩ số"], ["1A", "32"]])
    }

    @Test func windows1258IsDecodedAndComposedToNFC() throws {
        // Excel's plain "CSV" on a Vietnamese Windows. Tone marks are separate
        // combining bytes: ễ = ê (EA) + tilde (DE), ứ = ư (FD) + acute (EC),
        // ọ = o + dot below (F2), ớ = ơ (F5) + acute (EC).
        let header: [UInt8] = [0x48, 0x6F, 0xF2, 0x20, 0x74, 0xEA, 0x6E, 0x3B, 0x4C, 0xF5, 0xEC, 0x70]  // Họ tên;Lớp
        let nguyenVanDuc: [UInt8] = [
            0x4E, 0x67, 0x75, 0x79, 0xEA, 0xDE, 0x6E, 0x20,  // "Nguyễn "
            0x56, 0xE3, 0x6E, 0x20,  // "Văn "
            0xD0, 0xFD, 0xEC, 0x63,  // "Đức"
        ]
        let bytes = header + [0x0D, 0x0A] + nguyenVanDuc + Array(";1A\r\n".utf8)
        let table = try TabularReader.read(data: Data(bytes), fileName: "roster.csv")

        #expect(table.rows.count == 2)
        #expect(scalars(table.rows[0].cells[0]) == scalars("H\u{1ECD} t\u{00EA}n"))
        #expect(scalars(table.rows[0].cells[1]) == scalars("L\u{1EDB}p"))
        #expect(scalars(table.rows[1].cells[0]) == scalars(name))
        #expect(table.rows[1].cells[0].unicodeScalars.count == 14)  // precomposed, no combining marks
        #expect(table.rows[1].cells[1] == "1A")
    }

    @Test func windows1258CurrencySignAndCapitals() throws {
        // "ƠƯĂ₫" → D5 DD C3 FE; not valid UTF-8, so the fallback applies.
        let table = try TabularReader.read(data: Data([0xD5, 0xDD, 0xC3, 0xFE]), fileName: "x.csv")
        #expect(scalars(table.rows[0].cells[0]) == [0x01A0, 0x01AF, 0x0102, 0x20AB])
    }

    @Test func decomposedUTF8IsComposed() throws {
        // macOS writes file names (and sometimes text) decomposed.
        let table = try readCSV("Nguye\u{0302}\u{0303}n,E\u{0300}\n")
        #expect(scalars(table.rows[0].cells[0]) == scalars("Nguy\u{1EC5}n"))
        #expect(scalars(table.rows[0].cells[1]) == [0x00C8])
    }

    @Test func bytesUndefinedInWindows1258AreRefused() throws {
        // 0x81 is undefined in the code page (and invalid UTF-8): refuse, don't guess.
        let bytes = Array("a,b\n".utf8) + [0x81, 0x0A]
        let error = try #require(throws: TabularInputError.self) {
            try TabularReader.read(data: Data(bytes), fileName: "roster.csv")
        }
        #expect(error.fileName == "roster.csv")
        #expect(error.message.contains("line 2"))
        #expect(error.message.contains("0x81"))
    }

    @Test func textWithNULBytesIsRefused() throws {
        // UTF-16 without a BOM: ASCII with every other byte zero.
        let data = "a,b\n1,2\n".data(using: .utf16LittleEndian)!
        let error = try #require(throws: TabularInputError.self) {
            try TabularReader.read(data: data, fileName: "roster.csv")
        }
        #expect(error.message.contains("NUL"))
    }

    @Test func utf8ByteOrderMarkWithInvalidBytesIsRefused() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("a,b\n".utf8) + Data([0xC3, 0x28, 0x0A])
        let error = try #require(throws: TabularInputError.self) {
            try TabularReader.read(data: data, fileName: "roster.csv")
        }
        #expect(error.message.contains("line 2"))
    }
}
