/// The NAPAS247 service a VietQR transfer uses (field `38/02`).
///
/// Why it matters: a card number sent as `QRIBFTTA` (to account) is looked up as an account
/// and the transfer fails, so the kind of beneficiary is explicit rather than guessed from length.
public enum ServiceCode: String, Sendable, Codable, CaseIterable {
    /// Transfer to a bank account.
    case toAccount = "QRIBFTTA"
    /// Transfer to a card number.
    case toCard = "QRIBFTTC"
}

/// What a VietQR payload should say: who receives the money and, optionally, how much and why.
///
/// Plain data; every rule is checked by ``VietQREncoder/encode(_:)``, which refuses rather than
/// trims, because a silently shortened purpose loses the payment code the school matches on.
public struct VietQRRequest: Sendable, Hashable, Codable {
    /// Six-digit NAPAS acquirer BIN of the beneficiary bank, e.g. `"970418"` (BIDV).
    public var bin: String
    /// Account or card number: 1…19 ASCII letters and digits, no spaces or separators.
    public var account: String
    /// To account (`QRIBFTTA`) or to card (`QRIBFTTC`).
    public var service: ServiceCode
    /// Whole VND. `nil` makes a static, reusable QR (`01`=`11`); a value makes it dynamic (`12`).
    public var amount: Int64?
    /// Transfer description (`62/08`), the text bank apps prefill. Folded to ASCII; ≤ 25 after folding.
    public var purpose: String?
    /// Bill number (`62/01`). Folded to ASCII; ≤ 25 after folding. Bank apps do not prefill it.
    public var billNumber: String?
    /// Merchant (beneficiary) name (`59`). Folded to ASCII; ≤ 25 after folding.
    public var merchantName: String?
    /// Merchant city (`60`). Folded to ASCII; ≤ 15 after folding.
    public var city: String?

    public init(
        bin: String, account: String, service: ServiceCode = .toAccount, amount: Int64? = nil,
        purpose: String? = nil, billNumber: String? = nil, merchantName: String? = nil, city: String? = nil
    ) {
        self.bin = bin
        self.account = account
        self.service = service
        self.amount = amount
        self.purpose = purpose
        self.billNumber = billNumber
        self.merchantName = merchantName
        self.city = city
    }
}
