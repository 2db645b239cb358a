import Crypto

/// The text a receipt's QR carries and its PDF embeds: enough to find the receipt and check it.
///
/// `HPR1|26TAA|0000001|HD2025090001|1334520|2025-10-05|<signature, base64url>` — ASCII only, so any QR
/// reader and any PDF tool hand it over intact. The signature is the receipt's own: `receipts verify`
/// finds the receipt by number, checks the stored content against the school's public key, and checks
/// that the presented number, invoice, amount, date and signature are those of that content.
public struct ReceiptSeal: Sendable, Hashable, CustomStringConvertible {
    public static let prefix = "HPR1"

    public let number: ReceiptNumber
    public let invoiceNumber: String
    public let total: Money
    public let issuedOn: LocalDate
    public let signature: [UInt8]

    public init(_ signed: SignedReceipt) {
        self.number = signed.receipt.number
        self.invoiceNumber = signed.receipt.invoiceNumber
        self.total = signed.receipt.total
        self.issuedOn = signed.receipt.issuedOn
        self.signature = signed.signature
    }

    public var description: String {
        [Self.prefix, number.series, number.paddedNumber, invoiceNumber, String(total.dong), issuedOn.description,
         Base64URL.encode(signature)].joined(separator: "|")
    }

    /// Reads a seal back; `nil` when the text is not one (wrong prefix, field count, number, amount, date).
    public init?(_ text: String) {
        let fields = text.trimmingSpaces().split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 7, fields[0] == Self.prefix,
              let number = ReceiptNumber("\(fields[1])-\(fields[2])"),
              let total = Int64(fields[4]), total >= 0,
              let date = LocalDate(fields[5]),
              let signature = Base64URL.decode(fields[6]), signature.count == 64 else { return nil }
        self.number = number
        self.invoiceNumber = fields[3]
        self.total = Money(dong: total)
        self.issuedOn = date
        self.signature = signature
        // Only the exact form the school prints: `26taa`, `1` or `+0001530100` are not that seal.
        guard description == text.trimmingSpaces() else { return nil }
    }
}

/// Base64 with the URL alphabet and no padding: compact in a QR, safe in any text field.
enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let b0 = bytes[index], b1 = index + 1 < bytes.count ? bytes[index + 1] : 0, b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
            let n = (UInt32(b0) << 16) | (UInt32(b1) << 8) | UInt32(b2)
            let chars = min(3, bytes.count - index) + 1          // 1 byte → 2 characters, 2 → 3, 3 → 4
            for shift in stride(from: 18, through: 0, by: -6).prefix(chars) {
                out.append(alphabet[Int((n >> UInt32(shift)) & 63)])
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        var values: [UInt32] = []
        for byte in text.utf8 {
            guard let value = alphabet.firstIndex(of: byte) else { return nil }
            values.append(UInt32(value))
        }
        guard values.count % 4 != 1 else { return nil }
        var out: [UInt8] = []
        var index = 0
        while index < values.count {
            let chunk = Array(values[index..<min(index + 4, values.count)])
            var n: UInt32 = 0
            for (position, value) in chunk.enumerated() { n |= value << UInt32(18 - 6 * position) }
            let bytes = chunk.count - 1
            for position in 0..<bytes { out.append(UInt8((n >> UInt32(16 - 8 * position)) & 0xFF)) }
            index += 4
        }
        return encode(out) == text ? out : nil
    }
}
