/// Reads a VietQR payload back into its transfer, checking structure before trusting any value.
///
/// Why it checks in this order — structure, then CRC, then values: the CRC only proves the
/// string was not altered after it was built, not that it was built right (the NAPAS spec's
/// §6.1.1 example has a valid CRC over a wrong length). So every declared length is verified
/// at every nesting level, and the CRC is compared case-insensitively because at least one large
/// bank's app emits it in lowercase, which EMVCo readers must tolerate.
public enum VietQRDecoder {
    /// The transfer described by `payload`, or the first reason it is not a valid VietQR.
    public static func decode(_ payload: String) throws(VietQRDecodeError) -> VietQRPayload {
        let scalars = Array(payload.unicodeScalars)
        guard !scalars.isEmpty else { throw .empty }

        // 1. Structure: top-level lengths, 00 first, 63 last and well formed.
        let top = try TLVParser.parse(scalars[...], container: nil)
        guard let first = top.first, first.id == "00" else {
            throw .formatIndicatorNotFirst(found: top.first?.id ?? "")
        }
        guard let crcIndex = top.firstIndex(where: { $0.id == "63" }) else {
            throw .missingField("63", name: "CRC")
        }
        guard crcIndex == top.count - 1 else { throw .crcNotLast(followedBy: top[crcIndex + 1].id) }
        let crcText = top[crcIndex].field.value
        guard let declaredCRC = parseHex(crcText) else { throw .malformedCRC(crcText) }

        // 2. Integrity: CRC over everything up to and including "6304". 63 is last and its value
        //    is 4 ASCII hex digits, so that is every UTF-8 byte except the final four.
        let bytes = Array(payload.utf8)
        let computed = CRC16.ccittFalse(bytes[..<(bytes.count - 4)])
        guard computed == declaredCRC else {
            throw .crcMismatch(computed: CRC16.hex(computed), declared: crcText.uppercased())
        }

        // 3. Content: printable ASCII outside 64, nested templates, mandatory values.
        for field in top where field.id != "64" {
            if let index = field.value.firstIndex(where: { !($0.isASCII && $0.value >= 0x20 && $0.value <= 0x7E) }) {
                throw .nonPrintableCharacter(field: field.id, offset: index, character: scalars[index].quotedWithCodePoint)
            }
        }
        func find(_ fields: [ParsedField], _ id: String) -> ParsedField? {
            fields.first { $0.id == id }
        }
        func require(_ fields: [ParsedField], _ id: String, in container: String?, _ name: String) throws(VietQRDecodeError) -> ParsedField {
            guard let field = find(fields, id) else { throw .missingField(TLVParser.path(container, id), name: name) }
            return field
        }

        let formatIndicator = first.field.value
        guard formatIndicator == "01" else {
            throw .invalidValue(field: "00", value: formatIndicator, reason: "is not a supported payload format indicator; expected \"01\"")
        }

        var pointOfInitiation: PointOfInitiation?
        if let field = find(top, "01") {
            guard let value = PointOfInitiation(rawValue: field.field.value) else {
                throw .invalidValue(field: "01", value: field.field.value, reason: "is not a point of initiation; expected \"11\" (static) or \"12\" (dynamic)")
            }
            pointOfInitiation = value
        }

        let merchantAccount = try require(top, "38", in: nil, "merchant account information")
        let accountFields = try TLVParser.parse(merchantAccount.value, container: "38")
        let guid = try require(accountFields, "00", in: "38", "GUID").field.value
        guard guid.uppercased() == VietQREncoder.guid else {
            throw .invalidValue(field: "38/00", value: guid, reason: "is not the NAPAS GUID \"\(VietQREncoder.guid)\"")
        }
        let beneficiary = try require(accountFields, "01", in: "38", "beneficiary organization")
        let beneficiaryFields = try TLVParser.parse(beneficiary.value, container: "38/01")
        let bin = try require(beneficiaryFields, "00", in: "38/01", "acquirer BIN").field.value
        guard bin.utf8.count == 6, bin.utf8.allSatisfy(\.isASCIIDigit) else {
            throw .invalidValue(field: "38/01/00", value: bin, reason: "is not a BIN; expected exactly 6 digits")
        }
        let account = try require(beneficiaryFields, "01", in: "38/01", "account or card number").field.value
        guard account.utf8.allSatisfy(\.isASCIIAlphanumeric) else {
            throw .invalidValue(field: "38/01/01", value: account, reason: "is not an account number; expected only ASCII letters and digits")
        }
        guard account.utf8.count <= VietQREncoder.maximumAccountLength else {
            throw .invalidValue(field: "38/01/01", value: account, reason: "is \(account.utf8.count) characters; the limit is \(VietQREncoder.maximumAccountLength)")
        }
        let serviceText = try require(accountFields, "02", in: "38", "service code").field.value
        guard let service = ServiceCode(rawValue: serviceText) else {
            throw .invalidValue(field: "38/02", value: serviceText, reason: "is not a service code; expected \"QRIBFTTA\" (to account) or \"QRIBFTTC\" (to card)")
        }

        let currency = try require(top, "53", in: nil, "transaction currency").field.value
        guard currency == "704" else {
            throw .invalidValue(field: "53", value: currency, reason: "is not VND; expected \"704\"")
        }
        let country = try require(top, "58", in: nil, "country code").field.value
        guard country == "VN" else {
            throw .invalidValue(field: "58", value: country, reason: "is not Vietnam; expected \"VN\"")
        }

        var amount: Int64?
        if let field = find(top, "54") {
            let text = field.field.value
            guard text.utf8.allSatisfy(\.isASCIIDigit), let value = Int64(text), value > 0 else {
                throw .invalidValue(field: "54", value: text, reason: "is not a whole positive VND amount; expected plain digits with no separators or decimals")
            }
            amount = value
        }

        var billNumber: String?
        var purpose: String?
        if let additional = find(top, "62") {
            let additionalFields = try TLVParser.parse(additional.value, container: "62")
            billNumber = find(additionalFields, "01")?.field.value
            purpose = find(additionalFields, "08")?.field.value
        }

        return VietQRPayload(
            payloadFormatIndicator: formatIndicator,
            pointOfInitiation: pointOfInitiation,
            bin: bin,
            account: account,
            service: service,
            amount: amount,
            currency: currency,
            country: country,
            merchantName: find(top, "59")?.field.value,
            city: find(top, "60")?.field.value,
            billNumber: billNumber,
            purpose: purpose,
            crc: declaredCRC,
            fields: top.map(\.field))
    }

    /// Exactly four hex digits, either case, as a number; `nil` otherwise.
    static func parseHex(_ text: String) -> UInt16? {
        guard text.utf8.count == 4 else { return nil }
        var value: UInt16 = 0
        for byte in text.utf8 {
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }
}
