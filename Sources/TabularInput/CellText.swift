import Foundation
import XMLScan

/// The one place that decides how raw cell text is cleaned, so CSV and XLSX
/// rows compare equal when a person typed the same thing.
enum CellText {
    /// NFC so that "ễ" typed on a Mac (decomposed) equals "ễ" typed on
    /// Windows (precomposed); trimmed because stray spaces around names and
    /// amounts are invisible in a spreadsheet and never meaningful.
    static func clean(_ raw: String) -> String {
        raw.precomposedStringWithCanonicalMapping
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `clean` of the text whose UTF-8 bytes are `raw` (whole scalars),
    /// building the `String` once; the CSV parser calls this for every cell.
    ///
    /// Foundation's NFC and trimming cost about a microsecond each per cell,
    /// far more than the parsing, so neither is paid when it cannot change
    /// anything: white space is trimmed on the bytes (white space never
    /// takes part in composition, so trimming before NFC gives the same text
    /// as after), ASCII text is already NFC, and other text skips NFC when
    /// the standard library's quick check says it already is NFC (typed
    /// Vietnamese is precomposed). Only what remains (decomposed text) goes
    /// through `clean`.
    static func clean(utf8 raw: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = raw.baseAddress else { return "" }
        var start = 0, end = raw.count
        while start < end {
            let byte = base[start]
            if isASCIIWhitespace(byte) {
                start += 1
            } else if byte >= 0x80, case let length = wideWhitespaceLength(base, end, at: start, newlines: true),
                      length > 0 {
                start += length
            } else {
                break
            }
        }
        while end > start {
            let byte = base[end - 1]
            if isASCIIWhitespace(byte) {
                end -= 1
                continue
            }
            guard byte >= 0x80 else { break }
            var lead = end - 1
            while lead > start && base[lead] & 0xC0 == 0x80 { lead -= 1 }  // back over continuation bytes
            let length = wideWhitespaceLength(base, end, at: lead, newlines: true)
            guard length > 0 && lead + length == end else { break }
            end = lead
        }
        if start == end { return "" }
        let trimmed = UnsafeBufferPointer(start: base + start, count: end - start)
        let text = String(decoding: trimmed, as: UTF8.self)
        if isASCII(trimmed) || isKnownNFC(text) { return text }
        return clean(text)
    }

    /// Tab, LF, VT, FF, CR and space: the ASCII part of `whitespacesAndNewlines`.
    @inline(__always)
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// The byte length of the non-ASCII white-space scalar starting at
    /// `index`, or 0: with `newlines`, the non-ASCII part of Foundation's
    /// `whitespacesAndNewlines` (U+0085, U+00A0, U+1680, U+2000–U+200B,
    /// U+2028, U+2029, U+202F, U+205F, U+3000), without it that of
    /// `whitespaces` (the same less U+0085, U+2028 and U+2029). The tests
    /// check both lists against Foundation's sets, scalar by scalar.
    static func wideWhitespaceLength(_ base: UnsafePointer<UInt8>, _ end: Int, at index: Int, newlines: Bool) -> Int {
        let remaining = end - index
        switch base[index] {
        case 0xC2:
            guard remaining >= 2 else { return 0 }
            let second = base[index + 1]
            return second == 0xA0 || (newlines && second == 0x85) ? 2 : 0
        case 0xE1:
            return remaining >= 3 && base[index + 1] == 0x9A && base[index + 2] == 0x80 ? 3 : 0
        case 0xE2:
            guard remaining >= 3 else { return 0 }
            let second = base[index + 1], third = base[index + 2]
            if second == 0x80 {
                if third >= 0x80 && third <= 0x8B || third == 0xAF { return 3 }
                return newlines && (third == 0xA8 || third == 0xA9) ? 3 : 0
            }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3:
            return remaining >= 3 && base[index + 1] == 0x80 && base[index + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }

    /// Whether every byte is below 0x80.
    @inline(__always)
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { UTF8Validation.isASCII(bytes) }

    /// Whether the standard library's NFC quick check proves `text` is NFC
    /// already (`false` means "maybe not", never "not NFC for sure").
    static func isKnownNFC(_ text: String) -> Bool {
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
            var span = text.utf8Span
            return span.checkForNFC(quickCheck: true)
        }
        return false
    }

    /// A row whose cells are all empty is "blank": exporters write such rows
    /// as `;;;;` or as empty styled cells, and nobody means them as data.
    static func isBlank(_ cells: [String]) -> Bool {
        cells.allSatisfy(\.isEmpty)
    }
}
