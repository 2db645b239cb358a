import VietQR

/// One row of `invoices export`, in the contract's column order.
public struct InvoiceExportRow: Sendable, Hashable, Codable {
    public let invoiceNumber: String
    public let studentCode: String
    public let studentName: String
    public let className: String
    public let period: String
    public let amountDue: Int64
    public let amountPaid: Int64
    public let status: String
    public let paymentCode: String
    public let vietqrPayload: String

    public static let columns = ["invoice_number", "student_code", "student_name", "class", "period", "amount_due",
                                 "amount_paid", "status", "payment_code", "vietqr_payload"]

    public var cells: [String] {
        [invoiceNumber, studentCode, studentName, className, period, String(amountDue), String(amountPaid), status,
         paymentCode, vietqrPayload]
    }

    enum CodingKeys: String, CodingKey {
        case invoiceNumber = "invoice_number", studentCode = "student_code", studentName = "student_name"
        case className = "class", period, amountDue = "amount_due", amountPaid = "amount_paid", status
        case paymentCode = "payment_code", vietqrPayload = "vietqr_payload"
    }
}

extension Invoice {
    /// The VietQR a parent scans for this invoice: a transfer to the school's account of what is still due,
    /// with the payment code as the transfer description (62/08), which bank apps pre-fill.
    /// A settled invoice gets a static QR without an amount.
    public func vietQRRequest(school: School) -> VietQRRequest {
        VietQRRequest(bin: school.bankBIN, account: school.accountNumber, service: .toAccount,
                      amount: remaining.isPositive ? remaining.dong : nil, purpose: paymentCode.text)
    }
}

extension Ledger {
    public func exportInvoices() throws -> [InvoiceExportRow] {
        let school = try requireSchool()
        return try store.invoices().sorted { $0.serial < $1.serial }.map { invoice in
            let payload = try VietQREncoder.encode(invoice.vietQRRequest(school: school))
            return InvoiceExportRow(invoiceNumber: invoice.number, studentCode: invoice.studentCode.value,
                                    studentName: invoice.studentName, className: invoice.className.description,
                                    period: invoice.period.description, amountDue: invoice.amountDue.dong,
                                    amountPaid: invoice.amountPaid.dong, status: invoice.status.rawValue,
                                    paymentCode: invoice.paymentCode.text, vietqrPayload: payload)
        }
    }
}
