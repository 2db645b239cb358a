/// A receipt (biên lai thu tiền) as a person reads it: every field printed on the PDF, already formatted
/// in Vietnamese. Built by the core from a signed `Receipt`; drawn by a renderer, which adds nothing.
public struct ReceiptDocument: Sendable, Hashable, Codable {
    public typealias Line = DocumentLine

    /// "BIÊN LAI THU TIỀN".
    public var title: String
    public var schoolName: String
    public var schoolAddress: String?
    public var schoolTaxCode: String?
    /// Form symbol (mẫu số), e.g. `EBL01`; series symbol (ký hiệu), e.g. `26TAA`; number, 7 digits.
    public var formSymbol: String
    public var seriesSymbol: String
    public var number: String
    /// "Ngày 05 tháng 10 năm 2025".
    public var issuedOnText: String
    public var payerName: String
    public var studentName: String
    public var studentCode: String
    public var className: String
    /// "Tháng 9/2025".
    public var periodLabel: String
    public var invoiceNumber: String
    public var lines: [Line]
    public var total: Money
    /// "Một triệu ba trăm ba mươi tư nghìn năm trăm hai mươi đồng".
    public var totalInWords: String
    /// "Chuyển khoản ngày 03/10/2025, mã GD FT25276…".
    public var paymentText: String
    /// "Thay thế biên lai 26TAA-0000003" for a replacement, else `nil`.
    public var replacesText: String?
    /// "ĐÃ HUỶ" / "ĐÃ BỊ THAY THẾ" when the receipt is no longer valid, printed across the page; else `nil`.
    public var statusStamp: String?
    /// The text the QR carries (`HPR1|…`): number, content digest and signature, checked by `receipts verify`.
    public var verificationText: String
    /// Short fingerprint of the signing key, printed under the QR ("Khoá ký: 3F2A 9C…").
    public var keyFingerprint: String

    public init(title: String, schoolName: String, schoolAddress: String?, schoolTaxCode: String?, formSymbol: String,
                seriesSymbol: String, number: String, issuedOnText: String, payerName: String, studentName: String,
                studentCode: String, className: String, periodLabel: String, invoiceNumber: String, lines: [Line],
                total: Money, totalInWords: String, paymentText: String, replacesText: String?, statusStamp: String?,
                verificationText: String, keyFingerprint: String) {
        self.title = title
        self.schoolName = schoolName
        self.schoolAddress = schoolAddress
        self.schoolTaxCode = schoolTaxCode
        self.formSymbol = formSymbol
        self.seriesSymbol = seriesSymbol
        self.number = number
        self.issuedOnText = issuedOnText
        self.payerName = payerName
        self.studentName = studentName
        self.studentCode = studentCode
        self.className = className
        self.periodLabel = periodLabel
        self.invoiceNumber = invoiceNumber
        self.lines = lines
        self.total = total
        self.totalInWords = totalInWords
        self.paymentText = paymentText
        self.replacesText = replacesText
        self.statusStamp = statusStamp
        self.verificationText = verificationText
        self.keyFingerprint = keyFingerprint
    }
}
