import Foundation
import LedgerCore
import XMLScan

/// Rules the standard-format readers (MT940, camt, webhook) share: amounts, dates and descriptions.
///
/// Everything here is internal and namespaced so it cannot collide with the tabular readers' helpers.
enum StandardFormats {
    /// Why a text is not an amount of đồng.
    enum AmountProblem: Error, Equatable {
        case notAnAmount
        case fraction
        case tooLarge
    }

    /// Reads an amount of đồng written as digits with an optional decimal part: `1334520`, `1334520,` (MT940),
    /// `1334520,00`, `1334520.00` (camt). VND has no minor unit, so any non-zero decimal is refused rather than
    /// rounded; signs, spaces and thousands separators are refused: no standard format writes them.
    static func dong<C: Collection<UInt8>>(_ bytes: C, decimalSeparator: UInt8) -> Result<Int64, AmountProblem> {
        var value: Int64 = 0
        var integerDigits = 0
        var inFraction = false
        var nonZeroFraction = false
        for byte in bytes {
            if byte == decimalSeparator {
                if inFraction { return .failure(.notAnAmount) }
                inFraction = true
                continue
            }
            guard byte >= 0x30, byte <= 0x39 else { return .failure(.notAnAmount) }
            if inFraction {
                if byte != 0x30 { nonZeroFraction = true }
                continue
            }
            integerDigits += 1
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.addingReportingOverflow(Int64(byte - 0x30))
            if o1 || o2 { return .failure(.tooLarge) }
            value = next
        }
        guard integerDigits > 0 else { return .failure(.notAnAmount) }
        if nonZeroFraction { return .failure(.fraction) }
        return .success(value)
    }

    /// The reason an error gives for an amount that could not be read.
    static func reason(_ problem: AmountProblem, amount text: String) -> String {
        switch problem {
        case .notAnAmount: "amount \"\(text)\" is not an amount"
        case .fraction: "amount \"\(text)\" has a fraction of a đồng, which VND does not have"
        case .tooLarge: "amount \"\(text)\" is too large"
        }
    }

    /// `YYYY-MM-DD`, or the date part of an ISO date-time (`2024-09-10T08:15:00+07:00`, `2024-09-10 14:02:37`),
    /// taken as written: no time-zone conversion.
    static func isoDate(_ text: String) -> LocalDate? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        if bytes.count > 10, bytes[10] != 0x54, bytes[10] != 0x20 { return nil }  // "T" or " "
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for b in bytes[range] {
                guard b >= 0x30, b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), to measure the distance between two dates.
    static func dayNumber(_ date: LocalDate) -> Int {
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (date.month > 2 ? date.month - 3 : date.month + 9) + 2) / 5 + date.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// A description as the model holds it: NFC (so precomposed and combining forms are one text) and trimmed.
    /// Inner white space is kept as the bank wrote it.
    static func cleanDescription(_ text: String) -> String {
        let nfc = isASCII(text) ? text : text.precomposedStringWithCanonicalMapping
        return trimmed(nfc)
    }

    /// `cleanDescription` of the text whose UTF-8 bytes are `bytes`. ASCII text (already NFC) is trimmed on its
    /// bytes — ASCII white space is tab to carriage return and space, as for `Character.isWhitespace` — and
    /// becomes a `String` once; other text goes through `cleanDescription`.
    static func cleanDescription(utf8 bytes: ArraySlice<UInt8>) -> String {
        guard isASCII(bytes) else { return cleanDescription(String(decoding: bytes, as: UTF8.self)) }
        return asciiTrimmed(bytes)
    }

    /// `trimmed` of the text whose UTF-8 bytes are `bytes` (no NFC), ASCII text trimmed on its bytes.
    static func trimmed(utf8 bytes: ArraySlice<UInt8>) -> String {
        guard isASCII(bytes) else { return trimmed(String(decoding: bytes, as: UTF8.self)) }
        return asciiTrimmed(bytes)
    }

    /// ASCII bytes without leading and trailing white space, as a `String`.
    private static func asciiTrimmed(_ bytes: ArraySlice<UInt8>) -> String {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Whether every byte is below 0x80 (the per-line check of MT940 parsing).
    static func isASCII(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer(UTF8Validation.isASCII)
    }

    /// Whether every byte of the text is ASCII, read on its contiguous UTF-8 (`text.utf8.allSatisfy` walks the
    /// view generically, which cost a fifth of MT940 parsing).
    static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { $0.allSatisfy { $0 < 0x80 } }
    }

    /// The text without leading and trailing white space (spaces, tabs, line breaks, no-break spaces).
    static func trimmed(_ text: String) -> String {
        // Fast path on the bytes: both ends plain ASCII and not white space (the usual case in bank files).
        guard let firstByte = text.utf8.first, let lastByte = text.utf8.last else { return text }
        func plain(_ b: UInt8) -> Bool { b > 0x20 && b < 0x80 }
        if plain(firstByte) && plain(lastByte) { return text }
        guard let first = text.first, let last = text.last, first.isWhitespace || last.isWhitespace else { return text }
        var slice = Substring(text)
        while let c = slice.first, c.isWhitespace { slice.removeFirst() }
        while let c = slice.last, c.isWhitespace { slice.removeLast() }
        return String(slice)
    }

    /// The first `limit` bytes of `data` with a UTF-8 byte-order mark removed, for the `looksLike` sniffers.
    static func head(_ data: Data, limit: Int = 8192) -> [UInt8] {
        var bytes = [UInt8](data.prefix(limit))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return bytes
    }

    /// The first byte that is not white space, if any.
    static func firstSignificantByte(_ bytes: [UInt8]) -> UInt8? {
        bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard !n.isEmpty, haystack.count >= n.count else { return false }
        var i = 0
        while i <= haystack.count - n.count {
            if haystack[i] == n[0] && haystack[i..<(i + n.count)].elementsEqual(n) { return true }
            i += 1
        }
        return false
    }
}
