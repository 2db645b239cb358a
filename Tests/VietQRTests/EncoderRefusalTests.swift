import Testing
import VietQR

/// Every refusal: the exact error, and a message that names the field and the rule.
@Suite("Encoder: refusals (never silently cut)")
struct EncoderRefusalTests {
    private let base = VietQRRequest(bin: "970418", account: "1234567890")

    /// The error `request` is refused with, or `nil` when it is (wrongly) accepted.
    private func refusal(_ request: VietQRRequest) -> VietQRError? {
        do {
            _ = try VietQREncoder.encode(request)
            return nil
        } catch {
            return error
        }
    }

    @Test("BIN must be exactly six ASCII digits", arguments: ["97041", "9704181", "97041A", "", " 970418", "９７０４１８", "970 18"])
    func badBIN(bin: String) {
        var request = base
        request.bin = bin
        let error = refusal(request)
        #expect(error == .invalidBIN(bin))
        #expect(error?.description == "BIN \"\(bin)\" must be exactly 6 digits (the NAPAS acquirer ID of the bank, e.g. 970418 for BIDV)")
    }

    @Test("empty account is refused")
    func emptyAccount() {
        var request = base
        request.account = ""
        let error = refusal(request)
        #expect(error == .emptyAccount)
        #expect(error?.description.contains("account is empty") == true)
    }

    @Test("account over 19 characters is refused, 19 is accepted")
    func accountTooLong() throws {
        var request = base
        request.account = "12345678901234567890"
        let error = refusal(request)
        #expect(error == .accountTooLong("12345678901234567890", length: 20))
        #expect(error?.description == "account \"12345678901234567890\" is 20 characters; the limit is 19")
        request.account = "1234567890123456789"
        #expect(refusal(request) == nil)
    }

    @Test("account with anything but ASCII letters and digits is refused", arguments: [
        ("1234 5678", "\" \" (U+0020)"), ("1234-5678", "\"-\" (U+002D)"), ("1234.5678", "\".\" (U+002E)"),
        ("12345678é", "\"é\" (U+00E9)"), ("１２３", "\"１\" (U+FF11)"), ("123\t4", "(U+0009)"),
    ])
    func accountNotAlphanumeric(account: String, character: String) {
        var request = base
        request.account = account
        let error = refusal(request)
        #expect(error == .accountNotAlphanumeric(account, character: character))
        #expect(error?.description == "account \"\(account)\" contains \(character); only ASCII letters and digits are allowed (no spaces, dashes or dots)")
    }

    @Test("amount must be positive", arguments: [Int64(0), -1, -500_000, .min])
    func amountNotPositive(amount: Int64) {
        var request = base
        request.amount = amount
        let error = refusal(request)
        #expect(error == .amountNotPositive(amount))
        #expect(error?.description.hasPrefix("amount \(amount) VND is not positive") == true)
    }

    @Test("amount must stay under 500,000,000 VND", arguments: [Int64(500_000_000), 500_000_001, 1_000_000_000_000, .max])
    func amountTooLarge(amount: Int64) {
        var request = base
        request.amount = amount
        let error = refusal(request)
        #expect(error == .amountTooLarge(amount))
        #expect(error?.description == "amount \(amount) VND is too large; a NAPAS247 transfer must stay under 500000000 VND")
    }

    @Test("the largest accepted amount is 499,999,999")
    func largestAmount() {
        var request = base
        request.amount = 499_999_999
        #expect(refusal(request) == nil)
        #expect(VietQREncoder.maximumAmount == 499_999_999)
    }

    @Test("purpose over 25 characters after folding is refused, with the folded text and both numbers")
    func purposeTooLong() {
        var request = base
        request.purpose = "Học phí học kỳ 1 năm học 2025"
        let error = refusal(request)
        #expect(error == .textTooLong(.purpose, folded: "Hoc phi hoc ky 1 nam hoc 2025", length: 29))
        #expect(error?.description == "purpose \"Hoc phi hoc ky 1 nam hoc 2025\" is 29 characters after folding to ASCII; the limit is 25")
    }

    @Test("purpose of 31 characters (the brief's example message)")
    func purposeThirtyOne() {
        var request = base
        request.purpose = "Đóng học phí tháng 9 cho bé Lan"
        let error = refusal(request)
        #expect(error?.description == "purpose \"Dong hoc phi thang 9 cho be Lan\" is 31 characters after folding to ASCII; the limit is 25")
    }

    @Test("text limits: 26 ASCII characters for purpose, bill number, name; 16 for city", arguments: [
        (VietQRTextField.purpose, 26), (.billNumber, 26), (.merchantName, 26), (.city, 16),
    ])
    func textOverLimit(field: VietQRTextField, length: Int) {
        let text = String(repeating: "A", count: length)
        var request = base
        switch field {
        case .purpose: request.purpose = text
        case .billNumber: request.billNumber = text
        case .merchantName: request.merchantName = text
        case .city: request.city = text
        }
        let error = refusal(request)
        #expect(error == .textTooLong(field, folded: text, length: length))
        let label = ["purpose": "purpose", "billNumber": "bill number", "merchantName": "merchant name", "city": "city"][field.rawValue]!
        #expect(error?.description == "\(label) \"\(text)\" is \(length) characters after folding to ASCII; the limit is \(length - 1)")
        // One character less is accepted.
        switch field {
        case .purpose: request.purpose = String(text.dropLast())
        case .billNumber: request.billNumber = String(text.dropLast())
        case .merchantName: request.merchantName = String(text.dropLast())
        case .city: request.city = String(text.dropLast())
        }
        #expect(refusal(request) == nil)
    }

    @Test("text with no printable-ASCII form is refused, naming the character and the tag", arguments: [
        (VietQRTextField.purpose, "Học phí 🎒", "\"🎒\" (U+1F392)"),
        (.purpose, "Line1\nLine2", "(U+000A)"),
        (.merchantName, "Straße", "\"ß\" (U+00DF)"),
        (.merchantName, "Tab\there", "(U+0009)"),
        (.city, "Hà\u{00A0}Nội", "\"\u{00A0}\" (U+00A0)"),
        (.billNumber, "HD€1", "\"€\" (U+20AC)"),
        (.billNumber, "DEL\u{7F}", "(U+007F)"),
    ])
    func notPrintableASCII(field: VietQRTextField, text: String, character: String) {
        var request = base
        switch field {
        case .purpose: request.purpose = text
        case .billNumber: request.billNumber = text
        case .merchantName: request.merchantName = text
        case .city: request.city = text
        }
        let error = refusal(request)
        #expect(error == .textNotPrintableASCII(field, value: text, character: character))
        #expect(error?.description.contains("contains \(character), which has no printable-ASCII form; field \(field.tag) allows only printable ASCII") == true)
    }

    @Test("TLV value over 99 characters is refused", arguments: [100, 150])
    func tlvValueTooLong(length: Int) {
        let value = String(repeating: "x", count: length)
        #expect(throws: VietQRError.valueTooLong(field: "62", length: length)) {
            try TLVField(id: "62", value: value)
        }
        #expect(VietQRError.valueTooLong(field: "62", length: length).description
            == "field 62 would be \(length) characters; a TLV value holds at most 99")
        #expect(throws: Never.self) { try TLVField(id: "62", value: String(repeating: "x", count: 99)) }
    }

    @Test("TLV field IDs are two digits, values non-empty")
    func tlvFieldRules() {
        #expect(throws: VietQRError.invalidFieldID("6")) { try TLVField(id: "6", value: "x") }
        #expect(throws: VietQRError.invalidFieldID("6A")) { try TLVField(id: "6A", value: "x") }
        #expect(throws: VietQRError.emptyValue(field: "59")) { try TLVField(id: "59", value: "") }
        #expect(VietQRError.emptyValue(field: "59").description == "field 59 is empty; empty fields must be omitted, not written with length 00")
        #expect(VietQRError.invalidFieldID("6").description == "field ID \"6\" must be exactly two digits")
    }

    @Test("every error message names its field", arguments: [
        (VietQRError.invalidBIN("1"), "BIN"), (.emptyAccount, "account"), (.accountTooLong("1", length: 20), "account"),
        (.accountNotAlphanumeric("1-", character: "\"-\""), "account"), (.amountNotPositive(0), "amount"),
        (.amountTooLarge(500_000_000), "amount"), (.textTooLong(.city, folded: "x", length: 16), "city"),
        (.textNotPrintableASCII(.merchantName, value: "ß", character: "ß"), "merchant name"),
        (.valueTooLong(field: "38", length: 100), "field 38"),
    ])
    func messagesNameTheField(error: VietQRError, field: String) {
        #expect(error.description.hasPrefix(field))
    }
}
