/// One pupil's payment slip (thông báo thu) as printed for a class: everything a parent needs to pay from a
/// phone or at a counter. Built by the core from the ledger; drawn by a renderer.
public struct PaymentSlip: Sendable, Hashable, Codable {
    public typealias Item = DocumentLine

    public var schoolName: String
    public var invoiceNumber: String
    /// "Tháng 9/2025".
    public var periodLabel: String
    public var studentName: String
    public var studentCode: String
    public var className: String
    public var items: [Item]
    public var amountDue: Money
    public var amountPaid: Money
    /// What is still to pay (due − paid); the QR asks for exactly this.
    public var amountRemaining: Money
    /// The payment code to write in the transfer description, e.g. `HP3K7QX2`.
    public var paymentCode: String
    /// Bank name as a parent knows it ("BIDV"), the account number and holder.
    public var bankName: String
    public var accountNumber: String
    public var accountName: String
    /// The VietQR payload for `amountRemaining` with the payment code as purpose.
    public var vietQRPayload: String

    public init(schoolName: String, invoiceNumber: String, periodLabel: String, studentName: String, studentCode: String,
                className: String, items: [Item], amountDue: Money, amountPaid: Money, amountRemaining: Money,
                paymentCode: String, bankName: String, accountNumber: String, accountName: String, vietQRPayload: String) {
        self.schoolName = schoolName
        self.invoiceNumber = invoiceNumber
        self.periodLabel = periodLabel
        self.studentName = studentName
        self.studentCode = studentCode
        self.className = className
        self.items = items
        self.amountDue = amountDue
        self.amountPaid = amountPaid
        self.amountRemaining = amountRemaining
        self.paymentCode = paymentCode
        self.bankName = bankName
        self.accountNumber = accountNumber
        self.accountName = accountName
        self.vietQRPayload = vietQRPayload
    }
}
