import DemoSchool
import Foundation
import LedgerCore
import Testing
import VietnameseText
@testable import Reconciliation

/// The compact book must answer exactly as whole values would.
@Suite("Reconciliation book")
struct ReconciliationBookTests {
    /// The name key as it was first defined (String operations), to check the byte version against.
    static func referenceKey(_ name: String) -> String {
        BankASCII.fold(name).uppercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }

    @Test("name keys on bytes equal the String definition, for generated names and odd spellings")
    func nameKeys() {
        let roster = DemoRoster(seed: 11, sections: 3, pupilsPerClass: 30)
        let names = roster.allRows.dropFirst().map { $0[1] } + [
            "  Nguyễn   Văn-An ", "Y Sơn Niê", "H'Hen Niê", "Đỗ.Bảo_Thắng", "lê thị ánh\tTUYẾT", "Nguyễn Văn An 2", "", "--",
            "Nguye\u{0302}\u{0303}n Va\u{0306}n An",
        ]
        #expect(names.count > 100)
        for name in names { #expect(ReconciliationBook.nameKey(name) == Self.referenceKey(name), "\(name)") }
    }

    @Test("codes, numbers and names are found by bisection; a code or number of no invoice is not")
    func lookups() throws {
        let key = Fixture.key
        let students = try (1...40).map { index in
            Student(code: StudentCode("HS\(1000 + index)")!, fullName: index % 10 == 0 ? "Nguyễn Văn An" : "Trần Thị Bé \(index)",
                    className: ClassName("\(1 + index % 5)A")!)
        }
        let invoices = try (Int64(1)...120).map { serial -> Invoice in
            let student = students[Int(serial) % students.count]
            let period = YearMonth(year: 2025, month: 9 + Int(serial) / 40)!
            return Invoice(number: Invoice.number(period: period, serial: serial), serial: serial, studentCode: student.code,
                           studentName: student.fullName, className: student.className, period: period, lines: [],
                           amountDue: Money(dong: 100_000 + serial), amountPaid: Money(dong: serial % 3 == 0 ? 100_000 + serial : 0),
                           paymentCode: try PaymentCode(serial: serial, key: key), issuedAt: Timestamp(secondsSince1970: 0),
                           journalSequence: serial)
        }
        let book = ReconciliationBook(invoices: invoices.shuffled(), students: students.shuffled(), payerAccounts: [:])
        for invoice in invoices {
            let slot = try #require(book.slot(forCode: invoice.paymentCode))
            #expect(book.number(slot) == invoice.number)
            let state = try #require(book.invoice(invoice.number))
            #expect(state.studentCode == invoice.studentCode && state.remaining == invoice.remaining && state.status == invoice.status)
        }
        #expect(book.slot(forCode: try PaymentCode(serial: 121, key: key)) == nil)
        #expect(book.invoice("TB2509-000999") == nil)
        #expect(book.invoice("TB2510-000001") == nil)          // serial 1 exists, but under another number
        #expect(Set(book.students(named: "NGUYEN VAN AN").map { book.studentCodes[Int($0)] })
                == Set(students.filter { $0.fullName == "Nguyễn Văn An" }.map(\.code)))
        #expect(book.students(named: "TRAN THI BE").isEmpty)
        // Each pupil's open invoices, oldest period first, as from whole values.
        for student in students {
            let index = try #require(book.studentIndex(student.code))
            let expected = invoices.filter { $0.studentCode == student.code && !$0.isVoid && $0.remaining.isPositive }
                .sorted { ($0.period, $0.serial) < ($1.period, $1.serial) }.map(\.number)
            #expect(book.openSlots(of: index).map(book.number) == expected)
        }
    }

    @Test("the stored forms parse on the fast path exactly as on the general one")
    func fastParsers() throws {
        #expect(LocalDate("2025-09-01") == LocalDate(year: 2025, month: 9, day: 1))
        #expect(LocalDate("2025-02-30") == nil && LocalDate("2025-9-01") == nil && LocalDate("2025/09/01") == nil)
        #expect(LocalDate("01/09/2025") == LocalDate(year: 2025, month: 9, day: 1))
        #expect(StudentCode("HS0001")?.value == "HS0001" && StudentCode(" hs0001 ")?.value == "HS0001")
        #expect(StudentCode("HS-0001") == nil && StudentCode(String(repeating: "A", count: 21)) == nil)
        let code = try PaymentCode(serial: 77, key: Fixture.key)
        #expect(PaymentCode(parsing: code.text) == code)
        #expect(PaymentCode(parsing: code.text.lowercased()) == code)
        var broken = Array(code.text.utf8)
        broken[4] = broken[4] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(PaymentCode(parsing: String(decoding: broken, as: UTF8.self)) == nil)
    }
}
