/// Builds VietQR (NAPAS247 / EMVCo merchant-presented) payload strings.
///
/// Why it validates everything and trims nothing: banks differ in what they do with an
/// overlong purpose (cut, refuse, or not prefill), a payload one bank accepts can fail in the
/// parent's app, and the payment code the school reconciles on must survive intact. So every
/// limit is checked up front and reported with the field's name; a payload is only produced
/// when every bank will read it the same way.
///
/// Why it is written the way it is: a school prints a QR per invoice, per term, per re-issue,
/// so the encoder avoids Foundation and intermediate strings. It measures every field first,
/// then writes bytes once into a single preallocated buffer and runs the CRC over it in place.
public enum VietQREncoder {
    /// The largest amount NAPAS247 accepts: a transfer must stay *under* 500,000,000 VND.
    public static let maximumAmount: Int64 = 499_999_999
    /// The longest account or card number field `38/01/01` may hold.
    public static let maximumAccountLength = 19
    /// NAPAS's GUID in field `38/00`.
    public static let guid = "A000000727"

    /// The payload for `request`, CRC included (four uppercase hex digits, zero-padded).
    ///
    /// Fields in order: `00`, `01`, `38` {`00`, `01` {`00`, `01`}, `02`}, `53`, `54`?, `58`,
    /// `59`?, `60`?, `62` {`01`?, `08`?}?, `63`. Empty optional texts are omitted, as EMVCo requires.
    public static func encode(_ request: VietQRRequest) throws(VietQRError) -> String {
        // Measure and validate everything before writing a byte.
        let bin = request.bin
        guard bin.utf8.count == 6, ASCIIFolding.allBytes(of: bin, \.isASCIIDigit) else { throw .invalidBIN(bin) }

        let account = request.account
        let accountLength = account.utf8.count
        guard accountLength > 0 else { throw .emptyAccount }
        guard ASCIIFolding.allBytes(of: account, \.isASCIIAlphanumeric) else {
            let bad = account.unicodeScalars.first { !($0.isASCII && UInt8($0.value).isASCIIAlphanumeric) }!
            throw .accountNotAlphanumeric(account, character: bad.quotedWithCodePoint)
        }
        guard accountLength <= maximumAccountLength else { throw .accountTooLong(account, length: accountLength) }

        var amountDigits = 0
        if let amount = request.amount {
            guard amount > 0 else { throw .amountNotPositive(amount) }
            guard amount <= maximumAmount else { throw .amountTooLarge(amount) }
            amountDigits = decimalDigitCount(amount)
        }

        let name = try text(request.merchantName, .merchantName)
        let city = try text(request.city, .city)
        let bill = try text(request.billNumber, .billNumber)
        let purpose = try text(request.purpose, .purpose)

        let beneficiaryLength = 4 + 6 + 4 + accountLength                 // 00 06 BIN, 01 LL account
        let merchantAccountLength = 14 + 4 + beneficiaryLength + 12        // 0010 GUID, 01 LL {...}, 0208 service
        guard beneficiaryLength <= 99 else { throw .valueTooLong(field: "38/01", length: beneficiaryLength) }
        guard merchantAccountLength <= 99 else { throw .valueTooLong(field: "38", length: merchantAccountLength) }
        let additionalLength = field(bill) + field(purpose)
        guard additionalLength <= 99 else { throw .valueTooLong(field: "62", length: additionalLength) }

        let total = 6 + 6                                   // 000201, 0102 11|12
            + 4 + merchantAccountLength                     // 38
            + 7                                             // 5303704
            + (amountDigits > 0 ? 4 + amountDigits : 0)     // 54
            + 6                                             // 5802VN
            + field(name) + field(city)                     // 59, 60
            + (additionalLength > 0 ? 4 + additionalLength : 0)  // 62
            + 8                                             // 6304 + CRC

        return String(unsafeUninitializedCapacity: total) { buffer in
            var out = ByteWriter(buffer: buffer)
            out.ascii("000201")
            out.ascii(request.amount == nil ? "010211" : "010212")
            out.header("38", merchantAccountLength)
            out.ascii("0010A000000727")
            out.header("01", beneficiaryLength)
            out.ascii("0006")
            out.copy(bin)
            out.header("01", accountLength)
            out.copy(account)
            out.ascii(request.service == .toAccount ? "0208QRIBFTTA" : "0208QRIBFTTC")
            out.ascii("5303704")
            if let amount = request.amount {
                out.header("54", amountDigits)
                out.decimal(amount, digits: amountDigits)
            }
            out.ascii("5802VN")
            out.field("59", name)
            out.field("60", city)
            if additionalLength > 0 {
                out.header("62", additionalLength)
                out.field("01", bill)
                out.field("08", purpose)
            }
            out.ascii("6304")
            let crc = CRC16.update(0xFFFF, UnsafeBufferPointer(rebasing: buffer[0..<out.position]))
            out.hex(crc)
            return out.position
        }
    }

    /// The folded, validated text for `field`, or `nil` when absent or empty (omitted, not `LL=00`).
    ///
    /// Folding runs only when the text is not already ASCII: most purposes are payment codes.
    static func text(_ value: String?, _ field: VietQRTextField) throws(VietQRError) -> String? {
        guard let value, !value.isEmpty else { return nil }
        let folded: String
        switch ASCIIFolding.classify(value) {
        case .printable:
            folded = value
        case .control, .nonASCII:
            folded = ASCIIFolding.fold(value)
            if let bad = ASCIIFolding.firstNonPrintable(in: folded) {
                throw .textNotPrintableASCII(field, value: value, character: bad.quotedWithCodePoint)
            }
        }
        let length = folded.utf8.count
        guard length <= field.limit else { throw .textTooLong(field, folded: folded, length: length) }
        return length == 0 ? nil : folded
    }

    /// Characters a field with `value` takes: ID + length + value, or nothing when omitted.
    @inline(__always)
    static func field(_ value: String?) -> Int {
        value.map { 4 + $0.utf8.count } ?? 0
    }

    /// Number of decimal digits of a positive integer.
    @inline(__always)
    static func decimalDigitCount(_ value: Int64) -> Int {
        var count = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        return count
    }
}

/// Sequential writes into the encoder's preallocated buffer; the encoder sized it exactly.
private struct ByteWriter {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var position = 0

    init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// Copies the UTF-8 of a validated ASCII string (a literal or checked input).
    @inline(__always)
    mutating func copy(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            let target = UnsafeMutableBufferPointer(rebasing: buffer[position..<position + bytes.count])
            _ = target.initialize(from: bytes)
            position += bytes.count
        }
    }

    @inline(__always)
    mutating func ascii(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes in
            let target = UnsafeMutableBufferPointer(rebasing: buffer[position..<position + bytes.count])
            _ = target.initialize(from: bytes)
            position += bytes.count
        }
    }

    /// A field's ID and its zero-padded two-digit length.
    @inline(__always)
    mutating func header(_ id: StaticString, _ length: Int) {
        ascii(id)
        buffer[position] = 0x30 + UInt8(truncatingIfNeeded: length / 10)
        buffer[position + 1] = 0x30 + UInt8(truncatingIfNeeded: length % 10)
        position += 2
    }

    /// A whole field, or nothing when `value` is `nil`.
    @inline(__always)
    mutating func field(_ id: StaticString, _ value: String?) {
        guard let value else { return }
        header(id, value.utf8.count)
        copy(value)
    }

    /// A positive integer in plain decimal: no separators, no sign, no `.0`.
    @inline(__always)
    mutating func decimal(_ value: Int64, digits: Int) {
        var rest = value
        var index = position + digits - 1
        while index >= position {
            buffer[index] = 0x30 + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
            index -= 1
        }
        position += digits
    }

    /// Four uppercase hex digits, zero-padded — never `String(radix:)`, which drops leading zeros.
    @inline(__always)
    mutating func hex(_ crc: UInt16) {
        buffer[position] = CRC16.hexDigit(crc >> 12)
        buffer[position + 1] = CRC16.hexDigit(crc >> 8)
        buffer[position + 2] = CRC16.hexDigit(crc >> 4)
        buffer[position + 3] = CRC16.hexDigit(crc)
        position += 4
    }
}
