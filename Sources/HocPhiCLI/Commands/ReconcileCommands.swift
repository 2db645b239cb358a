import ArgumentParser
import Foundation
import LedgerCore
import Reconciliation

struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile", abstract: "Đối soát: gắn các khoản tiền vào thông báo thu (match every credit it can decide).")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print one JSON document.") var json = false

    func run() throws {
        let label = global.language.pick("Đối soát", "Reconciling")
        let s = try global.openLedger().reconcile { done, total in Console.current.progress(label, done, total) }
        if json { Console.current.print(try JSONOutput.render(s)); return }
        let methods = s.matchedByMethod.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        Console.current.print(global.language.pick(
            "Xét \(s.considered) dòng: \(s.matched) đã gắn (\(methods.isEmpty ? "—" : methods)), \(Money(dong: s.allocated).formatted) vào thông báo thu, \(Money(dong: s.familyCredit).formatted) ghi có cho gia đình\(s.refunded > 0 ? ", hoàn lại \(Money(dong: s.refunded).formatted)" : ""); \(s.ignored) không phải khoản thu; \(s.inReview) chờ kế toán xem (hocphi review list).",
            "Considered \(s.considered) lines: \(s.matched) matched (\(methods.isEmpty ? "—" : methods)), \(Money(dong: s.allocated).formatted) to invoices, \(Money(dong: s.familyCredit).formatted) to family credit\(s.refunded > 0 ? ", \(Money(dong: s.refunded).formatted) refunded" : ""); \(s.ignored) ignored; \(s.inReview) in review (hocphi review list)."))
    }
}

struct MatchesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matches", abstract: "Các phân bổ (allocations of bank lines to invoices).", subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mọi phân bổ đang có hiệu lực.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "csv (default) or json.") var format: OutputFormat = .csv

        static let columns = ["bank_reference", "booking_date", "amount", "invoice_number", "allocated_amount", "method",
                              "student_code", "reason"]

        func run() throws {
            let rows = try global.openLedger().store.allocations().filter(\.isActive).map { a in
                [a.bankReference, a.bookingDate.description, String(a.lineAmount.dong), a.invoiceNumber ?? "",
                 String(a.amount.dong), a.method, a.studentCode.value, a.reason]
            }
            try Tabulated.print(columns: Self.columns, rows: rows, format: format)
        }
    }
}

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Hàng chờ kế toán xem (credits not matched automatically).", subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Các khoản chưa gắn, kèm lý do và gợi ý.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print one JSON document.") var json = false

        func run() throws {
            let items = try global.openLedger().reviewQueue()
            let console = Console.current
            if json { console.print(try JSONOutput.render(items)); return }
            if items.isEmpty { console.print(global.language.pick("Không có khoản nào chờ xem.", "Nothing to review.")); return }
            for item in items {
                console.print("\(item.bankReference)  \(item.bookingDate)  \(Money(dong: item.amount).formatted)  \(item.description)")
                console.print("    \(global.language.pick("lý do", "why")): \(item.reason)")
                for s in item.suggestions {
                    console.print("    → \(s.invoiceNumber) \(s.studentName) (\(s.className)) \(global.language.pick("còn nợ", "due")) \(Money(dong: s.remaining).formatted): \(s.why)")
                }
            }
        }
    }
}

struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match", abstract: "Kế toán gắn một khoản tiền vào thông báo thu (a manual decision).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The bank line: its bank reference, or #line_id.") var bankReference: String
    @Argument(help: "The invoice number(s) it pays, in order.") var invoiceNumbers: [String] = []
    @Option(help: "For money out: the student code whose family credit it pays back (a refund).") var refund: String?
    @Option(help: "Why (recorded with who decided).") var reason = "manual match"

    func validate() throws {
        if invoiceNumbers.isEmpty && refund == nil { throw ValidationError("name at least one invoice number, or --refund STUDENT_CODE") }
        if !invoiceNumbers.isEmpty && refund != nil { throw ValidationError("a line either pays invoices or refunds a credit, not both") }
    }

    func run() throws {
        if let refund {
            try global.openLedger().matchRefund(reference: bankReference, student: refund, reason: reason)
            Console.current.print(global.language.pick("Đã ghi \(bankReference) là tiền hoàn lại cho gia đình học sinh \(refund).",
                                                       "Matched \(bankReference) as a refund of \(refund)'s family credit."))
            return
        }
        try global.openLedger().match(reference: bankReference, invoiceNumbers: invoiceNumbers, reason: reason)
        Console.current.print(global.language.pick("Đã gắn \(bankReference) vào \(invoiceNumbers.joined(separator: ", ")).",
                                                   "Matched \(bankReference) to \(invoiceNumbers.joined(separator: ", "))."))
    }
}

struct UnmatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unmatch", abstract: "Hủy phân bổ bằng bút toán đảo; dòng chờ kế toán quyết định lại.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The bank line: its bank reference, or #line_id.") var bankReference: String
    @Option(help: "Why (recorded with who decided).") var reason = "manual unmatch"

    func run() throws {
        try global.openLedger().unmatch(reference: bankReference, reason: reason)
        Console.current.print(global.language.pick("Đã hủy phân bổ của \(bankReference) (bút toán đảo); dòng chờ kế toán quyết định.",
                                                   "Reversed the allocations of \(bankReference); the line waits for the accountant."))
    }
}
