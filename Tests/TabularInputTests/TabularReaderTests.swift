import Foundation
import TabularInput
import Testing

@Suite("Reading files")
struct TabularReaderTests {
    /// A fresh folder per test, removed afterwards.
    private func withTemporaryFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("TabularInputTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    @Test func readsCSVAndXLSXFilesFromDisk() throws {
        try withTemporaryFolder { folder in
            let csv = folder.appendingPathComponent("roster.csv")
            try Data("Họ tên;Lớp\nAn;1A\n".utf8).write(to: csv)
            let fromCSV = try TabularReader.read(fileAt: csv.path)
            #expect(fromCSV.fileName == "roster.csv")
            #expect(cells(fromCSV) == [["Họ tên", "Lớp"], ["An", "1A"]])

            let xlsx = folder.appendingPathComponent("roster.xlsx")
            try XLSXWriter.data(rows: [["Họ tên", "Lớp"], ["An", "1A"]]).write(to: xlsx)
            let fromXLSX = try TabularReader.read(fileAt: xlsx.path)
            #expect(fromXLSX == Table(fileName: "roster.xlsx", rows: fromCSV.rows))
        }
    }

    @Test func missingFileIsNamed() throws {
        let error = try #require(throws: TabularInputError.self) {
            try TabularReader.read(fileAt: "/nonexistent-folder/hoc-phi.csv")
        }
        #expect(error.fileName == "hoc-phi.csv")
        #expect(error.message.contains("does not exist"))
    }

    @Test func folderIsRefused() throws {
        try withTemporaryFolder { folder in
            let error = try #require(throws: TabularInputError.self) { try TabularReader.read(fileAt: folder.path) }
            #expect(error.message.contains("folder"))
        }
    }

    @Test func oldExcelFilesAreRefusedWithAdvice() throws {
        let header = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 504)
        let error = try #require(throws: TabularInputError.self) {
            try TabularReader.read(data: header, fileName: "roster.csv")
        }
        #expect(error.message.contains(".xls"))
        #expect(error.message.contains("save it as .xlsx"))
    }

    @Test func emptyXLSXNamedFileSaysEmpty() throws {
        let error = try #require(throws: TabularInputError.self) {
            try TabularReader.read(data: Data(), fileName: "roster.xlsx")
        }
        #expect(error.description == "roster.xlsx: the file is empty")
    }

    @Test func fileNameKeepsOnlyTheLastPathComponent() throws {
        let table = try TabularReader.read(data: Data("a\n".utf8), fileName: "exports/2024/roster.csv")
        #expect(table.fileName == "roster.csv")
    }

    @Test func errorDescriptionNamesFileAndRow() {
        #expect(TabularInputError(fileName: "roster.csv", row: 7, message: "bad").description == "roster.csv: row 7: bad")
        #expect(TabularInputError(fileName: "roster.csv", row: nil, message: "bad").description == "roster.csv: bad")
    }
}
