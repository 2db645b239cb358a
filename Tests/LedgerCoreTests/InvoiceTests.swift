import Foundation
import Testing
@testable import LedgerCore

@Suite("Invoice and ChartOfAccounts")
struct InvoiceTests {
    @Test func numbers() {
        #expect(Invoice.number(period: YearMonth("2025-09")!, serial: 123) == "TB2509-000123")
        #expect(Invoice.number(period: YearMonth("2026-01")!, serial: 1) == "TB2601-000001")
        #expect(Invoice.number(period: YearMonth("2025-12")!, serial: 999_999) == "TB2512-999999")
        #expect(Invoice.number(period: YearMonth("2025-12")!, serial: 1_234_567) == "TB2512-1234567")
    }

    @Test(arguments: [
        (Int64(100), Int64(0), false, InvoiceStatus.open), (100, 30, false, .partlyPaid), (100, 100, false, .paid),
        (100, 130, false, .overpaid), (100, 0, true, .void), (100, 100, true, .void),
    ])
    func status(due: Int64, paid: Int64, isVoid: Bool, expected: InvoiceStatus) {
        #expect(InvoiceStatus(due: Money(dong: due), paid: Money(dong: paid), isVoid: isVoid) == expected)
    }

    @Test func statusNamesAndLabels() {
        #expect(InvoiceStatus.allCases.map(\.rawValue) == ["open", "partly_paid", "paid", "overpaid", "void"])
        #expect(InvoiceStatus.open.label == "Chưa nộp" && InvoiceStatus.paid.label == "Đã nộp đủ")
    }

    @Test func remainingIsNeverNegative() throws {
        func invoice(due: Int64, paid: Int64) throws -> Invoice {
            Invoice(number: "TB2509-000001", serial: 1, studentCode: StudentCode("HS1")!, studentName: "A", className: ClassName("1A")!,
                    period: YearMonth("2025-09")!, lines: [], amountDue: Money(dong: due), amountPaid: Money(dong: paid),
                    paymentCode: try PaymentCode(serial: 1, key: Fixtures.key), issuedAt: Timestamp(secondsSince1970: 0), journalSequence: 1)
        }
        #expect(try invoice(due: 450_000, paid: 0).remaining == Money(dong: 450_000))
        #expect(try invoice(due: 450_000, paid: 200_000).remaining == Money(dong: 250_000))
        #expect(try invoice(due: 450_000, paid: 450_000).remaining == .zero)
        #expect(try invoice(due: 450_000, paid: 500_000).remaining == .zero)
        #expect(try invoice(due: 450_000, paid: 200_000).status == .partlyPaid)
    }

    @Test func chartLooksUpTheRootBeforeTheFirstDot() {
        let chart = Fixtures.chart
        #expect(chart.account(AccountCode("131", "HS001"))?.code == "131")
        #expect(chart.account(AccountCode(raw: "3381.BHYT"))?.nameVi == "Các khoản thu hộ, chi hộ")
        #expect(chart.account(AccountCode("112"))?.normalSide == "debit")
        #expect(chart.account(AccountCode(raw: "1311.X")) == nil)
        #expect(chart.account(AccountCode(raw: "13")) == nil)
        #expect(chart.account(AccountCode(raw: "")) == nil)
    }

    @Test func shippedChartNamesEveryRootTheCorePostsTo() throws {
        #expect(ChartOfAccounts.rootsUsedByCore == ["112", "131", "3383", "531", "3373", "3381"])
        let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let chart = try ChartOfAccounts(json: Data(contentsOf: repository.appendingPathComponent("ledger/chart-of-accounts.json")))
        for root in ChartOfAccounts.rootsUsedByCore {
            #expect(chart.account(AccountCode(root, "X")) != nil, "\(root)")
        }
        #expect(Set(chart.accounts.map(\.code)).count == chart.accounts.count)
    }
}
