public struct IssueSummary: Sendable, Hashable, Codable {
    public var period: String
    public var issued = 0
    public var alreadyIssued = 0
    public var nothingDue = 0
    public var totalBilled = Money.zero
    /// Families' credit (earlier over-payments) applied to the new invoices.
    public var creditApplied = Money.zero
}

extension Ledger {
    /// Issues one invoice per pupil for the fees due in `period`. Pupils who already have an invoice for the
    /// period are skipped, so issuing twice changes nothing; pupils added since get theirs.
    ///
    /// Each invoice is billed by one balanced journal entry: the pupil's receivable (131) is debited with the
    /// total and each fee's account (531, 3373 or 3381, per fee item) credited with its line.
    public func issueInvoices(for period: YearMonth, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> IssueSummary {
        let school = try requireSchool()
        var changes = try begin()                 // before reading: see `Ledger.begin`
        let students = try store.students().sorted { $0.code < $1.code }
        guard !students.isEmpty else { throw LedgerError.noStudents }
        let fees = try store.feeItems().sorted { $0.code < $1.code }
        guard !fees.isEmpty else { throw LedgerError.noFees }
        let billed = Set(try store.invoices(period: period).map(\.studentCode))
        var credits = try store.creditBalances(root: "3383").filter { $0.value > 0 }
        var summary = IssueSummary(period: period.description)
        for (index, student) in students.enumerated() {
            if index % 1000 == 0 { progress?(index, students.count) }
            if billed.contains(student.code) { summary.alreadyIssued += 1; continue }
            let lines = fees.filter { $0.isDue(for: student, in: period) }
                .map { InvoiceLine(feeCode: $0.code, feeName: $0.name, amount: $0.amount, account: $0.account) }
            if lines.isEmpty { summary.nothingDue += 1; continue }
            let total = try Money.sum(lines.map(\.amount))
            let serial = changes.nextInvoiceSerial()
            let number = Invoice.number(period: period, serial: serial)
            let entry = try JournalEntry(
                kind: .invoiceIssued, reference: number,
                memo: "Thông báo thu \(period): \(student.fullName), lớp \(student.className)",
                postings: [.debit(.receivable(student.code), total)]
                    + lines.map { .credit(.fee($0.feeCode, account: $0.account), $0.amount) }, period: period)
            let sequence = changes.record(entry)
            var invoice = Invoice(number: number, serial: serial, studentCode: student.code, studentName: student.fullName,
                                  className: student.className, period: period, lines: lines, amountDue: total,
                                  paymentCode: try PaymentCode(serial: serial, key: school.paymentCodeKey),
                                  issuedAt: changes.recordedAt, journalSequence: sequence)
            let creditAccount = AccountCode.parentCredit(student.code)
            if let credit = credits[creditAccount.value] {
                // An earlier over-payment pays (part of) the new invoice before the family is asked for money.
                let applied = min(Money(dong: credit), total)
                changes.record(try JournalEntry(
                    kind: .creditApplied, reference: number,
                    memo: "Trừ tiền thừa kỳ trước vào thông báo thu \(number): \(student.fullName)",
                    postings: [.debit(creditAccount, applied), .credit(.receivable(student.code), applied)], period: period))
                invoice.amountPaid = applied
                credits[creditAccount.value] = credit - applied.dong
                summary.creditApplied = try summary.creditApplied.adding(applied)
            }
            changes.add(invoice)
            summary.issued += 1
            summary.totalBilled = try summary.totalBilled.adding(total)
        }
        progress?(students.count, students.count)
        if summary.issued > 0 {
            changes.audit(AuditEvent("invoices.issued", subject: period.description,
                                     details: "\(summary.issued) invoices, \(summary.totalBilled.formatted)"))
            try store.commit(changes)
        }
        return summary
    }
}
