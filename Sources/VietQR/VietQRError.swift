/// A text field of ``VietQRRequest`` that is folded to ASCII and length-limited.
public enum VietQRTextField: String, Sendable, Hashable, Codable, CaseIterable {
    case purpose
    case billNumber
    case merchantName
    case city

    /// The EMVCo tag path the field is written to, e.g. `62/08`.
    public var tag: String {
        switch self {
        case .purpose: "62/08"
        case .billNumber: "62/01"
        case .merchantName: "59"
        case .city: "60"
        }
    }

    /// The most characters the field may hold after folding (NAPAS/EMVCo limits).
    public var limit: Int {
        switch self {
        case .purpose, .billNumber, .merchantName: 25
        case .city: 15
        }
    }

    /// The name used in messages: the Swift property name, which is what the caller set.
    var label: String {
        switch self {
        case .purpose: "purpose"
        case .billNumber: "bill number"
        case .merchantName: "merchant name"
        case .city: "city"
        }
    }
}

/// Why ``VietQREncoder`` refused a request.
///
/// The encoder never cuts or drops data to make it fit: a cut purpose loses the payment code at
/// its end, and a dropped character changes an account number. Each case says which field was
/// wrong and what the rule is, so a bursar can fix the data without reading the NAPAS spec.
public enum VietQRError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The BIN is not exactly six ASCII digits.
    case invalidBIN(String)
    /// The account (or card) number is empty.
    case emptyAccount
    /// The account is longer than 19 characters (the value given, its length).
    case accountTooLong(String, length: Int)
    /// The account holds something other than ASCII letters and digits (the value, the first offender).
    case accountNotAlphanumeric(String, character: String)
    /// The amount is zero or negative.
    case amountNotPositive(Int64)
    /// The amount is 500,000,000 VND or more, the NAPAS247 per-transfer ceiling.
    case amountTooLarge(Int64)
    /// A text field is too long after folding to ASCII (the field, its folded value, its length).
    case textTooLong(VietQRTextField, folded: String, length: Int)
    /// A text field still holds a character outside printable ASCII after folding.
    case textNotPrintableASCII(VietQRTextField, value: String, character: String)
    /// A TLV value would exceed the 99 characters a two-digit length can declare.
    case valueTooLong(field: String, length: Int)
    /// A TLV value is empty; EMVCo omits empty fields instead of writing length `00`.
    case emptyValue(field: String)
    /// A TLV ID is not two ASCII digits.
    case invalidFieldID(String)

    public var description: String {
        switch self {
        case .invalidBIN(let bin):
            "BIN \"\(bin)\" must be exactly 6 digits (the NAPAS acquirer ID of the bank, e.g. 970418 for BIDV)"
        case .emptyAccount:
            "account is empty; a VietQR needs the beneficiary's account or card number"
        case .accountTooLong(let account, let length):
            "account \"\(account)\" is \(length) characters; the limit is \(VietQREncoder.maximumAccountLength)"
        case .accountNotAlphanumeric(let account, let character):
            "account \"\(account)\" contains \(character); only ASCII letters and digits are allowed (no spaces, dashes or dots)"
        case .amountNotPositive(let amount):
            "amount \(amount) VND is not positive; leave the amount out (nil) for a static QR without an amount"
        case .amountTooLarge(let amount):
            "amount \(amount) VND is too large; a NAPAS247 transfer must stay under 500000000 VND"
        case .textTooLong(let field, let folded, let length):
            "\(field.label) \"\(folded)\" is \(length) characters after folding to ASCII; the limit is \(field.limit)"
        case .textNotPrintableASCII(let field, let value, let character):
            "\(field.label) \"\(value)\" contains \(character), which has no printable-ASCII form; field \(field.tag) allows only printable ASCII"
        case .valueTooLong(let field, let length):
            "field \(field) would be \(length) characters; a TLV value holds at most 99"
        case .emptyValue(let field):
            "field \(field) is empty; empty fields must be omitted, not written with length 00"
        case .invalidFieldID(let id):
            "field ID \"\(id)\" must be exactly two digits"
        }
    }
}
