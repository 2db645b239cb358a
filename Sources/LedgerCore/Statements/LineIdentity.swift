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
        var builder = Builder(account: statement.account)
        return statement.lines.map { builder.identity(of: $0) }
    }

    /// Gives the lines of one file their identities one at a time, in file order (streaming imports).
    ///
    /// The occurrence count needs to remember every distinct line seen so far in the file; it keeps 16 bytes
    /// per distinct line (the first half of the line's occurrence-1 fingerprint, itself a SHA-256), not the
    /// line's text, so a million-line file costs tens of megabytes here rather than hundreds. Only a line
    /// that repeats an earlier one costs a second hash.
    ///
    /// This runs once per line of every import, so the fingerprint's text is written as bytes into one reused
    /// buffer (dates and amounts as digits, ASCII descriptions upper-cased on the bytes; only other text goes
    /// through `BankASCII.fold`), occurrences are counted in a table made for digests (`SeenDigests`), and
    /// the hex digest is written straight into its `String`. The bytes hashed are exactly those of the definition above; the
    /// tests check them against a plain implementation of it.
    public struct Builder: Sendable {
        public let account: String
        private var seen = SeenDigests()
        private var scratch: [UInt8] = []

        public init(account: String) { self.account = account }

        public mutating func identity(of line: StatementLine) -> LineIdentity {
            // The fingerprint's text, `account|date|direction|amount|DESCRIPTION|occurrence`.
            var base = scratch
            scratch = []
            base.removeAll(keepingCapacity: true)
            base.append(contentsOf: account.utf8)
            base.append(0x7C)
            LineIdentity.appendDate(line.bookingDate, to: &base)
            base.append(0x7C)
            base.append(contentsOf: line.direction.rawValue.utf8)
            base.append(0x7C)
            LineIdentity.appendDecimal(line.amount.dong, to: &base)
            base.append(0x7C)
            LineIdentity.appendNormalizedDescription(line.description, to: &base)
            base.append(0x7C)
            let prefix = base.count
            base.append(0x31)  // "1"
            let first = SHA256.hash(data: base)
            let occurrence = first.withUnsafeBytes { raw in
                seen.count(high: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                           low: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            }
            var digest = first
            if occurrence > 1 {
                base.removeSubrange(prefix...)
                LineIdentity.appendDecimal(Int64(occurrence), to: &base)
                digest = SHA256.hash(data: base)
            }
            scratch = base
            return LineIdentity(referenceKey: LineIdentity.referenceKey(line.bankReference),
                                fingerprint: LineIdentity.lowercaseHex(digest))
        }
    }

    /// `ref:` and the bank's reference trimmed, or nil when there is none. A reference that starts and ends
    /// with a printable ASCII character (as bank references do) has nothing to trim.
    static func referenceKey(_ reference: String?) -> String? {
        guard let reference, let first = reference.utf8.first, let last = reference.utf8.last else { return nil }
        func plain(_ b: UInt8) -> Bool { b > 0x20 && b < 0x7F }
        if plain(first) && plain(last) { return "ref:" + reference }
        let trimmed = reference.trimmingSpaces()
        return trimmed.isEmpty ? nil : "ref:" + trimmed
    }

    /// `YYYY-MM-DD`, as `LocalDate.description` writes it (a `LocalDate`'s year has four digits).
    static func appendDate(_ date: LocalDate, to bytes: inout [UInt8]) { date.appendISO(to: &bytes) }

    /// The number in decimal, as `String(value)` writes it.
    static func appendDecimal(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for UInt64.max's 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(truncatingIfNeeded: 0x30 + magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            while count > 0 {
                count -= 1
                bytes.append(buffer[count])
            }
        }
    }

    /// The digest in lower-case hex, written into the string's own storage.
    static func lowercaseHex(_ digest: SHA256.Digest) -> String {
        digest.withUnsafeBytes { raw in
            String(unsafeUninitializedCapacity: raw.count * 2) { out in
                let digits: StaticString = "0123456789abcdef"
                let table = digits.utf8Start
                for (i, byte) in raw.enumerated() {
                    out[2 * i] = table[Int(byte >> 4)]
                    out[2 * i + 1] = table[Int(byte & 0x0F)]
                }
                return raw.count * 2
            }
        }
    }

    /// `normalizedDescription`'s bytes appended to `bytes`. Text that is all ASCII (most bank text) is read on
    /// its bytes: `BankASCII.fold` leaves ASCII as it is (white space and control characters, which it turns
    /// into spaces or drops, are dropped here anyway), so upper-casing letters and keeping digits is all.
    static func appendNormalizedDescription(_ text: String, to bytes: inout [UInt8]) {
        let start = bytes.count
        var text = text
        let ascii = text.withUTF8 { utf8 -> Bool in
            bytes.reserveCapacity(start + utf8.count)
            for b in utf8 {
                if b &- 0x61 < 26 { bytes.append(b &- 0x20) }
                else if b &- 0x41 < 26 || b &- 0x30 < 10 { bytes.append(b) }
                else if b >= 0x80 { return false }
            }
            return true
        }
        if ascii { return }
        bytes.removeSubrange(start...)
        for b in BankASCII.fold(text).utf8 {
            if b >= 0x61 && b <= 0x7A { bytes.append(b - 0x20) }
            else if (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) { bytes.append(b) }
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
