import Crypto
import VietnameseText

/// Who a bank line is, so that it is stored exactly once whatever file (or format) it arrives in again.
///
/// - The bank's own reference, when the file has one, is the line's identity (`ref:` key).
/// - Every line also gets a content fingerprint: SHA-256 of account, booking date, direction, amount, the
///   description folded to upper-case ASCII letters and digits (so MT940's 65-character wraps, camt's joined
///   `Ustrd` and a spreadsheet's single cell give the same text), and the line's **occurrence** among identical
///   lines of the same file. Two genuinely identical transfers on one day are therefore two lines (occurrences
///   1 and 2), while the same two lines in an overlapping file are recognised again.
/// A line is already known when either key is.
public struct LineIdentity: Sendable, Hashable {
    public let referenceKey: String?
    public let fingerprint: String

    public static func identities(of statement: Statement) -> [LineIdentity] {
        var seen: [String: Int] = [:]
        return statement.lines.map { line in
            let base = [statement.account, line.bookingDate.description, line.direction.rawValue, String(line.amount.dong),
                        normalizedDescription(line.description)].joined(separator: "|")
            seen[base, default: 0] += 1
            let hex = Hex.lowercase(SHA256.hash(data: Array((base + "|" + String(seen[base]!)).utf8)))
            let reference = line.bankReference.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : "ref:" + $0 }
            return LineIdentity(referenceKey: reference, fingerprint: hex)
        }
    }

    static func normalizedDescription(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for b in BankASCII.fold(text).utf8 {
            if b >= 0x61 && b <= 0x7A { bytes.append(b - 0x20) }
            else if (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) { bytes.append(b) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
