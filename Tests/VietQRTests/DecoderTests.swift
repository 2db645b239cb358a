import Foundation
import Testing
import VietQR

@Suite("Decoder")
struct DecoderTests {
    /// The error `payload` is rejected with, or `nil` when it is (wrongly) accepted.
    private func rejection(_ payload: String) -> VietQRDecodeError? {
        do {
            _ = try VietQRDecoder.decode(payload)
            return nil
        } catch {
            return error
        }
    }

    /// A valid static QR body to BIDV account 1234567890, up to and including "6304".
    private let body = "000201" + "010211" + "3854" + "0010A000000727" + "0124" + "0006970418" + "0110" + "1234567890"
        + "0208QRIBFTTA" + "5303704" + "5802VN" + "6304"

    // MARK: The spec's traps

    @Test("the spec's malformed §6.1.1 example (length 12 declared for a 13-digit account) is rejected at 38/01/01")
    func specMalformedExample() {
        let malformed = "00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304F4E5"
        // Its CRC is right — that is the trap: the checksum was computed over the malformed string.
        #expect(ReferenceCRC.bitwise(String(malformed.dropLast(4))) == 0xF4E5)
        let error = rejection(malformed)
        #expect(error == .lengthMismatch(field: "38/01/01", declared: 12, following: 13))
        #expect(error?.description == "field 38/01/01: declared length 12 but 13 characters follow")
    }

    @Test("the §6.1.1 example with its length corrected decodes to the 13-digit account")
    func specExampleCorrected() throws {
        let fixed = ReferenceCRC.sealed(
            "000201" + "010211" + "3857" + "0010A000000727" + "0127" + "0006970403" + "0113" + "0011012345678"
                + "0208QRIBFTTA" + "5303704" + "5802VN" + "6304")
        let payload = try VietQRDecoder.decode(fixed)
        #expect(payload.bin == "970403")
        #expect(payload.account == "0011012345678")
        #expect(payload.service == .toAccount)
        #expect(payload.amount == nil)
        #expect(payload.pointOfInitiation == .staticQR)
    }

    @Test("the spec's worked example (§6.1.2) decodes to card 9704031101234567 with CRC 4F52")
    func specWorkedExample() throws {
        let payload = try VietQRDecoder.decode(
            "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52")
        #expect(payload.request == VietQRRequest(bin: "970403", account: "9704031101234567", service: .toCard))
        #expect(payload.crc == 0x4F52)
        #expect(payload.crcHex == "4F52")
        #expect(payload.currency == "704")
        #expect(payload.country == "VN")
        #expect(payload.payloadFormatIndicator == "01")
        #expect(payload.fields.map(\.id) == ["00", "01", "38", "53", "58", "63"])
    }

    @Test("a lowercase CRC (as one large bank's app emits) is accepted")
    func lowercaseCRC() throws {
        let published = "00020101021138540010A00000072701240006970422011009119673630208QRIBFTTA53037045802VN63046ad9"
        let payload = try VietQRDecoder.decode(published)
        #expect(payload.crc == 0x6AD9)
        #expect(payload.bin == "970422")
        #expect(payload.account == "0911967363")

        let sealed = ReferenceCRC.sealed(body)
        let lowered = String(sealed.dropLast(4)) + sealed.suffix(4).lowercased()
        #expect(try VietQRDecoder.decode(lowered) == VietQRDecoder.decode(sealed).withFields(from: lowered))
    }

    // MARK: Integrity

    @Test("a changed character is caught by the CRC, with both CRCs in the message")
    func crcMismatch() {
        let sealed = ReferenceCRC.sealed(body)
        let tampered = sealed.replacingFirst("1234567890", with: "1234567899")
        let computed = ReferenceCRC.hex(ReferenceCRC.bitwise(String(tampered.dropLast(4))))
        let declared = String(sealed.suffix(4))
        let error = rejection(tampered)
        #expect(error == .crcMismatch(computed: computed, declared: declared))
        #expect(error?.description.contains("CRC is \(computed) but the payload's is \(declared)") == true)
    }

    @Test("CRC must be four hex digits", arguments: ["XYZ1", "12G4", "4F5 "])
    func malformedCRC(crc: String) {
        let error = rejection(body + crc)
        #expect(error == .malformedCRC(crc))
        #expect(error?.description == "field 63: CRC \"\(crc)\" is not 4 hex digits")
    }

    @Test("CRC of the wrong length is malformed")
    func shortCRC() {
        let short = String(body.dropLast(4)) + "63034F5"
        #expect(rejection(short) == .malformedCRC("4F5"))
    }

    // MARK: Structure

    @Test("empty payload")
    func empty() {
        #expect(rejection("") == .empty)
        #expect(VietQRDecodeError.empty.description == "payload is empty")
    }

    @Test("00 must come first")
    func formatIndicatorFirst() {
        let swapped = ReferenceCRC.sealed(
            "010211" + "000201" + "3854" + "0010A000000727" + "0124" + "0006970418" + "0110" + "1234567890"
                + "0208QRIBFTTA" + "5303704" + "5802VN" + "6304")
        let error = rejection(swapped)
        #expect(error == .formatIndicatorNotFirst(found: "01"))
        #expect(error?.description == "field 00 (payload format indicator) must come first, but the payload starts with field 01")
    }

    @Test("63 must be last")
    func crcLast() {
        let payload = "000201" + "010211" + "3854" + "0010A000000727" + "0124" + "0006970418" + "0110" + "1234567890"
            + "0208QRIBFTTA" + "5303704" + "63041234" + "5802VN"
        let error = rejection(payload)
        #expect(error == .crcNotLast(followedBy: "58"))
        #expect(error?.description == "field 63 (CRC) must be last, but field 58 follows it")
    }

    @Test("missing CRC")
    func missingCRC() {
        let error = rejection(String(body.dropLast(4)))
        #expect(error == .missingField("63", name: "CRC"))
        #expect(error?.description == "mandatory field 63 (CRC) is missing")
    }

    @Test("non-numeric length names the field and the offset")
    func nonNumericLength() {
        let payload = "000201" + "010211" + "38A4" + "0010A000000727"
        let error = rejection(payload)
        #expect(error == .nonNumericLength(field: "38", offset: 14, found: "A4"))
        #expect(error?.description == "field 38: length \"A4\" at offset 14 is not two digits")
    }

    @Test("non-numeric ID")
    func nonNumericID() {
        let error = rejection("000201" + "XX0211")
        #expect(error == .nonNumericID(container: nil, offset: 6, found: "XX"))
        #expect(error?.description.hasPrefix("payload: field ID \"XX\" at offset 6 is not two digits") == true)
    }

    @Test("length 00 is refused: empty fields are omitted")
    func zeroLength() {
        let error = rejection("000201" + "0100" + "5802VN")
        #expect(error == .zeroLength(field: "01"))
        #expect(error?.description == "field 01: declared length 00; empty fields must be omitted")
    }

    @Test("a declared length running past the end")
    func lengthPastEnd() {
        let error = rejection("000201" + "3899" + "0010A000000727")
        #expect(error == .lengthMismatch(field: "38", declared: 99, following: 14))
        #expect(error?.description == "field 38: declared length 99 but only 14 characters follow")
    }

    @Test("one character too many at the end is blamed on the last field's length")
    func trailingCharacter() {
        let sealed = ReferenceCRC.sealed(body)
        let error = rejection(sealed + "0")
        #expect(error == .lengthMismatch(field: "63", declared: 4, following: 5))
        #expect(error?.description == "field 63: declared length 4 but 5 characters follow")
    }

    @Test("a nested template too short for any header")
    func truncatedNestedHeader() {
        let payload = ReferenceCRC.sealed(String(body.dropLast(4)) + "6203080" + "6304")
        let error = rejection(payload)
        #expect(error == .truncatedHeader(container: "62", offset: 87, remainder: "080"))
        #expect(error?.description.hasPrefix("inside field 62: 3 leftover character(s) \"080\" at offset 87") == true)
    }

    @Test("a field twice")
    func duplicate() {
        let payload = ReferenceCRC.sealed(String(body.dropLast(4)) + "5802VN" + "6304")
        let error = rejection(payload)
        #expect(error == .duplicateField("58"))
        #expect(error?.description == "field 58 appears more than once")
    }

    @Test("a nested field twice is named by its path")
    func nestedDuplicate() {
        let payload = ReferenceCRC.sealed(String(body.dropLast(4)) + "6214" + "0803ABC" + "0803DEF" + "6304")
        #expect(rejection(payload) == .duplicateField("62/08"))
    }

    @Test("non-ASCII outside field 64 is refused; lengths count characters, not bytes")
    func nonASCII() {
        let payload = ReferenceCRC.sealed(String(body.dropLast(4)) + "5902Zé" + "6304")
        let error = rejection(payload)
        #expect(error == .nonPrintableCharacter(field: "59", offset: 88, character: "\"é\" (U+00E9)"))
        #expect(error?.description == "field 59: character \"é\" (U+00E9) at offset 88 is not printable ASCII; only field 64 may carry Unicode")
    }

    @Test("field 64 may carry Unicode and is kept")
    func alternateLanguage() throws {
        let payload = ReferenceCRC.sealed(String(body.dropLast(4)) + "6416" + "0002vi" + "0106Trường" + "6304")
        let decoded = try VietQRDecoder.decode(payload)
        #expect(decoded.field("64")?.value == "0002vi0106Trường")
        #expect(try TLVField.parse(decoded.field("64")!.value).map(\.value) == ["vi", "Trường"])
    }

    @Test("unknown fields (52, 61) are kept in order")
    func unknownFieldsKept() throws {
        let payload = ReferenceCRC.sealed(
            "000201" + "010211" + "3854" + "0010A000000727" + "0124" + "0006970418" + "0110" + "1234567890"
                + "0208QRIBFTTA" + "52045812" + "5303704" + "5802VN" + "610570000" + "6304")
        let decoded = try VietQRDecoder.decode(payload)
        #expect(decoded.fields.map(\.id) == ["00", "01", "38", "52", "53", "58", "61", "63"])
        #expect(decoded.field("52")?.value == "5812")
        #expect(decoded.field("61")?.value == "70000")
    }

    // MARK: Missing and wrong values

    @Test("missing mandatory fields are named", arguments: [
        ("000201" + "010211" + "0208QRIBFTTA" + "5303704" + "5802VN" + "6304", "38", "merchant account information"),
        ("000201" + "010211" + "3854" + "0010A000000727" + "0124" + "0006970418" + "0110" + "1234567890"
            + "0208QRIBFTTA" + "5802VN" + "6304", "53", "transaction currency"),
        ("000201" + "010211" + "3854" + "0010A000000727" + "0124" + "0006970418" + "0110" + "1234567890"
            + "0208QRIBFTTA" + "5303704" + "6304", "58", "country code"),
        ("000201" + "010211" + "3842" + "0010A000000727" + "0124" + "0006970418" + "0110" + "1234567890"
            + "5303704" + "5802VN" + "6304", "38/02", "service code"),
        ("000201" + "010211" + "3840" + "0124" + "0006970418" + "0110" + "1234567890" + "0208QRIBFTTA"
            + "5303704" + "5802VN" + "6304", "38/00", "GUID"),
        ("000201" + "010211" + "3826" + "0010A000000727" + "0208QRIBFTTA" + "5303704" + "5802VN" + "6304",
         "38/01", "beneficiary organization"),
        ("000201" + "010211" + "3840" + "0010A000000727" + "0110" + "0006970418" + "0208QRIBFTTA"
            + "5303704" + "5802VN" + "6304", "38/01/01", "account or card number"),
        ("000201" + "010211" + "3844" + "0010A000000727" + "0114" + "0110" + "1234567890" + "0208QRIBFTTA"
            + "5303704" + "5802VN" + "6304", "38/01/00", "acquirer BIN"),
    ])
    func missingField(body: String, field: String, name: String) {
        let error = rejection(ReferenceCRC.sealed(body))
        #expect(error == .missingField(field, name: name))
        #expect(error?.description == "mandatory field \(field) (\(name)) is missing")
    }

    @Test("wrong fixed values are named", arguments: [
        ("000202", "5303704", "5802VN", "0010A000000727", "0208QRIBFTTA", "00", "02"),
        ("000201", "5303840", "5802VN", "0010A000000727", "0208QRIBFTTA", "53", "840"),
        ("000201", "5303704", "5802US", "0010A000000727", "0208QRIBFTTA", "58", "US"),
        ("000201", "5303704", "5802VN", "0010A000000728", "0208QRIBFTTA", "38/00", "A000000728"),
        ("000201", "5303704", "5802VN", "0010A000000727", "0208QRPUSH01", "38/02", "QRPUSH01"),
    ])
    func wrongFixedValue(format: String, currency: String, country: String, guid: String, service: String,
                         field: String, value: String) {
        let payload = ReferenceCRC.sealed(
            format + "010211" + "3854" + guid + "0124" + "0006970418" + "0110" + "1234567890" + service
                + currency + country + "6304")
        let error = rejection(payload)
        guard case .invalidValue(let badField, let badValue, _) = error else {
            Issue.record("expected invalidValue, got \(String(describing: error))")
            return
        }
        #expect(badField == field)
        #expect(badValue == value)
        #expect(error?.description.hasPrefix("field \(field): \"\(value)\"") == true)
    }

    @Test("amount must be plain positive digits", arguments: ["1000.00", "1,000", "0", "-5", "1e6", " 100"])
    func badAmount(amount: String) {
        let length = amount.count < 10 ? "0\(amount.count)" : "\(amount.count)"
        let payload = ReferenceCRC.sealed(
            "000201" + "010212" + "3854" + "0010A000000727" + "0124" + "0006970418" + "0110" + "1234567890"
                + "0208QRIBFTTA" + "5303704" + "54" + length + amount + "5802VN" + "6304")
        let error = rejection(payload)
        #expect(error == .invalidValue(field: "54", value: amount,
                                       reason: "is not a whole positive VND amount; expected plain digits with no separators or decimals"))
    }

    @Test("BIN, account and point of initiation are checked", arguments: [
        ("010211", "0006" + "97041A", "0110" + "1234567890", "38/01/00"),
        ("010211", "0006" + "970418", "0110" + "12345-7890", "38/01/01"),
        ("010213", "0006" + "970418", "0110" + "1234567890", "01"),
    ])
    func badBeneficiary(initiation: String, bin: String, account: String, field: String) {
        let payload = ReferenceCRC.sealed(
            "000201" + initiation + "3854" + "0010A000000727" + "0124" + bin + account
                + "0208QRIBFTTA" + "5303704" + "5802VN" + "6304")
        guard case .invalidValue(let badField, _, _) = rejection(payload) else {
            Issue.record("expected invalidValue for \(field)")
            return
        }
        #expect(badField == field)
    }

    @Test("an account over 19 characters is rejected")
    func accountTooLong() {
        let payload = ReferenceCRC.sealed(
            "000201" + "010211" + "3864" + "0010A000000727" + "0134" + "0006970418" + "0120" + "12345678901234567890"
                + "0208QRIBFTTA" + "5303704" + "5802VN" + "6304")
        let error = rejection(payload)
        #expect(error?.description == "field 38/01/01: \"12345678901234567890\" is 20 characters; the limit is 19")
    }

    @Test("TLVField.parse splits one level and serialize inverts it")
    func tlvParse() throws {
        let fields = try TLVField.parse("0010A000000727" + "0124" + "0006970418" + "0110" + "1234567890" + "0208QRIBFTTA")
        #expect(fields.map(\.id) == ["00", "01", "02"])
        #expect(fields.map(\.value) == ["A000000727", "00069704180110" + "1234567890", "QRIBFTTA"])
        #expect(TLVField.serialize(fields) == "0010A000000727" + "0124" + "0006970418" + "0110" + "1234567890" + "0208QRIBFTTA")
        #expect(try TLVField(id: "58", value: "VN").serialized == "5802VN")
    }
}

extension VietQRPayload {
    /// The same payload with the raw fields of `payload` (whose CRC may differ in case only).
    func withFields(from payload: String) throws -> VietQRPayload {
        var copy = self
        copy.fields = try TLVField.parse(payload)
        return copy
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
