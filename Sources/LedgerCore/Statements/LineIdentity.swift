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
    public struct Builder: Sendable {
        public let account: String
        private var occurrences: [Key: UInt32] = [:]
        private var scratch: [UInt8] = []

        private struct Key: Hashable, Sendable {
            let high: UInt64
            let low: UInt64
        }

        public init(account: String) { self.account = account }

        public mutating func identity(of line: StatementLine) -> LineIdentity {
            // The fingerprint's text, `account|date|direction|amount|DESCRIPTION|occurrence`, built as bytes
            // into one reused buffer (this runs once per line of every import).
            var base = scratch
            base.removeAll(keepingCapacity: true)
            base.append(contentsOf: account.utf8)
            base.append(0x7C)
            base.append(contentsOf: line.bookingDate.description.utf8)
            base.append(0x7C)
            base.append(contentsOf: line.direction.rawValue.utf8)
            base.append(0x7C)
            base.append(contentsOf: String(line.amount.dong).utf8)
            base.append(0x7C)
            LineIdentity.appendNormalizedDescription(line.description, to: &base)
            base.append(0x7C)
            let prefix = base.count
            base.append(0x31)  // "1"
            let first = SHA256.hash(data: base)
            let key = first.withUnsafeBytes { raw in
                Key(high: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), low: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            }
            let occurrence = (occurrences[key] ?? 0) + 1
            occurrences[key] = occurrence
            var digest = first
            if occurrence > 1 {
                base.removeSubrange(prefix...)
                base.append(contentsOf: String(occurrence).utf8)
                digest = SHA256.hash(data: base)
            }
            scratch = base
            let reference = line.bankReference.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : "ref:" + $0 }
            return LineIdentity(referenceKey: reference, fingerprint: Hex.lowercase(digest))
        }
    }

    /// `normalizedDescription`'s bytes appended to `bytes`; ASCII text (most bank text) is not copied first.
    static func appendNormalizedDescription(_ text: String, to bytes: inout [UInt8]) {
        let folded = text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) ? text : BankASCII.fold(text)
        for b in folded.utf8 {
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
