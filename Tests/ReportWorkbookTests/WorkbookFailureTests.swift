import Foundation
import LedgerCore
import ReportWorkbook
import Testing

/// A failed write must say which file and why, and must leave nothing that looks like a finished
/// workbook: no file at the path (an older one untouched) and no temporary file beside it.
@Suite struct WorkbookFailureTests {
    let folder: URL

    init() throws { folder = try temporaryFolder() }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }

    func contents(of url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    @Test func aPathInAMissingFolderThrowsALibraryErrorNamingThePath() throws {
        defer { cleanUp() }
        let path = folder.appendingPathComponent("không-có/báo-cáo.xlsx").path
        let error = #expect(throws: WorkbookError.self) {
            try ReportWorkbook.write(try SampleReport.table(), sheetName: "Báo cáo", to: path)
        }
        guard case .library(let code, let message, let operation, let errorPath) = error else {
            Issue.record("expected a libxlsxwriter error, got \(String(describing: error))")
            return
        }
        #expect(code == 2, "LXW_ERROR_CREATING_XLSX_FILE")
        #expect(!message.isEmpty)
        #expect(operation == "saving the workbook")
        #expect(errorPath == path)
        #expect(error?.description.contains(path) == true)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
        #expect(contents(of: folder).isEmpty)
    }

    @Test func aFolderInTheWayIsNotReplacedAndTheTemporaryFileIsRemoved() throws {
        defer { cleanUp() }
        let path = folder.appendingPathComponent("báo-cáo.xlsx").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        let error = #expect(throws: WorkbookError.self) {
            try ReportWorkbook.write(try SampleReport.table(), sheetName: "Báo cáo", to: path)
        }
        guard case .fileSystem = error else {
            Issue.record("expected a file-system error, got \(String(describing: error))")
            return
        }
        #expect(error?.path == path)
        #expect(error?.description.contains(path) == true)
        #expect(contents(of: folder) == ["báo-cáo.xlsx"], "only the folder, no .tmp")
    }

    @Test(arguments: [(Int64(1) << 53) + 1, -((Int64(1) << 53) + 1), Int64.max, Int64.min])
    func anAmountBeyondTwoToThe53IsRefusedBeforeAnythingIsWritten(dong: Int64) throws {
        defer { cleanUp() }
        let path = folder.appendingPathComponent("lớn.xlsx").path
        let error = #expect(throws: WorkbookError.self) {
            try ReportWorkbook.write(SampleReport.oneAmount(dong), sheetName: "Số lớn", to: path)
        }
        #expect(error == .numberNotExact(value: dong, sheet: "Số lớn", cell: "B4", path: path))
        #expect(error?.description.contains("2^53") == true)
        #expect(contents(of: folder).isEmpty)
    }

    @Test func twoToThe53ItselfIsStoredExactly() throws {
        defer { cleanUp() }
        let path = folder.appendingPathComponent("biên.xlsx").path
        let limit = Int64(1) << 53
        try ReportWorkbook.write(SampleReport.oneAmount(limit), sheetName: "Biên", to: path)
        let cells = try WorkbookPackage(path: path).cells()
        #expect(cells["B4"]?.type == nil)
        #expect(cells["B4"]?.value.flatMap { Int64($0) } == limit)
    }

    @Test func aRefusedWriteLeavesTheOlderFileAsItWas() throws {
        defer { cleanUp() }
        let path = folder.appendingPathComponent("báo-cáo.xlsx").path
        let old = Data("bản cũ".utf8)
        try old.write(to: URL(fileURLWithPath: path))
        #expect(throws: WorkbookError.self) {
            try ReportWorkbook.write(SampleReport.oneAmount(.max), sheetName: "Báo cáo", to: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == old)
        #expect(contents(of: folder) == ["báo-cáo.xlsx"])

        // And a successful write replaces it.
        try ReportWorkbook.write(SampleReport.oneAmount(1_250_000), sheetName: "Báo cáo", to: path)
        #expect(try WorkbookPackage(path: path).cells()["B4"]?.value == "1250000")
        #expect(contents(of: folder) == ["báo-cáo.xlsx"])
    }

    @Test(arguments: ["", "Thu/Chi", "Lớp [1A]", "Hỏi?", "'Quỹ lớp'", String(repeating: "Ă", count: 32)])
    func anUnusableSheetNameIsRefused(name: String) throws {
        defer { cleanUp() }
        let path = folder.appendingPathComponent("tên.xlsx").path
        let error = #expect(throws: WorkbookError.self) {
            try ReportWorkbook.write(SampleReport.oneAmount(1), sheetName: name, to: path)
        }
        guard case .invalidSheetName(let refused, _, let errorPath) = error else {
            Issue.record("expected an invalid sheet name, got \(String(describing: error))")
            return
        }
        #expect(refused == name)
        #expect(errorPath == path)
        #expect(contents(of: folder).isEmpty)
    }

    @Test func sheetNamesMustDifferIgnoringCase() throws {
        defer { cleanUp() }
        let path = folder.appendingPathComponent("hai.xlsx").path
        let table = SampleReport.oneAmount(1)
        let error = #expect(throws: WorkbookError.self) {
            try ReportWorkbook.write([WorkbookSheet(name: "Công nợ", table: table),
                                      WorkbookSheet(name: "CÔNG NỢ", table: table)], to: path)
        }
        guard case .invalidSheetName(let name, _, _) = error else {
            Issue.record("expected an invalid sheet name, got \(String(describing: error))")
            return
        }
        #expect(name == "CÔNG NỢ")
        #expect(throws: WorkbookError.noSheets(path: path)) { try ReportWorkbook.write([], to: path) }
        #expect(contents(of: folder).isEmpty)
    }
}
