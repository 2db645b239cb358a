import Testing
@testable import LedgerCore

@Suite("ClassName, StudentCode, PhoneNumber")
struct SchoolTests {
    @Test(arguments: [
        ("3A", 3, "A"), ("3a", 3, "A"), ("Lớp 3A", 3, "A"), ("lớp 3a", 3, "A"), ("LỚP 3A", 3, "A"), ("Lop 3A", 3, "A"),
        ("3 A", 3, "A"), ("  3A  ", 3, "A"), ("10A1", 10, "A1"), ("12C", 12, "C"), ("1A", 1, "A"), ("5ABCD", 5, "ABCD"),
        // Decomposed "Lớp" (o + combining horn + combining acute) as some keyboards type it.
        ("Lo\u{031B}\u{0301}p 4B", 4, "B"),
    ])
    func classParses(text: String, grade: Int, section: String) throws {
        let name = try #require(ClassName(text))
        #expect(name.grade == grade)
        #expect(name.section == section)
        #expect(name.description == "\(grade)\(section)")
    }

    @Test(arguments: ["A3", "13A", "0A", "3-A", "", "   ", "3", "Lớp", "3Ă", "3 A-1", "3ABCDE", "3A!", "lớp 13A", "-3A", "3.A"])
    func classRefuses(text: String) {
        #expect(ClassName(text) == nil)
    }

    @Test func classNamesOnTwoRostersAreTheSame() {
        #expect(ClassName("3a") == ClassName("Lớp 3A"))
        #expect(ClassName("3 A") == ClassName("3A"))
        #expect(ClassName("3A") != ClassName("3B"))
        #expect(ClassName("3A") != ClassName("4A"))
    }

    @Test func classOrderingIsByGradeThenSection() {
        let sorted = ["1A", "1B", "2A", "3A", "3B", "10A"].map { ClassName($0)! }
        #expect(sorted.reversed().sorted() == sorted)
    }

    @Test func studentCodes() {
        #expect(StudentCode("hs001")?.value == "HS001")
        #expect(StudentCode(" 0672150001 ")?.value == "0672150001")
        #expect(StudentCode(String(repeating: "9", count: 20)) != nil)
        for bad in ["", " ", String(repeating: "9", count: 21), "HS-001", "HS 001", "HỌC1", "HS_1", "HS.1"] {
            #expect(StudentCode(bad) == nil, "\(bad)")
        }
        #expect(StudentCode("A")! < StudentCode("B")!)
    }

    @Test func mergingKeepsOnlyTheDetailsTheFileHasNoColumnFor() {
        let known = Student(code: StudentCode("HS1")!, fullName: "Cũ", className: ClassName("1A")!, dateOfBirth: LocalDate("2019-03-07"),
                            guardianName: "Mẹ", guardianPhone: PhoneNumber("0912345678"))
        let read = Student(code: StudentCode("HS1")!, fullName: "Mới", className: ClassName("1B")!)
        let none = read.merging(known, fileColumns: [])
        #expect(none.fullName == "Mới" && none.className == ClassName("1B"))
        #expect(none.dateOfBirth == LocalDate("2019-03-07") && none.guardianName == "Mẹ" && none.guardianPhone?.value == "0912345678")
        let all = read.merging(known, fileColumns: ["date_of_birth", "guardian_name", "guardian_phone"])
        #expect(all == read)
        let phoneOnly = read.merging(known, fileColumns: ["guardian_phone"])
        #expect(phoneOnly.guardianPhone == nil && phoneOnly.guardianName == "Mẹ" && phoneOnly.dateOfBirth == LocalDate("2019-03-07"))
    }

    @Test(arguments: [
        ("0912345678", "0912345678"), ("0912 345 678", "0912345678"), ("0912.345.678", "0912345678"),
        ("+84 912 345 678", "0912345678"), ("84912345678", "0912345678"), ("(091) 234-5678", "0912345678"),
        ("+84912345678", "0912345678"),
    ])
    func phoneParses(text: String, national: String) {
        #expect(PhoneNumber(text)?.value == national)
    }

    @Test(arguments: ["", "912345678", "09123456789", "1912345678", "091234567a", "+1 912 345 678", "0912 345 67",
                      "+84 0912 345 678", "８４912345678"])
    func phoneRefuses(text: String) {
        #expect(PhoneNumber(text) == nil)
    }
}
