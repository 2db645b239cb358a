import DemoSchool
import LedgerCore
import Testing
@testable import Reconciliation

/// The accuracy harness: thousands of realistic lines paying a demo school's invoices, generated with the
/// truth (`StatementGenerator`), run through the rules. The bar: **no wrong automatic match**, at least 99% of
/// credits carrying a valid code matched, at least 80% of unambiguous name-only payments matched.
@Suite("Reconciliation accuracy harness")
struct AccuracyHarnessTests {
    static func school(seed: UInt64) throws -> (students: [Student], invoices: [Invoice]) {
        // 20 classes of about 120: 2,400 pupils, so 3,000 lines rarely reuse an invoice.
        let roster = DemoRoster(seed: seed, pupilsPerClass: 120)
        let students = roster.rows.map { row in
            Student(code: StudentCode(row[0])!, fullName: row[1], className: ClassName(row[2])!)
        }
        let key = try PaymentCodeKey(multiplier: 7_654_321, offset: Int64(seed % 1_000_000))
        let period = YearMonth("2025-09")!
        let invoices = try students.enumerated().map { index, student in
            let serial = Int64(index + 1)
            let amount = Money(dong: 1_410_100 + (student.className.grade == 1 ? 250_000 : 0))
            return Invoice(number: Invoice.number(period: period, serial: serial), serial: serial, studentCode: student.code,
                           studentName: student.fullName, className: student.className, period: period,
                           lines: [InvoiceLine(feeCode: FeeCode("TIENAN")!, feeName: "Tiền ăn", amount: amount, account: .serviceRevenue)],
                           amountDue: amount, paymentCode: try PaymentCode(serial: serial, key: key),
                           issuedAt: Timestamp(secondsSince1970: 1_756_684_800), journalSequence: serial)
        }
        return (students, invoices)
    }

    @Test("no wrong automatic match; recall per kind meets the bar", arguments: [UInt64(2025), 7, 42])
    func harness(seed: UInt64) throws {
        let (students, invoices) = try Self.school(seed: seed)
        var rng = SeededGenerator(seed: seed)
        let generated = StatementGenerator.lines(for: invoices, count: 3_000, using: &rng)
        var book = ReconciliationBook(invoices: invoices, students: students, payerAccounts: [:])
        var wrong: [String] = []
        var total: [StatementGenerator.Kind: Int] = [:], matched: [StatementGenerator.Kind: Int] = [:]
        for item in generated {
            let decision = book.decide(item.line)
            total[item.kind, default: 0] += 1
            guard case .allocate(let shares, let method, _) = decision else { continue }
            let paid = Set(shares.compactMap(\.invoiceNumber))
            switch item.truth {
            case .notAutomatic:
                wrong.append("\(item.kind) line \(item.line.position) \"\(item.line.description)\" matched by \(method) to \(paid.sorted())")
            case .pays(let expected):
                if paid.isSubset(of: expected) && !paid.isEmpty { matched[item.kind, default: 0] += 1 }
                else { wrong.append("\(item.kind) line \(item.line.position) matched \(paid.sorted()), truth \(expected.sorted())") }
            }
            try book.apply(shares)
        }
        #expect(wrong.isEmpty, "wrong automatic matches:\n\(wrong.prefix(10).joined(separator: "\n"))")
        var report = ["kind           lines  matched  recall"]
        for kind in StatementGenerator.Kind.allCases {
            let n = total[kind] ?? 0, m = matched[kind] ?? 0
            report.append("\(kind.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) \(String(n).padding(toLength: 6, withPad: " ", startingAt: 0)) \(String(m).padding(toLength: 8, withPad: " ", startingAt: 0)) \(n == 0 ? "-" : String(format: "%.1f%%", 100.0 * Double(m) / Double(n)))")
        }
        print("seed \(seed):\n" + report.joined(separator: "\n"))
        let codeKinds: [StatementGenerator.Kind] = [.code, .mangledCode, .siblings, .instalment, .partial, .overpayment]
        let codeLines = codeKinds.reduce(0) { $0 + (total[$1] ?? 0) }
        let codeMatched = codeKinds.reduce(0) { $0 + (matched[$1] ?? 0) }
        #expect(Double(codeMatched) >= 0.99 * Double(codeLines), "code recall \(codeMatched)/\(codeLines)")
        let names = total[.nameOnly] ?? 0
        #expect(Double(matched[.nameOnly] ?? 0) >= 0.80 * Double(names), "name-only recall \(matched[.nameOnly] ?? 0)/\(names)")
    }
}
