import Testing
@testable import LedgerCore

@Suite("RosterFile")
struct RosterFileTests {
    static func read(_ rows: [[String]], file: String = "roster.csv", firstRow: Int = 1) throws(InputError) -> [Student] {
        try RosterFile.read(Fixtures.table(file, rows, firstRow: firstRow))
    }

    /// The error a read throws, as the one line a person sees.
    static func refusal(_ rows: [[String]], file: String = "roster.csv") -> String? {
        do {
            _ = try read(rows, file: file)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func englishHeaders() throws {
        let students = try Self.read([
            ["student_code", "full_name", "class", "date_of_birth", "guardian_name", "guardian_phone"],
            ["hs001", "  Nguyễn   Văn An ", "1a", "07/03/2019", "Nguyễn Văn Bố", "0912 345 678"],
            ["HS002", "Trần Thị Bình", "Lớp 2B", "2018-11-30", "", ""],
        ])
        #expect(students.count == 2)
        let an = students[0]
        #expect(an.code.value == "HS001")
        #expect(an.fullName == "Nguyễn Văn An")
        #expect(an.className == ClassName("1A"))
        #expect(an.dateOfBirth == LocalDate(year: 2019, month: 3, day: 7))
        #expect(an.guardianName == "Nguyễn Văn Bố")
        #expect(an.guardianPhone?.value == "0912345678")
        let binh = students[1]
        #expect(binh.className.description == "2B")
        #expect(binh.dateOfBirth == LocalDate(year: 2018, month: 11, day: 30))
        #expect(binh.guardianName == nil && binh.guardianPhone == nil)
    }

    @Test(arguments: [
        ["MÃ HỌC SINH", "HỌ VÀ TÊN", "LỚP"],
        ["Mã học sinh", "Họ và tên", "Lớp"],
        ["ma hoc sinh", "ho va ten", "lop"],
        ["Ma_Hoc_Sinh", "Ho_va_ten", "LOP"],
        ["Mã định danh", "Họ tên học sinh", "Tên lớp"],
        ["Mã HS", "Họ tên", "Lớp"],
        ["student code", "Full Name", "Class"],
        ["code", "name", "class name"],
    ])
    func headerSpellings(header: [String]) throws {
        let students = try Self.read([header, ["HS1", "Lê Thị Cúc", "3A"], ["HS2", "Đỗ Văn Dũng", "3B"]])
        #expect(students.map(\.code.value) == ["HS1", "HS2"])
        #expect(students.map(\.fullName) == ["Lê Thị Cúc", "Đỗ Văn Dũng"])
        #expect(students.map(\.className.description) == ["3A", "3B"])
    }

    @Test func decomposedHeadersAndNamesAreNormalised() throws {
        // "Họ và tên" and the name typed with combining marks (NFD).
        let header = ["Ma\u{0303} ho\u{0323}c sinh", "Ho\u{0323} va\u{0300} te\u{0302}n", "Lo\u{031B}\u{0301}p"]
        let students = try Self.read([header, ["HS1", "Nguye\u{0302}\u{0303}n Va\u{0306}n An", "1A"]])
        #expect(students[0].fullName.scalarValues == "Nguyễn Văn An".scalarValues)
    }

    @Test func titleRowsAboveTheHeaderAndColumnsInAnyOrder() throws {
        let students = try Self.read([
            ["TRƯỜNG TIỂU HỌC ĐẮK SONG", "", ""],
            ["Danh sách học sinh năm học 2025–2026"],
            [],
            ["STT", "Lớp", "Họ và tên", "Ngày sinh", "Mã học sinh", "SĐT phụ huynh"],
            ["1", "1A", "Nguyễn Văn An", "01/09/2019", "HS001", "+84 912 345 678"],
            ["", "", "", "", "", ""],
            ["2", "1A", "Điểu Thị H'Linh", "", "HS002"],
        ])
        #expect(students.map(\.code.value) == ["HS001", "HS002"])
        #expect(students[1].fullName == "Điểu Thị H'Linh")
        #expect(students[0].guardianPhone?.value == "0912345678")
        #expect(students[1].guardianPhone == nil && students[1].dateOfBirth == nil)
    }

    @Test func excelSerialDates() throws {
        // 43466 is 2019-01-01 in Excel's 1900 date system (days since 1899-12-30).
        let students = try Self.read([["student_code", "full_name", "class", "date_of_birth"], ["HS1", "A", "1A", "43466"]])
        #expect(students[0].dateOfBirth == LocalDate("2019-01-01"))
    }

    @Test func emptyTableIsRefused() {
        #expect(Self.refusal([]) == "roster.csv: the file is empty")
    }

    @Test func fileWithoutHeaderIsRefused() {
        let refusal = Self.refusal([["HS001", "Nguyễn Văn An", "1A"], ["HS002", "Trần Thị Bình", "1B"]])
        #expect(refusal?.hasPrefix("roster.csv: row 1: no header row found; expected the columns \"student_code\"") == true)
        #expect(refusal?.contains("\"full_name\"") == true && refusal?.contains("\"class\"") == true)
    }

    @Test func missingRequiredColumnIsRefused() {
        #expect(Self.refusal([["Tiêu đề"], ["Mã học sinh", "Họ và tên", "Ngày sinh"], ["HS1", "A", "01/01/2019"]])
                == "roster.csv: row 2: column \"class\": missing column; expected \"class\" (Lớp)")
        #expect(Self.refusal([["Mã học sinh", "Lớp"], ["HS1", "1A"]])
                == "roster.csv: row 1: column \"full_name\": missing column; expected \"full_name\" (Họ và tên)")
    }

    @Test func headerOnlyFileIsRefused() {
        #expect(Self.refusal([["Mã học sinh", "Họ và tên", "Lớp"]]) == "roster.csv: row 1: no pupils below the header row")
        #expect(Self.refusal([["x"], ["Mã học sinh", "Họ và tên", "Lớp"], ["", "", ""]]) == "roster.csv: row 2: no pupils below the header row")
    }

    static let header = ["Mã học sinh", "Họ và tên", "Lớp", "Ngày sinh", "SĐT"]

    @Test(arguments: [
        (["", "Nguyễn Văn An", "1A", "", ""], "roster.csv: row 3: column \"Mã học sinh\": the student code is empty"),
        (["HS-003", "Nguyễn Văn An", "1A", "", ""], "roster.csv: row 3: column \"Mã học sinh\": \"HS-003\" is not a student code (letters and digits, at most 20)"),
        (["HS1", "Nguyễn Văn An", "1A", "", ""], "roster.csv: row 3: column \"Mã học sinh\": student HS1 is already on row 2"),
        (["hs1", "Nguyễn Văn An", "1A", "", ""], "roster.csv: row 3: column \"Mã học sinh\": student HS1 is already on row 2"),
        (["HS3", "   ", "1A", "", ""], "roster.csv: row 3: column \"Họ và tên\": the name is empty"),
        (["HS3", String(repeating: "A", count: 101), "1A", "", ""], "roster.csv: row 3: column \"Họ và tên\": the name is longer than 100 characters"),
        (["HS3", "Nguyễn Văn An", "3-A", "", ""], "roster.csv: row 3: column \"Lớp\": \"3-A\" is not a class like 3A"),
        (["HS3", "Nguyễn Văn An", "", "", ""], "roster.csv: row 3: column \"Lớp\": the class is empty"),
        (["HS3", "Nguyễn Văn An", "1A", "31/02/2019", ""], "roster.csv: row 3: column \"Ngày sinh\": \"31/02/2019\" is not a date (dd/MM/yyyy or YYYY-MM-DD)"),
        (["HS3", "Nguyễn Văn An", "1A", "", "12345"], "roster.csv: row 3: column \"SĐT\": \"12345\" is not a Vietnamese phone number (10 digits starting with 0)"),
    ])
    func badRowIsRefusedWithItsRowAndColumn(row: [String], expected: String) {
        #expect(Self.refusal([Self.header, ["HS1", "Lê Thị Cúc", "1A", "", ""], row]) == expected)
    }

    @Test func shortRowsReadMissingCellsAsEmpty() {
        #expect(Self.refusal([Self.header, ["HS1", "Lê Thị Cúc"]]) == "roster.csv: row 2: column \"Lớp\": the class is empty")
    }

    @Test func laterProblemsAreCounted() {
        let rows = [
            ["Danh sách"], Self.header,
            ["HS1", "A", "1A", "", ""],
            ["HS2", "B", "1Z9", "", ""],     // row 4: 1Z9 is a class (grade 1, section Z9) — fine
            ["HS3", "", "1A", "", ""],       // row 5: first problem
            ["HS1", "C", "1A", "", ""],      // row 6: duplicate
            ["HS4", "D", "A1", "", ""],      // row 7: bad class
            ["HS5", "E", "1A", "1/13/2019", ""], // row 8: bad date
        ]
        #expect(Self.refusal(rows) == "roster.csv: row 5: column \"Họ và tên\": the name is empty (and 3 more problems in this file)")
        #expect(Self.refusal(Array(rows[0...6])) == "roster.csv: row 5: column \"Họ và tên\": the name is empty (and 2 more problems in this file)")
        #expect(Self.refusal(Array(rows[0...5])) == "roster.csv: row 5: column \"Họ và tên\": the name is empty (and 1 more problem in this file)")
        #expect(Self.refusal(Array(rows[0...4])) == "roster.csv: row 5: column \"Họ và tên\": the name is empty")
    }

    @Test func errorFieldsAreStructured() {
        do {
            _ = try Self.read([Self.header, ["HS1", "A", "1A", "", ""], ["HS2", "B", "XX", "", ""]], file: "lop1.xlsx")
            Issue.record("accepted a bad class")
        } catch {
            #expect(error.fileName == "lop1.xlsx")
            #expect(error.row == 3)
            #expect(error.column == "Lớp")
            #expect(error.moreProblems == 0)
        }
    }

    @Test func rowNumbersAreTheSpreadsheetsOwn() {
        // An adapter that skipped hidden rows passes their real numbers; refusals must quote them.
        let table = InputTable(fileName: "r.csv", rows: [
            .init(number: 5, cells: Self.header),
            .init(number: 9, cells: ["HS1", "A", "1A", "", ""]),
            .init(number: 12, cells: ["HS2", "B", "?", "", ""]),
        ])
        #expect(throws: InputError(fileName: "r.csv", row: 12, column: "Lớp", reason: "\"?\" is not a class like 3A")) {
            try RosterFile.read(table)
        }
    }
}
