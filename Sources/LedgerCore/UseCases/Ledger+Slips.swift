import VietQR

/// Refusals of a slips request.
public enum SlipsError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidClass(String)
    case noInvoices(className: String, period: YearMonth?)

    public var description: String {
        switch self {
        case .invalidClass(let text): "--class: \"\(text)\" is not a class name (e.g. 3A)"
        case .noInvoices(let className, let period):
            "class \(className) has no invoices\(period.map { " for \($0)" } ?? ""); issue them first (hocphi invoices issue --period YYYY-MM)"
        }
    }
}

extension Ledger {
    /// The payment slips (thông báo thu) of one class for one month, in roll order: the latest month billed
    /// when `period` is nil. Pupils who already paid get their slip too, marked paid, so the teacher hands
    /// out one per child.
    /// - Parameter bankName: how parents know the school's bank (from the bank directory).
    public func paymentSlips(className text: String, period: YearMonth?, bankName: String) throws -> [PaymentSlip] {
        let school = try requireSchool()
        guard let className = ClassName(text) else { throw SlipsError.invalidClass(text) }
        let ofClass = try store.invoices().filter { $0.className == className && !$0.isVoid }
        guard let month = period ?? ofClass.map(\.period).max() else {
            throw SlipsError.noInvoices(className: className.description, period: period)
        }
        let invoices = ofClass.filter { $0.period == month }
            .sorted { (NameOrder.key($0.studentName), $0.serial) < (NameOrder.key($1.studentName), $1.serial) }
        guard !invoices.isEmpty else { throw SlipsError.noInvoices(className: className.description, period: month) }
        return try invoices.map { invoice in
            PaymentSlip(schoolName: school.name, invoiceNumber: invoice.number, periodLabel: invoice.period.vietnameseLabel,
                        studentName: invoice.studentName, studentCode: invoice.studentCode.value,
                        className: invoice.className.description,
                        items: invoice.lines.map { PaymentSlip.Item(name: $0.feeName, amount: $0.amount) },
                        amountDue: invoice.amountDue, amountPaid: invoice.amountPaid, amountRemaining: invoice.remaining,
                        paymentCode: invoice.paymentCode.text, bankName: bankName, accountNumber: school.accountNumber,
                        accountName: school.accountName, vietQRPayload: try VietQREncoder.encode(invoice.vietQRRequest(school: school)))
        }
    }
}
