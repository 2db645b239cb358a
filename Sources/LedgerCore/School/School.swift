/// The school that collects the fees, and where parents' transfers must go.
public struct School: Sendable, Hashable, Codable {
    public var name: String
    /// The 6-digit NAPAS acquirer BIN of the school's bank (BIDV is 970418).
    public var bankBIN: String
    public var accountNumber: String
    /// The account holder's name as the bank knows it.
    public var accountName: String
    public var city: String?
    /// The postal address and the tax code printed on receipts; the school fills them in when it has them.
    public var address: String?
    public var taxCode: String?
    /// Which form and series letters its receipts use (see `ReceiptSeries`).
    public var receiptSeries: ReceiptSeries = .default
    /// The per-school secret that spreads payment codes over the code space (see `PaymentCodeKey`).
    public var paymentCodeKey: PaymentCodeKey
    public var createdAt: Timestamp

    public init(name: String, bankBIN: String, accountNumber: String, accountName: String, city: String?,
                paymentCodeKey: PaymentCodeKey, createdAt: Timestamp, address: String? = nil, taxCode: String? = nil,
                receiptSeries: ReceiptSeries = .default) {
        self.address = address
        self.taxCode = taxCode
        self.receiptSeries = receiptSeries
        self.name = name
        self.bankBIN = bankBIN
        self.accountNumber = accountNumber
        self.accountName = accountName
        self.city = city
        self.paymentCodeKey = paymentCodeKey
        self.createdAt = createdAt
    }
}
