import Foundation
import Testing
import VietQR
@testable import LedgerCore

/// The use cases end to end, against the in-memory store.
@Suite("Ledger use cases")
struct LedgerUseCaseTests {
    static let knownBINs: Set<String> = ["970418", "970436", "970405"]
    static let setup = SchoolSetup(name: "  Trường Tiểu học   Đắk Song ", bankBIN: "970418", accountNumber: "1234 5678 90",
                                   accountName: "TRUONG TH DAK SONG", city: "Đắk Nông")

    static let roster = """
        Mã học sinh,Họ và tên,Lớp,Ngày sinh,SĐT phụ huynh
        HS001,Nguyễn Văn An,1A,07/03/2019,0912345678
        HS002,Trần Thị Bình,1B,,
        HS003,Lê Văn Cường,2A,,
        HS004,Phạm Thị Dung,3A,,
        HS005,Hoàng Văn Em,3B,,
        """

    static let fees = """
        fee_code,name,amount,applies_to,period,due,account
        TIENAN,Tiền ăn bán trú,450000,all,monthly,,531
        BHYT,Bảo hiểm y tế,884520,all,yearly,,3381
        HOCPHAM,Học phẩm,150000,all,term,,3373
        DONGPHUC,Đồng phục lớp 1,320000,grade:1,once,2025-09,
        CLB3A,Câu lạc bộ 3A,100000,class:3A,monthly,,
        """

    /// What each pupil owes per month under `fees`, worked out by hand from the contract's period rules.
    static let expectedLines: [String: [String: [String: Int64]]] = [
        "2025-09": [
            "HS001": ["TIENAN": 450_000, "BHYT": 884_520, "HOCPHAM": 150_000, "DONGPHUC": 320_000],
            "HS002": ["TIENAN": 450_000, "BHYT": 884_520, "HOCPHAM": 150_000, "DONGPHUC": 320_000],
            "HS003": ["TIENAN": 450_000, "BHYT": 884_520, "HOCPHAM": 150_000],
            "HS004": ["TIENAN": 450_000, "BHYT": 884_520, "HOCPHAM": 150_000, "CLB3A": 100_000],
            "HS005": ["TIENAN": 450_000, "BHYT": 884_520, "HOCPHAM": 150_000],
        ],
        "2025-10": [
            "HS001": ["TIENAN": 450_000], "HS002": ["TIENAN": 450_000], "HS003": ["TIENAN": 450_000],
            "HS004": ["TIENAN": 450_000, "CLB3A": 100_000], "HS005": ["TIENAN": 450_000],
        ],
        "2026-01": [
            "HS001": ["TIENAN": 450_000, "HOCPHAM": 150_000], "HS002": ["TIENAN": 450_000, "HOCPHAM": 150_000],
            "HS003": ["TIENAN": 450_000, "HOCPHAM": 150_000], "HS004": ["TIENAN": 450_000, "HOCPHAM": 150_000, "CLB3A": 100_000],
            "HS005": ["TIENAN": 450_000, "HOCPHAM": 150_000],
        ],
    ]
    static let expectedAccounts: [String: String] = ["TIENAN": "531", "BHYT": "3381", "HOCPHAM": "3373", "DONGPHUC": "531", "CLB3A": "531"]

    struct World {
        let store = InMemoryStore()
        let clock = TestClock("2025-08-25T02:00:00Z")
        var ledger: Ledger<InMemoryStore> {
            let clock = clock
            return Ledger(store: store, chart: Fixtures.chart, actor: "ke-toan", clock: { clock.now })
        }

        /// Initialised, roster and fees imported.
        static func ready() throws -> World {
            let world = World()
            _ = try world.ledger.initialize(setup, knownBINs: knownBINs, key: Fixtures.key)
            _ = try world.ledger.importRoster(Fixtures.csv("roster.csv", roster))
            _ = try world.ledger.importFees(Fixtures.csv("fees.csv", fees))
            return world
        }
    }

    // MARK: initialize

    @Test func initializeCreatesTheSchoolOnce() throws {
        let world = World()
        let school = try world.ledger.initialize(Self.setup, knownBINs: Self.knownBINs, key: Fixtures.key)
        #expect(school.name == "Trường Tiểu học Đắk Song")
        #expect(school.bankBIN == "970418")
        #expect(school.accountNumber == "1234567890")
        #expect(school.accountName == "TRUONG TH DAK SONG")
        #expect(school.city == "Đắk Nông")
        #expect(school.paymentCodeKey == Fixtures.key)
        #expect(school.createdAt == Fixtures.time("2025-08-25T02:00:00Z"))
        #expect(try world.store.school() == school)
        let audit = world.store.auditRecords
        #expect(audit.map(\.action) == ["school.created"])
        #expect(audit[0].subject == "Trường Tiểu học Đắk Song" && audit[0].actor == "ke-toan" && audit[0].sequence == 1)
        #expect(audit[0].recordedAt == "2025-08-25T02:00:00Z")

        var other = Self.setup
        other.name = "Another"
        #expect(throws: LedgerError.alreadyInitialized("Trường Tiểu học Đắk Song")) {
            try world.ledger.initialize(other, knownBINs: Self.knownBINs, key: Fixtures.key)
        }
        #expect(try world.store.school()?.name == "Trường Tiểu học Đắk Song")
        #expect(world.store.commitCount == 1)
    }

    @Test func initializeRefusesBadSetup() throws {
        let cases: [(WritableKeyPath<SchoolSetup, String>, String, LedgerError)] = [
            (\.bankBIN, "97041", .invalidSetup(field: "--bank-bin", reason: "\"97041\" is not a 6-digit bank BIN")),
            (\.bankBIN, "97041A", .invalidSetup(field: "--bank-bin", reason: "\"97041A\" is not a 6-digit bank BIN")),
            (\.bankBIN, "9704180", .invalidSetup(field: "--bank-bin", reason: "\"9704180\" is not a 6-digit bank BIN")),
            (\.bankBIN, "", .invalidSetup(field: "--bank-bin", reason: "\"\" is not a 6-digit bank BIN")),
            (\.bankBIN, "970499", .invalidSetup(field: "--bank-bin", reason: "970499 is not in the bank directory (bank-formats/banks.json)")),
            (\.accountNumber, "1234-5678", .invalidSetup(field: "--account", reason: "\"1234-5678\" is not an account number (1–19 letters or digits)")),
            (\.accountNumber, "   ", .invalidSetup(field: "--account", reason: "\"   \" is not an account number (1–19 letters or digits)")),
            (\.accountNumber, "12345678901234567890", .invalidSetup(field: "--account", reason: "\"12345678901234567890\" is not an account number (1–19 letters or digits)")),
            (\.accountNumber, "TÀIKHOẢN1", .invalidSetup(field: "--account", reason: "\"TÀIKHOẢN1\" is not an account number (1–19 letters or digits)")),
            (\.name, "  ", .invalidSetup(field: "--school", reason: "the school name is empty")),
            (\.accountName, "", .invalidSetup(field: "--account-name", reason: "the account name is empty")),
        ]
        for (field, value, expected) in cases {
            let world = World()
            var setup = Self.setup
            setup[keyPath: field] = value
            #expect(throws: expected) { try world.ledger.initialize(setup, knownBINs: Self.knownBINs, key: Fixtures.key) }
            #expect(try world.store.school() == nil)
            #expect(world.store.commitCount == 0)
        }
    }

    @Test func initializeAcceptsA19CharacterAccountAndNoCity() throws {
        let world = World()
        var setup = Self.setup
        setup.accountNumber = "ABC1234567890123456"
        setup.city = "   "
        setup.bankBIN = " 970436 "
        let school = try world.ledger.initialize(setup, knownBINs: Self.knownBINs, key: Fixtures.key)
        #expect(school.accountNumber == "ABC1234567890123456")
        #expect(school.city == nil)
        #expect(school.bankBIN == "970436")
    }

    @Test func useCasesRefuseBeforeTheirPrerequisites() throws {
        let world = World()
        #expect(throws: LedgerError.notInitialized) { try world.ledger.importRoster(Fixtures.csv("r.csv", Self.roster)) }
        #expect(throws: LedgerError.notInitialized) { try world.ledger.importFees(Fixtures.csv("f.csv", Self.fees)) }
        #expect(throws: LedgerError.notInitialized) { try world.ledger.issueInvoices(for: Fixtures.month("2025-09")) }
        #expect(throws: LedgerError.notInitialized) { try world.ledger.exportInvoices() }
        _ = try world.ledger.initialize(Self.setup, knownBINs: Self.knownBINs, key: Fixtures.key)
        #expect(throws: LedgerError.noStudents) { try world.ledger.importFees(Fixtures.csv("f.csv", Self.fees)) }
        #expect(throws: LedgerError.noStudents) { try world.ledger.issueInvoices(for: Fixtures.month("2025-09")) }
        _ = try world.ledger.importRoster(Fixtures.csv("r.csv", Self.roster))
        #expect(throws: LedgerError.noFees) { try world.ledger.issueInvoices(for: Fixtures.month("2025-09")) }
        #expect(world.store.commitCount == 2)
    }

    // MARK: roster

    @Test func importRosterAddsThenChangesNothingThenUpdates() throws {
        let world = World()
        _ = try world.ledger.initialize(Self.setup, knownBINs: Self.knownBINs, key: Fixtures.key)
        let first = try world.ledger.importRoster(Fixtures.csv("roster.csv", Self.roster))
        #expect(first == RosterImportSummary(read: 5, added: 5, updated: 0, unchanged: 0))
        #expect(try world.store.students().map(\.code.value) == ["HS001", "HS002", "HS003", "HS004", "HS005"])
        let an = try #require(try world.store.students().first)
        #expect(an.fullName == "Nguyễn Văn An" && an.className == ClassName("1A") && an.guardianPhone?.value == "0912345678")
        let audit = world.store.auditRecords
        #expect(audit.map(\.action) == ["school.created"] + Array(repeating: "student.added", count: 5))
        #expect(audit.dropFirst().map(\.subject) == ["HS001", "HS002", "HS003", "HS004", "HS005"])
        #expect(audit[1].details == "Nguyễn Văn An, lớp 1A (roster.csv)")

        // The same file again: nothing to do, nothing written.
        let headBefore = try world.store.head()
        let commitsBefore = world.store.commitCount
        let again = try world.ledger.importRoster(Fixtures.csv("roster.csv", Self.roster))
        #expect(again == RosterImportSummary(read: 5, added: 0, updated: 0, unchanged: 5))
        #expect(try world.store.head() == headBefore)
        #expect(world.store.commitCount == commitsBefore)

        // One class change, one new phone, one new pupil; pupils missing from the file are kept.
        let changed = try world.ledger.importRoster(Fixtures.csv("lop.csv", """
            Mã học sinh,Họ và tên,Lớp,Ngày sinh,SĐT phụ huynh
            HS001,Nguyễn Văn An,1A,07/03/2019,0912345678
            HS003,Lê Văn Cường,2B,,
            HS004,Phạm Thị Dung,3A,,0987 654 321
            HS006,Vũ Thị Giang,1A,,
            """))
        #expect(changed == RosterImportSummary(read: 4, added: 1, updated: 2, unchanged: 1))
        #expect(try world.store.students().count == 6)
        let updates = world.store.auditRecords.filter { $0.action == "student.updated" }
        #expect(updates.map(\.subject) == ["HS003", "HS004"])
        #expect(updates[0].details == "class: 2A → 2B (lop.csv)")
        #expect(updates[1].details == "guardian_phone: — → 0987654321 (lop.csv)")
        #expect(world.store.auditRecords.contains { $0.action == "student.added" && $0.subject == "HS006" })
    }

    /// A per-class file that simply has no date-of-birth or phone column says nothing about them; re-importing it
    /// must not erase what an earlier, fuller roster recorded.
    @Test func rosterWithoutOptionalColumnsKeepsStoredDetails() throws {
        let world = World()
        _ = try world.ledger.initialize(Self.setup, knownBINs: Self.knownBINs, key: Fixtures.key)
        _ = try world.ledger.importRoster(Fixtures.csv("roster.csv", Self.roster))
        let summary = try world.ledger.importRoster(Fixtures.csv("1a.csv", "Mã học sinh,Họ và tên,Lớp\nHS001,Nguyễn Văn An,1A"))
        #expect(summary == RosterImportSummary(read: 1, added: 0, updated: 0, unchanged: 1))
        let an = try #require(try world.store.students().first { $0.code.value == "HS001" })
        #expect(an.dateOfBirth == LocalDate("2019-03-07"))
        #expect(an.guardianPhone?.value == "0912345678")
        // A file that has the column but an empty cell does clear the value.
        let cleared = try world.ledger.importRoster(Fixtures.csv("1a.csv", "Mã học sinh,Họ và tên,Lớp,SĐT\nHS001,Nguyễn Văn An,1A,"))
        #expect(cleared.updated == 1)
        let after = try #require(try world.store.students().first { $0.code.value == "HS001" })
        #expect(after.guardianPhone == nil && after.dateOfBirth == LocalDate("2019-03-07"))
        #expect(world.store.auditRecords.last?.details == "guardian_phone: 0912345678 → — (1a.csv)")
    }

    @Test func refusedRosterChangesNothing() throws {
        let world = World()
        _ = try world.ledger.initialize(Self.setup, knownBINs: Self.knownBINs, key: Fixtures.key)
        let bad = Self.roster + "\nHS009,Ai Đó,3-A,,"
        #expect(throws: InputError(fileName: "roster.csv", row: 7, column: "Lớp", reason: "\"3-A\" is not a class like 3A")) {
            try world.ledger.importRoster(Fixtures.csv("roster.csv", bad))
        }
        #expect(try world.store.students().isEmpty)
        #expect(world.store.commitCount == 1)
    }

    // MARK: fees

    @Test func importFeesAddsUpdatesAndWithdraws() throws {
        let world = try World.ready()
        #expect(try world.store.feeItems().map(\.code.value) == ["BHYT", "CLB3A", "DONGPHUC", "HOCPHAM", "TIENAN"])
        let added = world.store.auditRecords.filter { $0.action == "fee.added" }
        #expect(added.map(\.subject) == ["TIENAN", "BHYT", "HOCPHAM", "DONGPHUC", "CLB3A"])
        #expect(added[0].details == "Tiền ăn bán trú: 450.000 đ, all, monthly, TK 531 (fees.csv)")
        #expect(added[3].details == "Đồng phục lớp 1: 320.000 đ, grade:1, once 2025-09, TK 531 (fees.csv)")

        let commits = world.store.commitCount
        let same = try world.ledger.importFees(Fixtures.csv("fees.csv", Self.fees))
        #expect(same == FeeImportSummary(read: 5, added: 0, updated: 0, unchanged: 5, withdrawn: 0))
        #expect(world.store.commitCount == commits)

        let edited = Self.fees.replacingOccurrences("TIENAN,Tiền ăn bán trú,450000", with: "TIENAN,Tiền ăn bán trú,500000")
            .split(separator: "\n").filter { !$0.hasPrefix("CLB3A") }.joined(separator: "\n")
        let changed = try world.ledger.importFees(Fixtures.csv("fees2.csv", edited))
        #expect(changed == FeeImportSummary(read: 4, added: 0, updated: 1, unchanged: 3, withdrawn: 1))
        #expect(try world.store.feeItems().map(\.code.value) == ["BHYT", "DONGPHUC", "HOCPHAM", "TIENAN"])
        #expect(try world.store.feeItems().first { $0.code.value == "TIENAN" }?.amount == Money(dong: 500_000))
        let tail = world.store.auditRecords.suffix(2)
        #expect(tail.map(\.action) == ["fee.updated", "fee.withdrawn"])
        #expect(tail.first?.details == "Tiền ăn bán trú: 450.000 đ, all, monthly, TK 531 → Tiền ăn bán trú: 500.000 đ, all, monthly, TK 531 (fees2.csv)")
        #expect(tail.last?.subject == "CLB3A" && tail.last?.details == "not in fees2.csv")

        // A withdrawn fee is billed no more…
        let october = try world.ledger.issueInvoices(for: Fixtures.month("2025-10"))
        #expect(october.issued == 5)
        #expect(try world.store.invoices().allSatisfy { $0.lines.map(\.feeCode.value) == ["TIENAN"] && $0.amountDue == Money(dong: 500_000) })
        // …until it is listed again.
        let back = try world.ledger.importFees(Fixtures.csv("fees3.csv", Self.fees))
        #expect(back == FeeImportSummary(read: 5, added: 1, updated: 1, unchanged: 3, withdrawn: 0))
        #expect(try world.store.feeItems().count == 5)
    }

    @Test func refusedFeeFileChangesNothing() throws {
        let world = try World.ready()
        let commits = world.store.commitCount
        let bad = Self.fees + "\nCLB5,Câu lạc bộ 5,100000,grade:5,monthly,,"
        #expect(throws: InputError(fileName: "fees.csv", row: 7, column: "applies_to", reason: "no class of grade 5 on the roster")) {
            try world.ledger.importFees(Fixtures.csv("fees.csv", bad))
        }
        #expect(world.store.commitCount == commits)
        #expect(try world.store.feeItems().count == 5)
    }

    // MARK: invoices

    static func check(invoices: [Invoice], period: String, in store: InMemoryStore, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try #require(expectedLines[period], sourceLocation: sourceLocation)
        #expect(invoices.count == expected.count, sourceLocation: sourceLocation)
        #expect(Set(invoices.map(\.studentCode.value)) == Set(expected.keys), sourceLocation: sourceLocation)
        let journal = Dictionary(uniqueKeysWithValues: store.journalRecords.map { ($0.sequence, $0) })
        for invoice in invoices {
            let lines = try #require(expected[invoice.studentCode.value], sourceLocation: sourceLocation)
            let total = lines.values.reduce(0, +)
            #expect(invoice.period.description == period, sourceLocation: sourceLocation)
            #expect(Dictionary(uniqueKeysWithValues: invoice.lines.map { ($0.feeCode.value, $0.amount.dong) }) == lines,
                    "\(invoice.studentCode) \(period)", sourceLocation: sourceLocation)
            #expect(invoice.lines.allSatisfy { expectedAccounts[$0.feeCode.value] == $0.account.rawValue }, sourceLocation: sourceLocation)
            #expect(invoice.amountDue == Money(dong: total), sourceLocation: sourceLocation)
            #expect(invoice.amountPaid == .zero && invoice.status == .open && !invoice.isVoid, sourceLocation: sourceLocation)
            // Its journal entry debits the pupil's receivable with the total and credits each fee's account.
            let record = try #require(journal[invoice.journalSequence], sourceLocation: sourceLocation)
            #expect(record.kind == "invoice.issued" && record.reference == invoice.number, sourceLocation: sourceLocation)
            let debits = record.lines.filter { $0.side == "D" }
            #expect(debits == [JournalRecord.Line(account: "131.\(invoice.studentCode.value)", side: "D", amount: total)],
                    sourceLocation: sourceLocation)
            let credits = Dictionary(uniqueKeysWithValues: record.lines.filter { $0.side == "C" }.map { ($0.account, $0.amount) })
            let expectedCredits = Dictionary(uniqueKeysWithValues: lines.map { ("\(expectedAccounts[$0.key]!).\($0.key)", $0.value) })
            #expect(credits == expectedCredits, sourceLocation: sourceLocation)
            // The payment code is the one its serial and the school's key give, and reads back.
            let expectedCode = try PaymentCode(serial: invoice.serial, key: Fixtures.key)
            #expect(invoice.paymentCode == expectedCode, sourceLocation: sourceLocation)
            #expect(PaymentCode(parsing: invoice.paymentCode.text.lowercased()) == invoice.paymentCode, sourceLocation: sourceLocation)
        }
    }

    @Test func issuingFollowsTheScheduleAndIsIdempotent() throws {
        let world = try World.ready()
        world.clock.set("2025-09-01T01:00:00Z")
        let september = try world.ledger.issueInvoices(for: Fixtures.month("2025-09"))
        #expect(september.issued == 5 && september.alreadyIssued == 0 && september.nothingDue == 0)
        #expect(september.totalBilled == Money(dong: 8_162_600))     // 2 × 1,804,520 + 2 × 1,484,520 + 1,584,520
        let septInvoices = try world.store.invoices(period: Fixtures.month("2025-09"))
        try Self.check(invoices: septInvoices, period: "2025-09", in: world.store)
        // One invoice per pupil, numbered in student-code order, stamped with the clock.
        #expect(septInvoices.sorted { $0.serial < $1.serial }.map(\.number)
                == ["TB2509-000001", "TB2509-000002", "TB2509-000003", "TB2509-000004", "TB2509-000005"])
        #expect(septInvoices.sorted { $0.serial < $1.serial }.map(\.studentCode.value) == ["HS001", "HS002", "HS003", "HS004", "HS005"])
        #expect(septInvoices.allSatisfy { $0.issuedAt == Fixtures.time("2025-09-01T01:00:00Z") })
        #expect(septInvoices.first { $0.studentCode.value == "HS001" }?.studentName == "Nguyễn Văn An")
        #expect(world.store.journalRecords.count == 5)
        #expect(world.store.auditRecords.last?.action == "invoices.issued")
        #expect(world.store.auditRecords.last?.details == "5 invoices, 8.162.600 đ")

        // Issuing the same period again changes nothing.
        let head = try world.store.head()
        let again = try world.ledger.issueInvoices(for: Fixtures.month("2025-09"))
        #expect(again.issued == 0 && again.alreadyIssued == 5 && again.totalBilled == .zero)
        #expect(try world.store.head() == head)
        #expect(world.store.journalRecords.count == 5)
        #expect(try world.store.invoices() == septInvoices)

        // October: monthly fees only (no yearly, no term, no one-off uniform).
        let october = try world.ledger.issueInvoices(for: Fixtures.month("2025-10"))
        #expect(october.issued == 5 && october.totalBilled == Money(dong: 2_350_000))
        let octInvoices = try world.store.invoices(period: Fixtures.month("2025-10"))
        try Self.check(invoices: octInvoices, period: "2025-10", in: world.store)
        #expect(octInvoices.map(\.serial).sorted() == [6, 7, 8, 9, 10])
        #expect(octInvoices.map(\.number).sorted().first == "TB2510-000006")

        // January: the second term.
        let january = try world.ledger.issueInvoices(for: Fixtures.month("2026-01"))
        #expect(january.issued == 5 && january.totalBilled == Money(dong: 3_100_000))
        try Self.check(invoices: try world.store.invoices(period: Fixtures.month("2026-01")), period: "2026-01", in: world.store)

        // June: nothing is due, nothing is written.
        let commits = world.store.commitCount
        let june = try world.ledger.issueInvoices(for: Fixtures.month("2026-06"))
        #expect(june.issued == 0 && june.nothingDue == 5)
        #expect(world.store.commitCount == commits)

        let all = try world.store.invoices()
        #expect(Set(all.map(\.paymentCode)).count == all.count)
        #expect(Set(all.map(\.number)).count == all.count)
        let report = try world.ledger.verify()
        #expect(report.isOK, "\(report.problems)")
        #expect(report.journalEntries == 15 && report.invoices == 15)
        #expect(report.totalDebits == 8_162_600 + 2_350_000 + 3_100_000 && report.totalCredits == report.totalDebits)
    }

    @Test func laterChangesNeverRewriteIssuedInvoices() throws {
        let world = try World.ready()
        _ = try world.ledger.issueInvoices(for: Fixtures.month("2025-09"))
        _ = try world.ledger.issueInvoices(for: Fixtures.month("2025-10"))
        let issued = try world.store.invoices()

        // A pupil who joins later gets an invoice when the period is issued again; the others do not get a second.
        _ = try world.ledger.importRoster(Fixtures.csv("new.csv", "Mã học sinh,Họ và tên,Lớp\nHS006,Vũ Thị Giang,1A"))
        let late = try world.ledger.issueInvoices(for: Fixtures.month("2025-09"))
        #expect(late.issued == 1 && late.alreadyIssued == 5 && late.totalBilled == Money(dong: 1_804_520))
        let giang = try #require(try world.store.invoices(period: Fixtures.month("2025-09")).first { $0.studentCode.value == "HS006" })
        #expect(giang.number == "TB2509-000011" && giang.serial == 11)
        #expect(Set(giang.lines.map(\.feeCode.value)) == ["TIENAN", "BHYT", "HOCPHAM", "DONGPHUC"])
        #expect(try world.store.invoices(period: Fixtures.month("2025-09")).count == 6)

        // A price rise and a change of class after issuing.
        let dearer = Self.fees.replacingOccurrences("TIENAN,Tiền ăn bán trú,450000", with: "TIENAN,Tiền ăn bán trú,500000")
        #expect(try world.ledger.importFees(Fixtures.csv("fees.csv", dearer)).updated == 1)
        #expect(try world.ledger.importRoster(Fixtures.csv("r.csv", "Mã học sinh,Họ và tên,Lớp\nHS003,Lê Văn Cường,3A")).updated == 1)
        let after = try world.store.invoices()
        #expect(Array(after.prefix(issued.count)) == issued)
        let cuong = try #require(after.first { $0.studentCode.value == "HS003" && $0.period == Fixtures.month("2025-10") })
        #expect(cuong.className == ClassName("2A") && cuong.amountDue == Money(dong: 450_000))

        // The next period uses the new price and class.
        let november = try world.ledger.issueInvoices(for: Fixtures.month("2025-11"))
        #expect(november.issued == 6)
        // TIENAN 500,000 for everyone; CLB3A 100,000 for HS004 and now HS003.
        #expect(november.totalBilled == Money(dong: 6 * 500_000 + 2 * 100_000))
        let novCuong = try #require(try world.store.invoices(period: Fixtures.month("2025-11")).first { $0.studentCode.value == "HS003" })
        #expect(novCuong.className == ClassName("3A") && novCuong.amountDue == Money(dong: 600_000))

        let report = try world.ledger.verify()
        #expect(report.isOK, "\(report.problems)")
        #expect(report.journalEntries == 17)
        #expect(report.totalDebits == 8_162_600 + 2_350_000 + 1_804_520 + 3_200_000)
        #expect(world.store.auditRecords.map(\.action) == ["school.created"] + Array(repeating: "student.added", count: 5)
                + Array(repeating: "fee.added", count: 5) + ["invoices.issued", "invoices.issued", "student.added", "invoices.issued",
                                                              "fee.updated", "student.updated", "invoices.issued"])
        #expect(report.auditRecords == 18)
    }

    @Test func verifyFindsATamperedStoredJournal() throws {
        let world = try World.ready()
        _ = try world.ledger.issueInvoices(for: Fixtures.month("2025-09"))
        #expect(try world.ledger.verify().isOK)
        var journal = world.store.journalRecords
        let r = journal[3]
        journal[3] = JournalRecord(sequence: r.sequence, recordedAt: r.recordedAt, kind: r.kind, reference: r.reference, memo: r.memo,
                                   actor: r.actor, reverses: r.reverses,
                                   lines: r.lines.map { .init(account: $0.account, side: $0.side, amount: $0.amount - 100_000) },
                                   previousHash: r.previousHash, hash: r.hash)
        world.store.overwriteJournal(journal)
        let report = try world.ledger.verify()
        #expect(report.problems.first == "journal entry 4 (TB2509-000004): content does not match its hash; the stored entry was altered")
        #expect(report.problems.contains("invoice TB2509-000004: its amounts or lines differ from journal entry 4 that billed it"))
    }

    @Test func aConcurrentWriterMakesTheCommandFailWithoutWriting() throws {
        let world = try World.ready()
        world.store.beforeCommit = { store in
            // Another process records something meanwhile.
            var other = LedgerChanges(base: try! store.head(), at: Fixtures.time("2025-09-01T00:00:00Z"), actor: "other")
            other.audit(AuditEvent("test.other", subject: "x"))
            try! store.commit(other)
        }
        #expect(throws: StoreConflict.self) { try world.ledger.issueInvoices(for: Fixtures.month("2025-09")) }
        #expect(try world.store.invoices().isEmpty)
        #expect(world.store.journalRecords.isEmpty)
        // Run again from fresh state: it succeeds on top of the other writer's record.
        #expect(try world.ledger.issueInvoices(for: Fixtures.month("2025-09")).issued == 5)
        #expect(try world.ledger.verify().isOK)
    }

    // MARK: export

    @Test func exportRowsCarryTheContractColumnsAndAPayableQR() throws {
        let world = try World.ready()
        _ = try world.ledger.issueInvoices(for: Fixtures.month("2025-09"))
        _ = try world.ledger.issueInvoices(for: Fixtures.month("2025-10"))
        // The columns of `invoices export`, copied from the contract (cli.md).
        #expect(InvoiceExportRow.columns == ["invoice_number", "student_code", "student_name", "class", "period", "amount_due",
                                             "amount_paid", "status", "payment_code", "vietqr_payload"])
        let rows = try world.ledger.exportInvoices()
        #expect(rows.count == 10)
        #expect(rows.map(\.invoiceNumber) == (1...10).map { Invoice.number(period: Fixtures.month($0 <= 5 ? "2025-09" : "2025-10"), serial: Int64($0)) })
        let first = rows[0]
        #expect(Array(first.cells.prefix(8)) == ["TB2509-000001", "HS001", "Nguyễn Văn An", "1A", "2025-09", "1804520", "0", "open"])
        for row in rows {
            #expect(row.cells.count == InvoiceExportRow.columns.count)
            let payload = try VietQRDecoder.decode(row.vietqrPayload)
            #expect(payload.amount == row.amountDue)
            #expect(payload.purpose == row.paymentCode)
            #expect(payload.bin == "970418")
            #expect(payload.account == "1234567890")
            #expect(PaymentCode(parsing: row.paymentCode) != nil)
        }
        let expectedDue: [String: Int64] = ["HS001": 1_804_520, "HS002": 1_804_520, "HS003": 1_484_520, "HS004": 1_584_520, "HS005": 1_484_520]
        for row in rows.prefix(5) { #expect(row.amountDue == expectedDue[row.studentCode]) }
        #expect(rows.suffix(5).map(\.amountDue) == [450_000, 450_000, 450_000, 550_000, 450_000])
    }

    @Test func settledInvoiceGetsAStaticQR() throws {
        let invoice = Invoice(number: "TB2509-000001", serial: 1, studentCode: Fixtures.studentCode("HS1"), studentName: "A",
                              className: Fixtures.className("1A"), period: Fixtures.month("2025-09"), lines: [],
                              amountDue: Money(dong: 100), amountPaid: Money(dong: 100),
                              paymentCode: try PaymentCode(serial: 1, key: Fixtures.key), issuedAt: Timestamp(secondsSince1970: 0),
                              journalSequence: 1)
        let school = School(name: "S", bankBIN: "970418", accountNumber: "123", accountName: "S", city: nil,
                            paymentCodeKey: Fixtures.key, createdAt: Timestamp(secondsSince1970: 0))
        #expect(invoice.vietQRRequest(school: school).amount == nil)
        #expect(invoice.vietQRRequest(school: school).purpose == invoice.paymentCode.text)
        let partly = Invoice(number: "TB2509-000002", serial: 2, studentCode: Fixtures.studentCode("HS1"), studentName: "A",
                             className: Fixtures.className("1A"), period: Fixtures.month("2025-09"), lines: [],
                             amountDue: Money(dong: 100), amountPaid: Money(dong: 30),
                             paymentCode: try PaymentCode(serial: 2, key: Fixtures.key), issuedAt: Timestamp(secondsSince1970: 0),
                             journalSequence: 2)
        #expect(partly.vietQRRequest(school: school).amount == 70)
    }
}

extension String {
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        precondition(contains(target), "test fixture does not contain \(target)")
        return components(separatedBy: target).joined(separator: replacement)
    }
}
